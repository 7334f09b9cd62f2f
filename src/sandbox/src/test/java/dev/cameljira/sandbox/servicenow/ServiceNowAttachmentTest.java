package dev.cameljira.sandbox.servicenow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.emulator.CamelClientExtension;
import dev.cameljira.sandbox.emulator.MutableClock;
import dev.cameljira.sandbox.emulator.TestHttp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.camel.Exchange;
import org.apache.camel.component.servicenow.ServiceNowConstants;
import org.apache.camel.component.servicenow.ServiceNowException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Attachment API through the real camel-servicenow 4.17 component ({@code resource=attachment}, actions upload,
 * retrieve, content and delete), and over plain HTTP where the component has no call for it (multipart upload).
 */
class ServiceNowAttachmentTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-28T10:15:30Z"));

    @RegisterExtension
    static final CamelClientExtension<ServiceNowTestServer> ENV = new CamelClientExtension<>(
            () -> new ServiceNowTestServer(CLOCK), server -> {
                server.emulator.reset();
                server.emulator.setMaxAttachmentSize(ServiceNowEmulator.DEFAULT_MAX_ATTACHMENT_SIZE);
            });

    private static ServiceNowEmulator emulator() {
        return ENV.server().emulator;
    }

    private static String attachmentEndpoint() {
        return "servicenow:sandbox?apiUrl=RAW(" + ENV.server().baseUrl() + "/api)&userName=admin&password=RAW("
                + ServiceNowEmulator.ADMIN_PASSWORD + ")&resource=attachment";
    }

    private static Exchange attachmentCall(String action, Object body, Map<String, Object> headers) {
        Map<String, Object> all = new LinkedHashMap<>(headers);
        all.put(ServiceNowConstants.ACTION, action);
        Exchange exchange = ENV.template().request(attachmentEndpoint(), e -> {
            e.getIn().setHeaders(all);
            e.getIn().setBody(body);
        });
        if (exchange.getException() != null) {
            throw new IllegalStateException(exchange.getException());
        }
        return exchange;
    }

    /** The headers camel-servicenow's upload needs: it sends none of the endpoint's table option. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> upload(String incidentSysId, String fileName, String contentType,
                                              byte[] bytes) {
        return attachmentCall(ServiceNowConstants.ACTION_UPLOAD, bytes, Map.of(
                ServiceNowConstants.PARAM_TABLE_NAME, "incident",
                ServiceNowConstants.PARAM_TABLE_SYS_ID, incidentSysId,
                ServiceNowConstants.PARAM_FILE_NAME, fileName,
                ServiceNowConstants.CONTENT_TYPE, contentType)).getMessage().getBody(Map.class);
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    @Test
    @SuppressWarnings("unchecked")
    void uploadListDownloadAndDeleteThroughTheComponent() throws IOException {
        Incident incident = emulator().createIncident("Broken screen");
        CLOCK.advance(Duration.ofMinutes(5));
        byte[] photo = randomBytes(70_000);
        byte[] log = "caf\u00e9 log line\n".repeat(200).getBytes(StandardCharsets.UTF_8);

        Map<String, Object> uploaded = upload(incident.sysId(), "r\u00e9sum\u00e9 photo.png", "image/png", photo);
        upload(incident.sysId(), "app.log", "text/plain", log);

        String sysId = (String) uploaded.get("sys_id");
        assertThat(sysId).matches("[0-9a-f]{32}");
        assertThat(uploaded).containsEntry("file_name", "r\u00e9sum\u00e9 photo.png")
                .containsEntry("content_type", "image/png")
                .containsEntry("size_bytes", "70000")
                .containsEntry("table_name", "incident")
                .containsEntry("table_sys_id", incident.sysId())
                .containsEntry("download_link", ENV.server().baseUrl() + "/api/now/attachment/" + sysId + "/file")
                .containsEntry("sys_created_on", "2026-11-28 10:20:30")
                .containsEntry("sys_created_by", "admin")
                .containsEntry("created_by_name", ServiceNowEmulator.ADMIN_NAME)
                .containsEntry("sys_mod_count", "0")
                .containsEntry("compressed", "true");
        assertThat(uploaded.values()).allSatisfy(v -> assertThat(v).isInstanceOf(String.class));
        assertThat(emulator().incident(incident.sysId())).as("attaching does not update the incident")
                .hasValue(incident);

        List<Map<String, Object>> listed = attachmentCall(ServiceNowConstants.ACTION_RETRIEVE, null, Map.of(
                ServiceNowConstants.SYSPARM_QUERY, "table_name=incident^table_sys_id=" + incident.sysId()
                        + "^ORDERBYfile_name")).getMessage().getBody(List.class);
        assertThat(listed).extracting(m -> m.get("file_name")).containsExactly("app.log", "r\u00e9sum\u00e9 photo.png");
        assertThat(listed.get(0)).containsEntry("size_bytes", String.valueOf(log.length));
        assertThat(Long.parseLong((String) listed.get(0).get("size_compressed"))).isLessThan(log.length);

        Map<String, Object> meta = attachmentCall(ServiceNowConstants.ACTION_RETRIEVE, null,
                Map.of(ServiceNowConstants.PARAM_SYS_ID, sysId)).getMessage().getBody(Map.class);
        assertThat(meta).isEqualTo(uploaded);

        Exchange download = attachmentCall(ServiceNowConstants.ACTION_CONTENT, null,
                Map.of(ServiceNowConstants.PARAM_SYS_ID, sysId));
        byte[] downloaded;
        try (InputStream in = download.getMessage().getBody(InputStream.class)) {
            downloaded = in.readAllBytes();
        }
        assertThat(downloaded).isEqualTo(photo);
        assertThat(download.getMessage().getHeader(ServiceNowConstants.CONTENT_TYPE, String.class))
                .isEqualTo("image/png");
        Map<String, Object> contentMeta = download.getMessage().getHeader(ServiceNowConstants.CONTENT_META, Map.class);
        assertThat(contentMeta).containsEntry("file_name", "r\u00e9sum\u00e9 photo.png")
                .containsEntry("size_bytes", "70000").containsEntry("sys_id", sysId);

        attachmentCall(ServiceNowConstants.ACTION_DELETE, null, Map.of(ServiceNowConstants.PARAM_SYS_ID, sysId));
        assertThat(emulator().attachments(incident.sysId())).extracting(Attachment::fileName)
                .containsExactly("app.log");
        assertThat(emulator().attachmentContent(sysId)).isEmpty();
        assertThatThrownBy(() -> attachmentCall(ServiceNowConstants.ACTION_RETRIEVE, null,
                Map.of(ServiceNowConstants.PARAM_SYS_ID, sysId)))
                .rootCause().isInstanceOf(ServiceNowException.class)
                .satisfies(e -> assertThat(((ServiceNowException) e).getCode()).isEqualTo(404));
    }

    @Test
    void seededAttachmentsAreListedAndGoAwayWithTheirIncident() {
        Incident incident = emulator().createIncident("With files");
        Incident other = emulator().createIncident("Without files");
        Attachment seeded = emulator().addAttachment(incident.sysId(), "trace.txt", "text/plain",
                "stack trace".getBytes(StandardCharsets.UTF_8));

        assertThat(seeded.sizeBytes()).isEqualTo(11);
        assertThat(seeded.createdBy()).isEqualTo("admin");
        assertThat(emulator().attachments(incident.sysId())).containsExactly(seeded);
        assertThat(emulator().attachments(other.sysId())).isEmpty();
        assertThat(emulator().attachmentContent(seeded.sysId())).hasValueSatisfying(b ->
                assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("stack trace"));
        List<?> listed = attachmentCall(ServiceNowConstants.ACTION_RETRIEVE, null, Map.of(
                ServiceNowConstants.SYSPARM_QUERY, "table_sys_id=" + other.sysId())).getMessage().getBody(List.class);
        assertThat(listed).isEmpty();

        emulator().deleteIncident(incident.sysId());
        assertThat(emulator().attachments(incident.sysId())).isEmpty();
        assertThat(emulator().attachmentContent(seeded.sysId())).isEmpty();
        assertThatThrownBy(() -> emulator().addAttachment(incident.sysId(), "late.txt", "text/plain", new byte[1]))
                .isInstanceOf(java.util.NoSuchElementException.class);
    }

    @Test
    void uploadsToAMissingRecordOrOverTheSizeLimitAreServiceNowExceptions() {
        Incident incident = emulator().createIncident("Limits");

        assertThatThrownBy(() -> upload("0".repeat(32), "a.txt", "text/plain", new byte[] {1}))
                .rootCause().isInstanceOf(ServiceNowException.class)
                .satisfies(e -> assertThat(((ServiceNowException) e).getCode()).isEqualTo(404));

        emulator().setMaxAttachmentSize(1024);
        assertThat(upload(incident.sysId(), "fits.bin", "application/octet-stream", randomBytes(1024)))
                .containsEntry("size_bytes", "1024");
        assertThatThrownBy(() -> upload(incident.sysId(), "big.bin", "application/octet-stream", randomBytes(1025)))
                .rootCause().isInstanceOf(ServiceNowException.class)
                .satisfies(e -> {
                    ServiceNowException sn = (ServiceNowException) e;
                    assertThat(sn.getCode()).isEqualTo(400);
                    assertThat(sn.getDetail()).contains("com.glide.attachment.max_size").contains("1025");
                });
        assertThat(emulator().attachments(incident.sysId())).extracting(Attachment::fileName)
                .containsExactly("fits.bin");
        assertThatThrownBy(() -> emulator().setMaxAttachmentSize(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void multipartUploadVersionedPathsTableReadsAndBadRequestsOverHttp() throws Exception {
        Incident incident = emulator().createIncident("Multipart");
        byte[] file = randomBytes(3000);
        String boundary = "----sandbox-boundary";
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"table_name\"\r\n\r\nincident\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"table_sys_id\"\r\n\r\n"
                + incident.sysId() + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"uploadFile\"; "
                + "filename=\"dump.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        form.writeBytes(file);
        form.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> created = post("/api/now/v1/attachment/upload",
                "multipart/form-data; boundary=" + boundary, form.toByteArray());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode result = TestHttp.MAPPER.readTree(created.body()).get("result");
        assertThat(result.get("file_name").asText()).isEqualTo("dump.bin");
        assertThat(result.get("size_bytes").asText()).isEqualTo("3000");
        assertThat(created.headers().firstValue("Location")).hasValue(
                ENV.server().baseUrl() + "/api/now/attachment/" + result.get("sys_id").asText());
        assertThat(emulator().attachmentContent(result.get("sys_id").asText())).hasValue(file);

        TestHttp http = ENV.server().asAdmin();
        JsonNode table = http.get("/api/now/table/sys_attachment?sysparm_query=table_sys_id=" + incident.sysId())
                .json().get("result");
        assertThat(table).singleElement().satisfies(r -> assertThat(r.get("file_name").asText()).isEqualTo("dump.bin"));
        assertThat(http.post("/api/now/table/sys_attachment", "{\"file_name\": \"x\"}").status()).isEqualTo(403);

        HttpResponse<String> noParams = post("/api/now/attachment/file?table_name=incident&file_name=a.txt",
                "text/plain", new byte[] {1});
        assertThat(noParams.statusCode()).isEqualTo(400);
        assertThat(TestHttp.MAPPER.readTree(noParams.body()).at("/error/message").asText()).contains("table_sys_id");
        HttpResponse<String> readOnlyTable = post("/api/now/attachment/file?table_name=sys_user&table_sys_id="
                + emulator().admin().sysId() + "&file_name=a.txt", "text/plain", new byte[] {1});
        assertThat(readOnlyTable.statusCode()).isEqualTo(403);
        HttpResponse<String> notMultipart = post("/api/now/attachment/upload", "text/plain", new byte[] {1});
        assertThat(notMultipart.statusCode()).isEqualTo(400);
        assertThat(http.get("/api/now/attachment/" + "f".repeat(32) + "/file").status()).isEqualTo(404);
        assertThat(emulator().attachments(incident.sysId())).hasSize(1);
    }

    private static HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ENV.server().baseUrl() + path))
                .header("Authorization", TestHttp.basic(ServiceNowEmulator.ADMIN_USER,
                        ServiceNowEmulator.ADMIN_PASSWORD))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
