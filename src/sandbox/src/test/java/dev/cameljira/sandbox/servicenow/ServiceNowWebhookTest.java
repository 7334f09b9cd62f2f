package dev.cameljira.sandbox.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.emulator.TestHttp;
import dev.cameljira.sandbox.emulator.WebhookReceiver;
import dev.cameljira.sandbox.emulator.WebhookTestExtension;
import java.time.Duration;
import java.util.Map;
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
        assertThat(receiver().received()).allSatisfy(r ->
                assertThat(r.header("Content-Type")).startsWith("application/json"));
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
