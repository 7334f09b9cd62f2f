package dev.cameljira.sandbox.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cameljira.sandbox.zendesk.HookServer.Reply;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Zendesk's documented webhook retry rules: 409, and 429/503 with a Retry-After under 60 s, are retried (at most three
 * times, one invocation id); connection failures too; every other failure is final.
 */
class ZendeskWebhookRetryTest {
    private static final List<String> CREATED = List.of("zen:event-type:ticket.created");

    private ZendeskTestServer server;
    private HookServer hooks;

    @BeforeEach
    void start() throws IOException {
        server = new ZendeskTestServer();
        hooks = new HookServer();
        server.emulator.webhookRetryPause(Duration.ofMillis(1));
    }

    @AfterEach
    void stop() {
        hooks.close();
        server.close();
    }

    private ZendeskEmulator emulator() {
        return server.emulator;
    }

    private String subscribe(String path) {
        return emulator().addWebhook(hooks.url(path), null, CREATED);
    }

    private void createTicketAndWait() throws InterruptedException {
        emulator().createTicket("Retry me", "body");
        assertThat(emulator().awaitWebhooks(Duration.ofSeconds(20))).as("invocations finished").isTrue();
    }

    private WebhookDelivery deliveryOf(String webhookId) {
        return emulator().webhookDeliveries().stream().filter(d -> d.webhookId().equals(webhookId)).findFirst()
                .orElseThrow();
    }

    @Test
    void conflictsAreRetriedThreeTimesAsOneInvocationThenGivenUp() throws Exception {
        String id = subscribe("/conflict");
        hooks.answer("/conflict", Reply.of(409), Reply.of(409), Reply.of(409), Reply.of(409), Reply.of(200));

        createTicketAndWait();

        List<HookServer.Request> attempts = hooks.requests("/conflict");
        assertThat(attempts).hasSize(ZendeskEmulator.WEBHOOK_MAX_RETRIES + 1);
        assertThat(attempts).extracting(r -> r.header("X-Zendesk-Webhook-Invocation-Id")).containsOnly(
                deliveryOf(id).invocationId());
        assertThat(attempts).extracting(r -> r.json().get("id").asText()).containsOnly(deliveryOf(id).eventId());
        assertThat(deliveryOf(id)).extracting(WebhookDelivery::attempts, WebhookDelivery::lastStatus,
                WebhookDelivery::delivered).containsExactly(4, 409, false);
    }

    @Test
    void rateLimitAnswersWithAShortRetryAfterAreRetriedAfterIt() throws Exception {
        String tooMany = subscribe("/429");
        String unavailable = subscribe("/503");
        hooks.answer("/429", Reply.retryAfter(429, "0"));
        hooks.answer("/503", Reply.retryAfter(503, "1"));

        createTicketAndWait();

        assertThat(deliveryOf(tooMany)).extracting(WebhookDelivery::attempts, WebhookDelivery::delivered)
                .containsExactly(2, true);
        assertThat(deliveryOf(unavailable)).extracting(WebhookDelivery::attempts, WebhookDelivery::delivered)
                .containsExactly(2, true);
        List<HookServer.Request> waited = hooks.requests("/503");
        assertThat(Duration.ofNanos(waited.get(1).nanoTime() - waited.get(0).nanoTime()))
                .as("waited for Retry-After: 1").isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void rateLimitAnswersWithoutAUsableRetryAfterAreNotRetried() throws Exception {
        String noHeader = subscribe("/429");
        String tooLong = subscribe("/503");
        hooks.answer("/429", Reply.of(429));
        hooks.answer("/503", Reply.retryAfter(503, "60"));

        createTicketAndWait();

        assertThat(List.of(deliveryOf(noHeader), deliveryOf(tooLong))).extracting(WebhookDelivery::attempts,
                WebhookDelivery::delivered).containsOnly(org.assertj.core.groups.Tuple.tuple(1, false));
        assertThat(hooks.requests("/429")).hasSize(1);
        assertThat(hooks.requests("/503")).hasSize(1);
    }

    @Test
    void otherFailuresAreFinal() throws Exception {
        List<Integer> statuses = List.of(400, 404, 500, 502, 504);
        statuses.forEach(status -> {
            subscribe("/" + status);
            hooks.answer("/" + status, Reply.of(status));
        });

        createTicketAndWait();

        assertThat(emulator().webhookDeliveries()).hasSize(statuses.size()).allSatisfy(d -> {
            assertThat(d.attempts()).isEqualTo(1);
            assertThat(d.delivered()).isFalse();
        });
        assertThat(emulator().webhookDeliveries()).extracting(WebhookDelivery::lastStatus)
                .containsExactlyInAnyOrderElementsOf(statuses);
        statuses.forEach(status -> assertThat(hooks.requests("/" + status)).hasSize(1));
    }

    @Test
    void connectionFailuresAreRetried() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String id = emulator().addWebhook(URI.create("http://127.0.0.1:" + closedPort + "/gone"), null, CREATED);

        createTicketAndWait();

        assertThat(deliveryOf(id)).extracting(WebhookDelivery::attempts, WebhookDelivery::lastStatus,
                WebhookDelivery::delivered).containsExactly(ZendeskEmulator.WEBHOOK_MAX_RETRIES + 1, -1, false);
    }
}
