package dev.cameljira.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue lifecycle against a Cloud sandbox: REST v3 (ADF) and v2 (wiki strings). */
class CloudIssueTest extends SpecCheckedSandboxTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-28T10:15:30.123Z"), ZoneId.of("UTC"));
    private Client admin;

    @Override
    protected JiraSandbox.Builder configure(JiraSandbox.Builder builder) {
        return builder.mode(JiraSandbox.Mode.CLOUD).clock(clock);
    }

    @BeforeAll
    void clients() {
        admin = Client.admin(sandbox);
    }

    private String create(String summary) {
        Client.Resp r = admin.post("/rest/api/3/issue", "{\"fields\":{\"project\":{\"key\":\"DEMO\"},\"issuetype\":{\"name\":\"Task\"},"
                + "\"summary\":" + Client.json(summary) + "}}");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().get("key").asText();
    }

    @Test
    void serverInfoSaysCloudAndMyselfIsTheCaller() {
        JsonNode info = Client.anonymous(sandbox).get("/rest/api/3/serverInfo").json();
        assertThat(info.get("deploymentType").asText()).isEqualTo("Cloud");
        assertThat(info.get("baseUrl").asText()).isEqualTo(sandbox.baseUrl());

        JsonNode me = Client.user(sandbox).get("/rest/api/3/myself").json();
        assertThat(me.get("accountId").asText()).isEqualTo(SandboxUsers.USER_ACCOUNT_ID);
        assertThat(me.get("emailAddress").asText()).isEqualTo(SandboxUsers.USER_EMAIL);
        assertThat(me.has("name")).isFalse();

        JsonNode viaBearer = Client.bearer(sandbox, SandboxUsers.ADMIN_OAUTH2_TOKEN).get("/rest/api/2/myself").json();
        assertThat(viaBearer.get("accountId").asText()).isEqualTo(SandboxUsers.ADMIN_ACCOUNT_ID);
    }

    @Test
    void badOrMissingCredentialsGet401WithJiraBody() {
        Client.Resp none = Client.anonymous(sandbox).get("/rest/api/3/issue/DEMO-1");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("errorMessages").get(0).asText()).isNotBlank();

        Client.Resp wrongToken = Client.basic(sandbox, SandboxUsers.ADMIN_EMAIL, "nope").get("/rest/api/3/myself");
        assertThat(wrongToken.status()).isEqualTo(401);
        assertThat(wrongToken.text()).doesNotContain("nope");

        Client.Resp tokenOfOtherUser = Client.basic(sandbox, SandboxUsers.ADMIN_EMAIL, SandboxUsers.USER_TOKEN).get("/rest/api/3/myself");
        assertThat(tokenOfOtherUser.status()).isEqualTo(401);

        Client.Resp serverStyleLogin = Client.basic(sandbox, SandboxUsers.ADMIN_NAME, SandboxUsers.ADMIN_TOKEN).get("/rest/api/3/myself");
        assertThat(serverStyleLogin.status()).as("Cloud logs in with the e-mail only").isEqualTo(401);
    }

    @Test
    void createThenGetReturnsEveryStandardField() {
        String body = "{\"fields\":{\"project\":{\"key\":\"DEMO\"},\"issuetype\":{\"name\":\"Bug\"},\"summary\":\"Printer on fire\","
                + "\"description\":" + Client.adf("Smoke everywhere") + ",\"priority\":{\"name\":\"High\"},"
                + "\"assignee\":{\"accountId\":\"" + SandboxUsers.USER_ACCOUNT_ID + "\"},\"labels\":[\"hardware\",\"urgent\"],"
                + "\"components\":[{\"name\":\"Backend\"}],\"customfield_10016\":5,\"customfield_10001\":\"Ops\","
                + "\"customfield_10040\":{\"value\":\"Critical\"}}}";
        Client.Resp created = admin.post("/rest/api/3/issue", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode ref = created.json();
        assertThat(Long.parseLong(ref.get("id").asText())).isGreaterThanOrEqualTo(10000);
        assertThat(ref.get("key").asText()).matches("DEMO-\\d+");
        assertThat(ref.get("self").asText()).isEqualTo(sandbox.baseUrl() + "/rest/api/3/issue/" + ref.get("id").asText());

        JsonNode issue = admin.get("/rest/api/3/issue/" + ref.get("key").asText()).json();
        JsonNode f = issue.get("fields");
        assertThat(f.get("summary").asText()).isEqualTo("Printer on fire");
        assertThat(f.get("description").get("type").asText()).isEqualTo("doc");
        assertThat(f.at("/description/content/0/content/0/text").asText()).isEqualTo("Smoke everywhere");
        assertThat(f.at("/issuetype/name").asText()).isEqualTo("Bug");
        assertThat(f.at("/project/key").asText()).isEqualTo("DEMO");
        assertThat(f.at("/status/name").asText()).isEqualTo("To Do");
        assertThat(f.at("/status/statusCategory/key").asText()).isEqualTo("new");
        assertThat(f.at("/priority/name").asText()).isEqualTo("High");
        assertThat(f.at("/assignee/accountId").asText()).isEqualTo(SandboxUsers.USER_ACCOUNT_ID);
        assertThat(f.at("/reporter/accountId").asText()).isEqualTo(SandboxUsers.ADMIN_ACCOUNT_ID);
        assertThat(f.get("labels")).extracting(JsonNode::asText).containsExactly("hardware", "urgent");
        assertThat(f.at("/components/0/name").asText()).isEqualTo("Backend");
        assertThat(f.get("created").asText()).isEqualTo("2026-11-28T10:15:30.123+0000");
        assertThat(f.get("updated").asText()).isEqualTo("2026-11-28T10:15:30.123+0000");
        assertThat(f.get("resolution").isNull()).isTrue();
        assertThat(f.get("resolutiondate").isNull()).isTrue();
        assertThat(f.get("customfield_10016").asInt()).isEqualTo(5);
        assertThat(f.get("customfield_10001").asText()).isEqualTo("Ops");
        assertThat(f.at("/customfield_10040/value").asText()).isEqualTo("Critical");

        JsonNode v2 = admin.get("/rest/api/2/issue/" + ref.get("key").asText() + "?fields=summary,description").json();
        assertThat(v2.at("/fields/description").asText()).isEqualTo("Smoke everywhere");
        assertThat(v2.get("fields").size()).isEqualTo(2);
        assertThat(v2.get("self").asText()).startsWith(sandbox.baseUrl() + "/rest/api/2/issue/");
    }

    @Test
    void editRecordsChangelogAndMovesUpdated() {
        String key = create("Original");
        clock.advance(Duration.ofSeconds(20));
        Client.Resp edit = admin.put("/rest/api/3/issue/" + key + "?notifyUsers=false",
                "{\"fields\":{\"summary\":\"Renamed\",\"priority\":{\"name\":\"Low\"}},\"update\":{\"labels\":[{\"add\":\"x\"},{\"add\":\"y\"},{\"remove\":\"x\"}]}}");
        assertThat(edit.status()).as(edit.text()).isEqualTo(204);

        JsonNode issue = admin.get("/rest/api/3/issue/" + key + "?expand=changelog").json();
        assertThat(issue.at("/fields/summary").asText()).isEqualTo("Renamed");
        assertThat(issue.at("/fields/labels").get(0).asText()).isEqualTo("y");
        assertThat(issue.at("/fields/updated").asText()).isNotEqualTo(issue.at("/fields/created").asText());
        JsonNode items = issue.at("/changelog/histories/0/items");
        assertThat(items).extracting(i -> i.get("field").asText()).containsExactly("summary", "priority", "labels");
        assertThat(items.get(0).get("fromString").asText()).isEqualTo("Original");
        assertThat(items.get(0).get("toString").asText()).isEqualTo("Renamed");
        assertThat(items.get(1).get("from").asText()).isEqualTo("3");
        assertThat(items.get(1).get("to").asText()).isEqualTo("4");

        JsonNode page = admin.get("/rest/api/3/issue/" + key + "/changelog?startAt=0&maxResults=10").json();
        assertThat(page.get("total").asInt()).isEqualTo(1);
        assertThat(page.get("isLast").asBoolean()).isTrue();
        assertThat(page.at("/values/0/items/0/field").asText()).isEqualTo("summary");
    }

    @Test
    void transitionsFollowTheWorkflowAndSetResolution() {
        String key = create("Workflow");
        JsonNode transitions = admin.get("/rest/api/3/issue/" + key + "/transitions").json().get("transitions");
        assertThat(transitions).extracting(t -> t.get("name").asText()).containsExactly("Start Progress", "Done");
        String startId = transitions.get(0).get("id").asText();
        assertThat(transitions.get(0).at("/to/name").asText()).isEqualTo("In Progress");

        assertThat(admin.post("/rest/api/3/issue/" + key + "/transitions", "{\"transition\":{\"id\":\"" + startId + "\"}}").status())
                .isEqualTo(204);
        assertThat(admin.get("/rest/api/3/issue/" + key).json().at("/fields/status/name").asText()).isEqualTo("In Progress");

        Client.Resp invalid = admin.post("/rest/api/3/issue/" + key + "/transitions", "{\"transition\":{\"id\":\"" + startId + "\"}}");
        assertThat(invalid.status()).isEqualTo(400);

        String doneId = admin.get("/rest/api/3/issue/" + key + "/transitions").json().get("transitions").findValues("id").stream()
                .filter(id -> id.asText().equals("21")).findFirst().orElseThrow().asText();
        clock.advance(Duration.ofMinutes(1));
        assertThat(admin.post("/rest/api/3/issue/" + key + "/transitions",
                "{\"transition\":{\"id\":\"" + doneId + "\"},\"fields\":{\"resolution\":{\"name\":\"Won't Do\"}}}").status()).isEqualTo(204);
        JsonNode done = admin.get("/rest/api/3/issue/" + key + "?expand=changelog").json();
        assertThat(done.at("/fields/status/name").asText()).isEqualTo("Done");
        assertThat(done.at("/fields/status/statusCategory/key").asText()).isEqualTo("done");
        assertThat(done.at("/fields/resolution/name").asText()).isEqualTo("Won't Do");
        assertThat(done.at("/fields/resolutiondate").asText()).isEqualTo(done.at("/fields/updated").asText());
        JsonNode last = done.at("/changelog/histories/1/items");
        assertThat(last).extracting(i -> i.get("field").asText()).containsExactly("resolution", "status");

        sandbox.admin().transition(key, "To Do");
        JsonNode reopened = sandbox.admin().issue(key);
        assertThat(reopened.at("/fields/status/name").asText()).isEqualTo("To Do");
        assertThat(reopened.at("/fields/resolution").isNull()).isTrue();
    }

    @Test
    void commentsRoundTripInAdfAndWiki() {
        String key = create("Comments");
        Client.Resp added = admin.post("/rest/api/3/issue/" + key + "/comment",
                "{\"body\":" + Client.adf("First!") + ",\"visibility\":{\"type\":\"role\",\"value\":\"Administrators\"}}");
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        String id = added.json().get("id").asText();
        assertThat(added.json().at("/visibility/value").asText()).isEqualTo("Administrators");

        Client.Resp v2 = Client.user(sandbox).post("/rest/api/2/issue/" + key + "/comment", "{\"body\":\"*second*\"}");
        assertThat(v2.status()).isEqualTo(201);
        assertThat(v2.json().get("body").asText()).isEqualTo("*second*");

        JsonNode page = admin.get("/rest/api/3/issue/" + key + "/comment?startAt=1&maxResults=1").json();
        assertThat(page.get("total").asInt()).isEqualTo(2);
        assertThat(page.get("startAt").asInt()).isEqualTo(1);
        assertThat(page.at("/comments/0/body/type").asText()).isEqualTo("doc");
        assertThat(page.at("/comments/0/author/accountId").asText()).isEqualTo(SandboxUsers.USER_ACCOUNT_ID);

        assertThat(admin.put("/rest/api/3/issue/" + key + "/comment/" + id, "{\"body\":" + Client.adf("Edited") + "}").json()
                .at("/body/content/0/content/0/text").asText()).isEqualTo("Edited");
        assertThat(Client.user(sandbox).delete("/rest/api/3/issue/" + key + "/comment/" + id).status())
                .as("only the author or an admin may delete").isEqualTo(403);
        assertThat(admin.delete("/rest/api/3/issue/" + key + "/comment/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/rest/api/2/issue/" + key + "/comment").json().get("total").asInt()).isEqualTo(1);

        Client.Resp notAdf = admin.post("/rest/api/3/issue/" + key + "/comment", "{\"body\":\"plain\"}");
        assertThat(notAdf.status()).isEqualTo(400);
        assertThat(notAdf.json().at("/errors/comment").asText()).contains("Atlassian Document");
        SpecCheck.expectRequestViolations(sandbox, "jira.richText");
    }

    @Test
    void validationErrorsLookLikeJira() {
        Client.Resp noSummary = admin.post("/rest/api/3/issue", "{\"fields\":{\"project\":{\"key\":\"DEMO\"},\"issuetype\":{\"name\":\"Task\"}}}");
        assertThat(noSummary.status()).isEqualTo(400);
        assertThat(noSummary.json().at("/errors/summary").asText()).isEqualTo("You must specify a summary of the issue.");

        Client.Resp badProject = admin.post("/rest/api/3/issue", "{\"fields\":{\"project\":{\"key\":\"NOPE\"},\"issuetype\":{\"name\":\"Task\"},\"summary\":\"x\"}}");
        assertThat(badProject.status()).isEqualTo(400);
        assertThat(badProject.json().at("/errors/project").asText()).isNotBlank();

        Client.Resp badType = admin.post("/rest/api/3/issue", "{\"fields\":{\"project\":{\"key\":\"DEMO\"},\"issuetype\":{\"name\":\"Epicness\"},\"summary\":\"x\"}}");
        assertThat(badType.json().at("/errors/issuetype").asText()).isEqualTo("The issue type selected is invalid.");

        Client.Resp unknownField = admin.post("/rest/api/3/issue", "{\"fields\":{\"project\":{\"key\":\"DEMO\"},\"issuetype\":{\"name\":\"Task\"},\"summary\":\"x\",\"customfield_99999\":1}}");
        assertThat(unknownField.json().at("/errors/customfield_99999").asText())
                .isEqualTo("Field 'customfield_99999' cannot be set. It is not on the appropriate screen, or unknown.");

        Client.Resp stringInV3 = admin.post("/rest/api/3/issue", "{\"fields\":{\"project\":{\"key\":\"DEMO\"},\"issuetype\":{\"name\":\"Task\"},\"summary\":\"x\",\"description\":\"plain\"}}");
        assertThat(stringInV3.json().at("/errors/description").asText()).startsWith("Operation value must be an Atlassian Document");

        Client.Resp adfInV2 = admin.post("/rest/api/2/issue", "{\"fields\":{\"project\":{\"key\":\"DEMO\"},\"issuetype\":{\"name\":\"Task\"},\"summary\":\"x\",\"description\":" + Client.adf("x") + "}}");
        assertThat(adfInV2.status()).isEqualTo(400);
        assertThat(adfInV2.json().at("/errors/description").asText()).isEqualTo("Operation value must be a string");

        Client.Resp badStoryPoints = admin.post("/rest/api/3/issue", "{\"fields\":{\"project\":{\"key\":\"DEMO\"},\"issuetype\":{\"name\":\"Task\"},\"summary\":\"x\",\"customfield_10016\":\"five\"}}");
        assertThat(badStoryPoints.json().at("/errors/customfield_10016").asText()).isEqualTo("Operation value must be a number");

        String key = create("Validated");
        Client.Resp setStatus = admin.put("/rest/api/3/issue/" + key, "{\"fields\":{\"status\":{\"name\":\"Done\"},\"summary\":\"changed\"}}");
        assertThat(setStatus.status()).isEqualTo(400);
        assertThat(setStatus.json().at("/errors/status").asText()).contains("cannot be set");
        assertThat(admin.get("/rest/api/3/issue/" + key).json().at("/fields/summary").asText())
                .as("a rejected edit changes nothing").isEqualTo("Validated");

        SpecCheck.expectRequestViolations(sandbox);
        Client.Resp missing = admin.get("/rest/api/3/issue/DEMO-99999");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("errorMessages").get(0).asText())
                .isEqualTo("Issue does not exist or you do not have permission to see it.");
        assertThat(missing.json().get("errors").size()).isZero();
    }

    @Test
    void assigneeAndBulkAndDelete() {
        String key = create("Assign me");
        assertThat(admin.put("/rest/api/3/issue/" + key + "/assignee", "{\"accountId\":\"" + SandboxUsers.USER_ACCOUNT_ID + "\"}").status())
                .isEqualTo(204);
        JsonNode issue = admin.get("/rest/api/3/issue/" + key + "?expand=changelog").json();
        assertThat(issue.at("/fields/assignee/displayName").asText()).isEqualTo(SandboxUsers.USER_DISPLAY_NAME);
        assertThat(issue.at("/changelog/histories/0/items/0/to").asText()).isEqualTo(SandboxUsers.USER_ACCOUNT_ID);
        assertThat(admin.put("/rest/api/3/issue/" + key + "/assignee", "{\"accountId\":\"no-such-account\"}").status()).isEqualTo(400);

        Client.Resp bulk = admin.post("/rest/api/3/issue/bulk", "{\"issueUpdates\":["
                + "{\"fields\":{\"project\":{\"key\":\"DEMO\"},\"issuetype\":{\"name\":\"Story\"},\"summary\":\"one\"}},"
                + "{\"fields\":{\"project\":{\"key\":\"DEMO\"},\"issuetype\":{\"name\":\"Story\"}}},"
                + "{\"fields\":{\"project\":{\"key\":\"DEMO\"},\"issuetype\":{\"name\":\"Sub-task\"},\"summary\":\"child\",\"parent\":{\"key\":\"" + key + "\"}}}]}");
        assertThat(bulk.status()).as(bulk.text()).isEqualTo(201);
        assertThat(bulk.json().get("issues")).hasSize(2);
        assertThat(bulk.json().at("/errors/0/failedElementNumber").asInt()).isEqualTo(1);
        assertThat(bulk.json().at("/errors/0/elementErrors/errors/summary").asText()).isNotBlank();
        String childKey = bulk.json().at("/issues/1/key").asText();
        assertThat(admin.get("/rest/api/3/issue/" + key).json().at("/fields/subtasks/0/key").asText()).isEqualTo(childKey);
        assertThat(admin.get("/rest/api/3/issue/" + childKey).json().at("/fields/parent/key").asText()).isEqualTo(key);

        StringBuilder tooMany = new StringBuilder("{\"issueUpdates\":[");
        for (int i = 0; i < 51; i++) {
            tooMany.append(i == 0 ? "" : ",").append("{\"fields\":{}}");
        }
        Client.Resp rejected = admin.post("/rest/api/3/issue/bulk", tooMany + "]}");
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.json().at("/errors/0/elementErrors/errorMessages/0").asText()).contains("50");
        sandbox.admin().clearSpecViolations(); // the deliberately bad bulk items above

        assertThat(Client.user(sandbox).delete("/rest/api/3/issue/" + key).status()).isEqualTo(403);
        assertThat(admin.delete("/rest/api/3/issue/" + key).status()).as("has a sub-task").isEqualTo(400);
        assertThat(admin.delete("/rest/api/3/issue/" + key + "?deleteSubtasks=true").status()).isEqualTo(204);
        assertThat(admin.get("/rest/api/3/issue/" + key).status()).isEqualTo(404);
        assertThat(admin.get("/rest/api/3/issue/" + childKey).status()).isEqualTo(404);
    }

    @Test
    void removedSearchIsGoneWith410() {
        Client.Resp get = admin.get("/rest/api/3/search?jql=project%3DDEMO");
        assertThat(get.status()).isEqualTo(410);
        assertThat(get.json().get("errorMessages").get(0).asText()).contains("/rest/api/3/search/jql");
        assertThat(admin.post("/rest/api/2/search", "{\"jql\":\"project = DEMO\"}").status()).isEqualTo(410);
        SpecCheck.expectRequestViolations(sandbox, "jira.operation.deprecated");
    }

    @Test
    void metadataEndpoints() {
        JsonNode priorities = admin.get("/rest/api/3/priority/search").json();
        assertThat(priorities.get("values")).extracting(p -> p.get("name").asText()).containsExactly("Highest", "High", "Medium", "Low", "Lowest");
        assertThat(priorities.get("isLast").asBoolean()).isTrue();
        assertThat(admin.get("/rest/api/3/priority/search?onlyDefault=true").json().at("/values/0/name").asText()).isEqualTo("Medium");
        SpecCheck.expectRequestViolations(sandbox, "jira.operation.deprecated"); // both priority listings are deprecated
        assertThat(admin.get("/rest/api/3/issuetype").json()).extracting(p -> p.get("name").asText())
                .contains("Task", "Bug", "Story", "Sub-task");
        assertThat(admin.get("/rest/api/3/status").json()).extracting(p -> p.get("name").asText()).containsExactly("To Do", "In Progress", "Done");
        JsonNode fields = admin.get("/rest/api/3/field").json();
        JsonNode storyPoints = null;
        for (JsonNode f : fields) {
            if (f.get("id").asText().equals("customfield_10016")) {
                storyPoints = f;
            }
        }
        assertThat(storyPoints).isNotNull();
        assertThat(storyPoints.get("name").asText()).isEqualTo("Story Points");
        assertThat(storyPoints.get("custom").asBoolean()).isTrue();
        assertThat(storyPoints.at("/schema/type").asText()).isEqualTo("number");
        assertThat(fields).anyMatch(f -> f.get("id").asText().equals("summary") && !f.get("custom").asBoolean());

        JsonNode types = admin.get("/rest/api/3/issue/createmeta/DEMO/issuetypes?maxResults=2").json();
        assertThat(types.get("total").asInt()).isEqualTo(4);
        assertThat(types.get("issueTypes")).hasSize(2);
        JsonNode taskFields = admin.get("/rest/api/3/issue/createmeta/DEMO/issuetypes/10001").json();
        assertThat(taskFields.get("fields")).anyMatch(f -> f.get("fieldId").asText().equals("summary") && f.get("required").asBoolean());
        assertThat(taskFields.get("fields")).anyMatch(f -> f.get("fieldId").asText().equals("customfield_10040")
                && f.get("allowedValues").size() == 3);
    }
}
