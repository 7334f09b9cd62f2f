package dev.cameljira.jira.consumer.webhook;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.state.JdbcStateRepositoryTest;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas of an application (two CamelContexts, each with its own platform-http server and its own
 * camel-sql {@link JdbcMessageIdRepository} instance on one shared database, H2 here) behind a load balancer: a Jira
 * delivery and its redeliveries (same X-Atlassian-Webhook-Identifier) are routed once across both, whichever replica
 * they reach and in whatever order, and a delivery whose route failed on one replica is routed by the other.
 */
class JdbcWebhookReplicasTest {

    private static final String SECRET = "replica-secret";
    private static final String PATH = "/replicas/webhook";
    private static final String PROCESSOR = "jira-webhook";

    private JdbcDataSource db;
    private Replica a;
    private Replica b;

    /** One replica: a context, its HTTP server, and what its route completed (delivery id -> count). */
    private static final class Replica {
        final CamelContext context = new DefaultCamelContext();
        final WebhookHttp http;
        final Map<String, AtomicInteger> routed = new ConcurrentHashMap<>();
        final Set<String> failing = ConcurrentHashMap.newKeySet();

        Replica(JdbcDataSource db) throws Exception {
            http = WebhookHttp.bind(context);
            context.getRegistry().bind("deliveries", new JdbcMessageIdRepository(db, PROCESSOR));
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("jira:webhook?webhookPath=" + PATH + "&secret=" + SECRET + "&idempotentRepository=#deliveries")
                            .process(e -> {
                                String id = e.getIn().getHeader(JiraConstants.EVENT_ID, String.class);
                                if (failing.contains(id)) {
                                    throw new IllegalStateException("route failure injected by the test for " + id);
                                }
                                Thread.sleep(5); // a route takes a moment: copies arrive while it runs
                                routed.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                            });
                }
            });
            context.start();
        }

        HttpResponse<String> deliver(String id) {
            return http.deliver(PATH, SECRET, body(id), id);
        }

        int routed(String id) {
            AtomicInteger n = routed.get(id);
            return n == null ? 0 : n.get();
        }
    }

    @BeforeEach
    void startReplicas() throws Exception {
        db = JdbcStateRepositoryTest.h2();
        a = new Replica(db);
        b = new Replica(db);
    }

    @AfterEach
    void stopReplicas() {
        for (Replica r : new Replica[] {a, b}) {
            if (r != null) {
                r.context.stop();
            }
        }
    }

    private static byte[] body(String id) {
        int n = Math.abs(id.hashCode() % 100_000);
        return ("{\"timestamp\":1700000000000,\"webhookEvent\":\"jira:issue_updated\","
                + "\"issue\":{\"id\":\"" + n + "\",\"key\":\"REP-" + n + "\",\"fields\":{\"project\":{\"key\":\"REP\"}}},"
                + "\"changelog\":{\"id\":\"" + n + "\",\"items\":[{\"field\":\"status\",\"fromString\":\"To Do\","
                + "\"toString\":\"Done\"}]}}").getBytes(StandardCharsets.UTF_8);
    }

    private int routedEverywhere(String id) {
        return a.routed(id) + b.routed(id);
    }

    @Test
    void aDeliveryProcessedOnOneReplicaIsADuplicateOnTheOther() throws Exception {
        HttpResponse<String> first = a.deliver("delivery-1");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).startsWith("ok");
        HttpResponse<String> again = b.deliver("delivery-1");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).startsWith("duplicate delivery");
        assertThat(a.deliver("delivery-1").body()).startsWith("duplicate delivery");

        assertThat(a.routed("delivery-1")).isEqualTo(1);
        assertThat(b.routed("delivery-1")).isZero();
        assertThat(processedIds()).as("kept in the shared table").contains("delivery-1");
    }

    @Test
    void aDeliveryWhoseRouteFailedOnOneReplicaIsRoutedWhenRedeliveredToTheOther() throws Exception {
        a.failing.add("delivery-2");
        HttpResponse<String> failed = a.deliver("delivery-2");
        assertThat(failed.statusCode()).as(failed.body()).isEqualTo(500);
        assertThat(processedIds()).as("a failed delivery is not kept").doesNotContain("delivery-2");

        HttpResponse<String> redelivered = b.deliver("delivery-2");
        assertThat(redelivered.statusCode()).isEqualTo(200);
        assertThat(redelivered.body()).startsWith("ok");
        assertThat(b.routed("delivery-2")).isEqualTo(1);

        a.failing.clear();
        assertThat(a.deliver("delivery-2").body()).startsWith("duplicate delivery");
        assertThat(routedEverywhere("delivery-2")).isEqualTo(1);
    }

    @Test
    void copiesSentToBothReplicasAtOnceAreRoutedOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ids.add("concurrent-" + i);
        }
        record Sent(String id, Replica to, Future<HttpResponse<String>> answer) {
        }
        List<Sent> sent = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (String id : ids) {
                // each delivery twice to each replica, interleaved
                for (Replica r : new Replica[] {a, b, a, b}) {
                    sent.add(new Sent(id, r, pool.submit(() -> r.deliver(id))));
                }
            }
            for (Sent s : sent) {
                HttpResponse<String> r = s.answer().get();
                // a copy claimed by the other replica at the same instant is a duplicate, not a failure
                assertThat(r.statusCode()).as("%s: %s", s.id(), r.body()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        for (String id : ids) {
            assertThat(routedEverywhere(id)).as("times %s was routed across both replicas", id).isEqualTo(1);
        }
        assertThat(a.routed.keySet()).as("both replicas took a share").isNotEmpty();
        assertThat(b.routed.keySet()).as("both replicas took a share").isNotEmpty();
    }

    private List<String> processedIds() throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT messageId FROM CAMEL_MESSAGEPROCESSED WHERE processorName = ?")) {
            ps.setString(1, PROCESSOR);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
