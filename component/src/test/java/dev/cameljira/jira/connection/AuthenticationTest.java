package dev.cameljira.jira.connection;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.client.JiraAuthenticationException;
import dev.cameljira.jira.client.JiraPermissionException;
import dev.cameljira.jira.model.JiraIssue;
import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.SandboxUsers;
import dev.cameljira.sandbox.spec.HttpExchangeRecord;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auth matrix: Cloud basic (e-mail + API token) and Bearer (OAuth 2.0 access token), Data Center basic (user name +
 * password) and Bearer (personal access token). Each is proven by what Jira recorded: the issue's reporter is the user
 * whose credentials were sent, and every request carried the expected Authorization header. Wrong credentials and a
 * missing permission become typed errors that name the user but never the secret.
 */
class AuthenticationTest extends SandboxPairSupport {

    @Test
    void cloudBasicAuthWithEmailAndApiTokenActsAsThatUser() {
        String uri = uri("createIssue", cloud, "username=" + SandboxUsers.USER_EMAIL + "&apiToken=" + SandboxUsers.USER_TOKEN);

        JiraIssue issue = (JiraIssue) camel.call(uri, null, newIssue("Task", "Cloud basic"));

        JsonNode reporter = cloud.admin().issue(issue.key()).at("/fields/reporter");
        assertThat(reporter.path("accountId").asText()).isEqualTo(SandboxUsers.USER_ACCOUNT_ID);
        assertEveryRequestCarried(cloud, basic(SandboxUsers.USER_EMAIL, SandboxUsers.USER_TOKEN));
    }

    @Test
    void cloudBearerAccessTokenActsAsItsUser() {
        String uri = uri("createIssue", cloud, "accessToken=" + SandboxUsers.USER_OAUTH2_TOKEN);

        JiraIssue issue = (JiraIssue) camel.call(uri, null, newIssue("Task", "Cloud OAuth 2.0"));

        assertThat(cloud.admin().issue(issue.key()).at("/fields/reporter/accountId").asText())
                .isEqualTo(SandboxUsers.USER_ACCOUNT_ID);
        assertEveryRequestCarried(cloud, "Bearer " + SandboxUsers.USER_OAUTH2_TOKEN);
    }

    @Test
    void serverBasicAuthWithUserNameAndPasswordActsAsThatUser() {
        String uri = uri("createIssue", server, "username=" + SandboxUsers.USER_NAME + "&password=" + SandboxUsers.USER_TOKEN);

        JiraIssue issue = (JiraIssue) camel.call(uri, null, newIssue("Task", "Server basic"));

        assertThat(server.admin().issue(issue.key()).at("/fields/reporter/name").asText()).isEqualTo(SandboxUsers.USER_NAME);
        assertEveryRequestCarried(server, basic(SandboxUsers.USER_NAME, SandboxUsers.USER_TOKEN));
    }

    @Test
    void serverBearerPersonalAccessTokenActsAsItsUser() {
        String uri = uri("createIssue", server, "accessToken=" + SandboxUsers.USER_TOKEN);

        JiraIssue issue = (JiraIssue) camel.call(uri, null, newIssue("Task", "Server PAT"));

        assertThat(server.admin().issue(issue.key()).at("/fields/reporter/name").asText()).isEqualTo(SandboxUsers.USER_NAME);
        assertEveryRequestCarried(server, "Bearer " + SandboxUsers.USER_TOKEN);
    }

    @Test
    void accessTokenWinsOverBasicCredentials() {
        String uri = uri("createIssue", cloud, "username=" + SandboxUsers.ADMIN_EMAIL + "&apiToken=" + SandboxUsers.ADMIN_TOKEN
                                               + "&accessToken=" + SandboxUsers.USER_OAUTH2_TOKEN);

        JiraIssue issue = (JiraIssue) camel.call(uri, null, newIssue("Task", "Bearer wins"));

        assertThat(cloud.admin().issue(issue.key()).at("/fields/reporter/accountId").asText())
                .isEqualTo(SandboxUsers.USER_ACCOUNT_ID);
        assertEveryRequestCarried(cloud, "Bearer " + SandboxUsers.USER_OAUTH2_TOKEN);
    }

    @ParameterizedTest
    @EnumSource(JiraSandbox.Mode.class)
    void wrongTokenIsAnAuthenticationErrorNamingTheUserButNotTheToken(JiraSandbox.Mode mode) {
        JiraSandbox jira = sandbox(mode);
        String user = mode == JiraSandbox.Mode.CLOUD ? SandboxUsers.USER_EMAIL : SandboxUsers.USER_NAME;
        String wrong = "wrong-token-4711";
        String secretOption = mode == JiraSandbox.Mode.CLOUD ? "apiToken" : "password";
        int before = jira.admin().issueCount();

        Exchange ex = camel.send(uri("createIssue", jira, "username=" + user + "&" + secretOption + "=" + wrong), null,
                newIssue("Task", "never stored"));

        assertThat(ex.getException()).isInstanceOf(JiraAuthenticationException.class)
                .hasMessageContaining("401")
                .hasMessageContaining("'" + user + "'")
                .hasMessageNotContaining(wrong)
                .hasMessageNotContaining(Base64.getEncoder().encodeToString((user + ":" + wrong).getBytes(StandardCharsets.UTF_8)));
        assertThat(jira.admin().issueCount()).isEqualTo(before);
        assertThat(jira.admin().requests()).as("a 401 is not retried").hasSize(1);
    }

    @Test
    void wrongBearerTokenSaysAccessTokenWithoutShowingIt() {
        String wrong = "pat-that-does-not-exist";

        Exchange ex = camel.send(uri("getIssue", server, "accessToken=" + wrong), null, Map.of(JiraConstants.ISSUE_KEY, "DEMO-1"));

        assertThat(ex.getException()).isInstanceOf(JiraAuthenticationException.class)
                .hasMessageContaining("accessToken")
                .hasMessageNotContaining(wrong);
    }

    @ParameterizedTest
    @EnumSource(JiraSandbox.Mode.class)
    void aMissingPermissionIsAPermissionErrorNamingWhatIsNeeded(JiraSandbox.Mode mode) {
        JiraSandbox jira = sandbox(mode);
        String user = mode == JiraSandbox.Mode.CLOUD ? SandboxUsers.USER_EMAIL : SandboxUsers.USER_NAME;
        String options = "username=" + user + "&" + (mode == JiraSandbox.Mode.CLOUD ? "apiToken" : "password") + "="
                         + SandboxUsers.USER_TOKEN;

        Exchange ex = camel.send(uri("createProject", jira, options), null, Map.of(JiraConstants.PROJECT_KEY, "NOPE",
                JiraConstants.PROJECT_NAME, "Not allowed"));

        assertThat(ex.getException()).isInstanceOf(JiraPermissionException.class)
                .hasMessageContaining("403")
                .hasMessageContaining("NOPE")
                .hasMessageContaining("'" + user + "'")
                .hasMessageNotContaining(SandboxUsers.USER_TOKEN);
        assertThat(requests(jira, "POST", "/rest/api/" + (mode == JiraSandbox.Mode.CLOUD ? 3 : 2) + "/project"))
                .singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(403));
    }

    private static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static void assertEveryRequestCarried(JiraSandbox jira, String authorization) {
        assertThat(jira.admin().requests()).isNotEmpty()
                .extracting(HttpExchangeRecord::method, r -> r.requestHeader("Authorization"), r -> r.status() < 300)
                .allSatisfy(t -> assertThat(t.toList().subList(1, 3)).containsExactly(authorization, true));
    }
}
