package dev.cameljira.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.servicenow.Incident;
import dev.cameljira.sandbox.servicenow.IncidentState;
import dev.cameljira.sandbox.servicenow.JournalEntry;
import dev.cameljira.sandbox.servicenow.ServiceNowEmulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** jira-servicenow-sync with polling alone, end to end through the real camel-servicenow component. */
class ServiceNowSyncPollingTest extends SyncTestSupport {

    @BeforeEach
    void start() {
        environment();
        env.instantiate("jira-servicenow-sync", "servicenow-sync", env.params());
        env.start();
    }


    private ServiceNowEmulator sn() {
        return env.sandbox.serviceNow();
    }

    @Test
    void aNewIncidentBecomesOneIssueLinkedBothWays() {
        Incident incident = sn().createIncident(Map.of("short_description", "Mail server down",
                "description", "Nobody receives mail since 9:00.", "impact", "1", "urgency", "2"));

        String key = env.awaitIncidentKey(incident.sysId());

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
        String key = env.awaitIncidentKey(incident.sysId());

        env.sandbox.admin().addComment(key, "Sent a technician.");
        await().atMost(Duration.ofSeconds(20)).until(() -> sn().journal(incident.sysId()).size() == 1);
        JournalEntry copied = sn().journal(incident.sysId()).get(0);
        assertThat(copied.isWorkNote()).isFalse();
        assertThat(copied.value()).startsWith("Sandbox Admin (Jira): Sent a technician.");

        sn().addComment(incident.sysId(), "Still jammed.");
        sn().addWorkNote(incident.sysId(), "Internal: order a new roller.");
        await().atMost(Duration.ofSeconds(20)).until(() -> env.jiraComments(key).size() == 2);
        assertThat(env.jiraComments(key).get(1)).contains("(ServiceNow): Still jammed.");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() ->
                sn().journal(incident.sysId()).size() == 3 && env.jiraComments(key).size() == 2);
        assertThat(String.join("\n", env.jiraComments(key))).doesNotContain("roller");
    }

    @Test
    void doneResolvesTheIncidentWithTheCloseCodeAndNotes() {
        Incident incident = sn().createIncident("VPN flaky");
        String key = env.awaitIncidentKey(incident.sysId());

        env.sandbox.admin().transition(key, "Done");

        await().atMost(Duration.ofSeconds(20)).until(() ->
                sn().incident(incident.sysId()).orElseThrow().state() == IncidentState.RESOLVED);
        Incident resolved = sn().incident(incident.sysId()).orElseThrow();
        assertThat(resolved.closeCode()).isEqualTo("Solution provided");
        assertThat(resolved.closeNotes()).contains(key);
    }
}
