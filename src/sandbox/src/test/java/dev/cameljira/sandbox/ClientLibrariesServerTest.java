package dev.cameljira.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link ClientLibrariesContract} on Jira Data Center, where Cloud's calls its document lacks are unknown. */
class ClientLibrariesServerTest extends ClientLibrariesContract {

    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.SERVER;
    }

    @Test
    void cloudOnlyCommentListAndPagedProjectComponentsAreNotFound() {
        assertThat(admin.post("/rest/api/2/comment/list", "{\"ids\":[1]}").status()).isEqualTo(404);
        assertThat(admin.get("/rest/api/2/project/DEMO/component").status()).isEqualTo(404);
        assertThat(admin.get("/rest/api/2/project/DEMO/components").status()).isEqualTo(200);
        SpecCheck.expectRequestViolations(sandbox, "jira.operation.unknown");
    }
}
