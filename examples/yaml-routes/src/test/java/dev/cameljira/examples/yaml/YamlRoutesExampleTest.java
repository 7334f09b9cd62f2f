package dev.cameljira.examples.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.SandboxUsers;
import dev.cameljira.sandbox.servicenow.Incident;
import dev.cameljira.sandbox.servicenow.ServiceNowEmulator;
import dev.cameljira.sandbox.spec.HttpExchangeRecord;
import dev.cameljira.sandbox.zendesk.TicketDraft;
import dev.cameljira.sandbox.zendesk.ZendeskEmulator;
import dev.cameljira.sandbox.zendesk.ZendeskTicket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example as a user runs it: Camel Main in its own JVM with the example's application.properties and YAML routes,
 * pointed at a sandbox on a free port by environment variables alone (JIRA_URL, ZENDESK_URL, SERVICENOW_API_URL,
 * timings). One start for the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class YamlRoutesExampleTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private Path workDir;
    private JiraSandbox sandbox;
    private ExampleProcess app;
    private List<String> openAtStart;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        workDir = dir;
        sandbox = JiraSandbox.start(JiraSandbox.Mode.CLOUD);
        openAtStart = List.of(
                sandbox.admin().createIssue("DEMO", "Task", "Printer on fire"),
                sandbox.admin().createIssue("DEMO", "Bug", "Coffee machine leaks"),
                sandbox.admin().createIssue("DEMO", "Task", "Badge reader offline"));
        String done = sandbox.admin().createIssue("DEMO", "Task", "Already fixed");
        sandbox.admin().transition(done, "Done");

        app = ExampleProcess.start(workDir, Map.of(
                "JIRA_URL", sandbox.baseUrl(),
                "ZENDESK_URL", sandbox.baseUrl(),
                "SERVICENOW_API_URL", sandbox.baseUrl() + "/api",
                "SCAN_PERIOD", "1000",
                "SCAN_PAGE_SIZE", "2",
                "WATCH_DELAY", "500",
                "SYNC_POLL_INTERVAL", "500ms",
                // Zendesk stamps tickets to the second: a ticket made in the second the sync starts is not "new"
                "SYNC_SINCE", "-5m"), List.of());
        await().atMost(WAIT).until(() -> app.outputText().contains("(jira-yaml-routes) started in") || !app.isAlive());
        assertThat(app.isAlive()).as(app.outputText()).isTrue();
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            sandbox.close();
        }
    }

    @Test
    @Order(1)
    void camelMainFindsBothSyncTemplatesWithoutBeingToldWhereTheyAre() {
        assertThat(app.output()).anyMatch(l -> l.contains("Started zendesk-sync"))
                .anyMatch(l -> l.contains("Started servicenow-sync"))
                .anyMatch(l -> l.contains("zendesk-sync started: Jira DEMO <-> Zendesk"))
                .anyMatch(l -> l.contains("servicenow-sync started: Jira DEMO <-> ServiceNow"));
    }

    @Test
    @Order(2)
    void theProducerRouteLogsTheOpenIssuesFetchedPageByPage() {
        await().atMost(WAIT).untilAsserted(() -> assertThat(app.output())
                .anyMatch(l -> l.contains("open issue " + openAtStart.get(0) + " [To Do] Printer on fire"))
                .anyMatch(l -> l.contains("open issue " + openAtStart.get(1) + " [To Do] Coffee machine leaks"))
                .anyMatch(l -> l.contains("open issue " + openAtStart.get(2) + " [To Do] Badge reader offline")));
        assertThat(app.output()).noneMatch(l -> l.contains("Already fixed"));
        // three open issues, two per page: the splitter pulled a second page with Cloud's nextPageToken
        List<HttpExchangeRecord> searches = sandbox.admin().requests().stream()
                .filter(r -> r.path().endsWith("/search/jql") && r.requestBody() != null
                        && new String(r.requestBody()).contains("statusCategory != Done"))
                .toList();
        assertThat(searches).anyMatch(r -> new String(r.requestBody()).contains("nextPageToken"));
    }

    @Test
    @Order(3)
    void aZendeskTicketBecomesAJiraIssueAndThePollingConsumerSeesIt() {
        ZendeskEmulator zendesk = sandbox.zendesk();
        ZendeskTicket ticket = zendesk.createTicket(TicketDraft.of("Projector flickers", "Room 4.12, since Monday."));

        await().atMost(WAIT).until(() -> zendesk.ticket(ticket.id()).orElseThrow().externalId() != null);
        String key = zendesk.ticket(ticket.id()).orElseThrow().externalId();
        JsonNode issue = sandbox.admin().issue(key);
        assertThat(issue.at("/fields/summary").asText()).isEqualTo("Projector flickers");
        assertThat(issue.at("/fields/labels")).extracting(JsonNode::asText).contains("zendesk-" + ticket.id());
        await().atMost(WAIT).untilAsserted(() -> assertThat(app.output())
                .anyMatch(l -> l.contains("new issue " + key + ": Projector flickers")));
    }

    @Test
    @Order(4)
    void aServiceNowIncidentBecomesAJiraIssueThroughTheInstanceDeclaredInProperties() {
        ServiceNowEmulator sn = sandbox.serviceNow();
        Incident incident = sn.createIncident("Mail server down");

        await().atMost(WAIT).until(() -> !sn.incident(incident.sysId()).orElseThrow().correlationId().isEmpty());
        String key = sn.incident(incident.sysId()).orElseThrow().correlationId();
        assertThat(sandbox.admin().issue(key).at("/fields/summary").asText()).isEqualTo("Mail server down");
        await().atMost(WAIT).untilAsserted(() -> assertThat(app.output())
                .anyMatch(l -> l.contains("ServiceNow " + incident.number() + " -> Jira " + key)));
        // the cursors went to the default state directory, relative to the working directory
        assertThat(Files.exists(workDir.resolve("jira-sync-state/servicenow-sync.state"))).isTrue();
    }

    @Test
    @Order(5)
    void noCredentialReachesTheOutput() {
        assertThat(app.outputText()).doesNotContain(SandboxUsers.ADMIN_TOKEN)
                .doesNotContain(ZendeskEmulator.AGENT_API_TOKEN)
                .doesNotContain(ServiceNowEmulator.ADMIN_PASSWORD)
                .contains("camel.component.jira.apiToken = xxxxxx");
    }
}
