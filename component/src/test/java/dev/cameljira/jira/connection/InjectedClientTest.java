package dev.cameljira.jira.connection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.client.JiraAuth;
import dev.cameljira.jira.client.JiraClient;
import dev.cameljira.jira.client.JiraClientConfig;
import dev.cameljira.jira.client.JiraRequest;
import dev.cameljira.jira.model.JiraComment;
import dev.cameljira.jira.model.JiraIssue;
import dev.cameljira.sandbox.SandboxUsers;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jiraClient option (like camel-telegram's client): a client from the registry serves endpoints that carry no
 * connection options, retries with its own sleeper (so tests never sleep), and is closed by its owner, not by the
 * endpoints that used it.
 */
class InjectedClientTest extends SandboxPairSupport {

    @Test
    void endpointsShareAnInjectedClientWaitWithItsSleeperAndLeaveItOpen() throws Exception {
        String key = cloud.admin().createIssue("DEMO", "Task", "Shared client");
        cloud.admin().addComment(key, "first");
        List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
        try (JiraClient client = new JiraClient(JiraClientConfig.builder(cloud.baseUrl())
                .auth(JiraAuth.basic(SandboxUsers.ADMIN_EMAIL, SandboxUsers.ADMIN_TOKEN)).sleeper(waits::add).build())) {
            try (CamelFixture ctx = CamelFixture.start((context, jira) -> {
                context.getRegistry().bind("shared", client);
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:get").to("jira:getIssue?jiraClient=#shared");
                        from("direct:comments").to("jira:getComments?jiraClient=#shared");
                    }
                });
            })) {
                cloud.admin().faults().failNext("GET", "/rest/api/3/issue/" + key, 503, 1);

                JiraIssue issue = (JiraIssue) ctx.call("direct:get", null, Map.of(JiraConstants.ISSUE_KEY, key));
                @SuppressWarnings("unchecked")
                List<JiraComment> comments = (List<JiraComment>) ctx.call("direct:comments", null,
                        Map.of(JiraConstants.ISSUE_KEY, key));

                assertThat(issue.summary()).isEqualTo("Shared client");
                assertThat(comments).extracting(JiraComment::body).containsExactly("first");
                assertThat(waits).as("the client's sleeper waited the Retry-After of the 503, not the test")
                        .containsExactly(Duration.ofSeconds(1));
            }
            // the context and its endpoints are stopped; the client they shared still works
            assertThat(client.json(JiraRequest.get("/rest/api/2/serverInfo")).path("deploymentType").asText())
                    .isEqualTo("Cloud");
        }
    }
}
