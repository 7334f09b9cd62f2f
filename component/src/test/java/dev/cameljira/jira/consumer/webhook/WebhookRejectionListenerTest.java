package dev.cameljira.jira.consumer.webhook;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.cameljira.jira.client.JiraCallListener;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every delivery jira:webhook refuses is reported to the endpoint's callListener with its reason (method,
 * content-type, too-large, signature, malformed, stopping); accepted, ignored and duplicate deliveries are not, and a
 * listener that throws does not change the answer.
 */
class WebhookRejectionListenerTest extends WebhookReceiverTestSupport {

    private static final String SECRET = "metrics-secret";
    private static final String PATH = "/hooks/metered";
    private static final String THROWING = "/hooks/metered-throwing";

    private final List<String> rejections = new CopyOnWriteArrayList<>();
    private final JiraCallListener recorder = new JiraCallListener() {
        @Override
        public void webhookRejected(String reason) {
            rejections.add(reason);
        }
    };
    private final WebhookHttp.Recorder routed = new WebhookHttp.Recorder();

    @Override
    protected void routes(RouteBuilder builder) {
        builder.getContext().getRegistry().bind("metrics", recorder);
        builder.getContext().getRegistry().bind("throwingMetrics", new JiraCallListener() {
            @Override
            public void webhookRejected(String reason) {
                throw new IllegalStateException("metrics backend down");
            }
        });
        builder.from("jira:webhook?webhookPath=" + PATH + "&secret=" + SECRET + "&maxBodySize=4096&callListener=#metrics")
                .process(routed::record);
        builder.from("jira:webhook?webhookPath=" + THROWING + "&secret=" + SECRET + "&callListener=#throwingMetrics")
                .process(routed::record);
    }

    @BeforeEach
    void clear() {
        rejections.clear();
        routed.clear();
    }

    private static byte[] event(String key) {
        return ("{\"timestamp\":1700000000000,\"webhookEvent\":\"jira:issue_updated\",\"issue\":{\"id\":\"10001\",\"key\":\""
                + key + "\",\"fields\":{\"project\":{\"key\":\"DEMO\"}}}}").getBytes(StandardCharsets.UTF_8);
    }

    private int signed(String path, byte[] body, String contentType) {
        return http.send(HttpRequest.newBuilder(URI.create(http.url(path))).header("Content-Type", contentType)
                .header(WebhookSignature.HEADER, WebhookSignature.sign(SECRET, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build()).statusCode();
    }

    @Test
    void eachRefusedDeliveryIsReportedWithItsReason() {
        assertThat(http.send(HttpRequest.newBuilder(URI.create(http.url(PATH))).GET().build()).statusCode()).isEqualTo(405);
        assertThat(signed(PATH, event("DEMO-1"), "text/plain")).isEqualTo(415);
        byte[] big = ("{\"webhookEvent\":\"jira:issue_updated\",\"pad\":\"" + "x".repeat(5000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(signed(PATH, big, "application/json")).isEqualTo(413);
        assertThat(http.send(http.post(PATH, event("DEMO-2"), WebhookSignature.HEADER,
                WebhookSignature.sign("wrong-secret", event("DEMO-2"))).build()).statusCode()).isEqualTo(401);
        assertThat(signed(PATH, "{not json".getBytes(StandardCharsets.UTF_8), "application/json")).isEqualTo(400);

        assertThat(rejections).containsExactly("method", "content-type", "too-large", "signature", "malformed");
        assertThat(routed.all()).isEmpty();
    }

    @Test
    void acceptedAndDuplicateDeliveriesAreNotRejections() {
        assertThat(http.deliver(PATH, SECRET, event("DEMO-3"), "delivery-metrics-1").statusCode()).isEqualTo(200);
        assertThat(http.deliver(PATH, SECRET, event("DEMO-3"), "delivery-metrics-1").statusCode()).isEqualTo(200);
        assertThat(routed.all()).hasSize(1);
        assertThat(rejections).isEmpty();
    }

    @Test
    void aListenerThatThrowsDoesNotChangeTheAnswer() {
        assertThat(signed(THROWING, event("DEMO-4"), "text/plain")).isEqualTo(415);
        assertThat(http.deliver(THROWING, SECRET, new String(event("DEMO-5"), StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(200);
        assertThat(routed.all()).hasSize(1);
    }

    @Test
    void aDeliveryWhileTheConsumerIsStoppingIsReportedAsStopping() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        WebhookRejections rejections = new WebhookRejections("/stopping", Clock.systemUTC(),
                LoggerFactory.getLogger(WebhookRejectionListenerTest.class));
        WebhookRequestHandler handler = new WebhookRequestHandler(() -> false, event -> {
            throw new AssertionError("nothing may be routed while stopping");
        }, null, WebhookEventSelection.parse("jira:issue_updated"),
                null, WebhookPayloads.reader(64), 4096,
                new DeliveryLedger(MemoryIdempotentRepository.memoryIdempotentRepository(10), Duration.ofSeconds(1)),
                new JiraCallListener() {
                    @Override
                    public void webhookRejected(String reason) {
                        heard.add(reason);
                    }
                }, rejections);
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            Exchange exchange = new DefaultExchange(camel);
            exchange.getIn().setHeader(Exchange.HTTP_METHOD, "POST");
            exchange.getIn().setHeader(Exchange.CONTENT_TYPE, "application/json");
            exchange.getIn().setBody(event("DEMO-6"));
            handler.process(exchange);
            assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(503);
        }
        assertThat(heard).containsExactly("stopping");
        assertThat(rejections.counts()).containsExactly(Map.entry("stopping", 1L));
    }
}
