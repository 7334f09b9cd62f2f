package dev.cameljira.sandbox.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.emulator.MutableClock;
import dev.cameljira.sandbox.emulator.TestHttp;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Uploads, comment attachments and content URLs over plain HTTP, in Zendesk's shapes. */
class ZendeskAttachmentsTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String AGENT_AUTH = TestHttp.basic(ZendeskEmulator.AGENT_EMAIL + "/token",
            ZendeskEmulator.AGENT_API_TOKEN);

    private MutableClock clock;
    private ZendeskTestServer server;
    private TestHttp http;

    @BeforeEach
    void start() throws IOException {
        clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
        server = new ZendeskTestServer(clock);
        http = server.asAgent();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ZendeskEmulator emulator() {
        return server.emulator;
    }

    /** {@code POST /api/v2/uploads.json?filename=...[&token=...]} with the raw file. */
    private TestHttp.Reply upload(String fileName, String contentType, byte[] content, String token) {
        String query = "filename=" + URLEncoder.encode(fileName, StandardCharsets.UTF_8)
                + (token == null ? "" : "&token=" + token);
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v2/uploads.json?" + query))
                .header("Authorization", AGENT_AUTH).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build();
        return send(request);
    }

    private static TestHttp.Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? null : TestHttp.MAPPER.readTree(response.body());
            return new TestHttp.Reply(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<byte[]> download(String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private String uploadToken(String fileName, String text) {
        TestHttp.Reply reply = upload(fileName, "text/plain", text.getBytes(StandardCharsets.UTF_8), null);
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(201);
        return reply.json().at("/upload/token").asText();
    }

    private TestHttp.Reply comment(long ticketId, String commentJson) {
        return http.put("/api/v2/tickets/" + ticketId + ".json", "{\"ticket\": {\"comment\": " + commentJson + "}}");
    }

    private JsonNode lastComment(long ticketId) {
        JsonNode comments = http.get("/api/v2/tickets/" + ticketId + "/comments.json").json().get("comments");
        return comments.get(comments.size() - 1);
    }

    @Test
    void anUploadAnswersItsTokenAndFilesAndASecondFileCanJoinIt() {
        TestHttp.Reply first = upload("crash log.txt", "text/plain", "boom".getBytes(StandardCharsets.UTF_8), null);

        assertThat(first.status()).isEqualTo(201);
        JsonNode upload = first.json().get("upload");
        String token = upload.get("token").asText();
        assertThat(token).matches("[a-z0-9]{25}");
        JsonNode attachment = upload.get("attachment");
        assertThat(attachment.get("file_name").asText()).isEqualTo("crash log.txt");
        assertThat(attachment.get("content_type").asText()).isEqualTo("text/plain");
        assertThat(attachment.get("size").asLong()).isEqualTo(4);
        assertThat(attachment.get("content_url").asText())
                .matches("\\Q" + server.baseUrl() + "\\E/attachments/token/[a-z0-9]{25}/\\?name=crash%20log\\.txt");
        assertThat(attachment.get("url").asText())
                .isEqualTo(server.baseUrl() + "/api/v2/attachments/" + attachment.get("id").asLong() + ".json");
        assertThat(upload.get("attachments")).containsExactly(attachment);

        TestHttp.Reply second = upload("screen.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, token);

        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().at("/upload/token").asText()).isEqualTo(token);
        assertThat(second.json().at("/upload/attachments")).extracting(a -> a.get("file_name").asText())
                .containsExactly("crash log.txt", "screen.png");
        assertThat(second.json().at("/upload/attachment/file_name").asText()).isEqualTo("screen.png");
    }

    @Test
    void aCommentNamingTheUploadListsItsFilesWhoseContentUrlsServeTheBytes() throws Exception {
        ZendeskTicket ticket = emulator().createTicket("With files", "body");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
        String token = uploadToken("notes.txt", "first file");
        upload("screen.png", "image/png", png, token);

        TestHttp.Reply updated = comment(ticket.id(), "{\"body\": \"See attached\", \"public\": false, \"uploads\": [\""
                + token + "\"]}");

        assertThat(updated.status()).isEqualTo(200);
        JsonNode comment = lastComment(ticket.id());
        assertThat(comment.get("public").asBoolean()).isFalse();
        JsonNode attachments = comment.get("attachments");
        assertThat(attachments).extracting(a -> a.get("file_name").asText()).containsExactly("notes.txt", "screen.png");
        JsonNode image = attachments.get(1);
        HttpResponse<byte[]> content = download(image.get("content_url").asText(), AGENT_AUTH);
        assertThat(content.statusCode()).isEqualTo(200);
        assertThat(content.body()).isEqualTo(png);
        assertThat(content.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(download(image.get("content_url").asText(), null).statusCode()).isEqualTo(401);

        TestHttp.Reply shown = http.get("/api/v2/attachments/" + image.get("id").asLong() + ".json");
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json().get("attachment")).isEqualTo(image);
        assertThat(emulator().attachments(ticket.id())).extracting(ZendeskAttachment::id)
                .containsExactly(attachments.get(0).get("id").asLong(), image.get("id").asLong());
        assertThat(emulator().attachmentContent(image.get("id").asLong())).isEqualTo(png);
        assertThat(emulator().comments(ticket.id()).get(1).attachments()).allSatisfy(a -> {
            assertThat(a.commentId()).isEqualTo(comment.get("id").asLong());
            assertThat(a.isPublic()).isFalse();
        });
    }

    @Test
    void aNewTicketsFirstCommentCanCarryUploads() {
        String token = uploadToken("report.txt", "report");

        TestHttp.Reply created = http.post("/api/v2/tickets.json", "{\"ticket\": {\"subject\": \"Files first\","
                + " \"comment\": {\"body\": \"Report attached\", \"uploads\": [\"" + token + "\"]}}}");

        assertThat(created.status()).isEqualTo(201);
        long id = created.json().at("/ticket/id").asLong();
        assertThat(lastComment(id).get("attachments")).extracting(a -> a.get("file_name").asText())
                .containsExactly("report.txt");
        assertThat(created.json().at("/audit/events/0/attachments/0/file_name").asText()).isEqualTo("report.txt");
    }

    @Test
    void aTokenWorksOnceAndAnUnknownOneIs422WithNothingChanged() {
        ZendeskTicket ticket = emulator().createTicket("Single use", "body");
        String token = uploadToken("once.txt", "once");
        assertThat(comment(ticket.id(), "{\"body\": \"first\", \"uploads\": [\"" + token + "\"]}").status())
                .isEqualTo(200);

        TestHttp.Reply reused = http.put("/api/v2/tickets/" + ticket.id() + ".json", "{\"ticket\": {\"status\":"
                + " \"pending\", \"comment\": {\"body\": \"again\", \"uploads\": [\"" + token + "\"]}}}");
        TestHttp.Reply unknown = comment(ticket.id(), "{\"body\": \"unknown\", \"uploads\": [\"nosuchtoken\"]}");

        for (TestHttp.Reply reply : List.of(reused, unknown)) {
            assertThat(reply.status()).isEqualTo(422);
            assertThat(reply.json().get("error").asText()).isEqualTo("RecordInvalid");
            assertThat(reply.json().at("/details/uploads/0/description").asText()).contains("not a valid upload token");
        }
        assertThat(emulator().ticket(ticket.id()).orElseThrow().status()).isEqualTo(ZendeskStatus.NEW);
        assertThat(emulator().comments(ticket.id())).extracting(ZendeskComment::body).containsExactly("body", "first");
    }

    @Test
    void aCommentWithUploadsNeedsABody() {
        ZendeskTicket ticket = emulator().createTicket("Blank", "body");
        String token = uploadToken("blank.txt", "x");

        TestHttp.Reply reply = comment(ticket.id(), "{\"body\": \"\", \"uploads\": [\"" + token + "\"]}");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(comment(ticket.id(), "{\"body\": \"now with text\", \"uploads\": [\"" + token + "\"]}").status())
                .as("the token was not used up").isEqualTo(200);
    }

    @Test
    void tokensExpireSixtyMinutesAfterTheUploadOnTheEmulatorClock() throws Exception {
        ZendeskTicket ticket = emulator().createTicket("Expiry", "body");
        String inTime = uploadToken("in-time.txt", "in time");
        TestHttp.Reply late = upload("late.txt", "text/plain", "late".getBytes(StandardCharsets.UTF_8), null);
        String lateToken = late.json().at("/upload/token").asText();
        String lateContentUrl = late.json().at("/upload/attachment/content_url").asText();
        long lateId = late.json().at("/upload/attachment/id").asLong();

        clock.advance(Duration.ofMinutes(59));
        assertThat(comment(ticket.id(), "{\"body\": \"in time\", \"uploads\": [\"" + inTime + "\"]}").status())
                .isEqualTo(200);
        clock.advance(Duration.ofMinutes(1));

        assertThat(comment(ticket.id(), "{\"body\": \"late\", \"uploads\": [\"" + lateToken + "\"]}").status())
                .isEqualTo(422);
        assertThat(http.get("/api/v2/attachments/" + lateId + ".json").status()).isEqualTo(404);
        assertThat(download(lateContentUrl, AGENT_AUTH).statusCode()).isEqualTo(404);
        assertThat(emulator().attachments(ticket.id())).extracting(ZendeskAttachment::fileName)
                .containsExactly("in-time.txt");
        assertThat(upload("more.txt", "text/plain", new byte[] {1}, lateToken).status()).isEqualTo(422);
    }

    @Test
    void oversizedFilesAre413AndAFileNameIsRequired() {
        TestHttp.Reply tooLarge = upload("huge.bin", "application/octet-stream",
                new byte[ZendeskEmulator.MAX_UPLOAD_BYTES + 1], null);
        HttpRequest noName = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v2/uploads.json"))
                .header("Authorization", AGENT_AUTH).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("x")).build();

        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(send(noName).status()).isEqualTo(400);
    }

    @Test
    void deletingAnUploadRemovesItsFiles() throws Exception {
        TestHttp.Reply uploaded = upload("drop.txt", "text/plain", "drop".getBytes(StandardCharsets.UTF_8), null);
        String token = uploaded.json().at("/upload/token").asText();
        String contentUrl = uploaded.json().at("/upload/attachment/content_url").asText();
        ZendeskTicket ticket = emulator().createTicket("Deleted upload", "body");

        assertThat(http.delete("/api/v2/uploads/" + token + ".json").status()).isEqualTo(204);

        assertThat(download(contentUrl, AGENT_AUTH).statusCode()).isEqualTo(404);
        assertThat(comment(ticket.id(), "{\"body\": \"x\", \"uploads\": [\"" + token + "\"]}").status()).isEqualTo(422);
        assertThat(http.delete("/api/v2/uploads/" + token + ".json").status()).isEqualTo(404);
    }

    @Test
    void eachAttachedFileFiresAnAttachmentLinkedEventAfterCommentAdded() throws Exception {
        try (HookServer hooks = new HookServer()) {
            emulator().addWebhook(hooks.url("/files"), null, List.of("zen:event-type:ticket.comment_added",
                    "zen:event-type:ticket.attachment_linked_to_comment"));
            ZendeskTicket ticket = emulator().createTicket("Events", "body");
            String token = uploadToken("event.txt", "event");

            comment(ticket.id(), "{\"body\": \"note\", \"public\": false, \"uploads\": [\"" + token + "\"]}");
            assertThat(emulator().awaitWebhooks(Duration.ofSeconds(10))).isTrue();

            List<HookServer.Request> received = hooks.delivered("/files");
            assertThat(received).extracting(HookServer.Request::type).containsExactly(
                    "zen:event-type:ticket.comment_added", "zen:event-type:ticket.attachment_linked_to_comment");
            JsonNode comment = lastComment(ticket.id());
            JsonNode event = received.get(1).json().get("event");
            JsonNode file = comment.at("/attachments/0");
            assertThat(event.at("/attachment/id").asText()).isEqualTo(file.get("id").asText());
            assertThat(event.at("/attachment/content_url").asText()).isEqualTo(file.get("content_url").asText());
            assertThat(event.at("/attachment/filename").asText()).isEqualTo("event.txt");
            assertThat(event.at("/attachment/content_type").asText()).isEqualTo("text/plain");
            assertThat(event.at("/attachment/is_public").asBoolean()).isFalse();
            assertThat(event.at("/comment/id").asText()).isEqualTo(comment.get("id").asText());
            assertThat(event.at("/meta/sequence/position").asInt()).isEqualTo(2);
        }
    }

    @Test
    void theAdminApiSeedsCommentsWithAttachments() {
        ZendeskTicket ticket = emulator().createTicket("Seeded files", "body");

        ZendeskComment comment = emulator().addComment(ticket.id(), NewComment.privateNote("logs attached"),
                new NewAttachment("a.log", "text/plain", "aaa".getBytes(StandardCharsets.UTF_8)),
                new NewAttachment("b.log", "text/plain", "bbbb".getBytes(StandardCharsets.UTF_8)));

        assertThat(comment.attachments()).extracting(ZendeskAttachment::fileName, ZendeskAttachment::size)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a.log", 3L),
                        org.assertj.core.groups.Tuple.tuple("b.log", 4L));
        assertThat(emulator().attachments(ticket.id())).isEqualTo(comment.attachments());
        assertThat(new String(emulator().attachmentContent(comment.attachments().get(1).id()), StandardCharsets.UTF_8))
                .isEqualTo("bbbb");
        assertThat(lastComment(ticket.id()).get("attachments")).extracting(a -> a.get("file_name").asText())
                .containsExactly("a.log", "b.log");
    }
}
