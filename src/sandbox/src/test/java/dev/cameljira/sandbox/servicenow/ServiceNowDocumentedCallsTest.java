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
}
