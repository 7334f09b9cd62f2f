package dev.cameljira.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.servicenow.Incident;
import dev.cameljira.sandbox.servicenow.IncidentState;
import dev.cameljira.sandbox.servicenow.JournalEntry;
import dev.cameljira.sandbox.servicenow.ServiceNowEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jira-servicenow-sync with polling alone, end to end through the real camel-servicenow component. */
class ServiceNowSyncPollingTest {
    @TempDir
    Path state;
    private SyncEnvironment env;

    @BeforeEach
    void start() {
        env = new SyncEnvironment(JiraSandbox.start(JiraSandbox.Mode.CLOUD), state);
        env.instantiate("jira-servicenow-sync", "servicenow-sync", env.params());
        env.start();
    }

    @AfterEach
    void stop() {
        env.close();
    }

    private ServiceNowEmulator sn() {
        return env.sandbox.serviceNow();
    }

    private String issueOf(Incident incident) {
        await().atMost(Duration.ofSeconds(20)).until(() -> SyncEnvironment.linked(sn().incident(incident.sysId()).orElseThrow().correlationId()));
        return sn().incident(incident.sysId()).orElseThrow().correlationId();
    }

    @Test
    void aNewIncidentBecomesOneIssueLinkedBothWays() {
        Incident incident = sn().createIncident(Map.of("short_description", "Mail server down",
                "description", "Nobody receives mail since 9:00.", "impact", "1", "urgency", "2"));

        String key = issueOf(incident);

        JsonNode issue = env.sandbox.admin().issue(key);
        assertThat(issue.path("fields").path("summary").asText()).isEqualTo("Mail server down");
        assertThat(issue.path("fields").path("priority").path("name").asText()).isEqualTo("High");
        assertThat(issue.path("fields").path("labels")).extracting(JsonNode::asText)
                .contains("servicenow-" + incident.number());
        assertThat(issue.path("fields").path("description").toString()).contains("Nobody receives mail")
                .contains(incident.sysId());
        assertThat(sn().incident(incident.sysId()).orElseThrow().correlationDisplay()).isEqualTo("Jira");
        assertThat(env.issuesLabelled("servicenow-" + incident.number())).containsExactly(key);
    }

    @Test
    void commentsGoToAdditionalCommentsAndWorkNotesStayInServiceNow() {
        Incident incident = sn().createIncident("Printer jam");
        String key = issueOf(incident);

        env.sandbox.admin().addComment(key, "Sent a technician.");
        await().atMost(Duration.ofSeconds(20)).until(() -> sn().journal(incident.sysId()).size() == 1);
        JournalEntry copied = sn().journal(incident.sysId()).get(0);
        assertThat(copied.isWorkNote()).isFalse();
        assertThat(copied.value()).startsWith("Sandbox Admin (Jira): Sent a technician.");

        sn().addComment(incident.sysId(), "Still jammed.");
        sn().addWorkNote(incident.sysId(), "Internal: order a new roller.");
        await().atMost(Duration.ofSeconds(20)).until(() -> jiraComments(key).size() == 2);
        assertThat(jiraComments(key).get(1)).contains("(ServiceNow): Still jammed.");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() ->
                sn().journal(incident.sysId()).size() == 3 && jiraComments(key).size() == 2);
        assertThat(String.join("\n", jiraComments(key))).doesNotContain("roller");
    }

    @Test
    void doneResolvesTheIncidentWithTheCloseCodeAndNotes() {
        Incident incident = sn().createIncident("VPN flaky");
        String key = issueOf(incident);

        env.sandbox.admin().transition(key, "Done");

        await().atMost(Duration.ofSeconds(20)).until(() ->
                sn().incident(incident.sysId()).orElseThrow().state() == IncidentState.RESOLVED);
        Incident resolved = sn().incident(incident.sysId()).orElseThrow();
        assertThat(resolved.closeCode()).isEqualTo("Solution provided");
        assertThat(resolved.closeNotes()).contains(key);
    }

    private List<String> jiraComments(String key) {
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode c : env.sandbox.admin().issue(key).path("fields").path("comment").path("comments")) {
            out.add(ZendeskSyncPollingTest.plain(c.path("body")));
        }
        return out;
    }
}
