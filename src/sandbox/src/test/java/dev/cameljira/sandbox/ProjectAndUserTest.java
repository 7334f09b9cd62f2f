package dev.cameljira.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Projects CRUD and search, user look-ups (Cloud). */
class ProjectAndUserTest extends SpecCheckedSandboxTest {

    private Client admin;
    private Client user;

    @BeforeAll
    void clients() {
        admin = Client.admin(sandbox);
        user = Client.user(sandbox);
    }

    @Test
    void projectsCrudIsForAdmins() {
        String body = "{\"key\":\"OPS\",\"name\":\"Operations\",\"projectTypeKey\":\"software\",\"leadAccountId\":\""
                + SandboxUsers.ADMIN_ACCOUNT_ID + "\"}";
        assertThat(user.post("/rest/api/3/project", body).status()).isEqualTo(403);
        Client.Resp created = admin.post("/rest/api/3/project", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().get("key").asText()).isEqualTo("OPS");
        long id = created.json().get("id").asLong();
        assertThat(admin.post("/rest/api/3/project", body).json().at("/errors/projectKey").asText()).isNotBlank();
        Client.Resp noLead = admin.post("/rest/api/3/project", "{\"key\":\"OPX\",\"name\":\"X\",\"projectTypeKey\":\"software\"}");
        assertThat(noLead.json().at("/errors/projectLead").asText()).contains("leadAccountId");

        assertThat(admin.get("/rest/api/3/project/" + id).json().get("key").asText()).isEqualTo("OPS");
        JsonNode updated = admin.put("/rest/api/3/project/OPS", "{\"name\":\"Ops\",\"description\":\"Runs things\"}").json();
        assertThat(updated.get("name").asText()).isEqualTo("Ops");
        assertThat(user.put("/rest/api/3/project/OPS", "{\"name\":\"Mine\"}").status()).isEqualTo(403);

        String key = sandbox.admin().createIssue("OPS", "Task", "in ops");
        assertThat(key).isEqualTo("OPS-1");

        assertThat(user.delete("/rest/api/3/project/OPS").status()).isEqualTo(403);
        assertThat(admin.delete("/rest/api/3/project/OPS").status()).isEqualTo(204);
        assertThat(admin.get("/rest/api/3/project/OPS").status()).isEqualTo(404);
        assertThat(admin.get("/rest/api/3/issue/" + key).status()).isEqualTo(404);
    }

    @Test
    void projectSearchPagesAndFilters() {
        for (String k : new String[] {"PSA", "PSB", "PSC"}) {
            assertThat(admin.post("/rest/api/3/project", "{\"key\":\"" + k + "\",\"name\":\"Paged " + k + "\",\"projectTypeKey\":\"business\","
                    + "\"leadAccountId\":\"" + SandboxUsers.ADMIN_ACCOUNT_ID + "\"}").status()).isEqualTo(201);
        }
        JsonNode first = admin.get("/rest/api/3/project/search?query=paged&maxResults=2").json();
        assertThat(first.get("total").asInt()).isEqualTo(3);
        assertThat(first.get("isLast").asBoolean()).isFalse();
        assertThat(first.get("values")).extracting(v -> v.get("key").asText()).containsExactly("PSA", "PSB");
        JsonNode second = admin.get("/rest/api/3/project/search?query=paged&maxResults=2&startAt=2").json();
        assertThat(second.get("isLast").asBoolean()).isTrue();
        assertThat(second.get("values")).extracting(v -> v.get("key").asText()).containsExactly("PSC");
        assertThat(admin.get("/rest/api/3/project").json().isArray()).isTrue();
        SpecCheck.expectRequestViolations(sandbox, "jira.operation.deprecated");
    }

    @Test
    void usersCanBeFound() {
        JsonNode found = admin.get("/rest/api/3/user/search?query=user@example").json();
        assertThat(found).extracting(u -> u.get("accountId").asText()).containsExactly(SandboxUsers.USER_ACCOUNT_ID);
        assertThat(admin.get("/rest/api/3/users/search?maxResults=10").json()).hasSize(2);
        JsonNode one = admin.get("/rest/api/3/user?accountId=" + SandboxUsers.ADMIN_ACCOUNT_ID.replace(":", "%3A")).json();
        assertThat(one.get("displayName").asText()).isEqualTo(SandboxUsers.ADMIN_DISPLAY_NAME);
        assertThat(admin.get("/rest/api/3/user?accountId=missing").status()).isEqualTo(404);
    }
}
