package dev.cameljira.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@link EndpointsContract} on Jira Data Center, plus what only Data Center answers. */
class ServerEndpointsTest extends EndpointsContract {

    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.SERVER;
    }

    @Test
    void myPermissionsWithoutAListAnswerEveryPermissionAndTheRetiredKeys() {
        JsonNode all = user.get("/rest/api/2/mypermissions?projectKey=DEMO").json().get("permissions");
        assertThat(all.fieldNames()).toIterable().contains("BROWSE_PROJECTS", "ADMINISTER", "BROWSE", "CREATE_ISSUE");
        assertThat(all.at("/BROWSE/deprecatedKey").asBoolean()).isTrue();
        assertThat(all.at("/BROWSE/havePermission").asBoolean()).isTrue();
        assertThat(all.at("/BROWSE_PROJECTS").has("deprecatedKey")).isFalse();

        assertThat(user.get("/rest/api/2/permissions").status()).as("Jira administrators only").isEqualTo(403);
        JsonNode every = admin.get("/rest/api/2/permissions").json().get("permissions");
        assertThat(every.fieldNames()).toIterable().contains("BROWSE_PROJECTS", "ADMINISTER").doesNotContain("BROWSE");
        assertThat(user.get("/rest/api/2/field/search").status()).as("Cloud only").isEqualTo(404);
        SpecCheck.expectRequestViolations(sandbox, "jira.operation.unknown");
    }

    @Test
    void cloudOnlyUserLookUpsAreNotFoundOnDataCenter() {
        assertThat(admin.get("/rest/api/2/user/groups?username=admin").status()).isEqualTo(404);
        assertThat(admin.get("/rest/api/2/user/bulk?username=admin").status()).isEqualTo(404);
        SpecCheck.expectRequestViolations(sandbox, "jira.operation.unknown");
    }

    @Test
    void statusIssueTypeAndResolutionPagesFilterByName() {
        JsonNode statuses = user.get("/rest/api/2/status/page?query=prog").json();
        assertThat(statuses.get("values")).extracting(v -> v.get("name").asText()).containsExactly("In Progress");
        assertThat(statuses.get("maxResults").asInt()).isEqualTo(100);
        JsonNode types = user.get("/rest/api/2/issuetype/page?maxResults=2").json();
        assertThat(types.get("values")).hasSize(2);
        assertThat(types.get("isLast").asBoolean()).isFalse();
        assertThat(user.get("/rest/api/2/resolution/page").json().get("total").asInt()).isEqualTo(4);
        assertThat(user.get("/rest/api/2/project/DEMO/statuses").json().get(0).get("statuses")).hasSize(3); // an array
        assertThat(admin.get("/rest/api/2/jql/parse").status()).as("Cloud only").isEqualTo(404);
        assertThat(admin.get("/rest/api/2/statuses/search").status()).as("Cloud only").isEqualTo(404);
        SpecCheck.expectRequestViolations(sandbox, "jira.operation.unknown");
    }
}
