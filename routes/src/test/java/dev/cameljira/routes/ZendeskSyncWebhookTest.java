package dev.cameljira.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.cameljira.sandbox.zendesk.TicketDraft;
import dev.cameljira.sandbox.zendesk.ZendeskTicket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * jira-zendesk-sync in real time: Zendesk's signed event webhook and Jira's admin webhook (registered by the sync on
 * start) deliver the changes; the pollers run so rarely here that they cannot be what syncs.
 */
class ZendeskSyncWebhookTest extends SyncTestSupport {
    private static final String JIRA_SECRET = "jira-webhook-secret-for-test";
    private static final String ZENDESK_SECRET = "zendesk-webhook-secret-for-test";

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        environment();
        int port = env.serveHttp();
        env.instantiate("jira-zendesk-sync", "zendesk-sync", env.params("webhooks", "true", "pollInterval", "1h",
                "publicUrl", "http://127.0.0.1:" + port, "jiraWebhookSecret", JIRA_SECRET,
                "zendeskWebhookSecret", ZENDESK_SECRET));
        env.start();
        env.sandbox.zendesk().addWebhook(URI.create(env.httpUrl("/zendesk/webhook")), ZENDESK_SECRET);
    }


    @Test
    void theSyncRegistersJirasWebhookAndBothSidesSyncInRealTime() {
        assertThat(env.sandbox.admin().webhooks()).singleElement()
                .satisfies(w -> assertThat(w.url()).isEqualTo(env.httpUrl("/jira/webhook")));

        ZendeskTicket t = env.sandbox.zendesk().createTicket(TicketDraft.of("Realtime", "Sent by webhook"));
        String key = env.awaitTicketKey(t.id());

        env.sandbox.admin().addComment(key, "Seen in real time");
        await().atMost(Duration.ofSeconds(15)).until(() -> env.sandbox.zendesk().comments(t.id()).size() == 2);
        assertThat(env.sandbox.zendesk().comments(t.id()).get(1).body()).contains("(Jira): Seen in real time");
    }

    @Test
    void theSameTicketEventDeliveredThreeTimesMakesOneIssue() throws Exception {
        // a ticket created with no webhook registered: only our deliveries tell the sync about it
        env.sandbox.zendesk().removeWebhook(URI.create(env.httpUrl("/zendesk/webhook")));
        ZendeskTicket t = env.sandbox.zendesk().createTicket(TicketDraft.of("Thrice", "Delivered three times"));
        byte[] event = createdEvent(t.id(), UUID.randomUUID().toString());

        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sent.add(http.sendAsync(signed(event), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> r : sent) {
            assertThat(r.get().statusCode()).isEqualTo(200);
        }
        // and three more copies with their own event ids, the way a retry storm or a replay looks
        for (int i = 0; i < 3; i++) {
            assertThat(http.send(signed(createdEvent(t.id(), UUID.randomUUID().toString())),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }

        String key = env.awaitTicketKey(t.id());
        assertThat(env.issuesLabelled("zendesk-" + t.id())).containsExactly(key);
        assertThat(env.sandbox.admin().issueCount()).isEqualTo(1);
    }

    @Test
    void unsignedForgedAndMalformedDeliveriesAreRefusedAndNothingIsRouted() throws Exception {
        ZendeskTicket t;
        env.sandbox.zendesk().removeWebhook(URI.create(env.httpUrl("/zendesk/webhook")));
        t = env.sandbox.zendesk().createTicket(TicketDraft.of("Forged", "Nobody signed this"));
        byte[] event = createdEvent(t.id(), UUID.randomUUID().toString());

        HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(URI.create(env.httpUrl("/zendesk/webhook")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(event)).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> forged = http.send(signedWith("not-the-secret", event), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> malformed = http.send(signed("{\"type\": ".getBytes(StandardCharsets.UTF_8)),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> text = http.send(HttpRequest.newBuilder(URI.create(env.httpUrl("/zendesk/webhook")))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofByteArray(event)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(forged.body()).doesNotContain(ZENDESK_SECRET);
        assertThat(forged.headers().map().keySet()).noneMatch(h -> h.toLowerCase().contains("signature"));
        SyncMonitor monitor = env.context.getRegistry().lookupByNameAndType(SyncMonitor.BEAN_NAME, SyncMonitor.class);
        assertThat(monitor.counter("webhooks.rejected.zendesk.signature")).isEqualTo(2);
        assertThat(monitor.counter("webhooks.rejected.zendesk.malformed")).isEqualTo(1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() ->
                env.sandbox.admin().issueCount() == 0);
    }

    @Test
    void refusedJiraDeliveriesAreCountedByTheMonitorByReason() throws Exception {
        byte[] body = "{\"webhookEvent\":\"comment_created\"}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(URI.create(env.httpUrl("/jira/webhook")))
                .header("Content-Type", "application/json").header("X-Atlassian-Webhook-Identifier", "forged-1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> text = http.send(HttpRequest.newBuilder(URI.create(env.httpUrl("/jira/webhook")))
                .header("Content-Type", "text/plain").header("X-Atlassian-Webhook-Identifier", "forged-2")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(text.statusCode()).isEqualTo(415);
        SyncMonitor monitor = env.context.getRegistry().lookupByNameAndType(SyncMonitor.BEAN_NAME, SyncMonitor.class);
        assertThat(monitor.counter("webhooks.rejected.jira.signature")).isEqualTo(1);
        assertThat(monitor.counter("webhooks.rejected.jira.content-type")).isEqualTo(1);
    }

    private static byte[] createdEvent(long ticketId, String eventId) {
        String json = "{\"type\":\"zen:event-type:ticket.created\",\"account_id\":1,\"id\":\"" + eventId
                + "\",\"time\":\"" + Instant.now() + "\",\"zendesk_event_version\":\"2022-11-06\",\"subject\":\"zen:ticket:"
                + ticketId + "\",\"detail\":{\"id\":\"" + ticketId + "\",\"status\":\"NEW\"},\"event\":{}}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private HttpRequest signed(byte[] body) throws Exception {
        return signedWith(ZENDESK_SECRET, body);
    }

    private HttpRequest signedWith(String secret, byte[] body) throws Exception {
        String timestamp = Instant.now().toString();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(body));
        return HttpRequest.newBuilder(URI.create(env.httpUrl("/zendesk/webhook")))
                .header("Content-Type", "application/json")
                .header("X-Zendesk-Webhook-Signature", signature)
                .header("X-Zendesk-Webhook-Signature-Timestamp", timestamp)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }
}
