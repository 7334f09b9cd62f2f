package dev.cameljira.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.cameljira.sandbox.servicenow.Incident;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** jira-servicenow-sync in real time: the instance's signed outbound REST message, and Jira's webhook. */
class ServiceNowSyncWebhookTest extends SyncTestSupport {
    private static final String SECRET = "servicenow-outbound-secret";

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        environment();
        int port = env.serveHttp();
        env.instantiate("jira-servicenow-sync", "servicenow-sync", env.params("webhooks", "true",
                "pollInterval", "1h", "publicUrl", "http://127.0.0.1:" + port, "jiraWebhookSecret", "jira-secret",
                "servicenowWebhookSecret", SECRET));
        env.start();
        env.sandbox.serviceNow().addWebhook(URI.create(env.httpUrl("/servicenow/webhook")), SECRET);
    }


    @Test
    void incidentsAndJiraChangesSyncThroughTheSignedWebhooks() {
        Incident incident = env.sandbox.serviceNow().createIncident("Realtime incident");
        await().atMost(Duration.ofSeconds(15)).until(() ->
                SyncEnvironment.linked(env.sandbox.serviceNow().incident(incident.sysId()).orElseThrow().correlationId()));
        String key = env.sandbox.serviceNow().incident(incident.sysId()).orElseThrow().correlationId();

        env.sandbox.admin().addComment(key, "On it");
        await().atMost(Duration.ofSeconds(15)).until(() -> env.sandbox.serviceNow().journal(incident.sysId()).stream()
                .anyMatch(j -> j.value().contains("(Jira): On it") && !j.isWorkNote()));
    }

    @Test
    void theSameIncidentEventDeliveredThreeTimesMakesOneIssue() throws Exception {
        env.sandbox.serviceNow().removeWebhook(URI.create(env.httpUrl("/servicenow/webhook")));
        dev.cameljira.sandbox.servicenow.Incident incident = env.sandbox.serviceNow().createIncident("Thrice");
        java.util.List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> sent = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            // three copies of one delivery, and three more with their own event ids
            String id = i < 3 ? "same-event" : "event-" + i;
            String body = "{\"id\":\"" + id + "\",\"event\":\"incident.created\",\"table\":\"incident\","
                    + "\"sys_id\":\"" + incident.sysId() + "\",\"number\":\"" + incident.number() + "\",\"changes\":[],"
                    + "\"journal\":[],\"record\":{\"number\":\"" + incident.number() + "\"}}";
            sent.add(http.sendAsync(HttpRequest.newBuilder(URI.create(env.httpUrl("/servicenow/webhook")))
                    .header("Content-Type", "application/json").header("X-ServiceNow-Event-Id", id)
                    .header("X-ServiceNow-Signature", "sha256=" + sign(body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (java.util.concurrent.CompletableFuture<HttpResponse<String>> r : sent) {
            assertThat(r.get().statusCode()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(15)).until(() ->
                SyncEnvironment.linked(env.sandbox.serviceNow().incident(incident.sysId()).orElseThrow().correlationId()));
        assertThat(env.sandbox.admin().issueCount()).isEqualTo(1);
    }

    private static String sign(String body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anUnsignedOrForgedEventIsRefused() throws Exception {
        String body = "{\"id\":\"e1\",\"event\":\"incident.inserted\",\"table\":\"incident\",\"number\":\"INC0019999\","
                + "\"record\":{\"number\":\"INC0019999\"}}";
        HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(URI.create(env.httpUrl("/servicenow/webhook")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(env.httpUrl("/servicenow/webhook")))
                .header("Content-Type", "application/json").header("X-ServiceNow-Signature", "sha256=AAAA")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(forged.statusCode()).isEqualTo(401);
        SyncMonitor monitor = env.context.getRegistry().lookupByNameAndType(SyncMonitor.BEAN_NAME, SyncMonitor.class);
        assertThat(monitor.counter("webhooks.rejected.servicenow.signature")).isEqualTo(2);
    }
}
