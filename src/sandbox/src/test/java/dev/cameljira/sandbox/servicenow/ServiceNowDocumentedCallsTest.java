package dev.cameljira.sandbox.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.emulator.EmulatorServerExtension;
import dev.cameljira.sandbox.emulator.MutableClock;
import dev.cameljira.sandbox.emulator.TestHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Plain HTTP calls as ServiceNow's REST API reference writes them (c_TableAPI, c_RESTAPI, the Attachment API page)
 * and as the npm client servicenow-rest-api 1.2.2 sends them, with what a real instance answers.
 */
class ServiceNowDocumentedCallsTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String AUTH = TestHttp.basic(ServiceNowEmulator.ADMIN_USER,
            ServiceNowEmulator.ADMIN_PASSWORD);
    /** The sys_ids of demo data the documented cURL examples send (no such record here). */
    private static final String DOC_GROUP = "287ebd7da9fe198100f92cc8d1d2154e";
    private static final String DOC_USER = "681b365ec0a80164000fb0b05854a0cd";

    @RegisterExtension
    static final EmulatorServerExtension<ServiceNowTestServer> ENV = new EmulatorServerExtension<>(
            () -> new ServiceNowTestServer(new MutableClock(Instant.parse("2026-11-28T10:15:30Z"))),
            server -> server.emulator.reset());

    private static ServiceNowEmulator emulator() {
        return ENV.server().emulator;
    }

    private static TestHttp http() {
        return ENV.server().asAdmin();
    }

    /** A request with exactly these headers (name, value, name, value, ...) besides the credentials. */
    private static HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ENV.server().baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", AUTH);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return TestHttp.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> numbers(String pathAndQuery) {
        TestHttp.Reply reply = http().get(pathAndQuery);
        assertThat(reply.status()).as(pathAndQuery + " -> " + reply.raw().body()).isEqualTo(200);
        List<String> numbers = new ArrayList<>();
        reply.json().get("result").forEach(r -> numbers.add(r.get("number").asText()));
        return numbers;
    }

    private static String create(String json) {
        TestHttp.Reply reply = http().post("/api/now/table/incident", json);
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(201);
        return reply.json().at("/result/sys_id").asText();
    }

    @Test
    void theDocumentedCurlWritesWorkAsWrittenSingleQuotedJsonAndDemoSysIdsIncluded() {
        // c_TableAPI "POST": --data "{'short_description':'Unable to connect to office wifi',
        // 'assignment_group':'287ebd7da9fe198100f92cc8d1d2154e','urgency':'2','impact':'2'}"
        HttpResponse<String> post = send("POST", "/api/now/table/incident",
                "{'short_description':'Unable to connect to office wifi','assignment_group':'" + DOC_GROUP
                        + "','urgency':'2','impact':'2'}",
                "Accept", "application/json", "Content-Type", "application/json");
        assertThat(post.statusCode()).as(post.body()).isEqualTo(201);
        JsonNode created = json(post).get("result");
        assertThat(created.get("short_description").asText()).isEqualTo("Unable to connect to office wifi");
        assertThat(created.at("/assignment_group/value").asText()).isEqualTo(DOC_GROUP);
        assertThat(created.at("/assignment_group/link").asText()).endsWith("/api/now/table/sys_user_group/" + DOC_GROUP);
        assertThat(created.get("priority").asText()).isEqualTo("3");
        String sysId = created.get("sys_id").asText();

        // c_TableAPI "PATCH" and "PUT": --data "{'assigned_to':'681b365ec0a80164000fb0b05854a0cd','urgency':'1',
        // 'comments':'Elevating urgency, this is a blocking issue'}"
        String update = "{'assigned_to':'" + DOC_USER + "','urgency':'1',"
                + "'comments':'Elevating urgency, this is a blocking issue'}";
        for (String method : List.of("PATCH", "PUT")) {
            HttpResponse<String> reply = send(method, "/api/now/table/incident/" + sysId, update,
                    "Accept", "application/json", "Content-Type", "application/json");
            assertThat(reply.statusCode()).as(method + " " + reply.body()).isEqualTo(200);
            assertThat(json(reply).at("/result/assigned_to/value").asText()).isEqualTo(DOC_USER);
            assertThat(json(reply).at("/result/urgency").asText()).isEqualTo("1");
        }
        assertThat(emulator().journal(sysId)).extracting(JournalEntry::value)
                .containsExactly("Elevating urgency, this is a blocking issue",
                        "Elevating urgency, this is a blocking issue");
        JsonNode shown = http().get("/api/now/table/incident/" + sysId
                + "?sysparm_display_value=true&sysparm_fields=assigned_to,assignment_group").json().get("result");
        assertThat(shown.at("/assigned_to/display_value").asText()).isEmpty();
        assertThat(shown.at("/assignment_group/display_value").asText()).isEmpty();

        // c_TableAPI "DELETE"
        assertThat(send("DELETE", "/api/now/table/incident/" + sysId, null, "Accept", "application/json")
                .statusCode()).isEqualTo(204);
    }

    @Test
    void onlyTheFirstRecordOfSeveralIsWritten() {
        TestHttp.Reply reply = http().post("/api/now/table/incident",
                "[{\"short_description\": \"first\"}, {\"short_description\": \"second\"}]");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().at("/result/short_description").asText()).isEqualTo("first");
        assertThat(emulator().incidents()).extracting(Incident::shortDescription).containsExactly("first");
    }

    @Test
    void xNoResponseBodyOnAnInsertAnswers201WithLocationAndNoBody() {
        HttpResponse<String> reply = send("POST", "/api/now/table/incident", "{\"short_description\": \"quiet\"}",
                "Content-Type", "application/json", "X-no-response-body", "true");

        assertThat(reply.statusCode()).isEqualTo(201);
        assertThat(reply.body()).isEmpty();
        String sysId = emulator().incidents().get(0).sysId();
        assertThat(reply.headers().firstValue("Location")).hasValue(
                ENV.server().baseUrl() + "/api/now/table/incident/" + sysId);
    }

    @Test
    void headIsGetWithoutTheBody() {
        String sysId = create("{\"short_description\": \"head\"}");
        create("{\"short_description\": \"second\"}");
        byte[] file = "log line".getBytes(StandardCharsets.UTF_8);
        String attachment = emulator().addAttachment(sysId, "a.log", "text/plain", file).sysId();

        HttpResponse<String> list = send("HEAD", "/api/now/table/incident?sysparm_limit=1", null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).isEmpty();
        assertThat(list.headers().firstValue("X-Total-Count")).hasValue("2");
        assertThat(list.headers().firstValue("Link")).hasValueSatisfying(l -> assertThat(l).contains("rel=\"next\""));
        assertThat(send("HEAD", "/api/now/table/incident/" + sysId, null).statusCode()).isEqualTo(200);
        assertThat(send("HEAD", "/api/now/table/incident/0123456789abcdef0123456789abcdef", null).statusCode())
                .isEqualTo(404);
        HttpResponse<String> download = send("HEAD", "/api/now/attachment/" + attachment + "/file", null);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("text/plain");
        assertThat(download.body()).isEmpty();
    }

    @Test
    void invalidQueryPartsAndNameValuePairsThatAreNoFieldsAreIgnored() {
        create("{\"short_description\": \"a\", \"urgency\": \"1\"}");
        create("{\"short_description\": \"b\", \"urgency\": \"3\"}");
        String table = "/api/now/table/incident";

        assertThat(numbers(table + "?sysparm_query=no_such_field=1")).containsExactly("INC0010001", "INC0010002");
        assertThat(numbers(table + "?sysparm_query=urgency=3%5Eno_such_field=1")).containsExactly("INC0010002");
        assertThat(numbers(table + "?sysparm_query=no_such_field=1%5EORurgency=1")).containsExactly("INC0010001");
        assertThat(numbers(table + "?sysparm_query=short_description.name=a%5EORDERBYDESCno_such_field"))
                .containsExactly("INC0010001", "INC0010002");
        // a cache buster, and servicenow-rest-api's getChangeTasks filter on a table without that field
        assertThat(numbers(table + "?_=1764320000000&urgency=1")).containsExactly("INC0010001");
        assertThat(numbers(table + "?change_request=CHG0000016&sysparm_fields=number,sys_id")).hasSize(2);
        // the Attachment API reads its query the same way
        assertThat(http().get("/api/now/attachment?sysparm_query=no_such_field=1").status()).isEqualTo(200);
    }

    @Test
    void acceptApplicationXmlAnswersXmlAndAnXmlBodyIsARecord() {
        String sysId = create("{\"short_description\": \"Printer <jammed> & smoking\", \"caller_id\": \"admin\"}");

        HttpResponse<String> one = send("GET", "/api/now/table/incident/" + sysId
                + "?sysparm_fields=number,short_description,caller_id,description", null, "Accept", "application/xml");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("application/xml"));
        assertThat(one.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><response><result>"
                + "<number>INC0010001</number><short_description>Printer &lt;jammed&gt; &amp; smoking"
                + "</short_description><caller_id><link>" + ENV.server().baseUrl() + "/api/now/table/sys_user/"
                + emulator().admin().sysId() + "</link><value>" + emulator().admin().sysId() + "</value></caller_id>"
                + "<description/></result></response>");

        // the REST API Explorer's XML request: <request><entry>...</entry></request>
        HttpResponse<String> post = send("POST", "/api/now/table/incident?sysparm_fields=number,urgency",
                "<request><entry><short_description>Unable to connect to office wifi</short_description>"
                        + "<urgency>2</urgency><impact>2</impact></entry></request>",
                "Content-Type", "application/xml", "Accept", "application/xml");
        assertThat(post.statusCode()).as(post.body()).isEqualTo(201);
        assertThat(post.body()).endsWith("<response><result><number>INC0010002</number><urgency>2</urgency>"
                + "</result></response>");

        HttpResponse<String> list = send("GET", "/api/now/table/incident?sysparm_fields=number", null,
                "Accept", "text/xml");
        assertThat(list.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("text/xml"));
        assertThat(list.body()).endsWith("<response><result><number>INC0010001</number></result>"
                + "<result><number>INC0010002</number></result></response>");

        HttpResponse<String> missing = send("GET", "/api/now/table/incident/0123456789abcdef0123456789abcdef", null,
                "Accept", "application/xml");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).endsWith("<response><error><message>No Record found</message><detail>Record "
                + "doesn't exist or ACL restricts the record retrieval</detail></error><status>failure</status>"
                + "</response>");
    }

    @Test
    void anUnsupportedAcceptIs406AndAnUnsupportedContentTypeIs415() {
        HttpResponse<String> html = send("GET", "/api/now/table/incident", null, "Accept", "text/html");
        assertThat(html.statusCode()).isEqualTo(406);
        assertThat(json(html).at("/error/detail").asText()).contains("text/html");
        assertThat(json(html).get("status").asText()).isEqualTo("failure");
        // what browsers and the usual clients send
        assertThat(send("GET", "/api/now/table/incident", null, "Accept",
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").body()).startsWith("<?xml");
        assertThat(send("GET", "/api/now/table/incident", null, "Accept", "application/json, text/plain, */*")
                .body()).startsWith("{\"result\"");

        HttpResponse<String> text = send("POST", "/api/now/table/incident", "short_description=x",
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(json(text).at("/error/detail").asText()).contains("application/x-www-form-urlencoded");
        assertThat(emulator().incidents()).isEmpty();
        HttpResponse<String> versioned = send("POST", "/api/now/v2/table/incident", "{\"short_description\":\"x\"}",
                "Content-Type", "application/json; charset=UTF-8");
        assertThat(versioned.statusCode()).isEqualTo(201);
    }

    @Test
    void attachmentListsTakeNameValuePairsAndMetadataCarriesTheHash() throws NoSuchAlgorithmException {
        String first = create("{\"short_description\": \"one\"}");
        String second = create("{\"short_description\": \"two\"}");
        byte[] log = "boot failed".getBytes(StandardCharsets.UTF_8);
        emulator().addAttachment(first, "boot.log", "text/plain", log);
        emulator().addAttachment(second, "other.log", "text/plain", "other".getBytes(StandardCharsets.UTF_8));

        // servicenow-rest-api's getAllAttachmentsMetaData: GET /api/now/attachment?table_sys_id=<sys_id>
        JsonNode listed = http().get("/api/now/attachment?table_sys_id=" + first).json().get("result");

        assertThat(listed).singleElement().satisfies(meta -> {
            assertThat(meta.get("file_name").asText()).isEqualTo("boot.log");
            assertThat(meta.get("hash").asText()).isEqualTo(
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(log)));
            assertThat(meta.get("state").asText()).isEqualTo("available");
            assertThat(meta.get("chunk_size_bytes").asText()).isEqualTo("700000");
        });
        assertThat(http().get("/api/now/attachment?file_name=other.log").json().get("result")).hasSize(1);
    }

    @Test
    void theCallsOfServicenowRestApi122WorkAsItSendsThem() {
        // Authenticate
        assertThat(http().get("/api/now/v2/table/sys_user?user_name=admin").json().get("result")).hasSize(1);
        // createNewTask: POST /api/now/table/{type}?sysparm_input_display_value=true&sysparm_display_value=true
        TestHttp.Reply created = http().post(
                "/api/now/table/incident?sysparm_input_display_value=true&sysparm_display_value=true",
                "{\"short_description\":\"Need urgent attention!!\",\"urgency\":\"1\",\"priority\":\"1\","
                        + "\"assignment_group\":\"Hardware\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().at("/result/urgency").asText()).isEqualTo("1 - High");
        assertThat(created.json().at("/result/assignment_group/display_value").asText()).isEqualTo("Hardware");
        String number = created.json().at("/result/number").asText();
        // getSampleData: GET /api/now/v2/table/{type}?sysparm_limit=1
        assertThat(http().get("/api/now/v2/table/incident?sysparm_limit=1").json().get("result")).hasSize(1);
        // getTableData: the query string is sent as written, '=' and '^' unencoded
        JsonNode table = http().get("/api/now/v2/table/incident?sysparm_display_value=true"
                + "&sysparm_fields=number,short_description,assignment_group,priority&sysparm_query=urgency=1%5Eactive=true")
                .json().get("result");
        assertThat(table).singleElement().satisfies(r -> {
            assertThat(r.get("priority").asText()).isEqualTo("3 - Moderate");
            assertThat(r.at("/assignment_group/display_value").asText()).isEqualTo("Hardware");
        });
        // getSysId, then UpdateTask: PUT /api/now/table/{type}/{sys_id}?sysparm_input_display_value=true&...
        String sysId = http().get("/api/now/v2/table/incident?sysparm_query=number=" + number
                + "&sysparm_fields=sys_id").json().at("/result/0/sys_id").asText();
        TestHttp.Reply updated = http().put("/api/now/table/incident/" + sysId
                        + "?sysparm_input_display_value=true&sysparm_display_value=true",
                "{\"work_notes\":\"Assigning this to different team\",\"assignment_group\":\"Network\"}");
        assertThat(updated.json().at("/result/assignment_group/display_value").asText()).isEqualTo("Network");
        assertThat(updated.json().at("/result/work_notes").asText())
                .endsWith("(Work notes)\nAssigning this to different team\n\n");
        // getAttachmentMetaData, getAllAttachmentsMetaData, getAttachment
        String attachment = emulator().addAttachment(sysId, "notes.txt", "text/plain",
                "notes".getBytes(StandardCharsets.UTF_8)).sysId();
        assertThat(http().get("/api/now/attachment/" + attachment).json().at("/result/file_name").asText())
                .isEqualTo("notes.txt");
        assertThat(http().get("/api/now/attachment?table_sys_id=" + sysId).json().get("result")).hasSize(1);
        HttpResponse<String> file = send("GET", "/api/now/attachment/" + attachment + "/file", null,
                "Accept", "application/json, text/plain, */*");
        assertThat(file.body()).isEqualTo("notes");
        // DeleteTask
        assertThat(http().delete("/api/now/table/incident/" + sysId).status()).isEqualTo(204);
        assertThat(http().get("/api/now/v2/table/incident?sysparm_query=number=" + number).json().get("result"))
                .isEmpty();
    }

    @Test
    void theApiRootItselfAnswersInServiceNowsShape() {
        TestHttp.Reply reply = http().get("/api/now/");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/error/message").asText())
                .isEqualTo("Requested URI does not represent any resource");
        assertThat(reply.json().get("status").asText()).isEqualTo("failure");
    }
}
