package dev.cameljira.sandbox.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.SandboxUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The DC document defects reported by the connector's engineers ({@link DcSpecDefects}): each real Jira shape is
 * accepted, and each fix is narrow: a wrong shape, or the same shape elsewhere, is still reported.
 */
class DcReportedDefectsTest {

    private static final String BULK = "/rest/api/2/issue/bulk";
    private static final String BULK_REQUEST = """
            {"issueUpdates":[{"fields":{"project":{"key":"DEMO"},"issuetype":{"name":"Task"}}}]}""";
    /** What Jira answers when every element of a bulk create fails. */
    private static final String BULK_ALL_FAILED = """
            {"issues":[],"errors":[{"status":400,"elementErrors":{"errorMessages":[],
             "errors":{"summary":"You must specify a summary of the issue."}},"failedElementNumber":0}]}""";

    private static JiraSpecValidator dc;

    @BeforeAll
    static void load() {
        dc = JiraSpecValidator.dataCenter();
    }

    // ---- (a) POST /issue/bulk 400: the bulk result, which the document declares without a body -------------------

    @Test
    void bulkCreateAnswering400WithTheBulkResultConforms() {
        assertThat(dc.validate(Exchange.post(BULK, BULK_REQUEST).respond(400, BULK_ALL_FAILED).build())).isEmpty();
    }

    @Test
    void bulkCreate400StillAcceptsAPlainErrorCollection() {
        assertThat(dc.validate(Exchange.post(BULK, "{}")
                .respond(400, "{\"errorMessages\":[\"Request must contain 'issueUpdates'.\"],\"errors\":{}}").build()))
                .isEmpty();
    }

    @Test
    void aMalformedBulkResultIsStillReported() {
        assertThat(dc.validate(Exchange.post(BULK, BULK_REQUEST)
                .respond(400, BULK_ALL_FAILED.replace("\"failedElementNumber\":0", "\"failedElementNumber\":\"0\"")).build()))
                .singleElement().asString().startsWith("POST " + BULK + " response 400: ").contains("failedElementNumber");
        assertThat(dc.validate(Exchange.post(BULK, BULK_REQUEST)
                .respond(400, BULK_ALL_FAILED.replace("\"status\":400,", "")).build()))
                .as("an element error without its status").singleElement().asString().contains("status");
        assertThat(dc.validate(Exchange.post(BULK, BULK_REQUEST).respond(400, "{\"issues\":[],\"errors\":[]}").build()))
                .as("a 400 that names no failed element").isNotEmpty();
        assertThat(dc.validate(Exchange.post(BULK, BULK_REQUEST)
                .respond(400, "{\"errorMessages\":[],\"errors\":{\"summary\":[\"required\"]}}").build()))
                .as("a broken ErrorCollection").isNotEmpty();
    }

    @Test
    void theBulkResultIsNoErrorBodyForOtherOperations() {
        assertThat(dc.validate(Exchange.post("/rest/api/2/issue", "{\"fields\":{\"summary\":\"s\"}}")
                .respond(400, BULK_ALL_FAILED).build()))
                .isNotEmpty().allSatisfy(v -> assertThat(v).contains(JiraSpecValidator.ERROR_COLLECTION));
    }

    // ---- (b) expand=renderedFields: rendered values are HTML strings (or objects/arrays), not only objects --------

    private static String issueWithRendered(String rendered) {
        return """
                {"id":"10000","key":"DEMO-1","self":"http://jira.local/rest/api/2/issue/10000",
                 "fields":{"summary":"s","description":"*bold*","created":"2026-11-28T10:15:00.000+0000"},
                 "renderedFields":%s}""".formatted(rendered);
    }

    @Test
    void renderedFieldsAsJiraRendersThemConform() {
        String rendered = """
                {"description":"<p><b>bold</b></p>","created":"28/Nov/26 10:15 AM","summary":null,"environment":"",
                 "comment":{"comments":[{"id":"10100","body":"<p>hi</p>"}],"maxResults":1,"total":1,"startAt":0},
                 "attachment":[]}""";
        assertThat(dc.validate(Exchange.get("/rest/api/2/issue/DEMO-1").query("expand", "renderedFields")
                .respond(200, issueWithRendered(rendered)).build())).isEmpty();
    }

    @Test
    void wrongRenderedFieldsAreStillReported() {
        assertThat(dc.validate(Exchange.get("/rest/api/2/issue/DEMO-1").query("expand", "renderedFields")
                .respond(200, issueWithRendered("{\"description\":42}")).build()))
                .as("a rendered value is never a number").isNotEmpty()
                .allSatisfy(v -> assertThat(v).contains("/renderedFields/description"));
        assertThat(dc.validate(Exchange.get("/rest/api/2/issue/DEMO-1").query("expand", "renderedFields")
                .respond(200, issueWithRendered("\"<p>bold</p>\"")).build()))
                .as("renderedFields itself is a map").singleElement().asString().contains("/renderedFields");
    }

    // ---- (c) GET /issue/{key}/transitions?expand=transitions.fields ---------------------------------------------

    private static final String TRANSITIONS = """
            {"expand":"transitions","transitions":[{"id":"21","name":"Done",
             "to":{"id":"10001","name":"Done","self":"http://jira.local/rest/api/2/status/10001"},
             "fields":{"resolution":{"required":false,"name":"Resolution","operations":["set"],
                       "schema":{"type":"resolution","system":"resolution"},
                       "allowedValues":[{"id":"10000","name":"Done"}]}}}]}""";

    @Test
    void transitionsExpandedWithTheirFieldsConform() {
        assertThat(dc.validate(Exchange.get("/rest/api/2/issue/DEMO-1/transitions").query("expand", "transitions.fields")
                .respond(200, TRANSITIONS).build())).isEmpty();
    }

    @Test
    void otherTransitionsQueriesAreStillChecked() {
        assertThat(dc.validateRequest(Exchange.get("/rest/api/2/issue/DEMO-1/transitions").query("expand", "changelog")
                .build())).as("an expand the resource does not have").singleElement().asString().contains("expand");
        assertThat(dc.validateRequest(Exchange.get("/rest/api/2/issue/DEMO-1/transitions").query("fields", "summary")
                .build())).as("still no other parameter").singleElement().asString().contains("fields");
        assertThat(dc.validateRequest(Exchange.get("/rest/api/2/issue/DEMO-1/watchers").query("expand", "transitions.fields")
                .build())).as("only on the transitions resource").isNotEmpty();
    }

    // ---- the Server sandbox's own answers to the three requests ----------------------------------------------------

    @Test
    void theServerSandboxAnswersAllThreeWithoutViolations() throws Exception {
        try (JiraSandbox jira = JiraSandbox.builder().mode(JiraSandbox.Mode.SERVER).validateAgainstSpec(true).build()) {
            String key = jira.admin().createIssue("DEMO", "Task", "rendered", java.util.Map.of("description", "*bold*"));
            assertThat(send(jira, "POST", BULK, BULK_REQUEST).statusCode()).isEqualTo(400);
            HttpResponse<String> issue = send(jira, "GET", "/rest/api/2/issue/" + key + "?expand=renderedFields", null);
            assertThat(issue.body()).contains("\"renderedFields\"").contains("<p>");
            HttpResponse<String> transitions = send(jira, "GET", "/rest/api/2/issue/" + key
                    + "/transitions?expand=transitions.fields", null);
            assertThat(transitions.body()).contains("\"fields\"");
            assertThat(jira.admin().requests()).hasSize(3);
            assertThat(jira.admin().specViolations()).isEmpty();
        }
    }

    private static HttpResponse<String> send(JiraSandbox jira, String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(jira.baseUrl() + path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((SandboxUsers.ADMIN_NAME + ":" + SandboxUsers.ADMIN_TOKEN)
                        .getBytes(StandardCharsets.UTF_8)));
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
