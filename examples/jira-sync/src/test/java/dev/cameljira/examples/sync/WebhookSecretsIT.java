package dev.cameljira.examples.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.SandboxUsers;
import dev.cameljira.sandbox.zendesk.TicketDraft;
import dev.cameljira.sandbox.zendesk.ZendeskEmulator;
import dev.cameljira.sandbox.zendesk.ZendeskTicket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PUBLIC_URL turns the webhooks on: Jira's is registered on start and removed on stop, deliveries must be signed, and
 * a blank secret stops the start unless SYNC_ALLOW_UNSIGNED=true says otherwise.
 */
class WebhookSecretsIT {
    @TempDir
    Path workDir;

    private static final String JIRA_SECRET = "it-jira-webhook-secret-0001";
    private static final String ZENDESK_SECRET = "it-zendesk-webhook-secret-0002";

    private JiraSandbox sandbox;

    @BeforeEach
    void sandbox() {
        sandbox = JiraSandbox.builder().port(0).webhookRetryDelay(Duration.ofMillis(50)).build();
    }

    @AfterEach
    void close() {
        sandbox.close();
    }

    private Map<String, String> env(int port) {
        Map<String, String> env = new HashMap<>();
        env.put("JIRA_URL", sandbox.baseUrl());
        env.put("JIRA_USERNAME", SandboxUsers.ADMIN_EMAIL);
        env.put("JIRA_API_TOKEN", SandboxUsers.ADMIN_TOKEN);
        env.put("ZENDESK_URL", sandbox.baseUrl());
        env.put("ZENDESK_USERNAME", ZendeskEmulator.AGENT_EMAIL);
        env.put("ZENDESK_TOKEN", ZendeskEmulator.AGENT_API_TOKEN);
        env.put("PUBLIC_URL", "http://127.0.0.1:" + port);
        // the pollers look once at start, then every hour: what arrives later came by webhook
        env.put("SYNC_POLL_INTERVAL", "1h");
        return env;
    }

    @Test
    void aBlankWebhookSecretStopsTheStartNamingTheVariable() throws Exception {
        int port = FreeHttpPort.freePort();
        Map<String, String> env = env(port);
        env.put("JIRA_WEBHOOK_SECRET", " ");
        env.put("ZENDESK_WEBHOOK_SECRET", ZENDESK_SECRET);

        try (AppProcess app = AppProcess.start(workDir, port, env)) {
            assertThat(app.awaitExit(Duration.ofSeconds(60))).isNotZero();
            assertThat(app.output()).contains("JIRA_WEBHOOK_SECRET is blank").doesNotContain(ZENDESK_SECRET);
        }
        assertThat(sandbox.admin().webhooks()).isEmpty();
    }

    @Test
    void jirasWebhookIsRegisteredOnStartSignedDeliveriesSyncAndItIsRemovedOnStop() throws Exception {
        int port = FreeHttpPort.freePort();
        Map<String, String> env = env(port);
        env.put("JIRA_WEBHOOK_SECRET", JIRA_SECRET);
        env.put("ZENDESK_WEBHOOK_SECRET", ZENDESK_SECRET);

        try (AppProcess app = AppProcess.startAndAwaitLive(workDir, port, env)) {
            assertThat(app.output()).contains("servicenow-sync not started: SERVICENOW_URL is not set");
            await().atMost(Duration.ofSeconds(10)).until(() -> !sandbox.admin().webhooks().isEmpty());
            assertThat(sandbox.admin().webhooks()).singleElement().satisfies(w -> {
                assertThat(w.url()).isEqualTo(app.url("/jira/webhook"));
                assertThat(w.secret()).isEqualTo(JIRA_SECRET);
            });
            // a Zendesk administrator points a webhook at the service with the same secret
            sandbox.zendesk().addWebhook(URI.create(app.url("/zendesk/webhook")), ZENDESK_SECRET);

            ZendeskTicket ticket = sandbox.zendesk().createTicket(TicketDraft.of("Realtime", "Sent by webhook"));
            await().atMost(Duration.ofSeconds(15)).until(() ->
                    Linked.isJiraKey(sandbox.zendesk().ticket(ticket.id()).orElseThrow().externalId()));
            String key = sandbox.zendesk().ticket(ticket.id()).orElseThrow().externalId();
            String text = "Real time " + UUID.randomUUID();
            sandbox.admin().addComment(key, text);
            await().atMost(Duration.ofSeconds(15)).until(() -> sandbox.zendesk().comments(ticket.id()).stream()
                    .anyMatch(c -> c.body().contains(text)));

            byte[] body = "{\"webhookEvent\":\"comment_created\"}".getBytes();
            assertThat(Http.jiraDelivery(app.url("/jira/webhook"), body, null, UUID.randomUUID().toString())
                    .statusCode()).isEqualTo(401);
            assertThat(app.output()).doesNotContain(JIRA_SECRET, ZENDESK_SECRET);
        }
        assertThat(sandbox.admin().webhooks()).as("removed when the service stopped").isEmpty();
    }

    @Test
    void syncAllowUnsignedLetsItStartWithoutSecretsAndSaysSo() throws Exception {
        int port = FreeHttpPort.freePort();
        Map<String, String> env = env(port);
        env.put("SYNC_ALLOW_UNSIGNED", "true");

        try (AppProcess app = AppProcess.startAndAwaitLive(workDir, port, env)) {
            assertThat(app.output()).contains("WARN").contains("WITHOUT a signature");
        }
    }
}
