package dev.cameljira.sandbox.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DataCenterSpecValidatorTest {

    static final String ERRORS = """
            {"errorMessages":["Issue Does Not Exist"],"errors":{}}""";

    private static JiraSpecValidator dc;

    @BeforeAll
    static void load() {
        dc = JiraSpecValidator.dataCenter();
    }

    static String createIssue(String description) {
        return """
                {"fields":{"project":{"key":"DEMO"},"issuetype":{"name":"Bug"},"summary":"Printer on fire",
                 "description":%s,"labels":["ops"],"duedate":"2026-12-01","priority":{"name":"High"},
                 "assignee":{"name":"fred"},"customfield_10010":"free text","customfield_10011":3.5}}"""
                .formatted(description);
    }

    @Test
    void validatorIsParsedOncePerJvmAndIsNotTheCloudOne() {
        assertThat(JiraSpecValidator.dataCenter()).isSameAs(dc).isNotSameAs(JiraSpecValidator.cloud());
    }

    @Test
    void createIssueWithWikiDescriptionConforms() {
        HttpExchangeRecord exchange = Exchange.post("/rest/api/2/issue", createIssue("\"h1. Steps\\n* one\""))
                .respond(201, "{\"id\":\"10000\",\"key\":\"DEMO-1\",\"self\":\"http://jira.local/rest/api/2/issue/10000\"}")
                .build();
        assertThat(dc.validate(exchange)).isEmpty();
    }

    @Test
    void createIssueWithAdfDescriptionIsRejected() {
        String adf = "{\"type\":\"doc\",\"version\":1,\"content\":[]}";
        assertThat(dc.validateRequest(Exchange.post("/rest/api/2/issue", createIssue(adf)).build()))
                .singleElement().asString()
                .startsWith("POST /rest/api/2/issue request: jira.richText.wiki: /fields/description:");
        assertThat(dc.validateRequest(Exchange.post("/rest/api/2/issue/DEMO-1/comment", "{\"body\":" + adf + "}")
                .build())).singleElement().asString().contains("jira.richText.wiki: /body");
    }

    @Test
    void theRestOfTheIssueBeansIsStillValidated() {
        assertThat(dc.validateRequest(Exchange.post("/rest/api/2/issue", "{\"fields\":{\"summary\":\"s\"},"
                + "\"properties\":{\"key\":\"x\"}}").build()))
                .singleElement().asString().contains("validation.request.body.schema.type").contains("/properties");
        String issue = """
                {"expand":"renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations",
                 "id":"10000","key":"DEMO-1","self":"http://jira.local/rest/api/2/issue/10000",
                 "fields":{"summary":"s","description":null,"labels":["ops"],"timespent":3600,
                           "status":{"name":"Open"}}}""";
        assertThat(dc.validate(Exchange.get("/rest/api/2/issue/DEMO-1").respond(200, issue).build())).isEmpty();
        assertThat(dc.validate(Exchange.get("/rest/api/2/issue/DEMO-1")
                .respond(200, issue.replace("\"id\":\"10000\"", "\"id\":10000")).build()))
                .singleElement().asString().contains("[Path '/id']");
    }

    @Test
    void serverInfoMustNameTheDeploymentAndVersion() {
        String serverInfo = """
                {"baseUrl":"http://jira.local","version":"10.3.4","versionNumbers":[10,3,4],"deploymentType":"Server",
                 "buildNumber":10030004,"buildDate":"2025-01-01T00:00:00.000+0000","serverTitle":"Jira"}""";
        assertThat(dc.validate(Exchange.get("/rest/api/2/serverInfo").respond(200, serverInfo).build())).isEmpty();
        assertThat(dc.validate(Exchange.get("/rest/api/2/serverInfo").respond(200, "{\"baseUrl\":\"http://jira.local\"}")
                .build()))
                .singleElement().asString()
                .startsWith("GET /rest/api/2/serverInfo response 200: validation.response.body.schema.required")
                .contains("deploymentType").contains("version");
    }

    @Test
    void myselfValidatesNormally() {
        String myself = """
                {"self":"http://jira.local/rest/api/2/user?username=fred","key":"JIRAUSER10100","name":"fred",
                 "emailAddress":"fred@example.com","displayName":"Fred","active":true,"timeZone":"Europe/Berlin"}""";
        assertThat(dc.validate(Exchange.get("/rest/api/2/myself").respond(200, myself).build())).isEmpty();
        assertThat(dc.validate(Exchange.get("/rest/api/2/myself").respond(200, "{\"active\":\"yes\"}").build()))
                .singleElement().asString().contains("/active");
    }

    @Test
    void collectionsDeclaredAsItemsAreValidatedItemByItem() {
        // projectTypeKey is not in the generated ProjectBean: undeclared properties are allowed unless a schema
        // says additionalProperties: false, which the DC document never does
        String projects = "[{\"id\":\"10000\",\"key\":\"DEMO\",\"name\":\"Demo\",\"projectTypeKey\":\"software\"},{\"id\":\"10001\",\"key\":\"OPS\","
                + "\"name\":\"Ops\"}]";
        assertThat(dc.validate(Exchange.get("/rest/api/2/project").respond(200, projects).build())).isEmpty();
        assertThat(dc.validate(Exchange.get("/rest/api/2/project").respond(200, projects.replace("\"10001\"", "10001"))
                .build())).singleElement().asString().contains("[Path '/1/id']");
        assertThat(dc.validate(Exchange.get("/rest/api/2/field").respond(200,
                "[{\"id\":\"summary\",\"name\":\"Summary\",\"custom\":false,\"clauseNames\":[\"summary\"]}]").build()))
                .isEmpty();
    }

    @Test
    void pagedCollectionsGetJirasPageEnvelope() {
        String page = """
                {"self":"http://jira.local/rest/api/2/priority/page","maxResults":50,"startAt":0,"total":1,"isLast":true,
                 "values":[{"id":"1","name":"High","self":"http://jira.local/rest/api/2/priority/1"}]}""";
        assertThat(dc.validate(Exchange.get("/rest/api/2/priority/page").respond(200, page).build())).isEmpty();
        assertThat(dc.validate(Exchange.get("/rest/api/2/priority/page")
                .respond(200, "{\"id\":\"1\",\"name\":\"High\"}").build()))
                .singleElement().asString().contains("required").contains("values");
    }

    @Test
    void searchWithStartAtAndTotalConforms() {
        String body = "{\"jql\":\"project = DEMO ORDER BY updated\",\"startAt\":0,\"maxResults\":50,"
                + "\"fields\":[\"summary\",\"updated\"]}";
        String results = """
                {"startAt":0,"maxResults":50,"total":1,"issues":[{"id":"10000","key":"DEMO-1",
                 "fields":{"summary":"s","updated":"2026-11-28T10:15:00.000+0000"}}]}""";
        assertThat(dc.validate(Exchange.post("/rest/api/2/search", body).respond(200, results).build())).isEmpty();
        assertThat(dc.validate(Exchange.post("/rest/api/2/search", body).respond(200, results.replace("\"total\":1",
                "\"total\":\"1\"")).build())).singleElement().asString().contains("/total");
        assertThat(dc.validateRequest(Exchange.post("/rest/api/2/search", "{\"jql\":\"x\",\"fields\":\"summary\"}")
                .build())).singleElement().asString().contains("/fields");
    }

    @Test
    void commentsTransitionsAndPropertiesConform() {
        String comment = """
                {"id":"10100","body":"*done*","created":"2026-11-28T10:15:00.000+0000",
                 "self":"http://jira.local/rest/api/2/issue/10000/comment/10100"}""";
        assertThat(dc.validate(Exchange.post("/rest/api/2/issue/DEMO-1/comment", "{\"body\":\"*done*\"}")
                .respond(201, comment).build())).isEmpty();
        assertThat(dc.validate(Exchange.post("/rest/api/2/issue/DEMO-1/transitions", "{\"transition\":{\"id\":\"31\"}}")
                .respond(204).build())).isEmpty();
        assertThat(dc.validate(Exchange.put("/rest/api/2/issue/DEMO-1/properties/sync.state",
                "{\"zendeskTicket\":42,\"synced\":true}").respond(201).build())).isEmpty();
    }

    @Test
    void latestIsVersionTwoAndUnknownOperationsAreReported() {
        String myself = "{\"name\":\"fred\",\"active\":true}";
        assertThat(dc.validate(Exchange.get("/rest/api/latest/myself").respond(200, myself).build())).isEmpty();
        assertThat(dc.validateRequest(Exchange.get("/rest/api/3/myself").build()))
                .singleElement().asString().startsWith("GET /rest/api/3/myself request: jira.operation.unknown");
        assertThat(dc.validateRequest(Exchange.get("/rest/api/2/search/jql").query("jql", "x").build()))
                .singleElement().asString().contains(JiraSpecValidator.UNKNOWN);
    }

    @Test
    void errorStatusesWithoutSchemaAreHeldToTheErrorCollection() {
        assertThat(dc.validate(Exchange.get("/rest/api/2/issue/NOPE-1").respond(404, ERRORS).build())).isEmpty();
        assertThat(dc.validate(Exchange.post("/rest/api/2/issue", createIssue("\"x\""))
                .respond(400, "{\"errorMessages\":[],\"errors\":{\"summary\":\"You must specify a summary.\"}}")
                .build())).isEmpty();
        assertThat(dc.validate(Exchange.post("/rest/api/2/issue", createIssue("\"x\""))
                .respond(400, "{\"errorMessages\":[],\"errors\":{\"summary\":[\"required\"]}}").build()))
                .singleElement().asString()
                .isEqualTo("POST /rest/api/2/issue response 400: jira.response.errorCollection: "
                        + "ErrorCollection errors.summary must be a string");
    }
}
