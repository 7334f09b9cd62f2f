package dev.cameljira.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Remote issue links on Jira Data Center / Server: REST v2 only. */
class ServerRemoteLinkTest extends RemoteLinkContract {

    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.SERVER;
    }

    @Test
    void restV3IsNotThere() {
        String key = sandbox.admin().createIssue("DEMO", "Task", "no v3");
        assertThat(admin.get("/rest/api/3/issue/" + key + "/remotelink").status()).isEqualTo(404);
        SpecCheck.expectRequestViolations(sandbox, "jira.operation.unknown");
    }
}
