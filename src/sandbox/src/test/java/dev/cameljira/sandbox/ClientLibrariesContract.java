package dev.cameljira.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Calls third-party Node clients (jira.js 6.2.0 on Cloud v3, jira-client 8.2.2 on Data Center and Cloud v2) make that
 * the sandbox once answered differently from Jira, in one deployment mode, every exchange validated against that
 * mode's spec: the worklog feeds, related-issue counts, {@code resolution/{id}}, {@code expand=renderedBody} on
 * comments, components without a description, repeated {@code expand} parameters and the legacy XSRF token. Python's
 * {@code jira} library (pycontribs/jira 3.10, REST v2 on both flavours) added the numeric-string
 * {@code timeSpentSeconds} of its worklogs and the {@code update.worklog} of its {@code transition_issue(..., worklog=)};
 * Atlassian's own {@code POST issue/bulk} example the {@code update.worklog} of issue create.
 */
abstract class ClientLibrariesContract extends ClockedModeContract {

    ClientLibrariesContract() {
        super(Instant.parse("2026-11-28T10:15:30.123Z"));
    }

    protected String api() {
        return "/rest/api/" + (cloud() ? 3 : 2);
    }

    protected boolean cloud() {
        return mode() == JiraSandbox.Mode.CLOUD;
    }

    private String worklog(String key, int seconds) {
        Client.Resp r = admin.post(api() + "/issue/" + key + "/worklog", "{\"timeSpentSeconds\":" + seconds + "}");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    @Test
    void worklogFeedsAndListLeaveOutWorklogsTheCallerMayNotSee() {
        long since = clock.instant().toEpochMilli();
        String key = sandbox.admin().createIssue("DEMO", "Task", "restricted time");
        String open = worklog(key, 60);
        Client.Resp r = admin.post(api() + "/issue/" + key + "/worklog", "{\"timeSpentSeconds\":60,"
                + "\"visibility\":{\"type\":\"group\",\"value\":\"jira-administrators\"}}");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        String restricted = r.json().get("id").asText();
        clock.advance(Duration.ofSeconds(61));
        Client user = Client.user(sandbox);
        String ids = "{\"ids\":[" + open + "," + restricted + "]}";

        assertThat(user.get(api() + "/worklog/updated?since=" + since).json().get("values"))
                .extracting(v -> v.get("worklogId").asText()).containsExactly(open);
        assertThat(user.post(api() + "/worklog/list", ids).json()).extracting(w -> w.get("id").asText())
                .containsExactly(open);
        assertThat(admin.get(api() + "/worklog/updated?since=" + since).json().get("values"))
                .extracting(v -> v.get("worklogId").asText()).containsExactly(open, restricted);
        assertThat(admin.post(api() + "/worklog/list", ids).json()).hasSize(2);
    }

    @Test
    void worklogFeedsListChangesOlderThanAMinuteAndWorklogListReturnsThem() {
        long since = clock.instant().toEpochMilli();
        String key = sandbox.admin().createIssue("DEMO", "Task", "timed");
        String first = worklog(key, 60);
        String second = worklog(key, 120);
        JsonNode fresh = admin.get(api() + "/worklog/updated?since=" + since).json();
        assertThat(fresh.get("values")).as("Jira leaves out the last minute's changes").isEmpty();
        assertThat(fresh.get("lastPage").asBoolean()).isTrue();

        clock.advance(Duration.ofSeconds(61));
        JsonNode updated = admin.get(api() + "/worklog/updated?since=" + since).json();
        assertThat(updated.get("values")).extracting(v -> v.get("worklogId").asText()).containsExactly(first, second);
        assertThat(updated.at("/values/0/updatedTime").asLong()).isEqualTo(since);
        assertThat(updated.get("since").asLong()).isEqualTo(since);
        assertThat(updated.get("until").asLong()).isEqualTo(since);
        assertThat(updated.get("self").asText()).isEqualTo(sandbox.baseUrl() + api() + "/worklog/updated?since=" + since);
        assertThat(updated.has("nextPage")).isFalse();
        assertThat(admin.get(api() + "/worklog/updated?since=" + (since + 1)).json().get("values")).isEmpty();

        JsonNode listed = admin.post(api() + "/worklog/list", "{\"ids\":[" + second + ",4711]}").json();
        assertThat(listed).singleElement().satisfies(w -> {
            assertThat(w.get("id").asText()).isEqualTo(second);
            assertThat(w.get("timeSpentSeconds").asInt()).isEqualTo(120);
        });

        long deletedAt = clock.instant().toEpochMilli();
        assertThat(admin.delete(api() + "/issue/" + key + "/worklog/" + first).status()).isEqualTo(204);
        clock.advance(Duration.ofSeconds(61));
        JsonNode deleted = admin.get(api() + "/worklog/deleted?since=" + deletedAt).json();
        assertThat(deleted.get("values")).extracting(v -> v.get("worklogId").asText()).containsExactly(first);
        assertThat(deleted.at("/values/0/updatedTime").asLong()).isEqualTo(deletedAt);
    }

    @Test
    void relatedIssueCountsCountTheIssuesOfAVersionAndAComponent() {
        Client.Resp v = admin.post(api() + "/version", "{\"name\":\"counted\",\"project\":\"DEMO\"}");
        assertThat(v.status()).as(v.text()).isEqualTo(201);
        String versionId = v.json().get("id").asText();
        sandbox.admin().createIssue("DEMO", "Task", "fixed", Map.of("fixVersions", List.of(Map.of("id", versionId)),
                "components", List.of(Map.of("id", "10000"))));
        sandbox.admin().createIssue("DEMO", "Bug", "affected", Map.of("versions", List.of(Map.of("id", versionId))));

        JsonNode counts = admin.get(api() + "/version/" + versionId + "/relatedIssueCounts").json();
        assertThat(counts.get("issuesFixedCount").asInt()).isEqualTo(1);
        assertThat(counts.get("issuesAffectedCount").asInt()).isEqualTo(1);
        assertThat(counts.get("issueCountWithCustomFieldsShowingVersion").asInt()).isZero();
        assertThat(counts.get("self").asText()).isEqualTo(sandbox.baseUrl() + api() + "/version/" + versionId);
        assertThat(admin.get(api() + "/version/4711/relatedIssueCounts").status()).isEqualTo(404);

        JsonNode component = admin.get(api() + "/component/10000/relatedIssueCounts").json();
        assertThat(component.get("issueCount").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(component.get("self").asText()).isEqualTo(sandbox.baseUrl() + api() + "/component/10000");
        assertThat(admin.get(api() + "/component/4711/relatedIssueCounts").status()).isEqualTo(404);
    }

    @Test
    void resolutionsAreLookedUpById() {
        JsonNode done = admin.get(api() + "/resolution/10000").json();
        assertThat(done.get("name").asText()).isEqualTo("Done");
        assertThat(done.get("self").asText()).isEqualTo(sandbox.baseUrl() + api() + "/resolution/10000");
        Client.Resp missing = admin.get(api() + "/resolution/4711");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().at("/errorMessages/0").asText()).contains("4711");
    }

    @Test
    void commentsCarryTheirHtmlWithExpandRenderedBody() {
        String key = sandbox.admin().createIssue("DEMO", "Task", "discussed");
        sandbox.admin().addComment(key, "Some *bold* words");
        JsonNode page = admin.get(api() + "/issue/" + key + "/comment?expand=renderedBody").json();
        assertThat(page.at("/comments/0/renderedBody").asText()).contains("<b>bold</b>");
        String id = page.at("/comments/0/id").asText();
        assertThat(admin.get(api() + "/issue/" + key + "/comment/" + id + "?expand=renderedBody").json()
                .get("renderedBody").asText()).contains("<b>bold</b>");
        assertThat(admin.get(api() + "/issue/" + key + "/comment/" + id).json().has("renderedBody")).isFalse();
    }

    @Test
    void aComponentWithoutDescriptionHasNoDescriptionMember() {
        Client.Resp created = admin.post(api() + "/component", "{\"name\":\"Bare\",\"project\":\"DEMO\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().has("description")).as("Jira leaves it out; jira.js's schema wants a string").isFalse();
        assertThat(admin.get(api() + "/project/DEMO/components").json())
                .allSatisfy(c -> assertThat(c.path("description").isNull()).isFalse());
    }

    @Test
    void repeatedExpandParametersAreOneList() {
        // jira.js sends an array as expand=changelog&expand=renderedFields; Jira reads every value
        String key = sandbox.admin().createIssue("DEMO", "Task", "expanded");
        JsonNode issue = admin.get(api() + "/issue/" + key + "?expand=changelog&expand=renderedFields").json();
        assertThat(issue.has("changelog")).isTrue();
        assertThat(issue.has("renderedFields")).isTrue();
    }

    @Test
    void transitionFieldsAreFieldMetadata() {
        String key = sandbox.admin().createIssue("DEMO", "Task", "moving");
        JsonNode resolution = admin.get(api() + "/issue/" + key + "/transitions?expand=transitions.fields").json()
                .at("/transitions").findValue("resolution");
        assertThat(resolution.get("key").asText()).isEqualTo("resolution");
        // Cloud's FieldMetadata has no fieldId (the spec forbids other members); DC's FieldMetaBean has one
        assertThat(resolution.has("fieldId")).isEqualTo(!cloud());
    }

    @Test
    void theLegacyNocheckXsrfTokenPassesLikeNoCheck() {
        // jira-client 8.2.2's addAttachmentOnIssue sends X-Atlassian-Token: nocheck
        String key = sandbox.admin().createIssue("DEMO", "Task", "attached");
        Client.Resp r = admin.send(admin.builder("/rest/api/2/issue/" + key + "/attachments")
                .header("X-Atlassian-Token", "nocheck")
                .header("Content-Type", "multipart/form-data; boundary=b")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("--b\r\nContent-Disposition: form-data; "
                        + "name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b--\r\n")));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().at("/0/size").asInt()).isEqualTo(5);
    }

    @Test
    void aWorklogsTimeSpentSecondsGivenAsANumericStringIsCoercedAsJiraDoes() {
        // python-jira's add_worklog(issue, timeSpentSeconds="600", adjustEstimate="leave") types the seconds as str;
        // Jira's JSON binding reads "600" as the long 600 (the document types it integer, so the request is reported)
        String key = sandbox.admin().createIssue("DEMO", "Task", "logged from python");
        Client.Resp r = admin.post("/rest/api/2/issue/" + key + "/worklog?adjustEstimate=leave",
                "{\"timeSpentSeconds\": \"600\"}");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().get("timeSpentSeconds").asLong()).isEqualTo(600);
        assertThat(r.json().get("timeSpent").asText()).isEqualTo("10m");
        Client.Resp bad = admin.post("/rest/api/2/issue/" + key + "/worklog", "{\"timeSpentSeconds\": \"ten\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/errors/timeLogged").asText()).contains("positive number of seconds");
        assertThat(admin.post("/rest/api/2/issue/" + key + "/worklog", "{\"timeSpentSeconds\": \"-5\"}").status())
                .isEqualTo(400);
        SpecCheck.expectRequestViolations(sandbox, "validation.request.body.schema.type");
        assertThat(admin.get("/rest/api/2/issue/" + key + "/worklog").json().get("total").asInt()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(2)); // out of the worklog feeds' windows the other tests start at "now"
    }

    // ---- update.worklog on create and transition: Jira's create screen and the Resolve Issue Screen carry Log Work

    private String worklogComment(String text) {
        return cloud() ? "{\"type\":\"doc\",\"version\":1,\"content\":[{\"type\":\"paragraph\",\"content\":"
                + "[{\"type\":\"text\",\"text\":\"" + text + "\"}]}]}" : "\"" + text + "\"";
    }

    private void assertLoggedByAdmin(JsonNode worklog) {
        if (cloud()) {
            assertThat(worklog.at("/author/accountId").asText()).isEqualTo(SandboxUsers.ADMIN_ACCOUNT_ID);
        } else {
            assertThat(worklog.at("/author/name").asText()).isEqualTo(SandboxUsers.ADMIN_NAME);
        }
    }

    @Test
    void createWithAWorklogUpdateLogsTheWorkAsTheWorklogEndpointDoes() {
        // Atlassian's own example body of POST issue/bulk (and so of POST issue) adds a worklog through update
        Client.Resp r = admin.post(api() + "/issue", "{\"fields\":{\"project\":{\"key\":\"DEMO\"},\"issuetype\":"
                + "{\"name\":\"Task\"},\"summary\":\"logged on create\"},\"update\":{\"worklog\":[{\"add\":"
                + "{\"timeSpent\":\"60m\",\"started\":\"2019-07-05T11:05:00.000+0000\",\"comment\":"
                + worklogComment("set up") + "}}]}}");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        String key = r.json().get("key").asText();
        JsonNode page = admin.get(api() + "/issue/" + key + "/worklog").json();
        assertThat(page.get("total").asInt()).isEqualTo(1);
        JsonNode w = page.at("/worklogs/0");
        assertThat(w.get("timeSpentSeconds").asLong()).isEqualTo(3600);
        assertThat(w.get("timeSpent").asText()).isEqualTo("1h");
        assertThat(w.get("started").asText()).isEqualTo("2019-07-05T11:05:00.000+0000");
        assertLoggedByAdmin(w);
        assertThat(cloud() ? w.at("/comment/content/0/content/0/text").asText() : w.get("comment").asText())
                .isEqualTo("set up");
        JsonNode fields = admin.get(api() + "/issue/" + key + "?fields=timetracking,timespent").json().get("fields");
        assertThat(fields.at("/timetracking/timeSpentSeconds").asLong()).isEqualTo(3600);
        assertThat(fields.get("timespent").asLong()).isEqualTo(3600);

        // the bulk flavour, started defaulting to now on the sandbox clock, timeSpentSeconds instead of timeSpent
        Client.Resp bulk = admin.post(api() + "/issue/bulk", "{\"issueUpdates\":[{\"fields\":{\"project\":{\"key\":"
                + "\"DEMO\"},\"issuetype\":{\"name\":\"Task\"},\"summary\":\"bulk logged\"},\"update\":{\"worklog\":"
                + "[{\"add\":{\"timeSpentSeconds\":900}}]}}]}");
        assertThat(bulk.status()).as(bulk.text()).isEqualTo(201);
        String bulkKey = bulk.json().at("/issues/0/key").asText();
        JsonNode bw = admin.get(api() + "/issue/" + bulkKey + "/worklog").json().at("/worklogs/0");
        assertThat(bw.get("timeSpentSeconds").asLong()).isEqualTo(900);
        assertThat(Instant.parse(bw.get("started").asText().replaceFirst("\\+0000$", "Z"))).isEqualTo(
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertLoggedByAdmin(bw);
        clock.advance(Duration.ofMinutes(2)); // out of the worklog feeds' windows the other tests start at "now"
    }

    @Test
    void anInvalidWorklogOnCreateFailsTheCreateAndWritesNothing() {
        String before = sandbox.admin().createIssue("DEMO", "Task", "before");
        String base = "{\"fields\":{\"project\":{\"key\":\"DEMO\"},\"issuetype\":{\"name\":\"Task\"},\"summary\":"
                + "\"never created\"},\"update\":{\"worklog\":[";
        Client.Resp missing = admin.post(api() + "/issue", base + "{\"add\":{\"started\":\"2019-07-05T11:05:00.000+0000\"}}]}}");
        assertThat(missing.status()).as(missing.text()).isEqualTo(400);
        assertThat(missing.json().at("/errors/timeLogged").asText()).isEqualTo("You must indicate the time spent working.");
        Client.Resp zero = admin.post(api() + "/issue", base + "{\"add\":{\"timeSpent\":\"0m\"}}]}}");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.json().at("/errors/timeLogged").isTextual()).isTrue();
        Client.Resp garbled = admin.post(api() + "/issue", base + "{\"add\":{\"timeSpent\":\"an hour\"}}]}}");
        assertThat(garbled.status()).isEqualTo(400);
        assertThat(garbled.json().at("/errors/timeLogged").asText()).isEqualTo("Invalid time duration entered.");
        Client.Resp badStart = admin.post(api() + "/issue", base + "{\"add\":{\"timeSpent\":\"1h\",\"started\":\"yesterday\"}}]}}");
        assertThat(badStart.status()).isEqualTo(400);
        assertThat(badStart.json().at("/errors/worklog").asText()).startsWith("Invalid date format.");
        Client.Resp set = admin.post(api() + "/issue", base + "{\"set\":[{\"timeSpent\":\"1h\"}]}]}}");
        assertThat(set.status()).isEqualTo(400);
        assertThat(set.json().at("/errors/worklog").asText()).contains("'set'");
        Client.Resp bulk = admin.post(api() + "/issue/bulk", "{\"issueUpdates\":[" + base + "{\"add\":{}}]}}]}");
        assertThat(bulk.status()).as(bulk.text()).isEqualTo(400);
        assertThat(bulk.json().at("/errors/0/elementErrors/errors/timeLogged").isTextual()).isTrue();
        assertThat(bulk.json().get("issues")).isEmpty();

        // none of them took an issue number: the next issue is the one after "before"
        String after = sandbox.admin().createIssue("DEMO", "Task", "after");
        int n = Integer.parseInt(before.substring(before.indexOf('-') + 1));
        assertThat(after).isEqualTo("DEMO-" + (n + 1));
    }

    private String transitionId(String key, String toStatus) {
        for (JsonNode t : admin.get(api() + "/issue/" + key + "/transitions").json().get("transitions")) {
            if (t.at("/to/name").asText().equals(toStatus)) {
                return t.get("id").asText();
            }
        }
        throw new AssertionError("no transition to " + toStatus + " from " + key);
    }

    @Test
    void aTransitionWithAScreenLogsTheWorklogOfItsUpdate() {
        // python-jira's transition_issue(issue, 'Done', worklog='1h'), REST v2 on both flavours
        String key = sandbox.admin().createIssue("DEMO", "Task", "resolved with time");
        String done = transitionId(key, "Done");
        Client.Resp r = admin.post("/rest/api/2/issue/" + key + "/transitions",
                "{\"transition\":{\"id\":\"" + done + "\"},\"update\":{\"worklog\":[{\"add\":{\"timeSpent\":\"1h\"}}]}}");
        assertThat(r.status()).as(r.text()).isEqualTo(204);
        JsonNode issue = admin.get(api() + "/issue/" + key + "?fields=status,timetracking").json().get("fields");
        assertThat(issue.at("/status/name").asText()).isEqualTo("Done");
        assertThat(issue.at("/timetracking/timeSpentSeconds").asLong()).isEqualTo(3600);
        JsonNode page = admin.get(api() + "/issue/" + key + "/worklog").json();
        assertThat(page.get("total").asInt()).isEqualTo(1);
        assertThat(page.at("/worklogs/0/timeSpentSeconds").asLong()).isEqualTo(3600);
        assertLoggedByAdmin(page.at("/worklogs/0"));

        // an invalid worklog fails the transition and leaves the issue as it was
        String other = sandbox.admin().createIssue("DEMO", "Task", "not resolved");
        Client.Resp bad = admin.post("/rest/api/2/issue/" + other + "/transitions", "{\"transition\":{\"id\":\""
                + transitionId(other, "Done") + "\"},\"update\":{\"worklog\":[{\"add\":{\"timeSpent\":\"soon\"}}]}}");
        assertThat(bad.status()).as(bad.text()).isEqualTo(400);
        assertThat(bad.json().at("/errors/timeLogged").isTextual()).isTrue();
        assertThat(admin.get(api() + "/issue/" + other + "?fields=status").json().at("/fields/status/name").asText())
                .isEqualTo("To Do");
        assertThat(admin.get(api() + "/issue/" + other + "/worklog").json().get("total").asInt()).isZero();
        clock.advance(Duration.ofMinutes(2)); // out of the worklog feeds' windows the other tests start at "now"
    }

    @Test
    void aWorklogOnATransitionWithoutAScreenOrOnAnEditCannotBeSet() {
        String key = sandbox.admin().createIssue("DEMO", "Task", "no screen");
        Client.Resp r = admin.post("/rest/api/2/issue/" + key + "/transitions", "{\"transition\":{\"id\":\""
                + transitionId(key, "In Progress") + "\"},\"update\":{\"worklog\":[{\"add\":{\"timeSpent\":\"1h\"}}]}}");
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.json().at("/errors/worklog").asText())
                .isEqualTo("Field 'worklog' cannot be set. It is not on the appropriate screen, or unknown.");
        JsonNode issue = admin.get(api() + "/issue/" + key + "?fields=status").json();
        assertThat(issue.at("/fields/status/name").asText()).isEqualTo("To Do");
        assertThat(admin.get(api() + "/issue/" + key + "/worklog").json().get("total").asInt()).isZero();
        Client.Resp edit = admin.put(api() + "/issue/" + key, "{\"update\":{\"worklog\":[{\"add\":{\"timeSpent\":\"1h\"}}]}}");
        assertThat(edit.status()).as(edit.text()).isEqualTo(400);
        assertThat(edit.json().at("/errors/worklog").asText()).contains("cannot be set");
        assertThat(admin.get(api() + "/issue/" + key + "/worklog").json().get("total").asInt()).isZero();
    }
}
