package dev.cameljira.jira.connection;

import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.client.JiraAuthenticationException;
import dev.cameljira.jira.client.JiraInvalidInputException;
import dev.cameljira.jira.model.JiraIssue;
import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.SandboxUsers;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * OAuth 1.0a (RSA-SHA1), Jira Data Center's application-link scheme that Apache camel-jira supported: with
 * {@code consumerKey}, {@code privateKey} and {@code accessToken} every request is signed, and the sandbox verifies
 * each signature against the seeded consumer's public key (method, URL and query parameters included).
 */
class OAuth1AuthenticationTest extends SandboxPairSupport {

    private static String oauth1(String privateKey) {
        return "consumerKey=" + SandboxUsers.OAUTH_CONSUMER_KEY + "&accessToken=" + SandboxUsers.OAUTH_ACCESS_TOKEN
               + "&verificationCode=" + SandboxUsers.OAUTH_VERIFICATION_CODE + "&privateKey=RAW(" + privateKey + ")";
    }

    @ParameterizedTest
    @EnumSource(JiraSandbox.Mode.class)
    void signedRequestsActAsTheTokensUser(JiraSandbox.Mode mode) {
        JiraSandbox jira = sandbox(mode);

        JiraIssue issue = (JiraIssue) camel.call(uri("createIssue", jira, oauth1(SandboxUsers.OAUTH_PRIVATE_KEY_PKCS8_BASE64)), null,
                newIssue("Task", "Signed with OAuth 1.0a"));

        String reporter = mode == JiraSandbox.Mode.CLOUD ? "/fields/reporter/accountId" : "/fields/reporter/name";
        assertThat(jira.admin().issue(issue.key()).at(reporter).asText())
                .isEqualTo(mode == JiraSandbox.Mode.CLOUD ? SandboxUsers.ADMIN_ACCOUNT_ID : SandboxUsers.ADMIN_NAME);
        assertThat(jira.admin().requests()).isNotEmpty().allSatisfy(r -> assertThat(r.requestHeader("Authorization"))
                .startsWith("OAuth ")
                .contains("oauth_consumer_key=\"" + SandboxUsers.OAUTH_CONSUMER_KEY + "\"")
                .contains("oauth_token=\"" + SandboxUsers.OAUTH_ACCESS_TOKEN + "\"")
                .contains("oauth_signature_method=\"RSA-SHA1\"")
                .contains("oauth_verifier=\"" + SandboxUsers.OAUTH_VERIFICATION_CODE + "\""));
    }

    @ParameterizedTest
    @EnumSource(JiraSandbox.Mode.class)
    void queryParametersWithSpacesAndQuotesAreSignedCorrectly(JiraSandbox.Mode mode) {
        JiraSandbox jira = sandbox(mode);
        String key = jira.admin().createIssue("DEMO", "Task", "needle in a haystack");
        jira.admin().createIssue("DEMO", "Task", "something else");

        Object found = camel.call(uri("searchIssues", jira, oauth1(SandboxUsers.OAUTH_PRIVATE_KEY_PKCS8_BASE64)), null,
                Map.of(JiraConstants.JQL, "project = DEMO AND summary ~ \"needle\" ORDER BY key"));

        List<String> keys = new ArrayList<>();
        ((Iterator<?>) found).forEachRemaining(i -> keys.add(((JiraIssue) i).key()));
        assertThat(keys).containsExactly(key);
    }

    @ParameterizedTest
    @EnumSource(JiraSandbox.Mode.class)
    void aSignatureMadeWithAnotherKeyIsRejectedWithoutShowingTheKey(JiraSandbox.Mode mode) throws Exception {
        JiraSandbox jira = sandbox(mode);
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        String otherKey = Base64.getEncoder().encodeToString(g.generateKeyPair().getPrivate().getEncoded());
        int before = jira.admin().issueCount();

        Exchange ex = camel.send(uri("createIssue", jira, oauth1(otherKey)), null, newIssue("Task", "never stored"));

        assertThat(ex.getException()).isInstanceOf(JiraAuthenticationException.class)
                .hasMessageContaining("401")
                .hasMessageContaining("OAuth 1.0a")
                .hasMessageContaining(SandboxUsers.OAUTH_CONSUMER_KEY)
                .hasMessageNotContaining(otherKey.substring(100, 140))
                .hasMessageNotContaining(SandboxUsers.OAUTH_ACCESS_TOKEN);
        assertThat(jira.admin().issueCount()).isEqualTo(before);
    }

    @Test
    void oauth1WinsOverTheBearerTokenItShares() {
        // accessToken alone would be sent as a Bearer token, which the sandbox does not know: success proves the signing
        Object issue = camel.call(uri("getIssue", server, oauth1(SandboxUsers.OAUTH_PRIVATE_KEY_PKCS8_BASE64)), null,
                Map.of(JiraConstants.ISSUE_KEY, server.admin().createIssue("DEMO", "Task", "read with OAuth 1.0a")));
        assertThat(issue).isInstanceOf(JiraIssue.class);
        Exchange bearer = camel.send(uri("getIssue", server, "accessToken=" + SandboxUsers.OAUTH_ACCESS_TOKEN), null,
                Map.of(JiraConstants.ISSUE_KEY, "DEMO-1"));
        assertThat(bearer.getException()).isInstanceOf(JiraAuthenticationException.class);
    }

    @Test
    void anIncompleteOAuth1ConfigurationNamesWhatIsMissingBeforeAnyCall() {
        String uri = uri("getIssue", server, "consumerKey=" + SandboxUsers.OAUTH_CONSUMER_KEY + "&accessToken="
                                             + SandboxUsers.OAUTH_ACCESS_TOKEN);

        Throwable thrown = catchThrowable(() -> camel.send(uri, null, Map.of(JiraConstants.ISSUE_KEY, "DEMO-1")));

        assertThat(thrown).as("the endpoint cannot start").isNotNull();
        Throwable cause = thrown;
        while (!(cause instanceof JiraInvalidInputException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertThat(cause).isInstanceOf(JiraInvalidInputException.class).hasMessageContaining("missing: privateKey")
                .hasMessageNotContaining(SandboxUsers.OAUTH_ACCESS_TOKEN);
        assertThat(server.admin().requests()).isEmpty();
    }
}
