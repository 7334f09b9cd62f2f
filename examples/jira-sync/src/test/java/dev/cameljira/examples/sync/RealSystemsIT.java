package dev.cameljira.examples.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.SandboxUsers;
import dev.cameljira.sandbox.servicenow.Incident;
import dev.cameljira.sandbox.servicenow.IncidentState;
import dev.cameljira.sandbox.servicenow.ServiceNowEmulator;
import dev.cameljira.sandbox.zendesk.TicketDraft;
import dev.cameljira.sandbox.zendesk.ZendeskEmulator;
import dev.cameljira.sandbox.zendesk.ZendeskStatus;
import dev.cameljira.sandbox.zendesk.ZendeskTicket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service pointed by the documented environment variables at "real" systems: a standalone sandbox
 * (Jira Cloud, Zendesk, ServiceNow with an OAuth client) on a free port, no PUBLIC_URL (polling alone, every 2 s).
 */
class RealSystemsIT {
    /** The issue's bound for each step against real systems polled every 2 s. */
    private static final Duration STEP = Duration.ofSeconds(30);

    private static JiraSandbox sandbox;
    private static AppProcess app;
    @TempDir
    static Path workDir;

    @BeforeAll
    static void start() throws Exception {
        sandbox = JiraSandbox.builder().port(0).build();
        String base = sandbox.baseUrl();
        app = AppProcess.startAndAwaitLive(workDir, Map.ofEntries(
                Map.entry("JIRA_URL", base + "/"),
                Map.entry("JIRA_USERNAME", SandboxUsers.ADMIN_EMAIL),
                Map.entry("JIRA_API_TOKEN", SandboxUsers.ADMIN_TOKEN),
                Map.entry("ZENDESK_URL", base),
                Map.entry("ZENDESK_USERNAME", ZendeskEmulator.AGENT_EMAIL),
                Map.entry("ZENDESK_TOKEN", ZendeskEmulator.AGENT_API_TOKEN),
                Map.entry("SERVICENOW_URL", base),
                Map.entry("SERVICENOW_USERNAME", ServiceNowEmulator.ADMIN_USER),
                Map.entry("SERVICENOW_PASSWORD", ServiceNowEmulator.ADMIN_PASSWORD),
                Map.entry("SERVICENOW_CLIENT_ID", ServiceNowEmulator.OAUTH_CLIENT_ID),
                Map.entry("SERVICENOW_CLIENT_SECRET", ServiceNowEmulator.OAUTH_CLIENT_SECRET),
                Map.entry("JIRA_PROJECT", "DEMO"),
                Map.entry("SYNC_POLL_INTERVAL", "2s"),
                // the whole story in target/it-logs when a step fails, and more lines for the no-credential check
                Map.entry("QUARKUS_LOG_CATEGORY__DEV_CAMELJIRA__LEVEL", "DEBUG"),
                Map.entry("QUARKUS_LOG_CATEGORY__ORG_APACHE_CAMEL_PROCESSOR_ERRORHANDLER__LEVEL", "DEBUG")));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void aTicketAndAnIncidentBecomeJiraIssues() {
        ZendeskTicket ticket = sandbox.zendesk().createTicket(TicketDraft.of("Projector flickers", "Room 4.12"));
        Incident incident = sandbox.serviceNow().createIncident("Wi-Fi down in building B");

        String ticketKey = issueOf(ticket);
        String incidentKey = issueOf(incident);

        assertThat(sandbox.admin().issue(ticketKey).at("/fields/summary").asText()).isEqualTo("Projector flickers");
        assertThat(sandbox.admin().issue(incidentKey).at("/fields/summary").asText())
                .isEqualTo("Wi-Fi down in building B");
        await().atMost(Duration.ofSeconds(5)).until(() -> app.output().contains(
                "Zendesk #" + ticket.id() + " -> Jira " + ticketKey + " created"));
        assertThat(app.output()).contains("ServiceNow " + incident.number() + " -> Jira " + incidentKey + " created");
    }

    @Test
    void aJiraCommentReachesBothAndDoneSolvesTheTicketAndResolvesTheIncident() {
        ZendeskTicket ticket = sandbox.zendesk().createTicket(TicketDraft.of("Keyboard missing keys", "The Q is gone"));
        Incident incident = sandbox.serviceNow().createIncident("Payroll export fails");
        String ticketKey = issueOf(ticket);
        String incidentKey = issueOf(incident);
        String text = "A technician is on the way " + UUID.randomUUID();

        sandbox.admin().addComment(ticketKey, text);
        sandbox.admin().addComment(incidentKey, text);
        await().atMost(STEP).until(() -> sandbox.zendesk().comments(ticket.id()).stream()
                .anyMatch(c -> c.body().contains(text)));
        await().atMost(STEP).until(() -> sandbox.serviceNow().journal(incident.sysId()).stream()
                .anyMatch(j -> j.value().contains(text)));

        sandbox.admin().transition(ticketKey, "Done");
        sandbox.admin().transition(incidentKey, "Done");
        await().atMost(STEP).until(() -> sandbox.zendesk().ticket(ticket.id()).orElseThrow().status()
                == ZendeskStatus.SOLVED);
        await().atMost(STEP).until(() -> sandbox.serviceNow().incident(incident.sysId()).orElseThrow().state()
                == IncidentState.RESOLVED);
    }

    @Test
    void withoutPublicUrlNoWebhookIsRegisteredAndReadinessIsUpForEachBackEnd() throws Exception {
        assertThat(sandbox.admin().webhooks()).isEmpty();
        assertThat(app.output()).contains("no PUBLIC_URL: no webhooks");

        HttpResponse<String> ready = app.get("/q/health/ready");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        List<String> checks = new ArrayList<>();
        for (JsonNode c : Http.JSON.readTree(ready.body()).path("checks")) {
            checks.add(c.path("name").asText() + "=" + c.path("status").asText());
        }
        assertThat(checks).contains("jira=UP", "zendesk=UP", "servicenow=UP");
    }

    @Test
    void noCredentialAppearsInTheOutput() {
        ZendeskTicket ticket = sandbox.zendesk().createTicket(TicketDraft.of("Log check", "A ticket to make some noise"));
        issueOf(ticket);
        assertThat(app.output()).doesNotContain(SandboxUsers.ADMIN_TOKEN, ZendeskEmulator.AGENT_API_TOKEN,
                ServiceNowEmulator.ADMIN_PASSWORD, ServiceNowEmulator.OAUTH_CLIENT_SECRET);
    }

    private String issueOf(ZendeskTicket ticket) {
        await().atMost(STEP).until(() -> Linked.isJiraKey(sandbox.zendesk().ticket(ticket.id()).orElseThrow().externalId()));
        return sandbox.zendesk().ticket(ticket.id()).orElseThrow().externalId();
    }

    private String issueOf(Incident incident) {
        await().atMost(STEP).until(() ->
                Linked.isJiraKey(sandbox.serviceNow().incident(incident.sysId()).orElseThrow().correlationId()));
        return sandbox.serviceNow().incident(incident.sysId()).orElseThrow().correlationId();
    }
}
