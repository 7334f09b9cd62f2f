package dev.cameljira.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.SandboxUsers;
import dev.cameljira.sandbox.zendesk.TicketDraft;
import org.apache.camel.component.zendesk.ZendeskComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While Zendesk refuses the sync's token and forged webhooks arrive, nothing the sync logs or answers carries a secret:
 * not the API tokens (camel-zendesk puts them in its own exception messages), not the webhook secrets.
 */
class SecretsInLogsTest {
    private static final String ZENDESK_TOKEN = "zendesk-token-that-is-wrong-77";
    private static final String JIRA_SECRET = "jira-webhook-secret-88";
    private static final String ZENDESK_SECRET = "zendesk-webhook-secret-99";

    @TempDir
    Path state;

    @Test
    void failuresAndRefusalsAreLoggedWithoutSecrets() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(new Tee(original, captured), true, StandardCharsets.UTF_8));
        SyncEnvironment env = new SyncEnvironment(JiraSandbox.start(JiraSandbox.Mode.CLOUD), state);
        try {
            ((ZendeskComponent) env.context.getComponent("zendesk")).setToken(ZENDESK_TOKEN);
            int port = env.serveHttp();
            env.instantiate("jira-zendesk-sync", "zendesk-sync", env.params("webhooks", "true",
                    "publicUrl", "http://127.0.0.1:" + port, "jiraWebhookSecret", JIRA_SECRET,
                    "zendeskWebhookSecret", ZENDESK_SECRET, "maximumRedeliveries", "1"));
            env.start();
            env.sandbox.zendesk().createTicket(TicketDraft.of("Refused", "The token is wrong"));
            String key = env.sandbox.admin().createIssue("DEMO", "Task", "Linked by hand",
                    Map.of("labels", List.of("zendesk-1")));
            env.sandbox.admin().addComment(key, "This needs Zendesk, which refuses us");
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(env.httpUrl("/zendesk/webhook")))
                    .header("Content-Type", "application/json").header("X-Zendesk-Webhook-Signature", "Zm9yZ2Vk")
                    .header("X-Zendesk-Webhook-Signature-Timestamp", "2026-12-05T00:00:00Z")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"x\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(forged.statusCode()).isEqualTo(401);

            SyncMonitor monitor = env.context.getRegistry().lookupByNameAndType(SyncMonitor.BEAN_NAME, SyncMonitor.class);
            await().atMost(Duration.ofSeconds(20)).until(() -> monitor.counter("handedBack") > 0
                    && captured.toString(StandardCharsets.UTF_8).contains("poll stopped"));
            assertThat(monitor.snapshot().failures()).allSatisfy(f -> assertThat(f.reason())
                    .doesNotContain(ZENDESK_TOKEN).doesNotContain(SandboxUsers.ADMIN_TOKEN));
        } finally {
            env.close();
            System.err.flush();
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("401");
        for (String secret : List.of(ZENDESK_TOKEN, JIRA_SECRET, ZENDESK_SECRET, SandboxUsers.ADMIN_TOKEN)) {
            assertThat(log).as("log contains a secret").doesNotContain(secret);
        }
    }

    /** Writes to both streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws IOException {
            a.write(c);
            synchronized (b) {
                b.write(c);
            }
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            synchronized (b) {
                b.write(buf, off, len);
            }
        }
    }
}
