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

    @Test
    void searchByGetWithFieldsAndExpandListsConformsToTheDocument() {
        // python-jira's search_issues on Data Center: GET search with fields=*all (or a comma-separated list) and
        // expand=changelog, which the document types as its StringList object (DcSpecDefects makes them strings)
        String key = sandbox.admin().createIssue("DEMO", "Task", "searched from python");
        Client.Resp all = admin.get("/rest/api/2/search?jql=key+%3D+" + key
                + "&startAt=0&validateQuery=true&fields=%2Aall&maxResults=50");
        assertThat(all.status()).as(all.text()).isEqualTo(200);
        assertThat(all.json().at("/issues/0/fields/summary").asText()).isEqualTo("searched from python");
        Client.Resp some = admin.get("/rest/api/2/search?jql=key+%3D+" + key
                + "&startAt=0&validateQuery=true&fields=summary%2Cstatus&expand=changelog&maxResults=3");
        assertThat(some.status()).as(some.text()).isEqualTo(200);
        assertThat(some.json().at("/issues/0").has("changelog")).isTrue();
        assertThat(some.json().at("/issues/0/fields").has("priority")).isFalse();
        SpecCheck.assertConforms(sandbox);

        // python-jira sends Python's spelling of the boolean, validateQuery=True: Jira reads it (case-insensitively),
        // the document's boolean does not, so only that parameter is reported
        Client.Resp python = admin.get("/rest/api/2/search?jql=key+%3D+" + key
                + "&startAt=0&validateQuery=True&fields=%2Aall&maxResults=50");
        assertThat(python.status()).as(python.text()).isEqualTo(200);
        assertThat(python.json().get("total").asInt()).isEqualTo(1);
        SpecCheck.expectRequestViolations(sandbox, "(query parameter validateQuery)");
    }
}
