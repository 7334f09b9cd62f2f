package dev.cameljira.jira.operations;

import java.util.List;
import java.util.Map;

import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.client.JiraApiException;
import dev.cameljira.jira.client.JiraInvalidInputException;
import dev.cameljira.jira.model.CreateMeta;
import dev.cameljira.jira.model.JiraField;
import dev.cameljira.jira.model.JiraUser;
import dev.cameljira.jira.test.JiraSandboxTestSupport;
import dev.cameljira.sandbox.SandboxUsers;
import dev.cameljira.sandbox.spec.HttpExchangeRecord;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** searchUsers, getFields and getCreateMeta against the sandbox, Cloud and Data Center. */
abstract class LookupOperationsContract extends JiraSandboxTestSupport {

    private String userId() {
        return isCloud() ? SandboxUsers.USER_ACCOUNT_ID : SandboxUsers.USER_NAME;
    }

    private long count(String pathPrefix) {
        return sandbox.admin().requests().stream().filter(r -> r.path().startsWith(pathPrefix)).count();
    }

    private String api(String path) {
        return "/rest/api/" + (isCloud() ? 3 : 2) + path;
    }

    // ---- searchUsers ----

    @Test
    @SuppressWarnings("unchecked")
    void searchUsersFindsAUserByEmail() {
        Exchange ex = send("jira:searchUsers", null, Map.of(JiraConstants.QUERY, SandboxUsers.USER_EMAIL));
        assertThat(ex.getException()).isNull();
        List<JiraUser> users = ex.getMessage().getBody(List.class);
        assertThat(users).extracting(JiraUser::id).containsExactly(userId());
        assertThat(users.get(0).displayName()).isEqualTo(SandboxUsers.USER_DISPLAY_NAME);
        assertThat(ex.getMessage().getHeader(JiraConstants.RESULT_COUNT)).isEqualTo(1);
        HttpExchangeRecord r = sandbox.admin().requests().stream().filter(x -> x.path().equals(api("/user/search"))).findFirst()
                .orElseThrow();
        assertThat(r.query()).as("Cloud searches with query=, Data Center with username=")
                .containsKey(isCloud() ? "query" : "username");
    }

    @Test
    @SuppressWarnings("unchecked")
    void searchUsersFindsAUserByName() {
        String name = isCloud() ? SandboxUsers.USER_DISPLAY_NAME : SandboxUsers.USER_NAME;
        List<JiraUser> users = (List<JiraUser>) call("jira:searchUsers", "{\"query\":\"" + name + "\"}", null);
        assertThat(users).extracting(JiraUser::id).contains(userId()).doesNotContain(
                isCloud() ? SandboxUsers.ADMIN_ACCOUNT_ID : SandboxUsers.ADMIN_NAME);
    }

    @Test
    @SuppressWarnings("unchecked")
    void searchUsersReadsEveryPage() {
        List<JiraUser> users = (List<JiraUser>) call("jira:searchUsers?maxResults=1", null,
                Map.of(JiraConstants.QUERY, "Sandbox"));
        assertThat(users).extracting(JiraUser::displayName)
                .contains(SandboxUsers.ADMIN_DISPLAY_NAME, SandboxUsers.USER_DISPLAY_NAME);
        assertThat(count(api("/user/search"))).as("one request per page of one user, then the empty last page")
                .isEqualTo(users.size() + 1);
    }

    @Test
    void searchUsersWithoutQueryFailsBeforeAnyHttpCall() {
        Exchange ex = send("jira:searchUsers", null, null);
        assertThat(ex.getException()).isInstanceOf(JiraInvalidInputException.class)
                .hasMessageContaining("searchUsers needs the query")
                .hasMessageContaining(JiraConstants.QUERY);
        assertThat(sandbox.admin().requests()).isEmpty();
    }

    // ---- getFields ----

    @Test
    @SuppressWarnings("unchecked")
    void getFieldsListsSystemAndCustomFields() {
        Exchange ex = send("jira:getFields", null, null);
        assertThat(ex.getException()).isNull();
        List<JiraField> fields = ex.getMessage().getBody(List.class);
        JiraField points = fields.stream().filter(f -> "Story Points".equals(f.name())).findFirst().orElseThrow();
        assertThat(points.custom()).isTrue();
        assertThat(points.id()).isEqualTo("customfield_10016");
        assertThat(points.schemaType()).isEqualTo("number");
        assertThat(points.raw().path("id").asText()).isEqualTo("customfield_10016");
        JiraField summary = fields.stream().filter(f -> "summary".equals(f.id())).findFirst().orElseThrow();
        assertThat(summary.custom()).isFalse();
        assertThat(summary.schemaType()).isEqualTo("string");
        assertThat(ex.getMessage().getHeader(JiraConstants.RESULT_COUNT)).isEqualTo(fields.size());
    }

    @Test
    @SuppressWarnings("unchecked")
    void getFieldsIsServedFromTheCacheWithinTheTtl() {
        // a URI of its own gives this test a fresh endpoint, hence an empty cache
        String uri = "jira:getFields?metadataCacheTtl=300000";
        List<JiraField> first = (List<JiraField>) call(uri, null, null);
        assertThat(count(api("/field"))).isEqualTo(1);
        List<JiraField> second = (List<JiraField>) call(uri, null, null);
        assertThat(count(api("/field"))).as("the second call is answered from the cache").isEqualTo(1);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void getFieldsAsksJiraAgainWhenTheTtlIsZero() {
        String uri = "jira:getFields?metadataCacheTtl=0";
        call(uri, null, null);
        call(uri, null, null);
        assertThat(count(api("/field"))).isEqualTo(2);
    }

    // ---- getCreateMeta ----

    @Test
    void getCreateMetaListsIssueTypesAndTheirFields() {
        Exchange ex = send("jira:getCreateMeta", null, Map.of(JiraConstants.PROJECT_KEY, "DEMO"));
        assertThat(ex.getException()).isNull();
        CreateMeta meta = ex.getMessage().getBody(CreateMeta.class);
        assertThat(meta.projectKey()).isEqualTo("DEMO");
        assertThat(meta.issueTypeNames()).contains("Task", "Bug", "Story");
        CreateMeta.IssueType task = meta.issueType("task").orElseThrow();
        CreateMeta.Field summary = task.field("summary").orElseThrow();
        assertThat(summary.required()).isTrue();
        assertThat(summary.schemaType()).isEqualTo("string");
        assertThat(task.requiredFields()).extracting(CreateMeta.Field::fieldId).contains("summary");
        CreateMeta.IssueType bug = meta.issueType("Bug").orElseThrow();
        assertThat(bug.field("priority").orElseThrow().allowedValues()).contains("High", "Medium", "Low");
        assertThat(sandbox.admin().requests()).as("never the deprecated GET /issue/createmeta")
                .noneSatisfy(r -> assertThat(r.path()).isEqualTo(api("/issue/createmeta")));
    }

    @Test
    void getCreateMetaResolvesAnIssueTypeNameThroughTheIssueTypesPage() {
        // a URI of its own gives this test a fresh endpoint, hence an empty cache
        Exchange ex = send("jira:getCreateMeta?metadataCacheTtl=120000", null, Map.of(JiraConstants.PROJECT_KEY, "DEMO",
                JiraConstants.ISSUE_TYPE_NAME, "Story"));
        assertThat(ex.getException()).isNull();
        CreateMeta meta = ex.getMessage().getBody(CreateMeta.class);
        assertThat(meta.issueTypeNames()).containsExactly("Story");
        CreateMeta.IssueType story = meta.issueTypes().get(0);
        assertThat(story.field("Story Points")).as("the custom field is on the Story screen").isPresent();
        assertThat(sandbox.admin().requests()).extracting(HttpExchangeRecord::path)
                .as("the name is resolved through the issue types page; only Story's fields are fetched")
                .contains(api("/issue/createmeta/DEMO/issuetypes"))
                .filteredOn(path -> path.startsWith(api("/issue/createmeta/DEMO/issuetypes/")))
                .containsExactly(api("/issue/createmeta/DEMO/issuetypes/" + story.id()));
    }

    @Test
    void getCreateMetaIsCached() {
        // a URI of its own gives this test a fresh endpoint, hence an empty cache
        String uri = "jira:getCreateMeta?metadataCacheTtl=300000";
        CreateMeta first = (CreateMeta) call(uri, null, Map.of(JiraConstants.PROJECT_KEY, "DEMO"));
        long calls = count(api("/issue/createmeta/DEMO/issuetypes"));
        assertThat(calls).as("the issue types page and one fields page per type").isEqualTo(1 + first.issueTypes().size());
        CreateMeta second = (CreateMeta) call(uri, null, Map.of(JiraConstants.PROJECT_KEY, "DEMO", JiraConstants.ISSUE_TYPE_NAME, "Bug"));
        assertThat(count(api("/issue/createmeta"))).as("answered from the cache").isEqualTo(calls);
        assertThat(second.issueTypes()).containsExactly(first.issueType("Bug").orElseThrow());
    }

    @Test
    void getCreateMetaOfAnUnknownIssueTypeListsTheKnownOnes() {
        Exchange ex = send("jira:getCreateMeta", null, Map.of(JiraConstants.PROJECT_KEY, "DEMO",
                JiraConstants.ISSUE_TYPE_NAME, "Epic Saga"));
        assertThat(ex.getException()).isInstanceOf(JiraInvalidInputException.class)
                .hasMessageContaining("project DEMO has no issue type 'Epic Saga'")
                .hasMessageContaining("Task").hasMessageContaining("Bug");
    }

    @Test
    void getCreateMetaOfAnUnknownProjectNamesIt() {
        Exchange ex = send("jira:getCreateMeta", null, Map.of(JiraConstants.PROJECT_KEY, "NOSUCH"));
        assertThat(ex.getException()).isInstanceOf(JiraApiException.class).hasMessageContaining("NOSUCH");
    }

    @Test
    void getCreateMetaWithoutProjectFailsBeforeAnyHttpCall() {
        Exchange ex = send("jira:getCreateMeta", null, null);
        assertThat(ex.getException()).isInstanceOf(JiraInvalidInputException.class)
                .hasMessageContaining("getCreateMeta needs the project key")
                .hasMessageContaining(JiraConstants.PROJECT_KEY);
        assertThat(sandbox.admin().requests()).isEmpty();
    }
}
