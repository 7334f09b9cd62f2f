package dev.cameljira.jira.operations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.client.JiraBadRequestException;
import dev.cameljira.jira.client.JiraInvalidInputException;
import dev.cameljira.jira.client.JiraNotFoundException;
import dev.cameljira.jira.client.JiraOutcomeUnknownException;
import dev.cameljira.jira.client.JiraServerException;
import dev.cameljira.jira.client.JiraTransitionNotAvailableException;
import dev.cameljira.jira.model.BulkCreateResult;
import dev.cameljira.jira.model.ChangeItem;
import dev.cameljira.jira.model.ChangelogEntry;
import dev.cameljira.jira.model.CreateIssueRequest;
import dev.cameljira.jira.model.JiraIssue;
import dev.cameljira.jira.model.UpdateIssueRequest;
import dev.cameljira.jira.test.JiraSandboxTestSupport;
import dev.cameljira.sandbox.SandboxUsers;
import dev.cameljira.sandbox.spec.HttpExchangeRecord;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * updateIssue, deleteIssue, bulkCreateIssues, transitionIssue, assignIssue and getChangelog, run against the sandbox
 * in Cloud and in Data Center mode: outcomes in the sandbox's state, results and headers, error paths, the transition
 * cache (checked through the sandbox's request journal) and camel-jira's header names.
 */
abstract class IssueLifecycleContract extends JiraSandboxTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    // ---- helpers ----------------------------------------------------------------------------------------------

    private String api() {
        return isCloud() ? "/rest/api/3" : "/rest/api/2";
    }

    /** The other seeded user: accountId on Cloud, user name on Data Center. */
    private String otherUser() {
        return isCloud() ? SandboxUsers.USER_ACCOUNT_ID : SandboxUsers.USER_NAME;
    }

    private String assigneeId(JsonNode stored) {
        return stored.at(isCloud() ? "/fields/assignee/accountId" : "/fields/assignee/name").asText(null);
    }

    private long count(String method, String pathSuffix) {
        return sandbox.admin().requests().stream()
                .filter(r -> r.method().equals(method) && r.path().endsWith(pathSuffix)).count();
    }

    private List<HttpExchangeRecord> requests(String method, String pathSuffix) {
        return sandbox.admin().requests().stream()
                .filter(r -> r.method().equals(method) && r.path().endsWith(pathSuffix)).toList();
    }

    /** The recorded requests without the one-off serverInfo call a new endpoint makes to detect the deployment. */
    private List<HttpExchangeRecord> issueRequests() {
        return sandbox.admin().requests().stream().filter(r -> !r.path().endsWith("/serverInfo")).toList();
    }

    private static Map<String, Object> headers(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private Exception failure(String uri, Object body, Map<String, Object> headers) {
        Exchange ex = send(uri, body, headers);
        assertThat(ex.getException()).as("the exchange must fail").isNotNull();
        return ex.getException();
    }

    private boolean exists(String key) {
        try {
            sandbox.admin().issue(key);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    // ---- updateIssue ------------------------------------------------------------------------------------------

    @Test
    void updateIssueWithCamelJiraHeadersAndStringBodyAsDescription() {
        String key = seedIssue("Before update");
        Map<String, Object> h = headers(
                JiraConstants.LEGACY_ISSUE_KEY, key,
                JiraConstants.LEGACY_SUMMARY, "After update",
                JiraConstants.LEGACY_PRIORITY_NAME, "High",
                JiraConstants.LEGACY_ISSUE_TYPE_NAME, "Bug",
                JiraConstants.LEGACY_COMPONENTS, "Backend, Frontend");
        h.put(isCloud() ? JiraConstants.LEGACY_ASSIGNEE_ID : JiraConstants.LEGACY_ASSIGNEE, otherUser());
        Exchange ex = send("jira:updateIssue", "The description, from the body as camel-jira reads it", h);

        assertThat(ex.getException()).isNull();
        JsonNode stored = sandbox.admin().issue(key);
        assertThat(stored.at("/fields/summary").asText()).isEqualTo("After update");
        assertThat(stored.at("/fields/priority/name").asText()).isEqualTo("High");
        assertThat(stored.at("/fields/issuetype/name").asText()).isEqualTo("Bug");
        assertThat(stored.at("/fields/components").findValuesAsText("name")).containsExactlyInAnyOrder("Backend", "Frontend");
        assertThat(assigneeId(stored)).isEqualTo(otherUser());
        JiraIssue issue = ex.getMessage().getBody(JiraIssue.class);
        assertThat(issue.key()).isEqualTo(key);
        assertThat(issue.summary()).as("the issue is read back after the update").isEqualTo("After update");
        assertThat(issue.description()).contains("The description, from the body as camel-jira reads it");
        assertThat(ex.getMessage().getHeader(JiraConstants.ISSUE_KEY)).isEqualTo(key);
        assertThat(ex.getMessage().getHeader(JiraConstants.ISSUE_ID)).isEqualTo(issue.id());
        HttpExchangeRecord put = requests("PUT", "/issue/" + key).get(0);
        assertThat(put.query()).as("notifyUsers is only sent when false").doesNotContainKey("notifyUsers");
    }

    @Test
    void updateIssueWithCamelJiraIdHeadersAndDescriptionHeader() {
        String key = seedIssue("Ids from camel-jira");
        call("jira:updateIssue", null, headers(
                JiraConstants.LEGACY_ISSUE_KEY, key,
                JiraConstants.LEGACY_ISSUE_TYPE_ID, 10002L,
                JiraConstants.LEGACY_PRIORITY_ID, 4L,
                JiraConstants.LEGACY_DESCRIPTION, "From the IssueDescription header"));

        JsonNode stored = sandbox.admin().issue(key);
        assertThat(stored.at("/fields/issuetype/name").asText()).isEqualTo("Bug");
        assertThat(stored.at("/fields/priority/name").asText()).isEqualTo("Low");
        assertThat(stored.at("/fields/description").toString()).contains("From the IssueDescription header");
    }

    @Test
    void updateIssueWithTypedRequestResolvesCustomFieldByName() {
        String key = seedIssue("Typed update");
        JiraIssue issue = (JiraIssue) call("jira:updateIssue", UpdateIssueRequest.of(key)
                .withLabels(List.of("alpha", "beta"))
                .withField("Story Points", 8), null);

        JsonNode stored = sandbox.admin().issue(key);
        assertThat(stored.at("/fields/customfield_10016").asDouble()).isEqualTo(8.0);
        assertThat(issue.labels()).containsExactlyInAnyOrder("alpha", "beta");
        assertThat(issue.summary()).as("values not given stay unchanged").isEqualTo("Typed update");
    }

    @Test
    void updateIssueJsonBodyPassesJirasUpdateOperationsThrough() {
        String key = sandbox.admin().createIssue("DEMO", "Task", "Update ops", Map.of("labels", List.of("existing")));
        String json = "{\"issueKey\":\"" + key + "\",\"update\":{\"labels\":[{\"add\":\"triaged\"}]},"
                      + "\"fields\":{\"Team\":\"Core\"}}";
        call("jira:updateIssue", json, null);

        JsonNode stored = sandbox.admin().issue(key);
        List<String> labels = new ArrayList<>();
        stored.at("/fields/labels").forEach(l -> labels.add(l.asText()));
        assertThat(labels).containsExactlyInAnyOrder("existing", "triaged");
        assertThat(stored.at("/fields/customfield_10001").asText()).isEqualTo("Core");
    }

    @Test
    void updateIssueSendsNotifyUsersFalseAndUnassignsWithNone() {
        String key = sandbox.admin().createIssue("DEMO", "Task", "Quiet update",
                Map.of("assignee", Map.of(isCloud() ? "accountId" : "name", otherUser())));
        call("jira:updateIssue?notifyUsers=false", null, headers(JiraConstants.ISSUE_KEY, key, JiraConstants.ASSIGNEE, "none"));

        assertThat(sandbox.admin().issue(key).at("/fields/assignee").isNull()).isTrue();
        assertThat(requests("PUT", "/issue/" + key).get(0).query().get("notifyUsers")).containsExactly("false");
    }

    @Test
    void updateIssueDoesNotApplyTheEndpointsIssueTypeDefault() {
        String key = seedIssue("Keeps its type");
        call("jira:updateIssue?issueTypeName=Bug", null, headers(JiraConstants.ISSUE_KEY, key, JiraConstants.SUMMARY, "Renamed"));
        JsonNode stored = sandbox.admin().issue(key);
        assertThat(stored.at("/fields/summary").asText()).isEqualTo("Renamed");
        assertThat(stored.at("/fields/issuetype/name").asText()).isEqualTo("Task");
    }

    @Test
    void updateIssueWithNothingToChangeOrNoKeyFailsBeforeAnyHttpCall() {
        assertThat(failure("jira:updateIssue", null, headers(JiraConstants.ISSUE_KEY, "DEMO-1")))
                .isInstanceOf(JiraInvalidInputException.class)
                .hasMessageContaining("nothing to change for DEMO-1");
        assertThat(failure("jira:updateIssue", null, headers(JiraConstants.SUMMARY, "No key")))
                .isInstanceOf(JiraInvalidInputException.class)
                .hasMessageContaining("updateIssue needs the issue key")
                .hasMessageContaining("CamelJiraIssueKey");
        assertThat(sandbox.admin().requests()).isEmpty();
    }

    // ---- deleteIssue ------------------------------------------------------------------------------------------

    @Test
    void deleteIssueRemovesItAndReturnsTheKey() {
        String key = seedIssue("To be deleted");
        Exchange ex = send("jira:deleteIssue", null, headers(JiraConstants.LEGACY_ISSUE_KEY, key));
        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getBody()).isEqualTo(key);
        assertThat(ex.getMessage().getHeader(JiraConstants.ISSUE_KEY)).isEqualTo(key);
        assertThat(exists(key)).isFalse();
    }

    @Test
    void deleteIssueWithSubtasksNeedsDeleteSubtasks() {
        String parent = seedIssue("Parent");
        String child = sandbox.admin().createIssue("DEMO", "Sub-task", "Child", Map.of("parent", Map.of("key", parent)));

        assertThat(failure("jira:deleteIssue", null, headers(JiraConstants.ISSUE_KEY, parent)))
                .isInstanceOf(JiraBadRequestException.class)
                .hasMessageContaining(JiraConstants.DELETE_SUBTASKS);
        assertThat(exists(parent)).as("nothing deleted").isTrue();

        call("jira:deleteIssue", null, headers(JiraConstants.ISSUE_KEY, parent, JiraConstants.DELETE_SUBTASKS, true));
        assertThat(exists(parent)).isFalse();
        assertThat(exists(child)).isFalse();
    }

    // ---- unknown keys -----------------------------------------------------------------------------------------

    @Test
    void unknownIssueKeyIs404NamingTheKeyForEveryOperation() {
        String key = "DEMO-999999";
        Map<String, Map<String, Object>> calls = new LinkedHashMap<>();
        calls.put("jira:updateIssue", headers(JiraConstants.ISSUE_KEY, key, JiraConstants.SUMMARY, "x"));
        calls.put("jira:deleteIssue", headers(JiraConstants.ISSUE_KEY, key));
        calls.put("jira:transitionIssue", headers(JiraConstants.ISSUE_KEY, key, JiraConstants.TRANSITION, "Done"));
        calls.put("jira:assignIssue", headers(JiraConstants.ISSUE_KEY, key, JiraConstants.ASSIGNEE, otherUser()));
        calls.put("jira:getChangelog", headers(JiraConstants.ISSUE_KEY, key));
        calls.forEach((uri, h) -> assertThat(failure(uri, null, h)).as(uri)
                .isInstanceOf(JiraNotFoundException.class)
                .hasMessageContaining(key));
    }

    // ---- bulkCreateIssues -------------------------------------------------------------------------------------

    @Test
    void bulkCreateFromTypedListReturnsKeysInInputOrder() {
        List<CreateIssueRequest> input = List.of(
                CreateIssueRequest.of("DEMO", "Task", "Bulk typed 0"),
                CreateIssueRequest.of("DEMO", "Bug", "Bulk typed 1").withPriority("High"),
                CreateIssueRequest.of("DEMO", "Task", "Bulk typed 2").withLabels(List.of("bulk")));
        Exchange ex = send("jira:bulkCreateIssues", input, null);

        assertThat(ex.getException()).isNull();
        BulkCreateResult result = ex.getMessage().getBody(BulkCreateResult.class);
        assertThat(result.hasErrors()).isFalse();
        assertThat(result.created()).extracting(BulkCreateResult.CreatedIssue::index).containsExactly(0, 1, 2);
        for (int i = 0; i < 3; i++) {
            JsonNode stored = sandbox.admin().issue(result.created().get(i).key());
            assertThat(stored.at("/fields/summary").asText()).isEqualTo("Bulk typed " + i);
            assertThat(stored.path("id").asText()).isEqualTo(result.created().get(i).id());
        }
        assertThat(sandbox.admin().issue(result.keys().get(1)).at("/fields/priority/name").asText()).isEqualTo("High");
        assertThat(ex.getMessage().getHeader(JiraConstants.RESULT_COUNT)).isEqualTo(3);
    }

    @Test
    void bulkCreateOf120IssuesSendsThreeChunksOfAtMost50() throws Exception {
        List<Map<String, Object>> input = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            input.add(Map.of("summary", "Bulk chunked " + i));
        }
        int before = sandbox.admin().issueCount();
        BulkCreateResult result = (BulkCreateResult) call("jira:bulkCreateIssues?projectKey=DEMO&issueTypeName=Task", input, null);

        List<HttpExchangeRecord> posts = requests("POST", "/issue/bulk");
        assertThat(posts).hasSize(3);
        List<Integer> sizes = new ArrayList<>();
        for (HttpExchangeRecord p : posts) {
            sizes.add(JSON.readTree(p.requestBody()).path("issueUpdates").size());
        }
        assertThat(sizes).containsExactly(50, 50, 20);
        assertThat(result.created()).hasSize(120);
        assertThat(result.keys()).doesNotHaveDuplicates();
        assertThat(sandbox.admin().issueCount() - before).isEqualTo(120);
        String key119 = result.createdAt(119).orElseThrow().key();
        assertThat(sandbox.admin().issue(key119).at("/fields/summary").asText()).isEqualTo("Bulk chunked 119");
    }

    @Test
    void bulkCreateWithAnInvalidItemFailsBeforeAnyHttpCall() {
        String json = "[{\"projectKey\":\"DEMO\",\"issueType\":\"Task\",\"summary\":\"ok 0\"},"
                      + "{\"projectKey\":\"DEMO\",\"issueType\":\"Task\",\"summary\":\"ok 1\"},"
                      + "{\"projectKey\":\"DEMO\",\"issueType\":\"Task\",\"summary\":\"ok 2\"},"
                      + "{\"projectKey\":\"DEMO\",\"issueType\":\"Task\"}]";
        assertThat(failure("jira:bulkCreateIssues", json, null))
                .isInstanceOf(JiraInvalidInputException.class)
                .hasMessageContaining("item 3 needs the summary")
                .hasMessageContaining("nothing was sent");
        assertThat(sandbox.admin().requests()).isEmpty();
    }

    @Test
    void bulkCreateReportsJirasPerItemErrorsByInputIndex() {
        List<Map<String, Object>> input = List.of(
                Map.of("projectKey", "DEMO", "issueType", "Task", "summary", "Per-item 0"),
                Map.of("projectKey", "DEMO", "issueType", "Task", "summary", "Per-item 1", "priority", "NoSuchPriority"),
                Map.of("projectKey", "DEMO", "issueType", "Task", "summary", "Per-item 2"));
        BulkCreateResult result = (BulkCreateResult) call("jira:bulkCreateIssues", input, null);

        assertThat(result.created()).extracting(BulkCreateResult.CreatedIssue::index).containsExactly(0, 2);
        assertThat(sandbox.admin().issue(result.createdAt(2).orElseThrow().key()).at("/fields/summary").asText())
                .as("created issues are matched to the inputs that did not fail").isEqualTo("Per-item 2");
        assertThat(result.createdAt(2).orElseThrow().issue().summary())
                .as("each created issue carries the fields sent for its own input").isEqualTo("Per-item 2");
        assertThat(result.createdAt(2).orElseThrow().issue().key()).isEqualTo(result.createdAt(2).orElseThrow().key());
        assertThat(result.errors()).hasSize(1);
        BulkCreateResult.ItemError error = result.errorAt(1).orElseThrow();
        assertThat(error.fieldErrors()).containsKey("priority");
        assertThat(error.status()).isEqualTo(400);
    }

    @Test
    void bulkCreateChunkRejectedAsAWholeMarksEachOfItsItemsFailed() {
        List<CreateIssueRequest> input = List.of(
                CreateIssueRequest.of("DEMO", "Task", "Rejected 0").withPriority("NoSuchPriority"),
                CreateIssueRequest.of("DEMO", "Task", "Rejected 1").withPriority("NoSuchPriority"));
        int before = sandbox.admin().issueCount();
        BulkCreateResult result = (BulkCreateResult) call("jira:bulkCreateIssues", input, null);

        assertThat(result.created()).isEmpty();
        assertThat(result.errors()).extracting(BulkCreateResult.ItemError::index).containsExactly(0, 1);
        assertThat(sandbox.admin().issueCount()).isEqualTo(before);
    }

    @Test
    void bulkCreateWhoseResponseIsLostSaysWhichItemsHaveAnUnknownOutcome() {
        List<CreateIssueRequest> input = new ArrayList<>();
        for (int i = 0; i < 55; i++) {
            input.add(CreateIssueRequest.of("DEMO", "Task", "Lost response " + i));
        }
        sandbox.admin().faults().dropResponseNext("POST", api() + "/issue/bulk", 1);

        Exception e = failure("jira:bulkCreateIssues", input, null);
        assertThat(e).isInstanceOf(BulkCreateException.class)
                .hasCauseInstanceOf(JiraOutcomeUnknownException.class)
                .hasMessageContaining("No issue was created before it")
                .hasMessageContaining("outcome of items 0-49 is unknown")
                .hasMessageContaining("items 50-54 were not sent");
        assertThat(count("POST", "/issue/bulk")).as("the second chunk is not sent").isEqualTo(1);
    }

    @Test
    void bulkCreateWhoseLaterChunkFailsNamesTheIssuesAlreadyCreated() {
        WireMockServer proxy = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        proxy.start();
        try {
            proxy.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(sandbox.baseUrl())));
            proxy.stubFor(post(urlPathMatching(".*/issue/bulk")).atPriority(1).inScenario("bulk")
                    .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("first chunk done")
                    .willReturn(aResponse().proxiedFrom(sandbox.baseUrl())));
            proxy.stubFor(post(urlPathMatching(".*/issue/bulk")).atPriority(1).inScenario("bulk")
                    .whenScenarioStateIs("first chunk done")
                    .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                            .withBody("{\"errorMessages\":[\"Internal server error.\"],\"errors\":{}}")));
            List<CreateIssueRequest> input = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                input.add(CreateIssueRequest.of("DEMO", "Task", "Half written " + i));
            }
            int before = sandbox.admin().issueCount();

            Exception e = failure("jira:bulkCreateIssues?jiraUrl=" + proxy.baseUrl(), input, null);

            assertThat(e).isInstanceOf(BulkCreateException.class).hasCauseInstanceOf(JiraServerException.class);
            BulkCreateException bce = (BulkCreateException) e;
            assertThat(bce.partialResult().created()).hasSize(50);
            assertThat(sandbox.admin().issueCount() - before).isEqualTo(50);
            assertThat(e.getMessage()).contains("chunk 2 of 2").contains("50 issue(s) were created before it")
                    .contains("items 50-59 were not created");
            for (String key : bce.partialResult().keys()) {
                assertThat(e.getMessage()).contains(key);
                assertThat(exists(key)).isTrue();
            }
        } finally {
            proxy.stop();
        }
    }

    // ---- transitionIssue --------------------------------------------------------------------------------------

    @Test
    void transitionByNameMovesTheIssueAndReturnsItReadBack() {
        String key = seedIssue("Transition by name");
        Exchange ex = send("jira:transitionIssue", null, headers(JiraConstants.ISSUE_KEY, key,
                JiraConstants.TRANSITION, "start progress"));
        assertThat(ex.getException()).isNull();
        assertThat(sandbox.admin().issue(key).at("/fields/status/name").asText()).isEqualTo("In Progress");
        JiraIssue issue = ex.getMessage().getBody(JiraIssue.class);
        assertThat(issue.status()).isEqualTo("In Progress");
        assertThat(ex.getMessage().getHeader(JiraConstants.ISSUE_KEY)).isEqualTo(key);
    }

    @Test
    void transitionByTargetStatusNameWithResolutionAndComment() {
        String key = seedIssue("Transition by status");
        Map<String, Object> fields = new HashMap<>();
        fields.put("resolution", "Won't Do");
        JiraIssue issue = (JiraIssue) call("jira:transitionIssue", null, headers(JiraConstants.ISSUE_KEY, key,
                JiraConstants.TRANSITION, "DONE", JiraConstants.FIELDS, fields, JiraConstants.COMMENT, "Closing: out of scope"));

        assertThat(issue.status()).isEqualTo("Done");
        assertThat(issue.resolution()).isEqualTo("Won't Do");
        assertThat(sandbox.admin().issue(key).at("/fields/comment/comments").toString()).contains("Closing: out of scope");
        assertThat(count("POST", "/issue/" + key + "/comment")).as("the comment travels with the transition").isZero();
    }

    @Test
    void transitionByIdWithCamelJiraHeadersNeedsNoLookupAndTakesTheBodyAsComment() {
        String key = seedIssue("camel-jira transition");
        call("jira:transitionIssue", "Started by a camel-jira route", headers(JiraConstants.LEGACY_ISSUE_KEY, key,
                JiraConstants.LEGACY_TRANSITION_ID, 11));

        JsonNode stored = sandbox.admin().issue(key);
        assertThat(stored.at("/fields/status/name").asText()).isEqualTo("In Progress");
        assertThat(stored.at("/fields/comment/comments").toString()).contains("Started by a camel-jira route");
        assertThat(count("GET", "/issue/" + key + "/transitions")).isZero();
        assertThat(count("POST", "/issue/" + key + "/transitions")).isEqualTo(1);
    }

    @Test
    void unknownTransitionListsTheAvailableOnesAndPostsNothing() {
        String key = seedIssue("Unknown transition");
        Exception e = failure("jira:transitionIssue", null, headers(JiraConstants.ISSUE_KEY, key, JiraConstants.TRANSITION, "Teleport"));
        assertThat(e).isInstanceOf(JiraTransitionNotAvailableException.class)
                .as("existing handlers of bad input still catch it").isInstanceOf(JiraInvalidInputException.class)
                .hasMessageContaining(key).hasMessageContaining("'Teleport'")
                .hasMessageContaining("Start Progress (id 11) -> In Progress")
                .hasMessageContaining("Done (id 21) -> Done");
        JiraTransitionNotAvailableException notAvailable = (JiraTransitionNotAvailableException) e;
        assertThat(notAvailable.getIssueKey()).isEqualTo(key);
        assertThat(notAvailable.getWanted()).isEqualTo("Teleport");
        assertThat(notAvailable.getAvailable()).containsExactly("Start Progress -> In Progress", "Done -> Done");
        assertThat(count("POST", "/issue/" + key + "/transitions")).isZero();
        assertThat(sandbox.admin().issue(key).at("/fields/status/name").asText()).isEqualTo("To Do");
    }

    @Test
    void unknownTransitionIdListsTheAvailableOnes() {
        String key = seedIssue("Unknown transition id");
        Exception e = failure("jira:transitionIssue", null, headers(JiraConstants.ISSUE_KEY, key, JiraConstants.TRANSITION, "41"));
        assertThat(e).isInstanceOf(JiraTransitionNotAvailableException.class)
                .hasMessageContaining("'41'")
                .hasMessageContaining("Start Progress (id 11) -> In Progress");
        assertThat(((JiraTransitionNotAvailableException) e).getWanted()).isEqualTo("41");
        assertThat(sandbox.admin().issue(key).at("/fields/status/name").asText()).isEqualTo("To Do");
    }

    @Test
    void aStatusTheWorkflowCannotReachFromHereIsNotAvailable() {
        String key = seedIssue("Already done");
        sandbox.admin().transition(key, "Done");
        Exception e = failure("jira:transitionIssue", null, headers(JiraConstants.ISSUE_KEY, key,
                JiraConstants.TRANSITION, "In Progress"));
        assertThat(e).isInstanceOf(JiraTransitionNotAvailableException.class);
        JiraTransitionNotAvailableException notAvailable = (JiraTransitionNotAvailableException) e;
        assertThat(notAvailable.getIssueKey()).isEqualTo(key);
        assertThat(notAvailable.getWanted()).isEqualTo("In Progress");
        assertThat(notAvailable.getAvailable()).as("from Done only Reopen is offered").containsExactly("Reopen -> To Do");
        assertThat(count("POST", "/issue/" + key + "/transitions")).isZero();
        assertThat(sandbox.admin().issue(key).at("/fields/status/name").asText()).isEqualTo("Done");
    }

    @Test
    void missingTransitionOrKeyFailsBeforeAnyHttpCall() {
        assertThat(failure("jira:transitionIssue", null, headers(JiraConstants.ISSUE_KEY, "DEMO-1")))
                .isInstanceOf(JiraInvalidInputException.class)
                .hasMessageContaining("transitionIssue needs the transition")
                .hasMessageContaining(JiraConstants.LEGACY_TRANSITION_ID);
        assertThat(failure("jira:transitionIssue", null, headers(JiraConstants.TRANSITION, "Done")))
                .isInstanceOf(JiraInvalidInputException.class)
                .hasMessageContaining("transitionIssue needs the issue key");
        assertThat(sandbox.admin().requests()).isEmpty();
    }

    @Test
    void eachTransitionByNameLooksTheTransitionsUpOnceBecauseTheStatusChanged() {
        String key = seedIssue("Two transitions");
        call("jira:transitionIssue", null, headers(JiraConstants.ISSUE_KEY, key, JiraConstants.TRANSITION, "Start Progress"));
        call("jira:transitionIssue", null, headers(JiraConstants.ISSUE_KEY, key, JiraConstants.TRANSITION, "Done"));

        assertThat(sandbox.admin().issue(key).at("/fields/status/name").asText()).isEqualTo("Done");
        assertThat(count("GET", "/issue/" + key + "/transitions")).isEqualTo(2);
        assertThat(count("POST", "/issue/" + key + "/transitions")).isEqualTo(2);
    }

    @Test
    void cachedTransitionsAreReusedWhileTheStatusStaysAndLookedUpAgainWhenJiraRejectsAStaleId() {
        String key = seedIssue("Cache and stale id");
        sandbox.admin().transition(key, "In Progress");
        // 1: rejected for its fields: the issue stays In Progress, its transitions stay cached
        Map<String, Object> badFields = Map.of("resolution", "Won't Do");
        assertThat(failure("jira:transitionIssue", null, headers(JiraConstants.ISSUE_KEY, key, JiraConstants.TRANSITION, "To Do",
                JiraConstants.FIELDS, badFields))).isInstanceOf(JiraBadRequestException.class);
        assertThat(count("GET", "/issue/" + key + "/transitions")).isEqualTo(1);
        // 2: someone else moves the issue to Done, behind the cache's back
        sandbox.admin().transition(key, "Done");
        // 3: "To Do" resolves to the cached Stop Progress (31), which Jira rejects from Done; the fresh list gives Reopen (41)
        JiraIssue issue = (JiraIssue) call("jira:transitionIssue", null, headers(JiraConstants.ISSUE_KEY, key,
                JiraConstants.TRANSITION, "To Do"));

        assertThat(issue.status()).isEqualTo("To Do");
        assertThat(count("GET", "/issue/" + key + "/transitions")).as("one lookup, one refetch").isEqualTo(2);
        List<String> posted = new ArrayList<>();
        for (HttpExchangeRecord r : requests("POST", "/issue/" + key + "/transitions")) {
            posted.add(readTree(r.requestBody()).at("/transition/id").asText());
        }
        assertThat(posted).containsExactly("31", "31", "41");
    }

    @Test
    void transitionAfterACorrectedFieldErrorUsesTheCachedList() {
        String key = seedIssue("Corrected transition");
        Map<String, Object> badFields = Map.of("resolution", "Won't Do");
        assertThat(failure("jira:transitionIssue", null, headers(JiraConstants.ISSUE_KEY, key,
                JiraConstants.TRANSITION, "Start Progress", JiraConstants.FIELDS, badFields)))
                .isInstanceOf(JiraBadRequestException.class);
        call("jira:transitionIssue", null, headers(JiraConstants.ISSUE_KEY, key, JiraConstants.TRANSITION, "Start Progress"));

        assertThat(sandbox.admin().issue(key).at("/fields/status/name").asText()).isEqualTo("In Progress");
        assertThat(count("GET", "/issue/" + key + "/transitions")).isEqualTo(1);
    }

    private static JsonNode readTree(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    // ---- assignIssue ------------------------------------------------------------------------------------------

    @Test
    void assignIssueByIdOrNameAndUnassignWithNone() {
        String key = seedIssue("Assign me");
        Exchange ex = send("jira:assignIssue", null, headers(JiraConstants.ISSUE_KEY, key, JiraConstants.ASSIGNEE, otherUser()));
        assertThat(ex.getException()).isNull();
        assertThat(assigneeId(sandbox.admin().issue(key))).isEqualTo(otherUser());
        assertThat(ex.getMessage().getBody(JiraIssue.class).assignee().id()).isEqualTo(otherUser());
        JsonNode body = readTree(requests("PUT", "/issue/" + key + "/assignee").get(0).requestBody());
        assertThat(body.path(isCloud() ? "accountId" : "name").asText()).isEqualTo(otherUser());

        JiraIssue unassigned = (JiraIssue) call("jira:assignIssue", null, headers(JiraConstants.ISSUE_KEY, key,
                JiraConstants.ASSIGNEE, "none"));
        assertThat(unassigned.assignee()).isNull();
        assertThat(sandbox.admin().issue(key).at("/fields/assignee").isNull()).isTrue();
    }

    @Test
    void assignIssueMinusOneIsPassedToJiraForTheDefaultAssignee() {
        String key = seedIssue("Default assignee");
        call("jira:assignIssue", null, headers(JiraConstants.ISSUE_KEY, key, JiraConstants.ASSIGNEE, "-1"));
        JsonNode body = readTree(requests("PUT", "/issue/" + key + "/assignee").get(0).requestBody());
        assertThat(body.path(isCloud() ? "accountId" : "name").asText()).isEqualTo("-1");
    }

    @Test
    void assignIssueByEmailLooksTheUserUp() {
        String key = seedIssue("Assign by e-mail");
        call("jira:assignIssue", null, headers(JiraConstants.ISSUE_KEY, key, JiraConstants.ASSIGNEE, SandboxUsers.USER_EMAIL));
        assertThat(assigneeId(sandbox.admin().issue(key))).isEqualTo(otherUser());
    }

    @Test
    void assignIssueWithAnExplicitlyEmptyAssigneeUnassigns() {
        String key = sandbox.admin().createIssue("DEMO", "Task", "Unassign with empty",
                Map.of("assignee", Map.of(isCloud() ? "accountId" : "name", otherUser())));
        call("jira:assignIssue", "{\"issueKey\":\"" + key + "\",\"assignee\":null}", null);
        assertThat(sandbox.admin().issue(key).at("/fields/assignee").isNull()).isTrue();
    }

    @Test
    void assignIssueWithoutAssigneeFailsBeforeAnyHttpCall() {
        assertThat(failure("jira:assignIssue", null, headers(JiraConstants.ISSUE_KEY, "DEMO-1")))
                .isInstanceOf(JiraInvalidInputException.class)
                .hasMessageContaining("assignIssue needs the assignee")
                .hasMessageContaining("\"none\"");
        assertThat(sandbox.admin().requests()).isEmpty();
    }

    // ---- getChangelog -----------------------------------------------------------------------------------------

    @Test
    void changelogListsChangesOldestFirstWithTypedItems() {
        String key = seedIssue("Changelog A");
        sandbox.admin().updateIssue(key, Map.of("summary", "Changelog B"));
        sandbox.admin().transition(key, "In Progress");
        @SuppressWarnings("unchecked")
        Iterator<ChangelogEntry> it = (Iterator<ChangelogEntry>) call("jira:getChangelog", null,
                headers(JiraConstants.ISSUE_KEY, key));
        List<ChangelogEntry> entries = new ArrayList<>();
        it.forEachRemaining(entries::add);

        List<ChangeItem> items = entries.stream().flatMap(e -> e.items().stream()).toList();
        ChangeItem summary = items.stream().filter(i -> i.is("summary")).findFirst().orElseThrow();
        ChangeItem status = items.stream().filter(i -> i.is("status")).findFirst().orElseThrow();
        assertThat(items.indexOf(summary)).isLessThan(items.indexOf(status));
        assertThat(summary.fromText()).isEqualTo("Changelog A");
        assertThat(summary.toText()).isEqualTo("Changelog B");
        assertThat(status.fromText()).isEqualTo("To Do");
        assertThat(status.toText()).isEqualTo("In Progress");
        assertThat(status.fieldType()).isEqualTo("jira");
        ChangelogEntry statusEntry = entries.stream().filter(e -> e.item("status") != null).findFirst().orElseThrow();
        assertThat(statusEntry.author().displayName()).isEqualTo(SandboxUsers.ADMIN_DISPLAY_NAME);
        assertThat(statusEntry.created()).isNotNull();
        assertThat(statusEntry.id()).isNotBlank();
    }

    @Test
    void changelogIsReadLazilyPageByPageOnCloudAndFromExpandOnDataCenter() {
        String key = seedIssue("Changelog paging 0");
        for (int i = 1; i <= 5; i++) {
            sandbox.admin().updateIssue(key, Map.of("summary", "Changelog paging " + i));
        }
        sandbox.admin().clearRequests();
        @SuppressWarnings("unchecked")
        Iterator<ChangelogEntry> it = (Iterator<ChangelogEntry>) call("jira:getChangelog?maxResults=2", null,
                headers(JiraConstants.ISSUE_KEY, key));
        int afterProducer = issueRequests().size();
        List<String> summaries = new ArrayList<>();
        it.forEachRemaining(e -> summaries.add(e.item("summary").toText()));

        assertThat(summaries).containsExactly("Changelog paging 1", "Changelog paging 2", "Changelog paging 3",
                "Changelog paging 4", "Changelog paging 5");
        assertThat(afterProducer).as("the producer reads the first page only").isEqualTo(1);
        if (isCloud()) {
            assertThat(requests("GET", "/issue/" + key + "/changelog")).hasSize(3);
        } else {
            assertThat(issueRequests()).hasSize(1);
            HttpExchangeRecord r = issueRequests().get(0);
            assertThat(r.path()).as("Data Center 10.3 has no changelog resource").isEqualTo(api() + "/issue/" + key);
            assertThat(r.query().get("expand")).containsExactly("changelog");
        }
    }

    @Test
    void changelogHonoursLimit() {
        String key = seedIssue("Changelog limit 0");
        for (int i = 1; i <= 4; i++) {
            sandbox.admin().updateIssue(key, Map.of("summary", "Changelog limit " + i));
        }
        @SuppressWarnings("unchecked")
        Iterator<ChangelogEntry> it = (Iterator<ChangelogEntry>) call("jira:getChangelog?maxResults=2&limit=3", null,
                headers(JiraConstants.ISSUE_KEY, key));
        List<ChangelogEntry> all = new ArrayList<>();
        it.forEachRemaining(all::add);
        assertThat(all).hasSize(3);
    }
}
