package dev.cameljira.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Attachments, watchers, links, worklogs and entity properties round-trip (Cloud). */
class ActivityTest extends SpecCheckedSandboxTest {

    private Client admin;

    @BeforeAll
    void clients() {
        admin = Client.admin(sandbox);
    }

    @Test
    void attachmentsNeedTheXsrfHeaderAndKeepTheirBytes() {
        String key = sandbox.admin().createIssue("DEMO", "Task", "with file");
        byte[] content = "hello, attachment\n".getBytes(StandardCharsets.UTF_8);
        Client.Resp refused = admin.upload("/rest/api/3/issue/" + key + "/attachments", "notes.txt", content, false);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text()).contains("XSRF check failed");
        SpecCheck.expectRequestViolations(sandbox, "xsrf");

        Client.Resp uploaded = admin.upload("/rest/api/3/issue/" + key + "/attachments", "notes.txt", content, true);
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(200);
        JsonNode a = uploaded.json().get(0);
        assertThat(a.get("filename").asText()).isEqualTo("notes.txt");
        assertThat(a.get("size").asInt()).isEqualTo(content.length);
        String id = a.get("id").asText();

        assertThat(admin.get("/rest/api/3/attachment/" + id).json().get("mimeType").asText()).isEqualTo("text/plain");
        Client.Resp bytes = admin.get("/rest/api/3/attachment/content/" + id);
        assertThat(bytes.raw().body()).isEqualTo(content);
        JsonNode issue = admin.get("/rest/api/3/issue/" + key + "?expand=changelog").json();
        assertThat(issue.at("/fields/attachment/0/id").asText()).isEqualTo(id);
        assertThat(issue.at("/changelog/histories/0/items/0/field").asText()).isEqualTo("Attachment");

        assertThat(admin.delete("/rest/api/3/attachment/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/rest/api/3/attachment/" + id).status()).isEqualTo(404);
    }

    @Test
    void watchersCanBeAddedAndRemoved() {
        String key = sandbox.admin().createIssue("DEMO", "Task", "watch me");
        JsonNode initial = admin.get("/rest/api/3/issue/" + key + "/watchers").json();
        assertThat(initial.get("watchCount").asInt()).as("the reporter watches").isEqualTo(1);
        assertThat(admin.post("/rest/api/3/issue/" + key + "/watchers", "\"" + SandboxUsers.USER_ACCOUNT_ID + "\"").status()).isEqualTo(204);
        JsonNode two = Client.user(sandbox).get("/rest/api/3/issue/" + key + "/watchers").json();
        assertThat(two.get("watchCount").asInt()).isEqualTo(2);
        assertThat(two.get("isWatching").asBoolean()).isTrue();
        assertThat(admin.delete("/rest/api/3/issue/" + key + "/watchers?accountId=" + SandboxUsers.USER_ACCOUNT_ID.replace(":", "%3A"))
                .status()).isEqualTo(204);
        assertThat(admin.get("/rest/api/3/issue/" + key).json().at("/fields/watches/watchCount").asInt()).isEqualTo(1);
        assertThat(admin.post("/rest/api/3/issue/" + key + "/watchers", "\"nobody\"").status()).isEqualTo(404);
    }

    @Test
    void linksShowOnBothIssuesAndCanBeDeleted() {
        String blocker = sandbox.admin().createIssue("DEMO", "Bug", "blocker");
        String blocked = sandbox.admin().createIssue("DEMO", "Task", "blocked");
        JsonNode types = admin.get("/rest/api/3/issueLinkType").json().get("issueLinkTypes");
        assertThat(types).anyMatch(t -> t.get("name").asText().equals("Blocks") && t.get("outward").asText().equals("blocks"));

        Client.Resp created = admin.post("/rest/api/3/issueLink",
                "{\"type\":{\"name\":\"Blocks\"},\"inwardIssue\":{\"key\":\"" + blocker + "\"},\"outwardIssue\":{\"key\":\"" + blocked + "\"}}");
        assertThat(created.status()).isEqualTo(201);
        JsonNode links = admin.get("/rest/api/3/issue/" + blocker).json().at("/fields/issuelinks");
        assertThat(links.get(0).at("/outwardIssue/key").asText()).isEqualTo(blocked);
        String linkId = links.get(0).get("id").asText();
        assertThat(admin.get("/rest/api/3/issue/" + blocked).json().at("/fields/issuelinks/0/inwardIssue/key").asText()).isEqualTo(blocker);

        JsonNode link = admin.get("/rest/api/3/issueLink/" + linkId).json();
        assertThat(link.at("/type/name").asText()).isEqualTo("Blocks");
        assertThat(link.at("/inwardIssue/key").asText()).isEqualTo(blocker);
        assertThat(link.at("/outwardIssue/key").asText()).isEqualTo(blocked);

        assertThat(admin.post("/rest/api/3/issueLink", "{\"type\":{\"name\":\"Nope\"},\"inwardIssue\":{\"key\":\"" + blocker
                + "\"},\"outwardIssue\":{\"key\":\"" + blocked + "\"}}").status()).isEqualTo(404);
        assertThat(admin.delete("/rest/api/3/issueLink/" + linkId).status()).isEqualTo(204);
        assertThat(admin.get("/rest/api/3/issue/" + blocker).json().at("/fields/issuelinks")).isEmpty();
    }

    @Test
    void worklogsAccumulateTimeSpent() {
        String key = sandbox.admin().createIssue("DEMO", "Task", "work");
        Client.Resp first = admin.post("/rest/api/3/issue/" + key + "/worklog",
                "{\"timeSpent\":\"1h 30m\",\"started\":\"2026-11-28T09:00:00.000+0000\",\"comment\":" + Client.adf("pairing") + "}");
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(first.json().get("timeSpentSeconds").asInt()).isEqualTo(5400);
        assertThat(first.json().get("started").asText()).isEqualTo("2026-11-28T09:00:00.000+0000");
        assertThat(admin.post("/rest/api/2/issue/" + key + "/worklog", "{\"timeSpentSeconds\":600,\"comment\":\"review\"}").status()).isEqualTo(201);

        JsonNode page = admin.get("/rest/api/3/issue/" + key + "/worklog?startAt=0&maxResults=1").json();
        assertThat(page.get("total").asInt()).isEqualTo(2);
        assertThat(page.get("worklogs")).hasSize(1);
        assertThat(admin.get("/rest/api/3/issue/" + key).json().at("/fields/timespent").asInt()).isEqualTo(6000);

        String id = first.json().get("id").asText();
        assertThat(admin.put("/rest/api/3/issue/" + key + "/worklog/" + id, "{\"timeSpent\":\"2h\"}").json().get("timeSpent").asText())
                .isEqualTo("2h");
        assertThat(admin.delete("/rest/api/3/issue/" + key + "/worklog/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/rest/api/3/issue/" + key).json().at("/fields/timespent").asInt()).isEqualTo(600);
        assertThat(admin.post("/rest/api/3/issue/" + key + "/worklog", "{\"timeSpent\":\"soon\"}").status()).isEqualTo(400);
    }

    @Test
    void entityPropertiesRoundTrip() {
        String key = sandbox.admin().createIssue("DEMO", "Task", "props");
        assertThat(admin.put("/rest/api/3/issue/" + key + "/properties/sync", "{\"zendeskId\":42,\"tags\":[\"a\"]}").status()).isEqualTo(201);
        assertThat(admin.put("/rest/api/3/issue/" + key + "/properties/sync", "{\"zendeskId\":43}").status()).isEqualTo(200);
        JsonNode prop = admin.get("/rest/api/3/issue/" + key + "/properties/sync").json();
        assertThat(prop.get("key").asText()).isEqualTo("sync");
        assertThat(prop.at("/value/zendeskId").asInt()).isEqualTo(43);
        assertThat(admin.get("/rest/api/3/issue/" + key + "/properties").json().at("/keys/0/key").asText()).isEqualTo("sync");
        assertThat(admin.delete("/rest/api/3/issue/" + key + "/properties/sync").status()).isEqualTo(204);
        assertThat(admin.get("/rest/api/3/issue/" + key + "/properties/sync").status()).isEqualTo(404);
    }
}
