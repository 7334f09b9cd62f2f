package dev.cameljira.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@link WorkflowAndAccessContract} on Jira Data Center, plus what Data Center does not answer. */
class ServerWorkflowAndAccessTest extends WorkflowAndAccessContract {

    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.SERVER;
    }

    @Test
    void cloudOnlyUserAndPermissionLookUpsAreNotFoundOnDataCenter() {
        assertThat(admin.post("/rest/api/2/issue/watching", "{\"issueIds\":[\"10000\"]}").status())
                .as("read as issue/{issueIdOrKey}, which has no POST: Jira's 405").isEqualTo(405);
        assertThat(admin.get("/rest/api/2/user/email?accountId=x").status()).isEqualTo(404);
        assertThat(admin.get("/rest/api/2/user/search/query?query=is+assignee+of+DEMO").status()).isEqualTo(404);
        assertThat(admin.get("/rest/api/2/user/search/query/key?query=is+assignee+of+DEMO").status()).isEqualTo(404);
        assertThat(admin.post("/rest/api/2/permissions/check", "{\"globalPermissions\":[\"ADMINISTER\"]}").status())
                .isEqualTo(404);
        assertThat(admin.post("/rest/api/2/permissions/project", "{\"permissions\":[\"BROWSE_PROJECTS\"]}").status())
                .isEqualTo(404);
        SpecCheck.expectRequestViolations(sandbox, "jira.operation.unknown");
    }

    @Override
    protected JsonNode workflows(Client client) {
        return client.get("/rest/api/2/workflow").json();
    }

    @Test
    void dataCenterWorkflowCountsItsStepsAndNamesOneAsAnObject() {
        JsonNode all = admin.get("/rest/api/2/workflow").json();
        assertThat(all.get(0).get("steps").asInt()).as("To Do, In Progress, Done").isEqualTo(3);
        assertThat(all.get(0).get("default").asBoolean()).isTrue();
        JsonNode one = admin.get("/rest/api/2/workflow?workflowName=Sandbox+Workflow").json();
        assertThat(one.isObject()).isTrue();
        assertThat(one).isEqualTo(all.get(0));
        Client.Resp unknown = admin.get("/rest/api/2/workflow?workflowName=jira");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().at("/errorMessages/0").asText()).contains("jira");
        assertThat(admin.get("/rest/api/2/workflow/search").status()).as("Cloud only").isEqualTo(404);
        SpecCheck.expectRequestViolations(sandbox, "jira.operation.unknown");
    }
}
