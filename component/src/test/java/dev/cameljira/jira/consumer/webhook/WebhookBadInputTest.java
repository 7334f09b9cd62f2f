package dev.cameljira.jira.consumer.webhook;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.model.JiraEvent;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad deliveries get a 4xx with a short reason, reach no route, and leave the server healthy; replies never carry the
 * request's headers or payload; a failing route answers 5xx so Jira redelivers, and the redelivery is routed once.
 */
class WebhookBadInputTest extends WebhookReceiverTestSupport {

    private static final String SECRET = "s3cret-for-tests";
    private static final String PATH = "/hooks/strict";
    private static final String FLAKY = "/hooks/flaky";
    private static final String OPEN = "/hooks/open";
    /** Appears in payloads; must never come back in a reply. */
    private static final String MARKER = "PAYLOAD-MARKER-7f3a";

    private final WebhookHttp.Recorder strict = new WebhookHttp.Recorder();
    private final WebhookHttp.Recorder flaky = new WebhookHttp.Recorder();
    private final WebhookHttp.Recorder open = new WebhookHttp.Recorder();
    private final AtomicInteger flakyFailures = new AtomicInteger();

    @Override
    protected void routes(RouteBuilder builder) {
        builder.from("jira:webhook?webhookPath=" + PATH + "&secret=" + SECRET + "&maxBodySize=4096&maxJsonDepth=16")
                .process(strict::record);
        builder.from("jira:webhook?webhookPath=" + FLAKY + "&secret=" + SECRET)
                .process(e -> {
                    if (flakyFailures.getAndDecrement() > 0) {
                        throw new IllegalStateException("downstream unavailable");
                    }
                    flaky.record(e);
                });
        builder.from("jira:webhook?webhookPath=" + OPEN + "&allowUnsigned=true&events=comment_created").process(open::record);
    }

    @BeforeEach
    void reset() {
        strict.clear();
        flaky.clear();
        open.clear();
        flakyFailures.set(0);
    }

    @AfterEach
    void serverStaysHealthy() {
        HttpResponse<String> ok = http.deliver(PATH, SECRET, event("HEALTH-1"));
        assertThat(ok.statusCode()).as("a valid delivery after the test: %s", ok.body()).isEqualTo(200);
    }

    private static String event(String key) {
        return "{\"timestamp\":1700000000000,\"webhookEvent\":\"jira:issue_updated\",\"marker\":\"" + MARKER + "\","
               + "\"issue\":{\"id\":\"10001\",\"key\":\"" + key + "\",\"fields\":{\"project\":{\"key\":\"DEMO\"}}}}";
    }

    /** Asserts the status, that the reply is a short line without request headers or payload, and that nothing was routed. */
    private void assertRejected(HttpResponse<String> r, int status, String reasonPart) {
        assertThat(r.statusCode()).as("reply: %s", r.body()).isEqualTo(status);
        assertThat(r.body()).containsIgnoringCase(reasonPart).doesNotContain(MARKER).hasSizeLessThan(200);
        assertCleanReply(r);
        assertThat(strict.all()).as("nothing may reach the route").isEmpty();
    }

    private static void assertCleanReply(HttpResponse<String> r) {
        assertThat(r.headers().map().keySet()).map(String::toLowerCase)
                .doesNotContain("x-hub-signature", "x-atlassian-webhook-identifier", "authorization", "x-probe", "user-agent",
                        "camelhttpresponsecode", "camelhttpmethod", "camelhttpuri")
                .allSatisfy(h -> assertThat(h).doesNotStartWith("camel"));
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("text/plain"));
    }

    private HttpResponse<String> signed(byte[] body, String contentType) {
        return http.send(HttpRequest.newBuilder(URI.create(http.url(PATH)))
                .header("Content-Type", contentType)
                .header(WebhookSignature.HEADER, WebhookSignature.sign(SECRET, body))
                .header("X-Atlassian-Webhook-Identifier", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    @Test
    void validSignedDeliveryIsRoutedAndTheReplyIsClean() {
        byte[] body = event("DEMO-1").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(http.post(PATH, body,
                WebhookSignature.HEADER, WebhookSignature.sign(SECRET, body),
                "X-Atlassian-Webhook-Identifier", "delivery-clean-1",
                "Authorization", "Bearer not-for-echo",
                "X-Probe", "echo-me-not").build());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).doesNotContain(MARKER).doesNotContain("echo-me-not").doesNotContain("not-for-echo");
        assertCleanReply(r);
        assertThat(strict.all()).singleElement().satisfies(x -> {
            assertThat(x.event().issueKey()).isEqualTo("DEMO-1");
            assertThat(x.headers()).as("HTTP headers stay out of the route").doesNotContainKeys(WebhookSignature.HEADER,
                    "Authorization", "X-Probe", "CamelHttpMethod");
        });
        strict.clear();
    }

    @Test
    void malformedJsonIs400() {
        assertRejected(signed("{not json at all".getBytes(StandardCharsets.UTF_8), "application/json"), 400, "malformed JSON");
    }

    @Test
    void truncatedJsonIs400() {
        String full = event("DEMO-2");
        byte[] truncated = full.substring(0, full.length() / 2).getBytes(StandardCharsets.UTF_8);
        assertRejected(signed(truncated, "application/json"), 400, "malformed JSON");
    }

    @Test
    void trailingGarbageIs400() {
        assertRejected(signed((event("DEMO-3") + " {}").getBytes(StandardCharsets.UTF_8), "application/json"), 400,
                "malformed JSON");
    }

    @Test
    void jsonThatIsNotAnObjectOrHasNoEventIs400() {
        assertRejected(signed("[1,2,3]".getBytes(StandardCharsets.UTF_8), "application/json"), 400, "JSON object");
        assertRejected(signed("{\"timestamp\":1}".getBytes(StandardCharsets.UTF_8), "application/json"), 400, "webhookEvent");
        assertRejected(signed(new byte[0], "application/json"), 400, "empty body");
    }

    @Test
    void deeplyNestedJsonIs400() {
        String nested = "[".repeat(40) + "]".repeat(40);
        String body = "{\"webhookEvent\":\"jira:issue_updated\",\"deep\":" + nested + "}";
        assertRejected(signed(body.getBytes(StandardCharsets.UTF_8), "application/json"), 400, "nested too deeply");
    }

    @Test
    void nonJsonContentTypeIs415() {
        byte[] body = event("DEMO-4").getBytes(StandardCharsets.UTF_8);
        assertRejected(signed(body, "text/plain"), 415, "Content-Type");
        assertRejected(signed("webhookEvent=jira%3Aissue_updated".getBytes(StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded"), 415, "Content-Type");
        HttpResponse<String> none = http.send(HttpRequest.newBuilder(URI.create(http.url(PATH)))
                .header(WebhookSignature.HEADER, WebhookSignature.sign(SECRET, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        assertRejected(none, 415, "Content-Type");
    }

    @Test
    void bodyOverMaxBodySizeIs413() {
        String big = "{\"webhookEvent\":\"jira:issue_updated\",\"pad\":\"" + "x".repeat(5000) + "\",\"m\":\"" + MARKER + "\"}";
        assertRejected(signed(big.getBytes(StandardCharsets.UTF_8), "application/json"), 413, "maxBodySize");
    }

    @Test
    void wrongMethodIs405() {
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(http.url(PATH))).GET().build());
        assertRejected(get, 405, "POST");
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        byte[] body = event("DEMO-5").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(http.url(PATH)))
                .header("Content-Type", "application/json")
                .header(WebhookSignature.HEADER, WebhookSignature.sign(SECRET, body))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        assertRejected(put, 405, "POST");
    }

    @Test
    void missingOrWrongSignatureIs401() {
        byte[] body = event("DEMO-6").getBytes(StandardCharsets.UTF_8);
        assertRejected(http.send(http.post(PATH, body).build()), 401, "missing");
        assertRejected(http.send(http.post(PATH, body, WebhookSignature.HEADER, WebhookSignature.sign("other-secret", body)).build()),
                401, "invalid");
        assertRejected(http.send(http.post(PATH, body, WebhookSignature.HEADER, "sha256=zz-not-hex").build()), 401, "invalid");
        byte[] tampered = event("DEMO-7").getBytes(StandardCharsets.UTF_8);
        assertRejected(http.send(http.post(PATH, tampered, WebhookSignature.HEADER, WebhookSignature.sign(SECRET, body)).build()),
                401, "invalid");
        String sha1 = "sha1=" + WebhookSignature.sign(SECRET, body).substring("sha256=".length());
        assertRejected(http.send(http.post(PATH, body, WebhookSignature.HEADER, sha1).build()), 401, "invalid");
    }

    @Test
    void signatureHexIsCaseInsensitive() {
        byte[] body = event("DEMO-8").getBytes(StandardCharsets.UTF_8);
        String upper = "sha256=" + WebhookSignature.sign(SECRET, body).substring("sha256=".length()).toUpperCase();
        assertThat(http.send(http.post(PATH, body, WebhookSignature.HEADER, upper).build()).statusCode()).isEqualTo(200);
        assertThat(strict.all()).hasSize(1);
        strict.clear();
    }

    @Test
    void eventsNotSelectedAreAcknowledgedAndDropped() {
        HttpResponse<String> r = http.deliver(OPEN, null, event("DEMO-9"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("ignored");
        assertThat(open.all()).isEmpty();

        String comment = "{\"webhookEvent\":\"comment_created\",\"comment\":{\"id\":\"5\",\"body\":\"hi\"},"
                         + "\"issue\":{\"id\":\"1\",\"key\":\"DEMO-9\"}}";
        assertThat(http.deliver(OPEN, null, comment).statusCode()).isEqualTo(200);
        assertThat(open.all()).singleElement().satisfies(x -> assertThat(x.event().comment().body()).isEqualTo("hi"));
    }

    @Test
    void duplicateDeliveryIsRoutedOnce() {
        byte[] body = event("DEMO-10").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> first = http.deliver(PATH, SECRET, body, "delivery-dup-1");
        HttpResponse<String> second = http.deliver(PATH, SECRET, body, "delivery-dup-1");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("duplicate");
        assertThat(strict.all()).hasSize(1);
        strict.clear();
    }

    @Test
    void failedRouteAnswers500AndTheRedeliveryIsRoutedOnce() {
        flakyFailures.set(2);
        byte[] body = event("DEMO-11").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> first = http.deliver(FLAKY, SECRET, body, "delivery-flaky-1");
        HttpResponse<String> retry1 = http.deliver(FLAKY, SECRET, body, "delivery-flaky-1");
        assertThat(first.statusCode()).isEqualTo(500);
        assertThat(retry1.statusCode()).isEqualTo(500);
        assertThat(first.body()).doesNotContain("downstream unavailable").doesNotContain(MARKER);
        assertThat(flaky.all()).isEmpty();

        HttpResponse<String> retry2 = http.deliver(FLAKY, SECRET, body, "delivery-flaky-1");
        HttpResponse<String> retry3 = http.deliver(FLAKY, SECRET, body, "delivery-flaky-1");
        assertThat(retry2.statusCode()).isEqualTo(200);
        assertThat(retry3.statusCode()).isEqualTo(200);
        assertThat(retry3.body()).contains("duplicate");
        List<WebhookHttp.Received> routed = flaky.all();
        assertThat(routed).singleElement().satisfies(x -> {
            assertThat(x.header(JiraConstants.EVENT_ID)).isEqualTo("delivery-flaky-1");
            assertThat(x.event().source()).isEqualTo(JiraEvent.Source.WEBHOOK);
        });
    }

    @Test
    void overlongDeliveryIdIs400() {
        HttpResponse<String> r = http.deliver(PATH, SECRET, event("DEMO-12").getBytes(StandardCharsets.UTF_8), "x".repeat(300));
        assertRejected(r, 400, "X-Atlassian-Webhook-Identifier");
    }

    @Test
    void signatureVerifierRejectsWhatItShould() {
        WebhookSignature s = new WebhookSignature("k");
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        assertThat(s.verify(s.sign(body), body)).isTrue();
        assertThat(s.verify(null, body)).isFalse();
        assertThat(s.verify("sha256=", body)).isFalse();
        assertThat(s.verify(s.sign(body) + "00", body)).isFalse();
    }
}
