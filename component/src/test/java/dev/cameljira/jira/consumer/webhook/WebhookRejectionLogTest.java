package dev.cameljira.jira.consumer.webhook;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refused delivery leaves a trace: a WARN line with the status, the reason and the remote address (never the body
 * or a secret), at most one per reason and minute so a flood cannot fill the log; every refusal is counted by reason
 * on the consumer.
 */
class WebhookRejectionLogTest extends WebhookReceiverTestSupport {

    private static final String SECRET = "log-secret-e81f";
    /** In every body sent; must never be logged. */
    private static final String MARKER = "BODY-MARKER-42c1";

    @Override
    protected void routes(RouteBuilder builder) {
        for (String path : List.of("/log/kinds", "/log/flood")) {
            builder.from("jira:webhook?webhookPath=" + path + "&secret=" + SECRET + "&maxBodySize=2048")
                    .routeId(path.substring(5)).log("routed");
        }
    }

    private static String body() {
        return "{\"webhookEvent\":\"jira:issue_updated\",\"marker\":\"" + MARKER + "\"}";
    }

    /** What the consumer logs (slf4j-simple writes to System.err) while {@code action} runs. */
    private static String logOf(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(new Tee(original, captured), true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static List<String> lines(String log, String part) {
        return Arrays.stream(log.split("\\R")).filter(l -> l.contains(part)).toList();
    }

    @Test
    void eachKindOfRefusalIsLoggedWithStatusReasonAndAddress() {
        String log = logOf(() -> {
            assertThat(http.deliver("/log/kinds", "not-the-secret", body()).statusCode()).isEqualTo(401);
            assertThat(http.deliver("/log/kinds", SECRET, "{\"broken\": " + MARKER).statusCode()).isEqualTo(400);
            assertThat(http.deliver("/log/kinds", SECRET, body() + " ".repeat(4096)).statusCode()).isEqualTo(413);
            byte[] text = body().getBytes(StandardCharsets.UTF_8);
            assertThat(http.send(http.post("/log/kinds", text, "Content-Type", "text/plain").build()).statusCode())
                    .isEqualTo(415);
        });
        for (String[] kind : List.of(new String[] {"401", "signature"}, new String[] {"400", "malformed"},
                new String[] {"413", "too-large"}, new String[] {"415", "content-type"})) {
            List<String> lines = lines(log, "/log/kinds");
            assertThat(lines).as("log lines: %s", log).anySatisfy(l -> assertThat(l).contains("WARN").contains(kind[0])
                    .contains(kind[1]).contains("127.0.0.1"));
        }
        assertThat(log).doesNotContain(MARKER).doesNotContain(SECRET).doesNotContain("not-the-secret");
        assertThat(consumer("kinds").getRejectedDeliveries()).containsExactlyInAnyOrderEntriesOf(Map.of("signature", 1L,
                "malformed", 1L, "too-large", 1L, "content-type", 1L));
    }

    private JiraWebhookConsumer consumer(String routeId) {
        return (JiraWebhookConsumer) context.getRoute(routeId).getConsumer();
    }

    @Test
    void aFloodOfOneKindIsLoggedOnce() {
        String log = logOf(() -> {
            for (int i = 0; i < 5; i++) {
                assertThat(http.deliver("/log/flood", "wrong", body()).statusCode()).isEqualTo(401);
            }
        });
        assertThat(lines(log, "/log/flood")).as(log).hasSize(1);
        assertThat(consumer("flood").getRejectedDeliveries()).as("every refusal is counted").containsEntry("signature", 5L);
    }

    /** Writes to two streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
