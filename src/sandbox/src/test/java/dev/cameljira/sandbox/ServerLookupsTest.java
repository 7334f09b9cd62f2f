package dev.cameljira.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link LookupsContract} on Jira Data Center, plus what only Data Center answers (or does not). */
class ServerLookupsTest extends LookupsContract {

    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.SERVER;
    }

    @Test
    void dataCenterDashboardsAreTheShortBeanAndThereIsNoSearch() {
        assertThat(user.get("/rest/api/2/dashboard/10000").json().fieldNames()).toIterable()
                .containsExactlyInAnyOrder("id", "name", "self", "view");
        assertThat(user.get("/rest/api/2/dashboard/search").status()).as("Cloud only: read as a dashboard id, as the DC document has it")
                .isEqualTo(404);
    }

    @Test
    void cloudOnlyLookUpsAreNotFoundOnDataCenter() {
        assertThat(user.get("/rest/api/2/statuses?id=3").status()).isEqualTo(404);
        assertThat(user.get("/rest/api/2/resolution/search").status()).as("read as a resolution id").isEqualTo(404);
        assertThat(user.post("/rest/api/2/jql/match", "{\"issueIds\":[],\"jqls\":[]}").status()).isEqualTo(404);
        SpecCheck.expectRequestViolations(sandbox, "jira.operation.unknown");
    }
}
