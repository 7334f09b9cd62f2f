package dev.cameljira.jira.compat;

import java.util.Map;

import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.SandboxUsers;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApacheJiraKameletsServerTest extends ApacheJiraKameletsContract {
    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.SERVER;
    }

    /** Data Center: the Kamelets' personal-token becomes accessToken, sent as a Bearer personal access token. */
    @Test
    void personalTokenAuthenticatesWithoutUsernameAndPassword() {
        String key = seedIssue("Kamelet PAT target");
        Exchange ex = send("kamelet:jira-add-comment-sink?jiraUrl=" + sandbox.baseUrl() + "&personal-token="
                           + SandboxUsers.ADMIN_TOKEN, "Commented with a PAT", Map.of("ce-issueKey", key));
        assertThat(ex.getException()).isNull();
        assertThat(commentTexts(key)).containsExactly("Commented with a PAT");
        assertThat(sandbox.admin().requests()).filteredOn(r -> r.path().endsWith("/comment") && r.method().equals("POST"))
                .singleElement()
                .satisfies(r -> assertThat(r.requestHeader("Authorization")).startsWith("Bearer "));
    }
}
