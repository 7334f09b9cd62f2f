package dev.cameljira.examples.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.SandboxUsers;
import dev.cameljira.sandbox.spec.HttpExchangeRecord;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The application as {@code main} builds it, started against a sandbox Jira Cloud and a sandbox Jira Data Center
 * with nothing changed but the properties a user sets (URL and, for Data Center, user name and password): the demo
 * files three Bugs from typed requests, lists them through a paged search, and takes the first through its workflow
 * with comments. The same routes work on both deployments, and every call they make follows Atlassian's spec.
 */
class JavaProducerExampleTest {
    private JiraSandbox sandbox;
    private Main main;

    @AfterEach
    void stop() {
        try {
            if (main != null) {
                main.stop();
            }
        } finally {
            sandbox.close();
        }
    }

    @ParameterizedTest
    @EnumSource(JiraSandbox.Mode.class)
    void theDemoFilesSearchesMovesAndCommentsOnIssues(JiraSandbox.Mode mode) {
        // every exchange is checked against Atlassian's OpenAPI document of the deployment (shared oracles)
        sandbox = JiraSandbox.builder().mode(mode).validateAgainstSpec(true).build();
        main = JavaProducerApplication.newMain();
        main.addOverrideProperty("jira.url", sandbox.baseUrl());
        if (mode == JiraSandbox.Mode.SERVER) {
            // Data Center: a user name and its password
            main.addOverrideProperty("jira.username", SandboxUsers.ADMIN_NAME);
            main.addOverrideProperty("jira.api-token", SandboxUsers.ADMIN_TOKEN);
        }
        main.addOverrideProperty("camel.main.duration-max-idle-seconds", "0");
        main.addOverrideProperty("demo.delay", "0");
        main.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.admin().issueCount() == 3
                && "Done".equals(sandbox.admin().issue("DEMO-1").at("/fields/status/name").asText()));

        for (String key : List.of("DEMO-1", "DEMO-2", "DEMO-3")) {
            JsonNode fields = sandbox.admin().issue(key).path("fields");
            assertThat(fields.at("/issuetype/name").asText()).isEqualTo("Bug");
            assertThat(fields.at("/priority/name").asText()).isEqualTo("High");
            assertThat(fields.path("labels")).extracting(JsonNode::asText).containsExactly("camel-java-producer");
            // Markdown in, ADF (Cloud, REST v3) or wiki markup (Data Center, v2) out
            assertThat(fields.path("description").toString()).contains("camel-jira").contains("found by: monitoring");
        }
        assertThat(sandbox.admin().issue("DEMO-1").at("/fields/summary").asText()).isEqualTo("Printer on floor 3 is on fire");
        assertThat(sandbox.admin().issue("DEMO-2").at("/fields/status/name").asText()).isEqualTo("To Do");

        JsonNode comments = sandbox.admin().issue("DEMO-1").at("/fields/comment/comments");
        assertThat(comments).hasSize(2);
        assertThat(comments.get(0).path("body").toString()).contains("On it");
        assertThat(comments.get(1).path("body").toString()).contains("Root cause: a loose cable. Fixed.");

        // three open issues, two per page: the search was read in two calls, paged the way the deployment pages
        List<HttpExchangeRecord> searches = sandbox.admin().requests().stream()
                .filter(r -> r.path().endsWith(mode == JiraSandbox.Mode.CLOUD ? "/rest/api/3/search/jql" : "/rest/api/2/search"))
                .toList();
        assertThat(searches).hasSize(2);
        String secondPage = new String(searches.get(1).requestBody(), StandardCharsets.UTF_8);
        assertThat(secondPage).contains(mode == JiraSandbox.Mode.CLOUD ? "nextPageToken" : "\"startAt\":2");
        assertThat(sandbox.admin().specViolations()).isEmpty();
    }
}
