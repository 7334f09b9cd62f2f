package dev.cameljira.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Project categories: DEMO's seeded one, {@code categoryId} on create and update, unknown ids rejected. */
class ProjectCategoryTest {

    @ParameterizedTest
    @EnumSource(JiraSandbox.Mode.class)
    void projectsCarryTheirCategory(JiraSandbox.Mode mode) {
        try (JiraSandbox jira = JiraSandbox.builder().mode(mode).validateAgainstSpec(true).build()) {
            Client admin = mode == JiraSandbox.Mode.CLOUD ? Client.admin(jira)
                    : Client.basic(jira, SandboxUsers.ADMIN_NAME, SandboxUsers.ADMIN_TOKEN);
            String key = jira.admin().createIssue("DEMO", "Task", "categorised");
            JsonNode issueProject = admin.get("/rest/api/2/issue/" + key).json().at("/fields/project/projectCategory");
            assertThat(issueProject.get("name").asText()).isEqualTo("Development");
            assertThat(issueProject.get("id").asText()).isEqualTo("10000");
            assertThat(issueProject.get("self").asText()).isEqualTo(jira.baseUrl() + "/rest/api/2/projectCategory/10000");
            assertThat(admin.get("/rest/api/2/project/DEMO").json().at("/projectCategory/name").asText()).isEqualTo("Development");

            String lead = mode == JiraSandbox.Mode.CLOUD ? "\"leadAccountId\":\"" + SandboxUsers.ADMIN_ACCOUNT_ID + "\""
                    : "\"lead\":\"" + SandboxUsers.ADMIN_NAME + "\"";
            Client.Resp plain = admin.post("/rest/api/2/project", "{\"key\":\"PLAIN\",\"name\":\"Plain\","
                    + "\"projectTypeKey\":\"software\"," + lead + "}");
            assertThat(plain.status()).as(plain.text()).isEqualTo(201);
            assertThat(admin.get("/rest/api/2/project/PLAIN").json().has("projectCategory")).as("no category, no key").isFalse();

            Client.Resp ops = admin.post("/rest/api/2/project", "{\"key\":\"OPS\",\"name\":\"Ops\",\"projectTypeKey\":\"software\","
                    + "\"categoryId\":10001," + lead + "}");
            assertThat(ops.status()).as(ops.text()).isEqualTo(201);
            assertThat(admin.get("/rest/api/2/project/OPS").json().at("/projectCategory/name").asText()).isEqualTo("Operations");

            assertThat(admin.put("/rest/api/2/project/OPS", "{\"categoryId\":10000}").status()).isEqualTo(200);
            assertThat(admin.get("/rest/api/2/project/OPS").json().at("/projectCategory/name").asText()).isEqualTo("Development");

            Client.Resp unknown = admin.put("/rest/api/2/project/OPS", "{\"categoryId\":99999}");
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.json().at("/errors/categoryId").asText()).contains("99999");
            assertThat(admin.get("/rest/api/2/project/OPS").json().at("/projectCategory/name").asText())
                    .as("nothing changed").isEqualTo("Development");
            SpecCheck.assertConforms(jira);
        }
    }
}
