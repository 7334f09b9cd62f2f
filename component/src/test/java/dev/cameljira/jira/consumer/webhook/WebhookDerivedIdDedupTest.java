package dev.cameljira.jira.consumer.webhook;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import dev.cameljira.jira.JiraConstants;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without X-Atlassian-Webhook-Identifier (older Data Center, proxies that drop it) the eventId derived from the payload
 * is the de-duplication key: two copies of one event are routed once, two different events both.
 */
class WebhookDerivedIdDedupTest extends WebhookReceiverTestSupport {

    private static final String SECRET = "dedup-secret";
    private static final String PATH = "/dedup/derived";

    private final WebhookHttp.Recorder routed = new WebhookHttp.Recorder();

    @Override
    protected void routes(RouteBuilder builder) {
        builder.from("jira:webhook?webhookPath=" + PATH + "&secret=" + SECRET).process(routed::record);
    }

    @BeforeEach
    void reset() {
        routed.clear();
    }

    private HttpResponse<String> deliverWithoutIdentifier(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return http.send(http.post(PATH, bytes, WebhookSignature.HEADER, WebhookSignature.sign(SECRET, bytes)).build());
    }

    private static String update(String changelogId) {
        return "{\"timestamp\":1700000000000,\"webhookEvent\":\"jira:issue_updated\",\"issue\":{\"id\":\"10001\","
               + "\"key\":\"DEMO-1\",\"fields\":{\"updated\":\"2026-11-28T10:15:00.000+0000\"}},\"changelog\":{\"id\":\""
               + changelogId + "\",\"items\":[{\"field\":\"status\",\"fieldId\":\"status\"}]}}";
    }

    @Test
    void twoCopiesWithoutAnIdentifierAreRoutedOnce() {
        assertThat(deliverWithoutIdentifier(update("500")).statusCode()).isEqualTo(200);
        HttpResponse<String> copy = deliverWithoutIdentifier(update("500"));
        assertThat(copy.statusCode()).isEqualTo(200);
        assertThat(copy.body()).contains("duplicate");
        assertThat(routed.all()).hasSize(1);
        assertThat(routed.all().get(0).header(JiraConstants.EVENT_ID)).isEqualTo("jira:issue_updated|1700000000000|10001|500");
    }

    @Test
    void differentEventsWithoutAnIdentifierAreBothRouted() {
        assertThat(deliverWithoutIdentifier(update("501")).statusCode()).isEqualTo(200);
        assertThat(deliverWithoutIdentifier(update("502")).statusCode()).isEqualTo(200);
        assertThat(routed.all()).hasSize(2);
    }
}
