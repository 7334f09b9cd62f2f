package dev.cameljira.examples.named;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.jira.model.JiraIssue;
import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.SandboxUsers;
import dev.cameljira.sandbox.zendesk.TicketDraft;
import dev.cameljira.sandbox.zendesk.ZendeskTicket;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example's Camel Main (its application.properties and YAML route, nothing else) against two sandboxes, a Jira
 * Cloud and a Jira Data Center, each reached through its own jira component instance with its own URL and
 * credentials.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NamedConnectionsExampleTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private JiraSandbox cloud;
    private JiraSandbox dc;
    private Main main;

    @BeforeAll
    void start(@TempDir Path state) {
        cloud = JiraSandbox.start(JiraSandbox.Mode.CLOUD);
        dc = JiraSandbox.start(JiraSandbox.Mode.SERVER);
        main = new Main();
        Map.of("jira-cloud.url", cloud.baseUrl(),
                "jira-dc.url", dc.baseUrl(),
                "zendesk.url", dc.baseUrl(),
                "copy.delay", "500",
                "sync.poll-interval", "500ms",
                // Zendesk stamps tickets to the second: a ticket made in the second the sync starts is not "new"
                "sync.since", "-5m",
                "sync.state-dir", state.toString()).forEach(main::addOverrideProperty);
        main.start();
    }

    @AfterAll
    void stop() {
        try {
            main.stop();
        } finally {
            cloud.close();
            dc.close();
        }
    }

    @Test
    void aLabelledDataCenterIssueIsCopiedToCloudAndAnUnlabelledOneIsNot() {
        String shared = dc.admin().createIssue("DEMO", "Bug", "Disk full on build agent",
                Map.of("labels", List.of("share-with-cloud")));
        String local = dc.admin().createIssue("DEMO", "Task", "Rotate the on-call roster");

        await().atMost(WAIT).until(() -> cloudIssuesLabelled("dc-" + shared).size() == 1);
        JsonNode copy = cloud.admin().issue(cloudIssuesLabelled("dc-" + shared).get(0));
        assertThat(copy.at("/fields/summary").asText()).isEqualTo("Disk full on build agent");
        assertThat(copy.at("/fields/issuetype/name").asText()).isEqualTo("Bug");
        assertThat(copy.at("/fields/labels")).extracting(JsonNode::asText).contains("copied-from-dc");
        assertThat(copy.at("/fields/description").toString()).contains("Copied from Jira Data Center " + shared);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> cloudIssuesLabelled("dc-" + local).isEmpty());
    }

    @Test
    void theSyncInstanceOnTheDataCenterConnectionTurnsZendeskTicketsIntoDataCenterIssues() {
        ZendeskTicket ticket = dc.zendesk().createTicket(TicketDraft.of("Laptop will not boot", "Since the update."));

        await().atMost(WAIT).until(() -> dc.zendesk().ticket(ticket.id()).orElseThrow().externalId() != null);
        String key = dc.zendesk().ticket(ticket.id()).orElseThrow().externalId();
        JsonNode issue = dc.admin().issue(key);
        assertThat(issue.at("/fields/summary").asText()).isEqualTo("Laptop will not boot");
        assertThat(issue.at("/fields/labels")).extracting(JsonNode::asText).contains("zendesk-" + ticket.id());
        assertThat(cloudIssuesLabelled("zendesk-" + ticket.id())).isEmpty();
    }

    @Test
    void eachConnectionUsesItsOwnUrlAndCredentials() {
        await().atMost(WAIT).until(() -> !dc.admin().requests().isEmpty());
        String dcBasic = basic(SandboxUsers.ADMIN_NAME, SandboxUsers.ADMIN_TOKEN);
        String cloudBasic = basic(SandboxUsers.ADMIN_EMAIL, SandboxUsers.ADMIN_TOKEN);
        assertThat(dc.admin().requests()).allSatisfy(r ->
                assertThat(r.requestHeader("Authorization")).as(r.path()).isEqualTo(dcBasic));
        assertThat(cloud.admin().requests()).allSatisfy(r ->
                assertThat(r.requestHeader("Authorization")).as(r.path()).isEqualTo(cloudBasic));
        // and speaks each one's API: v2 to Data Center, v3 (ADF) to Cloud
        assertThat(dc.admin().requests()).allSatisfy(r -> assertThat(r.path()).startsWith("/rest/api/2/"));
        assertThat(cloud.admin().requests()).isNotEmpty()
                .allSatisfy(r -> assertThat(r.path()).startsWith("/rest/api/3/"));
    }

    @Test
    void aDashedComponentNameIsDeclaredInYamlAndConfiguredFromProperties() {
        String key = dc.admin().createIssue("DEMO", "Task", "Read through jira-dc:");
        Main dashed = new Main();
        // the YAML route and these properties only: not the example's application.properties, whose Zendesk sync would
        // run a second time in this JVM. camel-zendesk (Camel's AbstractApiEndpoint) runs every call on one thread pool
        // per JVM, made by the CamelContext that calls first and shut down when that context stops, while the other
        // context's endpoint keeps it: had this short-lived Main called Zendesk first, stopping it would strand the
        // example's sync, its next poll waiting forever for a call the dead pool never runs (seen once in CI)
        dashed.setDefaultPropertyPlaceholderLocation("false");
        Map.of("camel.main.routes-include-pattern", "classpath:dashed/*.yaml",
                "camel.component.jira-dc.jira-url", dc.baseUrl(),
                "camel.component.jira-dc.username", SandboxUsers.ADMIN_NAME,
                "camel.component.jira-dc.password", SandboxUsers.ADMIN_TOKEN).forEach(dashed::addOverrideProperty);
        dashed.start();
        try {
            JiraIssue issue = dashed.getCamelContext().createProducerTemplate()
                    .requestBodyAndHeader("direct:read-dc-issue", null, "CamelJiraIssueKey", key, JiraIssue.class);
            assertThat(issue.summary()).isEqualTo("Read through jira-dc:");
            assertThat(dashed.getCamelContext().getRoutes()).extracting(org.apache.camel.Route::getRouteId)
                    .containsExactly("read-dc-issue");
        } finally {
            dashed.stop();
        }
    }

    private List<String> cloudIssuesLabelled(String label) {
        List<String> keys = new java.util.ArrayList<>();
        for (int i = 1; i <= cloud.admin().issueCount(); i++) {
            JsonNode issue = cloud.admin().issue("DEMO-" + i);
            for (JsonNode l : issue.at("/fields/labels")) {
                if (l.asText().equals(label)) {
                    keys.add("DEMO-" + i);
                }
            }
        }
        return keys;
    }

    private static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }
}
