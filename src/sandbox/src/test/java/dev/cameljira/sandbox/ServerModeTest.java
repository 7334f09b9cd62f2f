package dev.cameljira.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Data Center / Server mode: REST v2 only, user names and keys, basic auth with name or e-mail, PATs. */
class ServerModeTest extends SpecCheckedSandboxTest {

    private Client admin;

    @Override
    protected JiraSandbox.Builder configure(JiraSandbox.Builder builder) {
        return builder.mode(JiraSandbox.Mode.SERVER);
    }

    @BeforeAll
    void clients() {
        admin = Client.basic(sandbox, SandboxUsers.ADMIN_NAME, SandboxUsers.ADMIN_TOKEN);
    }

    @Test
    void serverInfoAndAuthentication() {
        JsonNode info = Client.anonymous(sandbox).get("/rest/api/2/serverInfo").json();
        assertThat(info.get("deploymentType").asText()).isEqualTo("Server");
        assertThat(info.get("versionNumbers")).extracting(JsonNode::asInt).containsExactly(10, 3, 0);

        assertThat(admin.get("/rest/api/2/myself").json().get("name").asText()).isEqualTo(SandboxUsers.ADMIN_NAME);
        JsonNode byEmail = Client.basic(sandbox, SandboxUsers.USER_EMAIL, SandboxUsers.USER_TOKEN).get("/rest/api/2/myself").json();
        assertThat(byEmail.get("key").asText()).isEqualTo(SandboxUsers.USER_KEY);
        assertThat(byEmail.has("accountId")).isFalse();
        assertThat(Client.bearer(sandbox, SandboxUsers.USER_TOKEN).get("/rest/api/2/myself").json().get("name").asText())
                .isEqualTo(SandboxUsers.USER_NAME);
        Client.Resp bad = Client.bearer(sandbox, "wrong").get("/rest/api/2/myself");
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.header("X-Seraph-LoginReason")).isEqualTo("AUTHENTICATED_FAILED");
    }

    @Test
    void restApi3AndCloudOnlyEndpointsDoNotExist() {
        assertThat(admin.get("/rest/api/3/serverInfo").status()).isEqualTo(404);
        assertThat(admin.post("/rest/api/3/issue", "{}").status()).isEqualTo(404);
        assertThat(admin.get("/rest/api/2/search/jql?jql=project%3DDEMO").status()).isEqualTo(404);
        assertThat(admin.get("/rest/api/2/project/search").status()).isEqualTo(404);
        SpecCheck.expectRequestViolations(sandbox, "jira.operation.unknown");
    }

    @Test
    void issuesUseNamesAndWikiStrings() {
        Client.Resp created = admin.post("/rest/api/2/issue", "{\"fields\":{\"project\":{\"key\":\"DEMO\"},\"issuetype\":{\"name\":\"Task\"},"
                + "\"summary\":\"On prem\",\"description\":\"h1. Title\",\"assignee\":{\"name\":\"user\"}}}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String key = created.json().get("key").asText();
        JsonNode issue = admin.get("/rest/api/2/issue/" + key).json();
        assertThat(issue.at("/fields/description").asText()).isEqualTo("h1. Title");
        assertThat(issue.at("/fields/assignee/name").asText()).isEqualTo(SandboxUsers.USER_NAME);
        assertThat(issue.at("/fields/assignee/key").asText()).isEqualTo(SandboxUsers.USER_KEY);
        assertThat(issue.at("/fields/assignee/accountId").isMissingNode()).isTrue();

        assertThat(admin.put("/rest/api/2/issue/" + key + "/assignee", "{\"name\":\"admin\"}").status()).isEqualTo(204);
        JsonNode history = admin.get("/rest/api/2/issue/" + key + "?expand=changelog").json().at("/changelog/histories/0/items/0");
        assertThat(history.get("from").asText()).isEqualTo(SandboxUsers.USER_KEY);
        assertThat(history.get("to").asText()).isEqualTo(SandboxUsers.ADMIN_KEY);

        assertThat(admin.put("/rest/api/2/issue/" + key + "/assignee", "{\"accountId\":\"" + SandboxUsers.USER_ACCOUNT_ID + "\"}").status())
                .as("Server knows no accountIds").isEqualTo(400);

        JsonNode users = admin.get("/rest/api/2/user/search?username=us").json();
        assertThat(users).extracting(u -> u.get("name").asText()).containsExactly(SandboxUsers.USER_NAME);
        assertThat(admin.get("/rest/api/2/user?username=admin").json().get("emailAddress").asText()).isEqualTo(SandboxUsers.ADMIN_EMAIL);

        JsonNode projects = admin.get("/rest/api/2/project").json();
        assertThat(projects.isArray()).isTrue();
        assertThat(projects.get(0).get("key").asText()).isEqualTo("DEMO");
        assertThat(projects.get(0).at("/lead/name").asText()).isEqualTo(SandboxUsers.ADMIN_NAME);

        JsonNode meta = admin.get("/rest/api/2/issue/createmeta/DEMO/issuetypes").json();
        assertThat(meta.get("values")).hasSize(4);
        assertThat(meta.get("isLast").asBoolean()).isTrue();
        JsonNode fieldsMeta = admin.get("/rest/api/2/issue/createmeta/DEMO/issuetypes/10004").json();
        assertThat(fieldsMeta.get("values")).anyMatch(f -> f.get("fieldId").asText().equals("parent") && f.get("required").asBoolean());
    }

    @Test
    void projectsNeedLeadByName() {
        Client.Resp created = admin.post("/rest/api/2/project", "{\"key\":\"SRV\",\"name\":\"Server project\",\"projectTypeKey\":\"business\",\"lead\":\"user\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(admin.get("/rest/api/2/project/SRV").json().at("/lead/name").asText()).isEqualTo(SandboxUsers.USER_NAME);
        Client.Resp noLead = admin.post("/rest/api/2/project", "{\"key\":\"SRV2\",\"name\":\"Other\",\"projectTypeKey\":\"business\"}");
        assertThat(noLead.status()).isEqualTo(400);
        assertThat(noLead.json().at("/errors/projectLead").asText()).contains("lead");
    }

    @Test
    void serverSearchPagesWithStartAtAndTotal() {
        for (int i = 0; i < 3; i++) {
            sandbox.admin().createIssue("DEMO", "Bug", "paged " + i, java.util.Map.of("labels", java.util.List.of("paged")));
        }
        JsonNode page = admin.get("/rest/api/2/search?jql=labels%20%3D%20paged%20ORDER%20BY%20created%20ASC&startAt=1&maxResults=1").json();
        assertThat(page.get("total").asInt()).isEqualTo(3);
        assertThat(page.get("startAt").asInt()).isEqualTo(1);
        assertThat(page.get("maxResults").asInt()).isEqualTo(1);
        assertThat(page.at("/issues/0/fields/summary").asText()).isEqualTo("paged 1");
        JsonNode post = admin.post("/rest/api/2/search", "{\"jql\":\"labels = paged\",\"fields\":[\"summary\"],\"maxResults\":10}").json();
        assertThat(post.get("issues")).hasSize(3);
        assertThat(post.at("/issues/0/fields").size()).isEqualTo(1);
        assertThat(admin.get("/rest/api/2/search?jql=project%20%3D").status()).isEqualTo(400);
    }
}
