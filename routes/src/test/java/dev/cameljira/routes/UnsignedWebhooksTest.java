package dev.cameljira.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.apache.camel.Route;
import org.junit.jupiter.api.Test;

/**
 * allowUnsignedWebhooks=true (local use) without secrets: the sync's Jira webhook route must still start, now that the
 * jira:webhook component refuses to start without a secret unless allowUnsigned=true is said explicitly, and it takes
 * unsigned deliveries.
 */
class UnsignedWebhooksTest extends SyncTestSupport {
    private static final String ROUTE = "jira-sync-webhook-jira-webhook";

    @Test
    void theJiraWebhookRouteStartsAndTakesUnsignedDeliveries() throws Exception {
        environment();
        env.serveHttp();
        env.instantiate("jira-zendesk-sync", "zendesk-sync", env.params("webhooks", "true", "pollInterval", "1h",
                "allowUnsignedWebhooks", "true"));
        env.start();

        // the hub adds the path's route when the first sync attaches
        await().atMost(Duration.ofSeconds(15)).until(() -> env.context.getRoute(ROUTE) != null);
        Route jiraWebhook = env.context.getRoute(ROUTE);
        assertThat(jiraWebhook.getEndpoint().getEndpointUri()).contains("allowUnsigned=true");
        assertThat(env.context.getRouteController().getRouteStatus(jiraWebhook.getRouteId()).isStarted()).isTrue();

        // an event the sync does not select: answered 200 (ignored), not 401, although it carries no signature
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(env.httpUrl("/jira/webhook")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"timestamp\":1,\"webhookEvent\":\"worklog_created\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
}
