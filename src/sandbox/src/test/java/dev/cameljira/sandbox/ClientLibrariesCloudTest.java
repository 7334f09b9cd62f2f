package dev.cameljira.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@link ClientLibrariesContract} on Jira Cloud, plus the Cloud-only calls jira.js makes that the sandbox answered
 * with 404: {@code POST comment/list} and the paged {@code GET project/{key}/component}.
 */
class ClientLibrariesCloudTest extends ClientLibrariesContract {

    private static final String ADMIN_LEAD = "\"leadAccountId\":\"" + SandboxUsers.ADMIN_ACCOUNT_ID + "\"";

    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.CLOUD;
    }

    private String comment(String key, String json) {
        Client.Resp r = admin.post("/rest/api/2/issue/" + key + "/comment", json);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("values").forEach(v -> ids.add(v.get("id").asText()));
        return ids;
    }

    @Test
    void commentListAnswersTheCommentsOfTheIdsTheCallerMaySee() {
        assertThat(admin.post("/rest/api/3/project", "{\"key\":\"HIDDEN\",\"name\":\"Hidden\",\"projectTypeKey\":"
                + "\"software\"," + ADMIN_LEAD + ",\"permissionScheme\":10000}").status()).isEqualTo(201);
        String key = sandbox.admin().createIssue("DEMO", "Task", "listed comments");
        String open = comment(key, "{\"body\":\"Some *bold* words\"}");
        String byRole = comment(key, "{\"body\":\"staff\",\"visibility\":{\"type\":\"role\",\"value\":\"Administrators\"}}");
        String byGroup = comment(key, "{\"body\":\"admins\",\"visibility\":{\"type\":\"group\",\"value\":\"jira-administrators\"}}");
        String usersGroup = comment(key, "{\"body\":\"all\",\"visibility\":{\"type\":\"group\",\"value\":\"jira-software-users\"}}");
        String hidden = comment(sandbox.admin().createIssue("HIDDEN", "Task", "restricted"), "{\"body\":\"secret\"}");
        String asked = "{\"ids\":[" + String.join(",", hidden, byGroup, open, "4711", byRole, usersGroup) + "]}";

        JsonNode all = admin.post("/rest/api/3/comment/list", asked).json();
        assertThat(ids(all)).as("lowest id first, the unknown id left out")
                .containsExactly(open, byRole, byGroup, usersGroup, hidden);
        assertThat(all.get("total").asInt()).isEqualTo(5);
        assertThat(all.get("startAt").asInt()).isZero();
        assertThat(all.get("isLast").asBoolean()).isTrue();
        assertThat(all.get("maxResults").asInt()).isGreaterThanOrEqualTo(5);
        assertThat(all.at("/values/0/body/type").asText()).as("ADF in v3").isEqualTo("doc");
        assertThat(all.at("/values/0").has("renderedBody")).isFalse();

        JsonNode mine = Client.user(sandbox).post("/rest/api/3/comment/list", asked).json();
        assertThat(ids(mine)).as("not the Administrators' nor the restricted project's").containsExactly(open, usersGroup);
        assertThat(mine.get("total").asInt()).isEqualTo(2);

        JsonNode expanded = admin.post("/rest/api/2/comment/list?expand=renderedBody,properties", "{\"ids\":[" + open + "]}")
                .json();
        assertThat(expanded.at("/values/0/renderedBody").asText()).contains("<b>bold</b>");
        assertThat(expanded.at("/values/0/body").asText()).as("wiki markup in v2").isEqualTo("Some *bold* words");
        assertThat(expanded.at("/values/0/properties")).isEmpty();

        Client.Resp empty = admin.post("/rest/api/3/comment/list", "{\"ids\":[]}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().at("/errorMessages/0").asText()).contains("comment IDs");
        assertThat(empty.json().get("errors")).isEmpty();
        String tooMany = IntStream.rangeClosed(1, 1001).mapToObj(String::valueOf).collect(Collectors.joining(","));
        Client.Resp over = admin.post("/rest/api/3/comment/list", "{\"ids\":[" + tooMany + "]}");
        assertThat(over.status()).isEqualTo(400);
        assertThat(over.json().at("/errorMessages/0").asText()).contains("1000");
        Client.Resp missing = admin.post("/rest/api/3/comment/list", "{}");
        assertThat(missing.status()).isEqualTo(400);
        SpecCheck.expectRequestViolations(sandbox);
    }

    @Test
    void projectComponentsArePagedWithTheirIssueCounts() {
        assertThat(admin.post("/rest/api/3/project", "{\"key\":\"CMP\",\"name\":\"Components\",\"projectTypeKey\":"
                + "\"software\"," + ADMIN_LEAD + "}").status()).isEqualTo(201);
        String backend = component("{\"name\":\"Backend\",\"description\":\"Server side\",\"project\":\"CMP\","
                + ADMIN_LEAD + "}");
        String docs = component("{\"name\":\"Docs\",\"project\":\"CMP\"}");
        String frontend = component("{\"name\":\"frontend\",\"description\":\"Browser UI\",\"project\":\"CMP\"}");
        sandbox.admin().createIssue("CMP", "Task", "api", Map.of("components", List.of(Map.of("id", backend))));
        sandbox.admin().createIssue("CMP", "Task", "manual", Map.of("components",
                List.of(Map.of("id", backend), Map.of("id", docs))));

        JsonNode all = admin.get("/rest/api/3/project/CMP/component").json();
        assertThat(ids(all)).as("by name, ignoring case").containsExactly(backend, docs, frontend);
        assertThat(all.get("values")).extracting(c -> c.get("issueCount").asLong()).containsExactly(2L, 1L, 0L);
        assertThat(all.get("values")).allSatisfy(c -> assertThat(c.has("leadAccountId")).isFalse());
        assertThat(all.get("total").asInt()).isEqualTo(3);
        assertThat(all.get("maxResults").asInt()).isEqualTo(50);
        assertThat(all.get("isLast").asBoolean()).isTrue();
        assertThat(all.has("nextPage")).isFalse();
        assertThat(all.at("/values/0/lead/accountId").asText()).isEqualTo(SandboxUsers.ADMIN_ACCOUNT_ID);
        assertThat(all.at("/values/0/project").asText()).isEqualTo("CMP");

        JsonNode first = admin.get("/rest/api/2/project/CMP/component?orderBy=-name&maxResults=2").json();
        assertThat(ids(first)).containsExactly(frontend, docs);
        assertThat(first.get("isLast").asBoolean()).isFalse();
        assertThat(first.get("nextPage").asText()).isEqualTo(sandbox.baseUrl()
                + "/rest/api/2/project/CMP/component?maxResults=2&startAt=2&orderBy=-name");
        JsonNode second = admin.get("/rest/api/2/project/CMP/component?orderBy=-name&maxResults=2&startAt=2").json();
        assertThat(ids(second)).containsExactly(backend);
        assertThat(second.get("startAt").asInt()).isEqualTo(2);
        assertThat(second.get("isLast").asBoolean()).isTrue();

        assertThat(ids(admin.get("/rest/api/3/project/CMP/component?query=SERVER").json())).as("by description")
                .containsExactly(backend);
        assertThat(ids(admin.get("/rest/api/3/project/CMP/component?query=end").json())).containsExactly(backend, frontend);
        assertThat(ids(admin.get("/rest/api/3/project/CMP/component?orderBy=issueCount").json()))
                .containsExactly(frontend, docs, backend);
        assertThat(admin.get("/rest/api/3/project/CMP/component?componentSource=compass").json().get("total").asInt())
                .as("no project is opted into Compass").isZero();

        Client.Resp unknown = admin.get("/rest/api/3/project/NOPE/component");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().at("/errorMessages/0").asText()).contains("NOPE");
        Client.Resp negative = admin.get("/rest/api/3/project/CMP/component?startAt=-1");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().at("/errorMessages/0").asText()).contains("startAt");
        Client.Resp badOrder = admin.get("/rest/api/3/project/CMP/component?orderBy=size");
        assertThat(badOrder.status()).isEqualTo(400);
        assertThat(badOrder.json().at("/errorMessages/0").asText()).contains("size");
        assertThat(badOrder.json().get("errors")).isEmpty();
        SpecCheck.expectRequestViolations(sandbox);
    }

    private String component(String json) {
        Client.Resp r = admin.post("/rest/api/3/component", json);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    @Test
    void restApiLatestIsServedAndValidatedAsVersionTwo() {
        // python-jira's assign_issue and role() address /rest/api/latest, which Jira Cloud serves as version 2
        String key = sandbox.admin().createIssue("DEMO", "Task", "assigned from python");
        Client.Resp assigned = admin.put("/rest/api/latest/issue/" + key + "/assignee",
                "{\"accountId\": \"" + SandboxUsers.USER_ACCOUNT_ID + "\"}");
        assertThat(assigned.status()).as(assigned.text()).isEqualTo(204);
        assertThat(admin.get("/rest/api/2/issue/" + key + "?fields=assignee").json().at("/fields/assignee/accountId")
                .asText()).isEqualTo(SandboxUsers.USER_ACCOUNT_ID);
        Client.Resp roles = admin.get("/rest/api/latest/role");
        assertThat(roles.status()).as(roles.text()).isEqualTo(200);
        assertThat(roles.json()).extracting(r -> r.get("name").asText()).contains("Administrators");
        SpecCheck.assertConforms(sandbox);

        // version 2's wiki-markup rule holds there too: an ADF comment body is reported
        assertThat(admin.post("/rest/api/latest/issue/" + key + "/comment", "{\"body\":" + Client.adf("rich") + "}")
                .status()).isLessThan(500);
        SpecCheck.expectRequestViolations(sandbox, "jira.richText");
    }

    @Test
    void theGadgetsOfADashboardAreAnEmptyList() {
        // python-jira's dashboard(id) also fetches GET dashboard/{id}/gadget (with _fetch_pages' maxResults=50)
        Client.Resp gadgets = admin.get("/rest/api/2/dashboard/10000/gadget");
        assertThat(gadgets.status()).as(gadgets.text()).isEqualTo(200);
        assertThat(gadgets.json().get("gadgets").isArray()).isTrue();
        assertThat(gadgets.json().get("gadgets")).isEmpty();
        assertThat(Client.anonymous(sandbox).get("/rest/api/3/dashboard/10000/gadget?gadgetId=1").status()).isEqualTo(200);
        Client.Resp missing = admin.get("/rest/api/3/dashboard/4711/gadget");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().at("/errorMessages/0").asText()).contains("4711");
        SpecCheck.assertConforms(sandbox);

        // the document has no maxResults here: python-jira's request is reported, and answered all the same
        assertThat(admin.get("/rest/api/2/dashboard/10000/gadget?maxResults=50").json().get("gadgets")).isEmpty();
        SpecCheck.expectRequestViolations(sandbox, "validation.request.parameter.query.unexpected");
    }

    @Test
    void theDeprecatedWorkflowListAnswersTheSandboxWorkflow() {
        // python-jira's workflows() calls GET /rest/api/2/workflow on Cloud too (deprecated there: reported as such)
        JsonNode all = admin.get("/rest/api/2/workflow").json();
        assertThat(all.isArray()).isTrue();
        assertThat(all).singleElement().satisfies(w -> {
            assertThat(w.get("name").asText()).isEqualTo("Sandbox Workflow");
            assertThat(w.get("default").asBoolean()).isTrue();
            assertThat(w.get("steps").asInt()).isEqualTo(3);
        });
        assertThat(admin.get("/rest/api/3/workflow?workflowName=Sandbox%20Workflow").json()).hasSize(1);
        assertThat(admin.get("/rest/api/3/workflow?workflowName=nope").json()).isEmpty();
        assertThat(Client.user(sandbox).get("/rest/api/3/workflow").status()).isEqualTo(403);
        assertThat(Client.anonymous(sandbox).get("/rest/api/3/workflow").status()).isEqualTo(401);
        SpecCheck.expectRequestViolations(sandbox, "jira.operation.deprecated");
    }
}
