package dev.cameljira.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import dev.cameljira.jira.state.JdbcStateRepository;
import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.LocalPostgres;
import dev.cameljira.sandbox.zendesk.TicketDraft;
import dev.cameljira.sandbox.zendesk.ZendeskTicket;
import org.apache.camel.CamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The state replicas share, in a real PostgreSQL: the poll cursors (the component's JdbcStateRepository), the ids of
 * processed webhook deliveries (camel-sql's JdbcMessageIdRepository) and the claims on pairs (JdbcClaimRepository). A
 * restarted sync resumes from the database, a delivery already processed is dropped even by a fresh process, and a
 * claim goes to exactly one of the replicas asking at the same moment.
 */
class PostgresStateTest {
    private static final String SECRET = "zendesk-secret-pg";

    @TempDir
    Path state;
    private LocalPostgres pg;
    private JiraSandbox sandbox;
    private CamelContext context;
    private DataSource dataSource;

    /** Claim repositories a test started: stopped after it. */
    private final java.util.List<JdbcClaimRepository> started = new java.util.ArrayList<>();

    @BeforeEach
    void database() {
        pg = LocalPostgres.start().orElse(null);
        if (pg == null) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("PostgreSQL is needed under CI: " + LocalPostgres.unavailableReason());
            }
            Assumptions.abort("PostgreSQL not available here: " + LocalPostgres.unavailableReason());
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(pg.jdbcUrl());
        ds.setUser(pg.user());
        dataSource = ds;
        sandbox = JiraSandbox.start(JiraSandbox.Mode.CLOUD);
    }

    @AfterEach
    void stop() throws Exception {
        started.forEach(JdbcClaimRepository::stop); // their keep-alive threads, before the database goes
        if (context != null) {
            context.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    private int port;

    private CamelContext sync(IdempotentRepository claims) throws Exception {
        CamelContext ctx = SyncEnvironment.newContext(sandbox);
        SyncEnvironment env = new SyncEnvironment(sandbox, state, ctx);
        if (port == 0) {
            port = env.serveHttp();
        } else {
            org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration conf =
                    new org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration();
            conf.setBindHost("127.0.0.1");
            conf.setBindPort(port);
            ctx.addService(new org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer(conf));
        }
        JdbcStateRepository cursors = new JdbcStateRepository(dataSource);
        ctx.getRegistry().bind("syncState", StateRepository.class, cursors);
        JdbcMessageIdRepository deliveries = new JdbcMessageIdRepository(dataSource, "zendesk-sync");
        ctx.getRegistry().bind("syncDeliveries", IdempotentRepository.class, deliveries);
        ctx.getRegistry().bind("syncClaims", IdempotentRepository.class, claims);
        env.instantiate("jira-zendesk-sync", "zendesk-sync", env.params("stateRepository", "syncState",
                "idempotentRepository", "syncDeliveries", "claimRepository", "syncClaims", "webhooks", "true",
                "allowUnsignedWebhooks", "false", "jiraWebhookSecret", "jira-secret-pg", "zendeskWebhookSecret", SECRET,
                "maximumRedeliveries", "2", "redeliveryDelay", "200ms"));
        ctx.start();
        return ctx;
    }

    @Test
    void cursorsAndDeliveriesLiveInPostgres() throws Exception {
        context = sync(new JdbcClaimRepository(dataSource));
        ZendeskTicket t = sandbox.zendesk().createTicket(TicketDraft.of("In Postgres", "x"));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                SyncEnvironment.linked(sandbox.zendesk().ticket(t.id()).orElseThrow().externalId()));
        await().atMost(Duration.ofSeconds(10)).until(() -> rows("select count(*) from CAMEL_JIRA_STATE "
                + "where STATE_KEY like 'zendesk-sync%'") >= 3);

        byte[] event = ("{\"type\":\"zen:event-type:ticket.status_changed\",\"id\":\"delivery-1\",\"detail\":{\"id\":\""
                + t.id() + "\"},\"event\":{\"current\":\"OPEN\"}}").getBytes(StandardCharsets.UTF_8);
        assertThat(deliver(event).statusCode()).isEqualTo(200);
        context.close();

        // a new process: the cursor comes from PostgreSQL (no second issue), the delivery id too (dropped)
        context = sync(new JdbcClaimRepository(dataSource));
        SyncMonitor monitor = context.getRegistry().lookupByNameAndType(SyncMonitor.BEAN_NAME, SyncMonitor.class);
        assertThat(deliver(event).statusCode()).isEqualTo(200);
        ZendeskTicket later = sandbox.zendesk().createTicket(TicketDraft.of("After restart", "y"));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                SyncEnvironment.linked(sandbox.zendesk().ticket(later.id()).orElseThrow().externalId()));
        assertThat(sandbox.admin().issueCount()).isEqualTo(2);
        assertThat(monitor.counter("events.zendesk.webhook")).as("the redelivered id was dropped").isZero();
        assertThat(rows("select count(*) from CAMEL_MESSAGEPROCESSED where MESSAGEID = 'zendesk:delivery-1'"))
                .isEqualTo(1);
    }

    @Test
    void ofSimultaneousClaimsOneWinsAndTheClaimOfADeadReplicaIsTakenOverByOne() throws Exception {
        Instant t0 = Instant.parse("2026-12-05T10:00:00Z");
        JdbcClaimRepository a = claims(t0);
        JdbcClaimRepository b = claims(t0);
        for (int round = 0; round < 5; round++) {
            String key = "claim:zendesk:" + (100 + round);
            assertThat(winners(key, a, b)).as("claims won on %s", key).isEqualTo(1);
            assertThat(a.contains(key) && b.contains(key)).isTrue();
        }

        // a replica that died holding a claim neither keeps it alive nor releases it: it holds for maxAge, then one
        // replica takes it over
        Duration maxAge = JdbcClaimRepository.DEFAULT_MAX_AGE;
        String dead = "claim:servicenow:9d385017c611228701d22104cc95c371";
        assertThat(a.add(dead)).isTrue();
        JdbcClaimRepository soon = claims(t0.plus(maxAge).minusSeconds(1));
        assertThat(soon.add(dead)).as("just under maxAge later").isFalse();
        assertThat(soon.contains(dead)).isTrue();
        JdbcClaimRepository c = claims(t0.plus(maxAge).plusSeconds(1));
        JdbcClaimRepository d = claims(t0.plus(maxAge).plusSeconds(1));
        assertThat(c.contains(dead)).as("just over maxAge later the claim is stale").isFalse();
        assertThat(winners(dead, c, d)).as("take-overs of the stale claim").isEqualTo(1);
        assertThat(c.contains(dead)).isTrue();

        // the first owner was only paused: back, it neither re-stamps nor releases the claim it lost
        a.keepAlive();
        assertThat(a.remove(dead)).as("the paused replica releases a claim it no longer owns").isFalse();
        assertThat(claims(t0.plus(maxAge.multipliedBy(2))).add(dead)).as("still the new owner's claim").isFalse();
        // whichever of c and d took it over releases it; the other does not own it
        assertThat(java.util.List.of(c.remove(dead), d.remove(dead))).as("released by its owner only")
                .containsExactlyInAnyOrder(true, false);
        assertThat(d.add(dead)).as("released").isTrue();
        assertThat(rows("select count(*) from " + JdbcClaimRepository.DEFAULT_TABLE)).isEqualTo(6);
    }

    @Test
    void aClaimKeptAliveHoldsPastMaxAgeAndAReleasedOneIsNoLongerKeptAlive() throws Exception {
        Instant t0 = Instant.parse("2026-12-05T10:00:00Z");
        Duration maxAge = JdbcClaimRepository.DEFAULT_MAX_AGE;
        MovableClock clock = new MovableClock(t0);
        JdbcClaimRepository holder = new JdbcClaimRepository(dataSource, JdbcClaimRepository.DEFAULT_TABLE, maxAge, clock);
        holder.start();
        try {
            String syncing = "claim:zendesk:7";
            String released = "claim:zendesk:8";
            assertThat(holder.add(syncing)).isTrue();
            assertThat(holder.add(released)).isTrue();
            assertThat(holder.remove(released)).isTrue();

            // a long sync: the holder's keep-alive re-stamps what it still holds
            clock.set(t0.plus(maxAge).minusSeconds(1));
            holder.keepAlive();
            Instant later = t0.plus(maxAge).plusSeconds(5);
            assertThat(claims(later).add(syncing)).as("kept alive, still held after maxAge").isFalse();
            assertThat(claims(later).add(released)).as("released, not kept alive").isTrue();
            assertThat(claims(clock.instant().plus(maxAge).plusSeconds(1)).add(syncing))
                    .as("no longer kept alive for maxAge").isTrue();
        } finally {
            holder.stop();
        }
    }

    @Test
    void aTicketClaimedByAReplicaThatDiedIsSyncedOnceTheClaimIsStale() throws Exception {
        Duration maxAge = Duration.ofSeconds(2);
        JdbcClaimRepository claims = new JdbcClaimRepository(dataSource, JdbcClaimRepository.DEFAULT_TABLE, maxAge,
                java.time.Clock.systemUTC());
        ZendeskTicket t = sandbox.zendesk().createTicket(TicketDraft.of("Claimed by a dead replica", "x"));
        // the dead replica's claim: taken, never kept alive (its repository is not started), never released
        JdbcClaimRepository dead = new JdbcClaimRepository(dataSource, JdbcClaimRepository.DEFAULT_TABLE, maxAge,
                java.time.Clock.systemUTC());
        assertThat(dead.add("claim:zendesk:" + t.id())).isTrue();

        context = sync(claims);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                SyncEnvironment.linked(sandbox.zendesk().ticket(t.id()).orElseThrow().externalId()));
        assertThat(sandbox.admin().issueCount()).isEqualTo(1);
        // released once the sync of the pair is done (after the link: its comments are looked at too)
        await().atMost(Duration.ofSeconds(10)).until(() -> rows("select count(*) from "
                + JdbcClaimRepository.DEFAULT_TABLE) == 0);
    }

    private JdbcClaimRepository claims(Instant now) {
        JdbcClaimRepository r = new JdbcClaimRepository(dataSource, JdbcClaimRepository.DEFAULT_TABLE,
                JdbcClaimRepository.DEFAULT_MAX_AGE, java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));
        r.start();
        started.add(r);
        return r;
    }

    /** 16 threads, half on each replica, claim {@code key} at the same moment: how many were granted it. */
    private static int winners(String key, IdempotentRepository one, IdempotentRepository other) throws Exception {
        int threads = 16;
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                IdempotentRepository replica = i % 2 == 0 ? one : other;
                results.add(pool.submit(() -> {
                    go.await();
                    return replica.add(key);
                }));
            }
            go.countDown();
            int won = 0;
            for (java.util.concurrent.Future<Boolean> r : results) {
                won += r.get() ? 1 : 0;
            }
            return won;
        } finally {
            pool.shutdown();
        }
    }

    private HttpResponse<String> deliver(byte[] body) throws Exception {
        String timestamp = Instant.now().toString();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/zendesk/webhook")).header("Content-Type", "application/json")
                .header("X-Zendesk-Webhook-Signature", Base64.getEncoder().encodeToString(mac.doFinal(body)))
                .header("X-Zendesk-Webhook-Signature-Timestamp", timestamp)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private int rows(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }
}
