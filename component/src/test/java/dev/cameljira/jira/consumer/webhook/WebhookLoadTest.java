package dev.cameljira.jira.consumer.webhook;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cameljira.jira.JiraConstants;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 10,000 signed deliveries over loopback, 5% of them second copies of an earlier delivery (same
 * X-Atlassian-Webhook-Identifier, sent at any moment, so some while the first copy is still in the route), 32 at a time:
 * every distinct delivery reaches the route exactly once and every request is answered 2xx; in the default mode (the
 * route on a worker thread) and with routeOnEventLoop (the route on the event loop, copies in flight waiting without a
 * thread).
 */
class WebhookLoadTest extends WebhookReceiverTestSupport {

    private static final String SECRET = "load-secret";
    private static final String PATH = "/load/webhook";
    private static final String EVENT_LOOP_PATH = "/load/event-loop";
    private static final int DELIVERIES = 10_000;
    private static final int DUPLICATES = DELIVERIES / 20;
    private static final int CONCURRENCY = 32;

    /** Per path: how often each delivery id reached its route. */
    private final Map<String, Map<String, AtomicInteger>> routedByPath = new ConcurrentHashMap<>();

    @Override
    protected void routes(RouteBuilder builder) {
        for (String path : List.of(PATH, EVENT_LOOP_PATH)) {
            Map<String, AtomicInteger> routed = routedByPath.computeIfAbsent(path, p -> new ConcurrentHashMap<>());
            builder.from("jira:webhook?webhookPath=" + path + "&secret=" + SECRET
                         + (path.equals(EVENT_LOOP_PATH) ? "&routeOnEventLoop=true" : ""))
                    .process(e -> routed.computeIfAbsent(e.getIn().getHeader(JiraConstants.EVENT_ID, String.class),
                            k -> new AtomicInteger()).incrementAndGet());
        }
    }

    private record Delivery(String id, byte[] body) {
    }

    @ParameterizedTest
    @ValueSource(strings = {PATH, EVENT_LOOP_PATH})
    void everyDistinctDeliveryReachesTheRouteExactlyOnce(String path) throws Exception {
        Map<String, AtomicInteger> routed = routedByPath.get(path);
        List<Delivery> distinct = new ArrayList<>();
        for (int i = 0; i < DELIVERIES - DUPLICATES; i++) {
            String body = "{\"timestamp\":" + (1_700_000_000_000L + i) + ",\"webhookEvent\":\"jira:issue_updated\","
                          + "\"issue\":{\"id\":\"" + (10_000 + i) + "\",\"key\":\"LOAD-" + i + "\","
                          + "\"fields\":{\"project\":{\"key\":\"LOAD\"}}},"
                          + "\"changelog\":{\"id\":\"" + i + "\",\"items\":[{\"field\":\"status\",\"fromString\":\"To Do\","
                          + "\"toString\":\"Done\"}]}}";
            distinct.add(new Delivery("delivery-" + i, body.getBytes(StandardCharsets.UTF_8)));
        }
        Random random = new Random(42);
        List<Delivery> all = new ArrayList<>(distinct);
        for (int i = 0; i < DUPLICATES; i++) {
            all.add(distinct.get(random.nextInt(distinct.size())));
        }
        Collections.shuffle(all, random);

        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (Delivery d : all) {
                statuses.add(pool.submit(() -> {
                    HttpResponse<String> r = http.deliver(path, SECRET, d.body(), d.id());
                    return r.statusCode();
                }));
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).as("all deliveries answered").isTrue();
        } finally {
            pool.shutdownNow();
        }

        Map<Integer, Integer> byStatus = new java.util.TreeMap<>();
        for (Future<Integer> f : statuses) {
            byStatus.merge(f.get(), 1, Integer::sum);
        }
        assertThat(byStatus).as("status codes of %s deliveries", all.size()).containsOnlyKeys(200);
        assertThat(routed).as("distinct deliveries routed").hasSize(distinct.size());
        assertThat(routed.entrySet()).as("each routed exactly once")
                .allSatisfy(e -> assertThat(e.getValue().get()).as(e.getKey()).isEqualTo(1));
    }
}
