package dev.cameljira.sandbox.servicenow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.emulator.TestHttp;
import dev.cameljira.sandbox.emulator.WebhookReceiver;
import dev.cameljira.sandbox.emulator.WebhookTestExtension;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Incident writes are POSTed to registered URLs as outbound-REST-style events, in order, with retries. */
class ServiceNowWebhookTest {
    @RegisterExtension
    final WebhookTestExtension<ServiceNowTestServer> env =
            new WebhookTestExtension<>(ServiceNowTestServer::new, (server, url) -> server.emulator.addWebhook(url));

    private ServiceNowEmulator emulator() {
        return env.server().emulator;
    }

    private WebhookReceiver receiver() {
        return env.receiver();
    }

    private void awaitDeliveries() throws InterruptedException {
        assertThat(emulator().awaitWebhooks(Duration.ofSeconds(10))).as("events delivered in time").isTrue();
    }

    @Test
    void createUpdateWithJournalAndDeleteEachSendOneEvent() throws Exception {
        TestHttp http = env.server().asAdmin();
        String sysId = http.post("/api/now/table/incident",
                "{\"short_description\": \"Sync me\", \"correlation_id\": \"PROJ-1\", \"caller_id\": \"admin\"}")
                .json().at("/result/sys_id").asText();
        http.patch("/api/now/table/incident/" + sysId, "{\"state\": \"2\", \"comments\": \"on it\"}");
        http.patch("/api/now/table/incident/" + sysId, "{\"state\": \"2\"}");
        http.delete("/api/now/table/incident/" + sysId);
        awaitDeliveries();

        assertThat(receiver().received()).extracting(r -> r.json().get("event").asText())
                .containsExactly("incident.created", "incident.updated", "incident.deleted");
        JsonNode created = receiver().received().get(0).json();
        assertThat(created.at("/record/correlation_id").asText()).isEqualTo("PROJ-1");
        assertThat(created.at("/record/caller_id").asText()).isEqualTo(emulator().admin().sysId());
        assertThat(created.get("sys_id").asText()).isEqualTo(sysId);
        assertThat(created.get("number").asText()).isEqualTo("INC0010001");

        JsonNode updated = receiver().received().get(1).json();
        assertThat(updated.get("changes")).extracting(JsonNode::asText).contains("state", "incident_state", "comments");
        assertThat(updated.at("/journal/0/element").asText()).isEqualTo("comments");
        assertThat(updated.at("/journal/0/value").asText()).isEqualTo("on it");
        assertThat(updated.at("/record/state").asText()).isEqualTo("2");
        assertThat(updated.at("/record/comments").asText()).contains("(Additional comments)\non it");
        assertThat(updated.get("actor").asText()).isEqualTo("admin");
        assertThat(receiver().received()).allSatisfy(r -> {
            assertThat(r.header("Content-Type")).startsWith("application/json");
            assertThat(r.header(ServiceNowEmulator.EVENT_ID_HEADER)).isEqualTo(r.json().get("id").asText());
            assertThat(r.header(ServiceNowEmulator.SIGNATURE_HEADER)).as("registered without a secret").isNull();
        });
        assertThat(receiver().received()).extracting(r -> r.header(ServiceNowEmulator.EVENT_ID_HEADER))
                .doesNotHaveDuplicates();
    }

    @Test
    void aSecretSignsEveryAttemptAndRetriesKeepTheEventId() throws Exception {
        String secret = "s3cr\u00e9t-shared-with-the-sync";
        emulator().addWebhook(receiver().url(), secret);
        receiver().answerNext(500, 503);

        Incident incident = emulator().createIncident("Signed");
        emulator().addComment(incident.sysId(), "caf\u00e9 \u2615 needs a fix");
        awaitDeliveries();

        List<WebhookReceiver.Received> attempts = receiver().requests();
        assertThat(attempts).as("the URL is registered once: re-registering only added the secret").hasSize(4);
        assertThat(emulator().webhooks()).containsExactly(receiver().url());
        List<WebhookReceiver.Received> firstEvent = attempts.subList(0, 3);
        String eventId = firstEvent.get(0).json().get("id").asText();
        assertThat(firstEvent).allSatisfy(a -> {
            assertThat(a.header(ServiceNowEmulator.EVENT_ID_HEADER)).isEqualTo(eventId);
            assertThat(a.body()).isEqualTo(firstEvent.get(0).body());
        });
        assertThat(attempts.get(3).header(ServiceNowEmulator.EVENT_ID_HEADER)).isNotEqualTo(eventId)
                .isEqualTo(attempts.get(3).json().get("id").asText());
        assertThat(attempts).allSatisfy(a -> {
            assertThat(a.header(ServiceNowEmulator.SIGNATURE_HEADER)).isEqualTo("sha256=" + hmac(secret, a.body()));
            assertThat(a.header(ServiceNowEmulator.SIGNATURE_HEADER))
                    .isNotEqualTo("sha256=" + hmac("another secret", a.body()));
        });
        assertThat(attempts.get(3).json().at("/journal/0/value").asText()).isEqualTo("caf\u00e9 \u2615 needs a fix");
        assertThat(emulator().webhookDeliveries()).extracting(WebhookDelivery::eventId, WebhookDelivery::attempts)
                .containsExactly(tuple(eventId, 3), tuple(attempts.get(3).header(ServiceNowEmulator.EVENT_ID_HEADER), 1));

        emulator().addWebhook(receiver().url());
        emulator().createIncident("Unsigned again");
        awaitDeliveries();
        assertThat(receiver().requests()).last()
                .satisfies(a -> assertThat(a.header(ServiceNowEmulator.SIGNATURE_HEADER)).isNull());
    }

    @Test
    void attachmentsSendTheirOwnEventsAndDoNotUpdateTheIncident() throws Exception {
        Incident incident = emulator().createIncident("Files");
        Attachment attachment = emulator().addAttachment(incident.sysId(), "screen.png", "image/png", new byte[] {1, 2});
        TestHttp.Reply deleted = env.server().asAdmin().delete("/api/now/attachment/" + attachment.sysId());
        assertThat(deleted.status()).isEqualTo(204);
        awaitDeliveries();

        assertThat(receiver().received()).extracting(r -> r.json().get("event").asText())
                .containsExactly("incident.created", "attachment.uploaded", "attachment.deleted");
        JsonNode uploaded = receiver().received().get(1).json();
        assertThat(uploaded.get("table").asText()).isEqualTo("incident");
        assertThat(uploaded.get("sys_id").asText()).isEqualTo(incident.sysId());
        assertThat(uploaded.get("number").asText()).isEqualTo(incident.number());
        assertThat(uploaded.get("actor").asText()).isEqualTo("admin");
        assertThat(uploaded.at("/attachment/sys_id").asText()).isEqualTo(attachment.sysId());
        assertThat(uploaded.at("/attachment/file_name").asText()).isEqualTo("screen.png");
        assertThat(uploaded.at("/attachment/size_bytes").asText()).isEqualTo("2");
        assertThat(receiver().received().get(2).json().at("/attachment/sys_id").asText())
                .isEqualTo(attachment.sysId());
        assertThat(emulator().incident(incident.sysId())).hasValue(incident);
    }

    @Test
    void aBlankSecretIsRefused() {
        assertThatThrownBy(() -> emulator().addWebhook(receiver().url(), " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> emulator().addWebhook(URI.create("ftp://example.com/hook"), "secret"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(emulator().webhooks()).containsExactly(receiver().url());
    }

    /** The receiver's check: Base64 HMAC-SHA256 of the raw body, keyed with the secret's UTF-8 bytes. */
    private static String hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void adminApiChangesAreSentTooAndFailuresAreRetried() throws Exception {
        receiver().answerNext(502);
        Incident incident = emulator().createIncident("From the admin API");
        emulator().addWorkNote(incident.sysId(), "note");
        awaitDeliveries();

        assertThat(receiver().received()).extracting(r -> r.json().get("event").asText())
                .containsExactly("incident.created", "incident.updated");
        assertThat(receiver().attempts()).isEqualTo(3);
        assertThat(emulator().webhookDeliveries()).extracting(WebhookDelivery::attempts).containsExactly(2, 1);
        assertThat(receiver().received().get(1).json().at("/journal/0/element").asText()).isEqualTo("work_notes");
    }
}
