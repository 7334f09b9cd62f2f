package dev.cameljira.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every Jira resource once more in Server mode (REST v2, names), each exchange validated against the DC spec. */
class ServerActivityTest extends SpecCheckedSandboxTest {

    private Client admin;

    @Override
    protected JiraSandbox.Builder configure(JiraSandbox.Builder builder) {
        return builder.mode(JiraSandbox.Mode.SERVER);
    }

    @BeforeAll
    void clients() {
        admin = Client.bearer(sandbox, SandboxUsers.ADMIN_TOKEN);
    }

    private String create(String summary) {
        Client.Resp r = admin.post("/rest/api/2/issue", "{\"fields\":{\"project\":{\"key\":\"DEMO\"},\"issuetype\":{\"id\":\"10001\"},"
                + "\"summary\":" + Client.json(summary) + ",\"priority\":{\"id\":\"2\"},\"labels\":[\"dc\"],\"customfield_10016\":3}}");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().get("key").asText();
    }

    @Test
    void issueEditTransitionCommentAndChangelog() {
        String key = create("dc issue");
        assertThat(admin.put("/rest/api/2/issue/" + key, "{\"fields\":{\"summary\":\"dc edited\",\"description\":\"*bold*\"},"
                + "\"update\":{\"labels\":[{\"add\":\"more\"}]}}").status()).isEqualTo(204);
        JsonNode transitions = admin.get("/rest/api/2/issue/" + key + "/transitions").json();
        assertThat(transitions.get("transitions")).extracting(t -> t.get("name").asText()).contains("Start Progress", "Done");
        assertThat(admin.post("/rest/api/2/issue/" + key + "/transitions", "{\"transition\":{\"id\":\"21\"}}").status()).isEqualTo(204);
        Client.Resp comment = admin.post("/rest/api/2/issue/" + key + "/comment", "{\"body\":\"dc comment\"}");
        assertThat(comment.status()).isEqualTo(201);
        assertThat(comment.json().at("/author/name").asText()).isEqualTo(SandboxUsers.ADMIN_NAME);
        String commentId = comment.json().get("id").asText();
        assertThat(admin.put("/rest/api/2/issue/" + key + "/comment/" + commentId, "{\"body\":\"dc comment edited\"}").status()).isEqualTo(200);
        assertThat(admin.get("/rest/api/2/issue/" + key + "/comment/" + commentId).json().get("body").asText()).isEqualTo("dc comment edited");
        assertThat(admin.get("/rest/api/2/issue/" + key + "/comment").json().get("total").asInt()).isEqualTo(1);
        JsonNode issue = admin.get("/rest/api/2/issue/" + key + "?expand=changelog,names").json();
        assertThat(issue.at("/fields/status/name").asText()).isEqualTo("Done");
        assertThat(issue.at("/fields/resolution/name").asText()).isEqualTo("Done");
        assertThat(issue.at("/fields/labels")).extracting(JsonNode::asText).containsExactly("dc", "more");
        assertThat(issue.at("/changelog/histories")).hasSize(2);
        assertThat(issue.at("/names/summary").asText()).isEqualTo("Summary");
        assertThat(admin.delete("/rest/api/2/issue/" + key + "/comment/" + commentId).status()).isEqualTo(204);
        assertThat(admin.delete("/rest/api/2/issue/" + key).status()).isEqualTo(204);
    }

    @Test
    void attachmentsWatchersLinksWorklogsProperties() {
        String key = create("dc activity");
        String other = create("dc other");
        byte[] bytes = "dc bytes".getBytes(StandardCharsets.UTF_8);
        Client.Resp uploaded = admin.upload("/rest/api/2/issue/" + key + "/attachments", "dc.txt", bytes, true);
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(200);
        String attachmentId = uploaded.json().at("/0/id").asText();
        String content = uploaded.json().at("/0/content").asText();
        assertThat(content).startsWith(sandbox.baseUrl() + "/secure/attachment/" + attachmentId + "/");
        assertThat(admin.get(content.substring(sandbox.baseUrl().length())).raw().body()).isEqualTo(bytes);
        assertThat(admin.get("/rest/api/2/attachment/" + attachmentId).json().get("filename").asText()).isEqualTo("dc.txt");

        assertThat(admin.post("/rest/api/2/issue/" + key + "/watchers", "\"user\"").status()).isEqualTo(204);
        assertThat(admin.get("/rest/api/2/issue/" + key + "/watchers").json().get("watchers"))
                .extracting(w -> w.get("name").asText()).contains("admin", "user");
        assertThat(admin.delete("/rest/api/2/issue/" + key + "/watchers?username=user").status()).isEqualTo(204);

        assertThat(admin.post("/rest/api/2/issueLink", "{\"type\":{\"name\":\"Relates\"},\"inwardIssue\":{\"key\":\"" + key
                + "\"},\"outwardIssue\":{\"key\":\"" + other + "\"}}").status()).isEqualTo(201);
        String linkId = admin.get("/rest/api/2/issue/" + key).json().at("/fields/issuelinks/0/id").asText();
        assertThat(admin.get("/rest/api/2/issueLink/" + linkId).json().at("/outwardIssue/key").asText()).isEqualTo(other);
        assertThat(admin.get("/rest/api/2/issueLinkType").json().get("issueLinkTypes")).hasSize(4);
        assertThat(admin.delete("/rest/api/2/issueLink/" + linkId).status()).isEqualTo(204);

        Client.Resp worklog = admin.post("/rest/api/2/issue/" + key + "/worklog", "{\"timeSpent\":\"2h\",\"comment\":\"dc work\"}");
        assertThat(worklog.status()).as(worklog.text()).isEqualTo(201);
        assertThat(worklog.json().at("/author/name").asText()).isEqualTo(SandboxUsers.ADMIN_NAME);
        assertThat(admin.get("/rest/api/2/issue/" + key + "/worklog").json().get("total").asInt()).isEqualTo(1);

        assertThat(admin.put("/rest/api/2/issue/" + key + "/properties/dc.state", "{\"synced\":true}").status()).isEqualTo(201);
        assertThat(admin.get("/rest/api/2/issue/" + key + "/properties").json().at("/keys/0/key").asText()).isEqualTo("dc.state");
        assertThat(admin.delete("/rest/api/2/issue/" + key + "/properties/dc.state").status()).isEqualTo(204);
    }

    @Test
    void metadataUsersAndProjects() {
        assertThat(admin.get("/rest/api/2/priority").json()).hasSize(5);
        assertThat(admin.get("/rest/api/2/issuetype").json()).hasSize(4);
        assertThat(admin.get("/rest/api/2/status").json()).hasSize(3);
        assertThat(admin.get("/rest/api/2/field").json()).anyMatch(f -> f.get("id").asText().equals("customfield_10001"));
        assertThat(admin.get("/rest/api/2/myself").json().get("name").asText()).isEqualTo(SandboxUsers.ADMIN_NAME);
        assertThat(admin.get("/rest/api/2/user?username=user").json().get("key").asText()).isEqualTo(SandboxUsers.USER_KEY);
        assertThat(admin.get("/rest/api/2/issue/createmeta/DEMO/issuetypes/10001").json().get("values")).isNotEmpty();

        Client.Resp project = admin.post("/rest/api/2/project", "{\"key\":\"DCP\",\"name\":\"DC project\",\"projectTypeKey\":\"software\",\"lead\":\"admin\"}");
        assertThat(project.status()).as(project.text()).isEqualTo(201);
        assertThat(admin.put("/rest/api/2/project/DCP", "{\"name\":\"DC project renamed\"}").json().get("name").asText())
                .isEqualTo("DC project renamed");
        assertThat(admin.get("/rest/api/2/project/DCP").json().get("name").asText()).isEqualTo("DC project renamed");
        assertThat(Client.basic(sandbox, SandboxUsers.USER_NAME, SandboxUsers.USER_TOKEN).delete("/rest/api/2/project/DCP").status())
                .isEqualTo(403);
        assertThat(admin.delete("/rest/api/2/project/DCP").status()).isEqualTo(204);
    }
}
