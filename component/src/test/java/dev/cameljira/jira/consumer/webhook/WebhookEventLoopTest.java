package dev.cameljira.jira.consumer.webhook;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.client.JiraCallListener;
import io.vertx.core.Context;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code routeOnEventLoop=true}: on the Vert.x router the checks, the de-duplication and the route run on the event loop
 * that received the delivery, with the same answers as the default mode: 200 once the route (asynchronous parts
 * included) succeeded, 500 when it failed and the id released for Jira's redelivery, a copy in flight answered once the
 * first has its outcome (routed once), refusals counted and reported. On the platform-http fallback the option does not
 * apply: the route runs on platform-http's worker. A repository that may block refuses to start with it.
 */
class WebhookEventLoopTest extends WebhookReceiverTestSupport {

    private static final String SECRET = "event-loop-secret";
    private static final String PATH = "/loop/webhook";
    private static final String ASYNC = "/loop/async";

    private final WebhookHttp.Recorder routed = new WebhookHttp.Recorder();
    private final List<Boolean> onEventLoop = new CopyOnWriteArrayList<>();
    private final List<String> rejected = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch entered = new CountDownLatch(0);
    private volatile CountDownLatch release = new CountDownLatch(0);

    @Override
    protected void routes(RouteBuilder builder) {
        builder.getContext().getRegistry().bind("heard", new JiraCallListener() {
            @Override
            public void webhookRejected(String reason) {
                rejected.add(reason);
            }
        });
        builder.from("jira:webhook?webhookPath=" + PATH + "&secret=" + SECRET + "&routeOnEventLoop=true&callListener=#heard")
                .routeId("loop")
                .process(e -> {
                    onEventLoop.add(Context.isOnEventLoopThread());
                    if (e.getIn().getHeader(JiraConstants.ISSUE_KEY, String.class).startsWith("FAIL")) {
                        throw new IllegalStateException("the route failed");
                    }
                    routed.record(e);
                });
        // an asynchronous part: the rest of the route on a thread pool, the reply waits for it
        builder.from("jira:webhook?webhookPath=" + ASYNC + "&secret=" + SECRET + "&routeOnEventLoop=true").routeId("async")
                .threads(2)
                .process(e -> {
                    onEventLoop.add(Context.isOnEventLoopThread());
                    entered.countDown();
                    assertThat(release.await(30, TimeUnit.SECONDS)).as("released by the test").isTrue();
                    if (e.getIn().getHeader(JiraConstants.ISSUE_KEY, String.class).startsWith("FAIL")) {
                        throw new IllegalStateException("the asynchronous part failed");
                    }
                    routed.record(e);
                });
    }

    @BeforeEach
    void reset() {
        routed.clear();
        onEventLoop.clear();
        rejected.clear();
        entered = new CountDownLatch(0);
        release = new CountDownLatch(0);
    }

    private static byte[] event(String key) {
        return ("{\"timestamp\":1700000000000,\"webhookEvent\":\"jira:issue_updated\",\"issue\":{\"id\":\"10001\",\"key\":\""
                + key + "\",\"fields\":{\"project\":{\"key\":\"DEMO\"}}}}").getBytes(StandardCharsets.UTF_8);
    }

    private static boolean vertxRouter() {
        return WebhookHttp.TRANSPORT.equals("Vert.x router");
    }

    @Test
    void theRouteRunsOnTheEventLoopOnTheVertxRouterAndOnAWorkerThroughPlatformHttp() {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = http.deliver(PATH, SECRET, event("DEMO-" + i), "loop-" + i);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("ok\n");
        }
        assertThat(routed.all()).extracting(r -> r.event().issueKey()).containsExactly("DEMO-0", "DEMO-1", "DEMO-2");
        assertThat(onEventLoop).as("where the route ran, served by " + WebhookHttp.TRANSPORT).hasSize(3)
                .containsOnly(vertxRouter());
    }

    @Test
    void aCopyIsRoutedOnceAndAFailedDeliveryIsRoutedAgainWhenJiraRedelivers() {
        String id = "copy-" + UUID.randomUUID();
        assertThat(http.deliver(PATH, SECRET, event("DEMO-7"), id).statusCode()).isEqualTo(200);
        HttpResponse<String> copy = http.deliver(PATH, SECRET, event("DEMO-7"), id);
        assertThat(copy.statusCode()).isEqualTo(200);
        assertThat(copy.body()).contains("duplicate delivery");

        String failing = "fail-" + UUID.randomUUID();
        assertThat(http.deliver(PATH, SECRET, event("FAIL-1"), failing).statusCode()).as("the route failed: Jira redelivers")
                .isEqualTo(500);
        assertThat(http.deliver(PATH, SECRET, event("FAIL-1"), failing).statusCode()).as("its id was released, so the "
                + "redelivery is routed again (and fails again)").isEqualTo(500);
        assertThat(onEventLoop).as("routed: DEMO-7 once, FAIL-1 twice").hasSize(3);
        assertThat(routed.all()).extracting(r -> r.event().issueKey()).containsExactly("DEMO-7");
    }

    @Test
    void theReplyWaitsForTheAsynchronousPartsOfTheRouteAndACopyInFlightForTheFirst() throws Exception {
        entered = new CountDownLatch(1);
        release = new CountDownLatch(1);
        String id = "async-" + UUID.randomUUID();
        byte[] body = event("DEMO-9");
        CompletableFuture<HttpResponse<String>> first = http.client().sendAsync(http.post(ASYNC, body,
                WebhookSignature.HEADER, WebhookSignature.sign(SECRET, body), "X-Atlassian-Webhook-Identifier", id).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(entered.await(15, TimeUnit.SECONDS)).as("the first copy is in the route's asynchronous part").isTrue();
        CompletableFuture<HttpResponse<String>> copy = http.client().sendAsync(http.post(ASYNC, body,
                WebhookSignature.HEADER, WebhookSignature.sign(SECRET, body), "X-Atlassian-Webhook-Identifier", id).build(),
                HttpResponse.BodyHandlers.ofString());

        // meanwhile the event loop serves other deliveries: nothing waits on it
        assertThat(http.deliver(PATH, SECRET, event("DEMO-10"), "free-" + UUID.randomUUID()).statusCode()).isEqualTo(200);
        assertThat(first).as("no answer before the route is done").isNotDone();
        assertThat(copy).as("the copy waits for the first's outcome").isNotDone();

        release.countDown();
        assertThat(first.get(15, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        HttpResponse<String> copied = copy.get(15, TimeUnit.SECONDS);
        assertThat(copied.statusCode()).isEqualTo(200);
        assertThat(copied.body()).contains("duplicate delivery");
        assertThat(routed.all()).extracting(r -> r.event().issueKey()).containsExactlyInAnyOrder("DEMO-9", "DEMO-10");
        assertThat(onEventLoop).as("the asynchronous part ran off the event loop, the other route on it").hasSize(2)
                .containsExactlyInAnyOrder(false, vertxRouter());
    }

    @Test
    void aFailureInTheAsynchronousPartAnswers500() {
        assertThat(http.deliver(ASYNC, SECRET, event("FAIL-2"), "async-fail-" + UUID.randomUUID()).statusCode())
                .isEqualTo(500);
        assertThat(routed.all()).isEmpty();
    }

    @Test
    void refusalsAreCountedAndReportedAsInTheDefaultMode() {
        byte[] body = event("DEMO-11");
        HttpResponse<String> unsigned = http.send(http.post(PATH, body, "X-Atlassian-Webhook-Identifier", "unsigned-1").build());
        assertThat(unsigned.statusCode()).isEqualTo(401);
        HttpResponse<String> forged = http.deliver(PATH, "not-the-secret", body, "forged-1");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.body()).contains("invalid X-Hub-Signature");
        HttpResponse<String> malformed = http.deliver(PATH, SECRET, "{\"webhookEvent\":".getBytes(StandardCharsets.UTF_8),
                "malformed-1");
        assertThat(malformed.statusCode()).isEqualTo(400);

        assertThat(rejected).as("the listener heard each refusal once the client had its answer")
                .containsExactly(JiraCallListener.REJECTED_SIGNATURE, JiraCallListener.REJECTED_SIGNATURE,
                        JiraCallListener.REJECTED_MALFORMED);
        JiraWebhookConsumer consumer = (JiraWebhookConsumer) context.getRoute("loop").getConsumer();
        assertThat(consumer.getRejectedDeliveries()).containsAllEntriesOf(Map.of("signature", 2L, "malformed", 1L));
        assertThat(routed.all()).isEmpty();

        assertThat(http.deliver(PATH, SECRET, body, "good-after-bad").statusCode()).as("the next good delivery").isEqualTo(200);
    }

    @Test
    void aRepositoryThatMayBlockDoesNotStartWithRouteOnEventLoop() throws Exception {
        try (CamelContext other = new DefaultCamelContext()) {
            IdempotentRepository file = FileIdempotentRepository.fileIdempotentRepository(
                    java.nio.file.Files.createTempFile("deliveries", ".txt").toFile());
            other.getRegistry().bind("onDisk", file);
            other.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("jira:webhook?webhookPath=/loop/disk&secret=" + SECRET
                         + "&routeOnEventLoop=true&idempotentRepository=#onDisk").routeId("disk").log("never");
                }
            });
            assertThatThrownBy(other::start).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("routeOnEventLoop=true needs an idempotentRepository that never blocks")
                    .hasMessageContaining(FileIdempotentRepository.class.getName());
        }
    }
}
