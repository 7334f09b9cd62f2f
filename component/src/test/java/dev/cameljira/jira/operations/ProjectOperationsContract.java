package dev.cameljira.jira.operations;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.client.JiraInvalidInputException;
import dev.cameljira.jira.client.JiraNotFoundException;
import dev.cameljira.jira.client.JiraPermissionException;
import dev.cameljira.jira.model.CreateProjectRequest;
import dev.cameljira.jira.model.JiraProject;
import dev.cameljira.jira.model.UpdateProjectRequest;
import dev.cameljira.jira.test.JiraSandboxTestSupport;
import dev.cameljira.sandbox.SandboxUsers;
import dev.cameljira.sandbox.spec.HttpExchangeRecord;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** createProject, getProject, updateProject, deleteProject and searchProjects against the sandbox, Cloud and Data Center. */
abstract class ProjectOperationsContract extends JiraSandboxTestSupport {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final AtomicInteger seq = new AtomicInteger();

    /** A fresh project key of letters only (Data Center's default key pattern allows no digits). */
    private String newKey(String prefix) {
        int n = seq.getAndIncrement();
        return prefix + (char) ('A' + n / 676 % 26) + (char) ('A' + n / 26 % 26) + (char) ('A' + n % 26);
    }

    private SandboxRest rest() {
        return new SandboxRest(sandbox);
    }

    private String adminId() {
        return isCloud() ? SandboxUsers.ADMIN_ACCOUNT_ID : SandboxUsers.ADMIN_NAME;
    }

    private String userId() {
        return isCloud() ? SandboxUsers.USER_ACCOUNT_ID : SandboxUsers.USER_NAME;
    }

    private List<HttpExchangeRecord> requests(String method, String path) {
        return sandbox.admin().requests().stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    /** Paths of the requests so far, without the one-off deployment detection ({@code serverInfo}). */
    private List<String> projectCalls() {
        return sandbox.admin().requests().stream().map(HttpExchangeRecord::path).filter(p -> !p.endsWith("/serverInfo")).toList();
    }

    private static JsonNode body(HttpExchangeRecord r) {
        try {
            return MAPPER.readTree(new String(r.requestBody(), StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    // ---- createProject ----

    @Test
    void createProjectFromHeadersStoresItLedByTheCurrentUser() {
        String key = newKey("CH");
        Exchange ex = send("jira:createProject", null, Map.of(
                JiraConstants.PROJECT_KEY, key,
                JiraConstants.PROJECT_NAME, "Created from headers",
                JiraConstants.DESCRIPTION, "Made by the component"));
        assertThat(ex.getException()).isNull();
        JiraProject project = ex.getMessage().getBody(JiraProject.class);
        assertThat(project.key()).isEqualTo(key);
        assertThat(project.name()).isEqualTo("Created from headers");
        assertThat(project.projectTypeKey()).isEqualTo("software");
        assertThat(project.lead()).isNotNull();
        assertThat(project.lead().id()).isEqualTo(adminId());
        assertThat(project.raw().path("key").asText()).isEqualTo(key);
        assertThat(ex.getMessage().getHeader(JiraConstants.PROJECT_KEY)).isEqualTo(key);
        assertThat(ex.getMessage().getHeader(JiraConstants.PROJECT_ID)).isEqualTo(project.id());

        SandboxRest.Reply stored = rest().get(rest().api("/project/" + key));
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.body().path("name").asText()).isEqualTo("Created from headers");
        assertThat(stored.body().path("description").asText()).isEqualTo("Made by the component");

        HttpExchangeRecord post = requests("POST", rest().api("/project")).get(0);
        JsonNode sent = body(post);
        assertThat(sent.path(isCloud() ? "leadAccountId" : "lead").asText())
                .as("Cloud takes leadAccountId, Data Center the lead's user name").isEqualTo(adminId());
        assertThat(sent.has(isCloud() ? "lead" : "leadAccountId")).isFalse();
    }

    @Test
    void createProjectFromTypedRequestLooksUpTheLeadByEmail() {
        String key = newKey("CT");
        JiraProject project = (JiraProject) call("jira:createProject", CreateProjectRequest.of(key, "Typed business project")
                .withProjectTypeKey("business").withLead(SandboxUsers.USER_EMAIL).withAssigneeType("unassigned"), null);

        assertThat(project.projectTypeKey()).isEqualTo("business");
        assertThat(project.lead().id()).isEqualTo(userId());
        JsonNode stored = rest().get(rest().api("/project/" + key)).body();
        assertThat(stored.path("projectTypeKey").asText()).isEqualTo("business");
        assertThat(stored.at("/lead/" + (isCloud() ? "accountId" : "name")).asText()).isEqualTo(userId());
        assertThat(body(requests("POST", rest().api("/project")).get(0)).path("assigneeType").asText()).isEqualTo("UNASSIGNED");
    }

    @Test
    void createProjectFromJsonBody() {
        String key = newKey("CJ");
        String json = "{\"key\":\"" + key + "\",\"name\":\"From JSON\",\"projectTypeKey\":\"business\","
                      + "\"description\":\"json description\"}";
        JiraProject project = (JiraProject) call("jira:createProject", json, null);
        assertThat(project.key()).isEqualTo(key);
        assertThat(project.description()).isEqualTo("json description");
        assertThat(rest().get(rest().api("/project/" + key)).body().path("name").asText()).isEqualTo("From JSON");
    }

    @ParameterizedTest
    @ValueSource(strings = { "lower", "A", "ABCDEFGHIJK", "1ABC", "AB-C", "AB C" })
    void invalidProjectKeyIsRejectedBeforeAnyHttpCall(String key) {
        Exchange ex = send("jira:createProject", null, Map.of(JiraConstants.PROJECT_KEY, key, JiraConstants.PROJECT_NAME, "Bad key"));
        assertThat(ex.getException()).isInstanceOf(JiraInvalidInputException.class)
                .hasMessageContaining("createProject")
                .hasMessageContaining("'" + key + "'")
                .hasMessageContaining("2 to 10 characters");
        assertThat(sandbox.admin().requests()).isEmpty();
    }

    @Test
    void missingNameOrBadTypeIsRejectedBeforeAnyHttpCall() {
        Exchange noName = send("jira:createProject", null, Map.of(JiraConstants.PROJECT_KEY, "NONAME"));
        assertThat(noName.getException()).isInstanceOf(JiraInvalidInputException.class)
                .hasMessageContaining("createProject needs the project name")
                .hasMessageContaining(JiraConstants.PROJECT_NAME);
        Exchange noKey = send("jira:createProject", null, Map.of(JiraConstants.PROJECT_NAME, "No key"));
        assertThat(noKey.getException()).isInstanceOf(JiraInvalidInputException.class)
                .hasMessageContaining("createProject needs the project key")
                .hasMessageContaining(JiraConstants.PROJECT_KEY);
        Exchange badType = send("jira:createProject", CreateProjectRequest.of("BADTYPE", "x").withProjectTypeKey("kanban"), null);
        assertThat(badType.getException()).isInstanceOf(JiraInvalidInputException.class)
                .hasMessageContaining("projectTypeKey").hasMessageContaining("'kanban'");
        assertThat(sandbox.admin().requests()).isEmpty();
    }

    @Test
    void nonAdminGetsAClearPermissionError() {
        String key = newKey("NA");
        String user = isCloud() ? SandboxUsers.USER_EMAIL : SandboxUsers.USER_NAME;
        Exchange ex = send("jira:createProject?username=" + user + "&apiToken=" + SandboxUsers.USER_TOKEN, null,
                Map.of(JiraConstants.PROJECT_KEY, key, JiraConstants.PROJECT_NAME, "Not allowed"));
        assertThat(ex.getException()).isInstanceOf(JiraPermissionException.class)
                .hasMessageContaining("createProject could not create project " + key)
                .hasMessageContaining("Administer Jira")
                .hasMessageContaining("403")
                .hasMessageNotContaining(SandboxUsers.USER_TOKEN);
        assertThat(((JiraPermissionException) ex.getException()).getStatus()).isEqualTo(403);
        assertThat(rest().get(rest().api("/project/" + key)).status()).as("nothing was created").isEqualTo(404);
    }

    // ---- getProject ----

    @Test
    void getProjectReturnsTheSeededProjectWithItsIssueTypes() {
        Exchange ex = send("jira:getProject", null, Map.of(JiraConstants.PROJECT_KEY, SandboxUsers.DEMO_PROJECT_KEY));
        assertThat(ex.getException()).isNull();
        JiraProject demo = ex.getMessage().getBody(JiraProject.class);
        assertThat(demo.key()).isEqualTo("DEMO");
        assertThat(demo.id()).isNotBlank();
        assertThat(demo.self()).contains("/project/");
        assertThat(demo.issueTypes()).contains("Task", "Bug", "Story");
        assertThat(ex.getMessage().getHeader(JiraConstants.PROJECT_ID)).isEqualTo(demo.id());

        JiraProject byId = (JiraProject) call("jira:getProject", null, Map.of(JiraConstants.PROJECT_KEY, demo.id()));
        assertThat(byId.key()).isEqualTo("DEMO");
    }

    @Test
    void getProjectOfAnUnknownKeyNamesIt() {
        Exchange ex = send("jira:getProject", null, Map.of(JiraConstants.PROJECT_KEY, "NOSUCH"));
        assertThat(ex.getException()).isInstanceOf(JiraNotFoundException.class).hasMessageContaining("NOSUCH");
    }

    @Test
    void getProjectWithoutKeySaysHowToGiveIt() {
        Exchange ex = send("jira:getProject", null, null);
        assertThat(ex.getException()).isInstanceOf(JiraInvalidInputException.class)
                .hasMessageContaining("getProject needs the project key")
                .hasMessageContaining("projectKey");
        assertThat(sandbox.admin().requests()).isEmpty();
    }

    // ---- updateProject ----

    @Test
    void updateProjectChangesNameDescriptionAndLead() {
        String key = newKey("UP");
        rest().createProject(key, "Before", "software");
        Exchange ex = send("jira:updateProject", UpdateProjectRequest.of(key).withName("After").withDescription("new text")
                .withLead(SandboxUsers.USER_EMAIL), null);
        assertThat(ex.getException()).isNull();
        JiraProject updated = ex.getMessage().getBody(JiraProject.class);
        assertThat(updated.name()).isEqualTo("After");
        JsonNode stored = rest().get(rest().api("/project/" + key)).body();
        assertThat(stored.path("name").asText()).isEqualTo("After");
        assertThat(stored.path("description").asText()).isEqualTo("new text");
        assertThat(stored.at("/lead/" + (isCloud() ? "accountId" : "name")).asText()).isEqualTo(userId());
    }

    @Test
    void updateProjectFromHeaders() {
        String key = newKey("UH");
        rest().createProject(key, "Header before", "software");
        call("jira:updateProject", null, Map.of(JiraConstants.PROJECT_KEY, key, JiraConstants.PROJECT_NAME, "Header after"));
        assertThat(rest().get(rest().api("/project/" + key)).body().path("name").asText()).isEqualTo("Header after");
    }

    @Test
    void updateProjectWithNothingToChangeFailsBeforeAnyHttpCall() {
        Exchange ex = send("jira:updateProject", null, Map.of(JiraConstants.PROJECT_KEY, "DEMO"));
        assertThat(ex.getException()).isInstanceOf(JiraInvalidInputException.class)
                .hasMessageContaining("nothing to change in project DEMO");
        assertThat(sandbox.admin().requests()).isEmpty();
    }

    // ---- deleteProject ----

    @Test
    void deleteProjectRemovesItAndReturnsTheKey() {
        String key = newKey("DP");
        rest().createProject(key, "Doomed", "software");
        Exchange ex = send("jira:deleteProject", null, Map.of(JiraConstants.PROJECT_KEY, key));
        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getBody()).isEqualTo(key);
        assertThat(ex.getMessage().getHeader(JiraConstants.PROJECT_KEY)).isEqualTo(key);
        HttpExchangeRecord delete = requests("DELETE", rest().api("/project/" + key)).get(0);
        assertThat(delete.query()).as("Jira's default (recycle bin on Cloud) unless asked").doesNotContainKey("enableUndo");

        Exchange get = send("jira:getProject", null, Map.of(JiraConstants.PROJECT_KEY, key));
        assertThat(get.getException()).isInstanceOf(JiraNotFoundException.class).hasMessageContaining(key);
    }

    @Test
    void deleteProjectWithoutUndo() {
        String key = newKey("DU");
        rest().createProject(key, "Gone for good", "software");
        Exchange ex = send("jira:deleteProject", null, Map.of(JiraConstants.PROJECT_KEY, key, JiraConstants.ENABLE_UNDO, false));
        assertThat(ex.getException()).isNull();
        HttpExchangeRecord delete = requests("DELETE", rest().api("/project/" + key)).get(0);
        if (isCloud()) {
            assertThat(delete.query().get("enableUndo")).containsExactly("false");
        } else {
            assertThat(delete.query()).as("Data Center has no enableUndo").doesNotContainKey("enableUndo");
        }
        assertThat(rest().get(rest().api("/project/" + key)).status()).isEqualTo(404);
    }

    @Test
    void deleteProjectWithUndoUsesTheRecycleBinOnCloudAndIsRefusedOnDataCenter() {
        String key = newKey("DR");
        rest().createProject(key, "Recyclable", "software");
        Exchange ex = send("jira:deleteProject", null, Map.of(JiraConstants.PROJECT_KEY, key, JiraConstants.ENABLE_UNDO, "true"));
        if (isCloud()) {
            assertThat(ex.getException()).isNull();
            assertThat(requests("DELETE", rest().api("/project/" + key)).get(0).query().get("enableUndo")).containsExactly("true");
            assertThat(rest().get(rest().api("/project/" + key)).status()).isEqualTo(404);
        } else {
            assertThat(ex.getException()).isInstanceOf(JiraInvalidInputException.class)
                    .hasMessageContaining("enableUndo=true").hasMessageContaining("permanently");
            assertThat(requests("DELETE", rest().api("/project/" + key))).isEmpty();
            assertThat(rest().get(rest().api("/project/" + key)).status()).isEqualTo(200);
        }
    }

    @Test
    void nonAdminCannotDeleteAProject() {
        String key = newKey("ND");
        rest().createProject(key, "Protected", "software");
        String user = isCloud() ? SandboxUsers.USER_EMAIL : SandboxUsers.USER_NAME;
        Exchange ex = send("jira:deleteProject?username=" + user + "&apiToken=" + SandboxUsers.USER_TOKEN, null,
                Map.of(JiraConstants.PROJECT_KEY, key));
        assertThat(ex.getException()).isInstanceOf(JiraPermissionException.class)
                .hasMessageContaining("deleteProject could not delete project " + key)
                .hasMessageContaining("Administer Jira");
        assertThat(rest().get(rest().api("/project/" + key)).status()).isEqualTo(200);
    }

    // ---- searchProjects ----

    @Test
    void searchProjectsPagesLazily() {
        String word = "Lazy" + newKey("Q");
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String key = newKey("SP");
            keys.add(key);
            rest().createProject(key, word + " project " + i, "software");
        }
        sandbox.admin().clearRequests();

        @SuppressWarnings("unchecked")
        Iterator<JiraProject> it = (Iterator<JiraProject>) call("jira:searchProjects?maxResults=2", null,
                Map.of(JiraConstants.QUERY, word.toLowerCase()));
        List<String> afterProducer = projectCalls();
        List<String> found = new ArrayList<>();
        it.forEachRemaining(p -> found.add(p.key()));

        assertThat(found).as("matching projects, ordered by key").containsExactlyElementsOf(keys);
        assertThat(afterProducer).as("the producer fetches only the first page").hasSize(1);
        if (isCloud()) {
            assertThat(projectCalls()).containsExactly("/rest/api/3/project/search", "/rest/api/3/project/search",
                    "/rest/api/3/project/search");
            assertThat(requests("GET", "/rest/api/3/project/search").get(0).query().get("maxResults")).containsExactly("2");
        } else {
            assertThat(projectCalls()).as("Data Center lists every project in one call").containsExactly("/rest/api/2/project");
        }
    }

    @Test
    void searchProjectsFiltersByTypeOrdersAndLimits() {
        String word = "Kind" + newKey("Q");
        String soft = newKey("ST");
        String biz1 = newKey("SB");
        String biz2 = newKey("SB");
        rest().createProject(soft, word + " software", "software");
        rest().createProject(biz1, word + " business one", "business");
        rest().createProject(biz2, word + " business two", "business");

        List<String> business = keys(call("jira:searchProjects", null, Map.of(JiraConstants.QUERY, word,
                JiraConstants.PROJECT_TYPE_KEY, "business", JiraConstants.ORDER_BY, "-key")));
        assertThat(business).containsExactly(biz2, biz1);

        List<String> limited = keys(call("jira:searchProjects?limit=2&maxResults=1", null, Map.of(JiraConstants.QUERY, word)));
        assertThat(limited).as("the first two by key").containsExactly(biz1, biz2);
    }

    @Test
    void searchProjectsRejectsAnUnknownOrderBeforeAnyHttpCall() {
        Exchange ex = send("jira:searchProjects", null, Map.of(JiraConstants.ORDER_BY, "colour"));
        assertThat(ex.getException()).isInstanceOf(JiraInvalidInputException.class).hasMessageContaining("orderBy 'colour'");
        assertThat(sandbox.admin().requests()).isEmpty();
    }

    private static List<String> keys(Object result) {
        List<String> out = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Iterator<JiraProject> it = (Iterator<JiraProject>) result;
        it.forEachRemaining(p -> out.add(p.key()));
        return out;
    }
}
