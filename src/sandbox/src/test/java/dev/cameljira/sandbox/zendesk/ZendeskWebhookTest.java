package dev.cameljira.sandbox.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.emulator.TestHttp;
import dev.cameljira.sandbox.emulator.WebhookReceiver;
import dev.cameljira.sandbox.emulator.WebhookTestExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Ticket events are POSTed to a webhook registered with the {@code addWebhook(URI)} shortcut as Zendesk event-webhook
 * JSON, signed, in order, with Zendesk's retries (see {@link ZendeskWebhookRetryTest} for the full rules).
 */
class ZendeskWebhookTest {
    @RegisterExtension
    final WebhookTestExtension<ZendeskTestServer> env =
            new WebhookTestExtension<>(ZendeskTestServer::new, (server, url) -> server.emulator.addWebhook(url));

    private ZendeskEmulator emulator() {
        return env.server().emulator;
    }

    private WebhookReceiver receiver() {
        return env.receiver();
    }

    private void awaitDeliveries() throws InterruptedException {
        assertThat(emulator().awaitWebhooks(Duration.ofSeconds(10))).as("webhooks delivered in time").isTrue();
    }

    @Test
    void createUpdateAndCommentProduceOneEventEachInOrder() throws Exception {
        TestHttp http = env.server().asAgent();
        long id = http.post("/api/v2/tickets.json",
                "{\"ticket\": {\"subject\": \"S\", \"comment\": {\"body\": \"first\"}, \"external_id\": \"PROJ-1\"}}")
                .json().at("/ticket/id").asLong();
        http.put("/api/v2/tickets/" + id + ".json",
                "{\"ticket\": {\"status\": \"open\", \"priority\": \"high\", \"comment\": {\"body\": \"note\", \"public\": false}}}");
        awaitDeliveries();

        assertThat(receiver().received()).extracting(r -> r.json().get("type").asText()).containsExactly(
                "zen:event-type:ticket.created",
                "zen:event-type:ticket.status_changed", "zen:event-type:ticket.priority_changed",
                "zen:event-type:ticket.comment_added");
        JsonNode statusChanged = receiver().received().get(1).json();
        assertThat(statusChanged.at("/event/previous").asText()).isEqualTo("NEW");
        assertThat(statusChanged.at("/event/current").asText()).isEqualTo("OPEN");
        assertThat(statusChanged.at("/detail/id").asText()).isEqualTo(String.valueOf(id));
        assertThat(statusChanged.at("/detail/external_id").asText()).isEqualTo("PROJ-1");
        assertThat(statusChanged.get("subject").asText()).isEqualTo("zen:ticket:" + id);
        assertThat(statusChanged.get("id").asText()).isNotBlank();
        assertThat(statusChanged.get("time").asText()).endsWith("Z");
        assertThat(receiver().received().get(0).json().at("/detail/description").asText()).isEqualTo("first");
        JsonNode note = receiver().received().get(3).json();
        assertThat(note.at("/event/comment/body").asText()).isEqualTo("note");
        assertThat(note.at("/event/comment/is_public").asBoolean()).isFalse();
        assertThat(note.at("/event/comment/author/is_staff").asBoolean()).isTrue();
        assertThat(receiver().received()).allSatisfy(r ->
                assertThat(r.header("Content-Type")).startsWith("application/json"));
    }

    @Test
    void eachChangeEventMatchesTheChangeItsAuditLists() throws Exception {
        TestHttp http = env.server().asAgent();
        long id = emulator().createTicket("S", "d").id();
        http.put("/api/v2/tickets/" + id + ".json", "{\"ticket\": {\"status\": \"pending\", \"priority\": \"low\","
                + " \"custom_fields\": [{\"id\": 5, \"value\": \"x\"}], \"comment\": {\"body\": \"why\"}}}");
        awaitDeliveries();

        JsonNode audit = http.get("/api/v2/tickets/" + id + "/audits.json").json().at("/audits/1");
        java.util.List<String> fromAudit = new java.util.ArrayList<>();
        audit.get("events").forEach(e -> fromAudit.add(e.get("type").asText().equals("Comment")
                ? "comment " + e.get("body").asText()
                : e.get("field_name").asText() + " " + e.get("previous_value").asText() + " -> "
                        + e.get("value").asText()));
        java.util.List<String> fromWebhooks = new java.util.ArrayList<>();
        receiver().received().stream().skip(1).map(WebhookReceiver.Received::json).forEach(w -> {
            String type = w.get("type").asText().replace("zen:event-type:ticket.", "");
            fromWebhooks.add(switch (type) {
                case "comment_added" -> "comment " + w.at("/event/comment/body").asText();
                case "custom_field_changed" -> w.at("/event/custom_field/id").asText() + " "
                        + w.at("/event/previous").asText() + " -> " + w.at("/event/current").asText();
                default -> type.replace("_changed", "") + " " + w.at("/event/previous").asText().toLowerCase()
                        + " -> " + w.at("/event/current").asText().toLowerCase();
            });
        });

        assertThat(fromAudit).containsExactly("comment why", "status new -> pending", "priority null -> low",
                "5 null -> x");
        assertThat(fromWebhooks).containsExactlyInAnyOrderElementsOf(fromAudit);
    }

    @Test
    void everyDeliveryCarriesAValidZendeskSignature() throws Exception {
        emulator().createTicket("Signed", "body");
        awaitDeliveries();

        WebhookReceiver.Received r = receiver().received().get(0);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(ZendeskEmulator.WEBHOOK_SIGNING_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(r.header("X-Zendesk-Webhook-Signature-Timestamp").getBytes(StandardCharsets.UTF_8));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(r.body()));
        assertThat(r.header("X-Zendesk-Webhook-Signature")).isEqualTo(expected);
        assertThat(r.header("X-Zendesk-Webhook-Id")).isEqualTo(emulator().webhookRegistrations().get(0).id());
        assertThat(r.header("X-Zendesk-Account-Id")).isEqualTo(ZendeskEmulator.ACCOUNT_ID);
        assertThat(r.header("X-Zendesk-Webhook-Invocation-Id")).isNotBlank();
    }

    @Test
    void aConflictAnswerIsRetriedThenRecorded() throws Exception {
        receiver().answerNext(409, 409);
        emulator().createTicket("Retry", "body");
        awaitDeliveries();

        assertThat(receiver().received()).hasSize(1);
        assertThat(receiver().attempts()).isEqualTo(3);
        assertThat(emulator().webhookDeliveries()).singleElement().satisfies(d -> {
            assertThat(d.delivered()).isTrue();
            assertThat(d.attempts()).isEqualTo(3);
            assertThat(d.eventType()).isEqualTo("zen:event-type:ticket.created");
        });
    }

    @Test
    void aTargetThatKeepsConflictingIsGivenUpOnAndA500IsNotRetried() throws Exception {
        receiver().answerNext(409, 409, 409, 409);
        emulator().createTicket("Down", "body");
        awaitDeliveries();
        receiver().answerNext(500);
        emulator().createTicket("Broken", "body");
        awaitDeliveries();

        assertThat(emulator().webhookDeliveries()).extracting(WebhookDelivery::attempts,
                WebhookDelivery::lastStatus, WebhookDelivery::delivered)
                .containsExactly(Tuple.tuple(ZendeskEmulator.WEBHOOK_MAX_RETRIES + 1, 409, false),
                        Tuple.tuple(1, 500, false));
        assertThat(receiver().received()).isEmpty();
    }

    @Test
    void anUpdateThatChangesNothingSendsNothing() throws Exception {
        ZendeskTicket t = emulator().createTicket("Same", "body");
        emulator().updateTicket(t.id(), TicketUpdate.none().withSubject("Same"));
        awaitDeliveries();

        assertThat(receiver().received()).hasSize(1);
        assertThat(emulator().ticket(t.id()).orElseThrow().updatedAt()).isEqualTo(t.updatedAt());
    }
}
