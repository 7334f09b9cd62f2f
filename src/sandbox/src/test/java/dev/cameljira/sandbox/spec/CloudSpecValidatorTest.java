package dev.cameljira.sandbox.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CloudSpecValidatorTest {

    static final String ADF = """
            {"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"Steps"}]}]}""";

    static final String CREATED = """
            {"id":"10000","key":"DEMO-1","self":"https://example.atlassian.net/rest/api/3/issue/10000"}""";

    static final String ERRORS = """
            {"errorMessages":["Issue does not exist or you do not have permission to see it."],"errors":{}}""";

    private static JiraSpecValidator cloud;

    @BeforeAll
    static void load() {
        cloud = JiraSpecValidator.cloud();
    }

    static String createIssue(String description) {
        return """
                {"fields":{"project":{"key":"DEMO"},"issuetype":{"name":"Task"},"summary":"Printer on fire",
                 "description":%s,"labels":["ops"],"duedate":"2026-12-01","customfield_10010":"free text"}}"""
                .formatted(description);
    }

    @Test
    void validatorIsParsedOncePerJvm() {
        assertThat(JiraSpecValidator.cloud()).isSameAs(cloud);
    }

    @Test
    void v3CreateIssueWithAdfDescriptionConforms() {
        HttpExchangeRecord exchange = Exchange.post("/rest/api/3/issue", createIssue(ADF)).respond(201, CREATED)
                .build();
        assertThat(cloud.validate(exchange)).isEmpty();
    }

    @Test
    void v3CreateIssueWithStringDescriptionIsRejectedNamingTheField() {
        HttpExchangeRecord exchange = Exchange.post("/rest/api/3/issue", createIssue("\"Steps\"")).build();
        assertThat(cloud.validateRequest(exchange)).singleElement().asString()
                .startsWith("POST /rest/api/3/issue request: jira.richText.adf: /fields/description:")
                .contains("Atlassian Document Format");
    }

    @Test
    void v3MalformedAdfIsRejected() {
        String noVersion = """
                {"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"x"}]}]}""";
        String textWithoutText = """
                {"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text"}]}]}""";
        assertThat(cloud.validateRequest(Exchange.post("/rest/api/3/issue", createIssue(noVersion)).build()))
                .singleElement().asString().contains("/fields/description").contains("version");
        assertThat(cloud.validateRequest(Exchange.post("/rest/api/3/issue", createIssue(textWithoutText)).build()))
                .singleElement().asString().contains("/content/0/content/0").contains("\"text\"");
    }

    @Test
    void v3RichTextInUpdateOperationsCommentsAndWorklogsIsChecked() {
        String edit = """
                {"update":{"description":[{"set":"plain"}],"comment":[{"add":{"body":"plain"}}]}}""";
        assertThat(cloud.validateRequest(Exchange.put("/rest/api/3/issue/DEMO-1", edit).build()))
                .hasSize(2)
                .anySatisfy(v -> assertThat(v).contains("/update/description/0/set"))
                .anySatisfy(v -> assertThat(v).contains("/update/comment/0/add/body"));
        assertThat(cloud.validateRequest(Exchange.post("/rest/api/3/issue/DEMO-1/comment",
                "{\"body\":\"plain\"}").build())).singleElement().asString().contains("jira.richText.adf: /body");
        assertThat(cloud.validateRequest(Exchange.post("/rest/api/3/issue/DEMO-1/comment",
                "{\"body\":" + ADF + "}").build())).isEmpty();
        assertThat(cloud.validateRequest(Exchange.post("/rest/api/3/issue/DEMO-1/worklog",
                "{\"timeSpentSeconds\":3600,\"comment\":\"plain\"}").build()))
                .singleElement().asString().contains("/comment");
    }

    @Test
    void v2OnCloudTakesWikiStringsAgainstTheV3Operation() {
        HttpExchangeRecord exchange = Exchange.post("/rest/api/2/issue", createIssue("\"h1. Steps\""))
                .respond(201, CREATED).build();
        assertThat(cloud.validate(exchange)).isEmpty();
        assertThat(cloud.validateRequest(Exchange.post("/rest/api/2/issue/DEMO-1/comment", "{\"body\":\"*bold*\"}")
                .build())).isEmpty();
    }

    @Test
    void v2OnCloudRejectsAdfAndStillChecksShapes() {
        assertThat(cloud.validateRequest(Exchange.post("/rest/api/2/issue", createIssue(ADF)).build()))
                .singleElement().asString()
                .startsWith("POST /rest/api/2/issue request: jira.richText.wiki: /fields/description:");
        // the relaxation is only about rich text: the v3 schema still applies to everything else
        HttpExchangeRecord wrongType = Exchange.post("/rest/api/2/issue", createIssue("\"x\""))
                .respond(201, "{\"id\":10000,\"key\":\"DEMO-1\"}").build();
        assertThat(cloud.validate(wrongType)).singleElement().asString()
                .startsWith("POST /rest/api/2/issue response 201: validation.response.body.schema.type")
                .contains("/id");
    }

    @Test
    void v3IssueResponseMustCarryAdfAndV2MustCarryStrings() {
        String adfIssue = "{\"id\":\"10000\",\"key\":\"DEMO-1\",\"fields\":{\"summary\":\"s\",\"description\":" + ADF
                + ",\"comment\":{\"comments\":[{\"id\":\"1\",\"body\":" + ADF + "}],\"total\":1}}}";
        String wikiIssue = "{\"id\":\"10000\",\"key\":\"DEMO-1\",\"fields\":{\"summary\":\"s\",\"description\":\"x\","
                + "\"comment\":{\"comments\":[{\"id\":\"1\",\"body\":\"x\"}],\"total\":1}}}";
        assertThat(cloud.validate(Exchange.get("/rest/api/3/issue/DEMO-1").respond(200, adfIssue).build())).isEmpty();
        assertThat(cloud.validate(Exchange.get("/rest/api/2/issue/DEMO-1").respond(200, wikiIssue).build())).isEmpty();
        assertThat(cloud.validate(Exchange.get("/rest/api/3/issue/DEMO-1").respond(200, wikiIssue).build()))
                .hasSize(2)
                .allSatisfy(v -> assertThat(v).startsWith("GET /rest/api/3/issue/DEMO-1 response 200: jira.richText.adf"))
                .anySatisfy(v -> assertThat(v).contains("/fields/description"))
                .anySatisfy(v -> assertThat(v).contains("/fields/comment/comments/0/body"));
        assertThat(cloud.validate(Exchange.get("/rest/api/2/issue/DEMO-1").respond(200, adfIssue).build()))
                .hasSize(2).allSatisfy(v -> assertThat(v).contains("jira.richText.wiki"));
    }

    @Test
    void deprecatedOperationsAreReported() {
        assertThat(cloud.validate(Exchange.get("/rest/api/3/project").respond(200, "[]").build()))
                .singleElement().asString()
                .isEqualTo("GET /rest/api/3/project request: jira.operation.deprecated: operation getAllProjects "
                        + "(GET /rest/api/3/project) is deprecated in the Jira Cloud platform spec");
        assertThat(cloud.validateRequest(Exchange.post("/rest/api/3/search", "{\"jql\":\"project = DEMO\"}").build()))
                .singleElement().asString().contains(JiraSpecValidator.DEPRECATED).contains("POST /rest/api/3/search");
        assertThat(cloud.validateRequest(Exchange.get("/rest/api/2/search").query("jql", "project = DEMO").build()))
                .singleElement().asString().startsWith("GET /rest/api/2/search request: jira.operation.deprecated");
        String page = "{\"isLast\":true,\"maxResults\":50,\"startAt\":0,\"total\":1,"
                + "\"values\":[{\"id\":\"10000\",\"key\":\"DEMO\",\"name\":\"Demo\"}]}";
        assertThat(cloud.validate(Exchange.get("/rest/api/3/project/search").respond(200, page).build())).isEmpty();
    }

    @Test
    void goneSearchAnswersWithAnErrorCollection() {
        HttpExchangeRecord gone = Exchange.post("/rest/api/3/search", "{\"jql\":\"project = DEMO\"}")
                .respond(410, "{\"errorMessages\":[\"The requested API has been removed.\"],\"errors\":{}}").build();
        assertThat(cloud.validate(gone)).singleElement().asString().contains(JiraSpecValidator.DEPRECATED);
    }

    @Test
    void responseMissingARequiredPropertyOrWithAWrongTypeFails() {
        String createProject = """
                {"key":"DEMO","name":"Demo","projectTypeKey":"software","leadAccountId":"5b10a2844c20165700ede21g"}""";
        HttpExchangeRecord missingKey = Exchange.post("/rest/api/3/project", createProject)
                .respond(201, "{\"id\":10000,\"self\":\"https://example.atlassian.net/rest/api/3/project/10000\"}")
                .build();
        assertThat(cloud.validate(missingKey)).singleElement().asString()
                .startsWith("POST /rest/api/3/project response 201: validation.response.body.schema.required")
                .contains("key");
        HttpExchangeRecord wrongType = Exchange.post("/rest/api/3/issue", createIssue(ADF))
                .respond(201, "{\"id\":10000,\"key\":\"DEMO-1\",\"self\":\"x\"}").build();
        assertThat(cloud.validate(wrongType)).singleElement().asString()
                .contains("validation.response.body.schema.type").contains("[Path '/id']").contains("string");
        HttpExchangeRecord undeclared = Exchange.post("/rest/api/3/issue", createIssue(ADF))
                .respond(201, CREATED.replace("}", ",\"status\":\"ok\"}")).build();
        assertThat(cloud.validate(undeclared)).singleElement().asString()
                .contains("validation.response.body.schema.additionalProperties").contains("status");
    }

    @Test
    void unexpectedSuccessStatusIsReported() {
        HttpExchangeRecord exchange = Exchange.post("/rest/api/3/issue", createIssue(ADF)).respond(200, CREATED)
                .build();
        assertThat(cloud.validate(exchange)).singleElement().asString()
                .startsWith("POST /rest/api/3/issue response 200: validation.response.status.unknown");
    }

    @Test
    void requestParametersAndBodiesAreValidated() {
        assertThat(cloud.validateRequest(Exchange.get("/rest/api/3/search/jql").query("jql", "project = DEMO")
                .query("maxResults", "many").build()))
                .singleElement().asString().contains("validation.request.parameter").contains("maxResults");
        assertThat(cloud.validateRequest(Exchange.post("/rest/api/3/search/jql", "{\"jql\":\"project = DEMO\","
                + "\"maxResults\":\"ten\"}").build()))
                .singleElement().asString().contains("validation.request.body.schema.type").contains("/maxResults");
        assertThat(cloud.validateRequest(Exchange.post("/rest/api/3/search/jql", "{\"jql\":\"project = DEMO\","
                + "\"startAt\":0}").build()))
                .singleElement().asString().contains("additionalProperties").contains("startAt");
    }

    @Test
    void unknownOperationsAreReported() {
        assertThat(cloud.validate(Exchange.get("/rest/api/3/issues/DEMO-1").respond(200, "{}").build()))
                .singleElement().asString()
                .startsWith("GET /rest/api/3/issues/DEMO-1 request: jira.operation.unknown: no such operation");
        assertThat(cloud.validateRequest(Exchange.of("PATCH", "/rest/api/3/issue/DEMO-1").build()))
                .singleElement().asString().contains(JiraSpecValidator.UNKNOWN).contains("PATCH");
        assertThat(cloud.validateRequest(Exchange.get("/rest/agile/1.0/board").build()))
                .singleElement().asString().contains(JiraSpecValidator.UNKNOWN);
    }

    @Test
    void serverInfoAndMyselfValidateNormallyOnBothVersions() {
        String serverInfo = """
                {"baseUrl":"https://example.atlassian.net","version":"1001.0.0-SNAPSHOT","versionNumbers":[1001,0,0],
                 "deploymentType":"Cloud","buildNumber":100280,"serverTitle":"Jira"}""";
        String myself = """
                {"accountId":"5b10a2844c20165700ede21g","accountType":"atlassian","active":true,
                 "displayName":"Mia Krystof","emailAddress":"mia@example.com","timeZone":"Europe/Berlin"}""";
        for (String version : List.of("2", "3")) {
            assertThat(cloud.validate(Exchange.get("/rest/api/" + version + "/serverInfo").respond(200, serverInfo)
                    .build())).isEmpty();
            assertThat(cloud.validate(Exchange.get("/rest/api/" + version + "/myself").respond(200, myself)
                    .build())).isEmpty();
        }
        assertThat(cloud.validate(Exchange.get("/rest/api/3/serverInfo").respond(200,
                serverInfo.replace("\"buildNumber\":100280", "\"buildNumber\":\"100280\"")).build()))
                .singleElement().asString().contains("/buildNumber");
    }

    @Test
    void searchJqlExampleFromTheSpecConformsOnceItsDescriptionIsAdf() throws IOException {
        JsonNode spec = new ObjectMapper().readTree(Oracles.require(Oracles.CLOUD_SPEC).toFile());
        String example = spec.at("/paths/~1rest~1api~13~1search~1jql/get/responses/200/content/application~1json/example")
                .asText();
        HttpExchangeRecord asPublished = Exchange.get("/rest/api/3/search/jql").query("jql", "project = EX")
                .query("fields", "*all").respond(200, example).build();
        // Atlassian's example carries a v2-style string description (its /issue and /search examples use ADF):
        // schema-valid, and the rich-text rule is the only thing that objects
        assertThat(cloud.validate(asPublished)).singleElement().asString()
                .contains("jira.richText.adf: /issues/0/fields/description");

        ObjectNode fixed = (ObjectNode) new ObjectMapper().readTree(example);
        ((ObjectNode) fixed.at("/issues/0/fields")).set("description", new ObjectMapper().readTree(ADF));
        HttpExchangeRecord withAdf = Exchange.get("/rest/api/3/search/jql").query("jql", "project = EX")
                .respond(200, fixed.toString()).build();
        assertThat(cloud.validate(withAdf)).isEmpty();
        assertThat(cloud.validate(Exchange.get("/rest/api/3/search/jql").query("jql", "project = EX")
                .respond(200, "{\"issues\":[],\"isLast\":\"yes\"}").build()))
                .singleElement().asString().contains("/isLast");
    }

    @Test
    void errorResponsesAreHeldToTheSpecOrToTheErrorCollectionShape() {
        // declared with a schema (createIssue 400: ErrorCollection, no extra properties)
        assertThat(cloud.validate(Exchange.post("/rest/api/3/issue", createIssue(ADF))
                .respond(400, "{\"errorMessages\":[],\"errors\":{\"summary\":\"Summary is required\"}}").build()))
                .isEmpty();
        assertThat(cloud.validate(Exchange.post("/rest/api/3/issue", createIssue(ADF))
                .respond(400, "{\"message\":\"bad\"}").build()))
                .singleElement().asString().contains("response 400: validation.response.body.schema.additionalProperties");
        // declared without a schema (getIssue 404) or not declared (429): Jira's ErrorCollection
        assertThat(cloud.validate(Exchange.get("/rest/api/3/issue/NOPE-1").respond(404, ERRORS).build())).isEmpty();
        assertThat(cloud.validate(Exchange.get("/rest/api/3/issue/DEMO-1").respond(429, ERRORS).build())).isEmpty();
        assertThat(cloud.validate(Exchange.get("/rest/api/3/issue/NOPE-1").respond(404, "{\"message\":\"nope\"}")
                .build()))
                .hasSize(3).allSatisfy(v -> assertThat(v).startsWith(
                        "GET /rest/api/3/issue/NOPE-1 response 404: " + JiraSpecValidator.ERROR_COLLECTION));
        assertThat(cloud.validate(Exchange.get("/rest/api/3/issue/DEMO-1").respond(503, "{\"errorMessages\":\"down\","
                + "\"errors\":{}}").build())).singleElement().asString().contains("errorMessages");
        // a non-JSON error page is let through
        assertThat(cloud.validate(Exchange.get("/rest/api/3/issue/DEMO-1").respond(502, "text/html",
                "<html>Bad gateway</html>".getBytes(StandardCharsets.UTF_8)).build())).isEmpty();
    }

    @Test
    void attachmentUploadIsCheckedWithoutParsingTheFile() {
        String boundary = "b0undary";
        byte[] multipart = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n\u0000\u00ff\u0001binary\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        String attachments = """
                [{"id":"10001","filename":"a.bin","size":9,"mimeType":"application/octet-stream",
                  "self":"https://example.atlassian.net/rest/api/3/attachments/10001"}]""";
        HttpExchangeRecord upload = Exchange.of("POST", "/rest/api/3/issue/DEMO-1/attachments")
                .header("X-Atlassian-Token", "no-check")
                .body("multipart/form-data; boundary=" + boundary, multipart)
                .respond(200, attachments).build();
        assertThat(cloud.validate(upload)).isEmpty();

        HttpExchangeRecord noToken = Exchange.of("POST", "/rest/api/3/issue/DEMO-1/attachments")
                .body("multipart/form-data; boundary=" + boundary, multipart).build();
        assertThat(cloud.validateRequest(noToken)).singleElement().asString()
                .contains("jira.request.xsrf").contains("X-Atlassian-Token: no-check");

        byte[] wrongPart = new String(multipart, StandardCharsets.ISO_8859_1).replace("name=\"file\"", "name=\"upload\"")
                .getBytes(StandardCharsets.ISO_8859_1);
        HttpExchangeRecord noFilePart = Exchange.of("POST", "/rest/api/3/issue/DEMO-1/attachments")
                .header("X-Atlassian-Token", "no-check")
                .body("multipart/form-data; boundary=" + boundary, wrongPart).build();
        assertThat(cloud.validateRequest(noFilePart)).singleElement().asString().contains("part named \"file\"");
    }

    @Test
    void nullMembersCountAsAbsent() {
        String changelog = """
                {"startAt":0,"maxResults":100,"total":1,"isLast":true,"values":[{"id":"10001",
                 "created":"2026-11-28T10:15:00.000+0000","items":[{"field":"assignee","fieldtype":"jira",
                 "from":null,"fromString":null,"to":"5b10a2844c20165700ede21g","toString":"Mia Krystof"}]}]}""";
        assertThat(cloud.validate(Exchange.get("/rest/api/3/issue/DEMO-1/changelog").respond(200, changelog).build()))
                .isEmpty();
        assertThat(cloud.validate(Exchange.get("/rest/api/3/search/jql").query("jql", "project = DEMO")
                .respond(200, "{\"issues\":[],\"isLast\":true,\"nextPageToken\":null}").build())).isEmpty();
        assertThat(cloud.validate(Exchange.put("/rest/api/3/issue/DEMO-1/assignee", "{\"accountId\":null}")
                .respond(204).build())).isEmpty();
        // a required property that is null is missing
        assertThat(cloud.validate(Exchange.post("/rest/api/3/project", "{\"key\":\"DEMO\",\"name\":\"Demo\"}")
                .respond(201, "{\"id\":10000,\"key\":null,\"self\":\"x\"}").build()))
                .singleElement().asString().contains("validation.response.body.schema.required").contains("key");
    }

    @Test
    void noContentMayBeEmptyWhereAtlassianDeclaresAnyJson() {
        assertThat(cloud.validate(Exchange.put("/rest/api/3/issue/DEMO-1", "{\"fields\":{\"summary\":\"s\"}}")
                .respond(204).build())).isEmpty();
        assertThat(cloud.validate(Exchange.post("/rest/api/3/issueLink", """
                {"type":{"name":"Blocks"},"inwardIssue":{"key":"DEMO-1"},"outwardIssue":{"key":"DEMO-2"}}""")
                .respond(201).build())).isEmpty();
        assertThat(cloud.validate(Exchange.post("/rest/api/3/issue/DEMO-1/transitions",
                "{\"transition\":{\"id\":\"31\"}}").respond(204, "{}").build()))
                .singleElement().asString().contains("jira.response.noContent");
        // where a real schema is declared, an empty body is still missing
        assertThat(cloud.validate(Exchange.post("/rest/api/3/issue", createIssue(ADF)).respond(201).build()))
                .singleElement().asString().contains("validation.response.body.missing");
    }

    @Test
    void atlassiansServerInfoExampleConforms() throws IOException {
        JsonNode spec = new ObjectMapper().readTree(Oracles.require(Oracles.CLOUD_SPEC).toFile());
        String example = spec.at("/paths/~1rest~1api~13~1serverInfo/get/responses/200/content/application~1json/example")
                .asText();
        assertThat(example).contains("defaultLocale");
        assertThat(cloud.validate(Exchange.get("/rest/api/3/serverInfo").respond(200, example).build())).isEmpty();
        assertThat(cloud.validate(Exchange.get("/rest/api/3/serverInfo").respond(200, example.replace("\"defaultLocale\"",
                "\"defaultLocation\"")).build())).singleElement().asString().contains("defaultLocation");
    }

    @Test
    void headerNamesAreCaseInsensitive() {
        HttpExchangeRecord lowerCase = new HttpExchangeRecord("POST", "/rest/api/3/issue/DEMO-1/comment", Map.of(),
                Map.of("content-type", List.of("application/json"), "accept", List.of("application/json")),
                "{\"body\":\"plain\"}".getBytes(StandardCharsets.UTF_8), 201,
                Map.of("content-type", List.of("application/json")), "{\"id\":7}".getBytes(StandardCharsets.UTF_8));
        assertThat(cloud.validate(lowerCase))
                .anySatisfy(v -> assertThat(v).contains("request: jira.richText.adf: /body"))
                .anySatisfy(v -> assertThat(v).contains("response 201:").contains("[Path '/id']"))
                .noneSatisfy(v -> assertThat(v).contains("contentType"));
    }

    @Test
    void binaryAttachmentContentSkipsBodyValidation() {
        HttpExchangeRecord download = Exchange.get("/rest/api/3/attachment/content/10001")
                .respond(200, "application/octet-stream", new byte[] {0, (byte) 0xff, 1, 2}).build();
        assertThat(cloud.validate(download)).isEmpty();
    }

    @Test
    void downloadedTextFilesAreNotJudgedAsJson() {
        HttpExchangeRecord download = Exchange.get("/rest/api/3/attachment/content/10001")
                .respond(200, "text/plain;charset=UTF-8", "hello".getBytes(StandardCharsets.UTF_8)).build();
        assertThat(cloud.validate(download)).isEmpty();
    }

    @Test
    void responseBodyWithoutContentTypeIsReportedAndStillValidated() {
        HttpExchangeRecord exchange = Exchange.post("/rest/api/3/issue", createIssue(ADF))
                .respond(201, null, "{\"id\":1}".getBytes(StandardCharsets.UTF_8)).build();
        assertThat(cloud.validate(exchange))
                .anySatisfy(v -> assertThat(v).contains("jira.response.contentType.missing"))
                .anySatisfy(v -> assertThat(v).contains("[Path '/id']"));
    }

    @Test
    void requestBodyWithoutContentTypeIsReported() {
        HttpExchangeRecord exchange = Exchange.post("/rest/api/3/issue", createIssue("\"plain\"")).build();
        exchange.requestHeaders().remove("Content-Type");
        assertThat(cloud.validateRequest(exchange)).hasSize(2)
                .anySatisfy(v -> assertThat(v).startsWith("POST /rest/api/3/issue request: "
                        + "jira.request.contentType.missing: the request has a body but no Content-Type"))
                .anySatisfy(v -> assertThat(v).contains("jira.richText.adf: /fields/description"));
    }

    @Test
    void validateRequestIgnoresTheResponse() {
        HttpExchangeRecord exchange = Exchange.post("/rest/api/3/issue", createIssue(ADF))
                .respond(201, "{\"id\":1,\"bogus\":true}").build();
        assertThat(cloud.validateRequest(exchange)).isEmpty();
        assertThat(cloud.validate(exchange)).hasSize(2);
    }

    @Test
    void pathsOutsideJiraRestAreNotJirasBusiness() {
        assertThat(cloud.validate(Exchange.post("/api/v2/tickets.json", "{\"ticket\":{}}").respond(201, "{}").build()))
                .isEmpty();
        assertThat(cloud.validate(Exchange.get("/api/now/table/incident").respond(200, "{\"result\":[]}").build()))
                .isEmpty();
    }

    @Test
    void aContextPathBeforeRestIsIgnored() {
        String myself = "{\"accountId\":\"5b10a2844c20165700ede21g\",\"displayName\":\"Mia\"}";
        assertThat(cloud.validate(Exchange.get("/ex/jira/0f4c2f6e/rest/api/3/myself").respond(200, myself).build()))
                .isEmpty();
        assertThat(cloud.validate(Exchange.get("/ex/jira/0f4c2f6e/rest/api/3/myself")
                .respond(200, "{\"accountId\":1}").build())).singleElement().asString()
                .startsWith("GET /ex/jira/0f4c2f6e/rest/api/3/myself response 200:");
    }

    @Test
    void authenticationIsNotTheSpecCheckersBusiness() {
        HttpExchangeRecord anonymous = Exchange.get("/rest/api/3/issue/DEMO-1").respond(401, ERRORS).build();
        assertThat(cloud.validate(anonymous)).isEmpty();
    }

    @Test
    void malformedRecordsAreRejectedWithAClearMessage() {
        assertThatThrownBy(() -> cloud.validate(Exchange.get("/rest/api/3/search/jql?jql=x").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("query string");
        assertThatThrownBy(() -> cloud.validate(Exchange.get("rest/api/3/myself").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute path");
        assertThatThrownBy(() -> cloud.validate(Exchange.of(" ", "/rest/api/3/myself").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("method");
    }

    @Test
    void assertValidListsEveryViolation() {
        HttpExchangeRecord exchange = Exchange.post("/rest/api/3/issue", createIssue("\"plain\""))
                .respond(201, "{\"id\":1}").build();
        assertThatThrownBy(() -> cloud.assertValid(exchange)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("/fields/description").hasMessageContaining("[Path '/id']");
    }
}
