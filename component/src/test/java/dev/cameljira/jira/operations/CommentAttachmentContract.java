package dev.cameljira.jira.operations;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.client.JiraInvalidInputException;
import dev.cameljira.jira.client.JiraNotFoundException;
import dev.cameljira.jira.model.AddCommentRequest;
import dev.cameljira.jira.model.JiraAttachment;
import dev.cameljira.jira.model.JiraComment;
import dev.cameljira.sandbox.spec.HttpExchangeRecord;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.FileConsumer;
import org.apache.camel.component.file.GenericFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** addComment, getComments, updateComment, deleteComment, addAttachment and getAttachments against the sandbox. */
abstract class CommentAttachmentContract extends ActivityTestSupport {

    @TempDir
    Path tmp;

    // ---- comments ----------------------------------------------------------------------------------------------

    @Test
    void addCommentCamelJiraStyleStoresRichTextForTheApiVersion() {
        String key = seedIssue("Comment target");
        Exchange ex = send("jira:addComment", "Printer is *still* on fire", Map.of(JiraConstants.LEGACY_ISSUE_KEY, key));
        assertThat(ex.getException()).isNull();

        JiraComment comment = ex.getMessage().getBody(JiraComment.class);
        assertThat(comment.id()).isNotBlank();
        assertThat(comment.body()).contains("Printer is").contains("on fire");
        assertThat(ex.getMessage().getHeader(JiraConstants.COMMENT_ID)).isEqualTo(comment.id());
        assertThat(comment.author().id()).isEqualTo(adminId());

        JsonNode stored = sandbox.admin().issue(key).at("/fields/comment/comments");
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).path("id").asText()).isEqualTo(comment.id());
        if (isCloud()) {
            assertThat(stored.get(0).at("/body/type").asText()).as("v3 stores ADF").isEqualTo("doc");
            assertThat(comment.bodyRaw().path("type").asText()).isEqualTo("doc");
        } else {
            assertThat(stored.get(0).path("body").isTextual()).as("v2 stores wiki text").isTrue();
            assertThat(stored.get(0).path("body").asText()).contains("Printer is");
        }
    }

    @Test
    void addCommentFromMapBodyKeepsRoleVisibility() {
        String key = seedIssue("Restricted comment");
        JiraComment comment = (JiraComment) call("jira:addComment",
                Map.of("body", "Admins only", "visibility", Map.of("type", "role", "value", "Administrators")),
                Map.of(JiraConstants.ISSUE_KEY, key));

        assertThat(comment.visibility().type()).isEqualTo("role");
        assertThat(comment.visibility().value()).isEqualTo("Administrators");
        JsonNode stored = sandbox.admin().issue(key).at("/fields/comment/comments/0");
        assertThat(stored.at("/visibility/type").asText()).isEqualTo("role");
        assertThat(stored.at("/visibility/value").asText()).isEqualTo("Administrators");
    }

    @Test
    void addCommentTypedRequestWithVisibilityHeader() {
        String key = seedIssue("Typed comment");
        JiraComment comment = (JiraComment) call("jira:addComment", AddCommentRequest.of(key, "Typed text"),
                Map.of(JiraConstants.VISIBILITY, "role:Administrators"));
        assertThat(comment.body()).isEqualTo("Typed text");
        assertThat(sandbox.admin().issue(key).at("/fields/comment/comments/0/visibility/value").asText())
                .isEqualTo("Administrators");
    }

    @Test
    void addCommentWithAdfBodyPassesItThroughOnV3AndFlattensItOnV2() {
        String key = seedIssue("ADF comment");
        String adf = "{\"type\":\"doc\",\"version\":1,\"content\":[{\"type\":\"paragraph\",\"content\":["
                     + "{\"type\":\"text\",\"text\":\"Bold move\",\"marks\":[{\"type\":\"strong\"}]}]}]}";
        JiraComment comment = (JiraComment) call("jira:addComment", "{\"body\":" + adf + "}", Map.of(JiraConstants.ISSUE_KEY, key));
        assertThat(comment.body()).isEqualTo("Bold move");
        JsonNode stored = sandbox.admin().issue(key).at("/fields/comment/comments/0/body");
        if (isCloud()) {
            assertThat(stored.at("/content/0/content/0/marks/0/type").asText()).as("ADF kept as sent").isEqualTo("strong");
        } else {
            assertThat(stored.asText()).contains("Bold move");
        }
    }

    @Test
    void addCommentWithMalformedVisibilityFailsBeforeAnyHttpCall() {
        Exchange ex = send("jira:addComment", "text", Map.of(JiraConstants.ISSUE_KEY, "DEMO-1", JiraConstants.VISIBILITY, "admins"));
        assertThat(failsBeforeHttp(ex, JiraInvalidInputException.class)).hasMessageContaining("role:").hasMessageContaining("admins");
    }

    @Test
    void getCommentsReadsEveryPage() {
        String key = seedIssue("Chatty issue");
        int n = 7;
        for (int i = 0; i < n; i++) {
            sandbox.admin().addComment(key, "note " + i);
        }
        sandbox.admin().clearRequests();

        Exchange ex = send("jira:fetchComments?maxResults=3", null, Map.of(JiraConstants.LEGACY_ISSUE_KEY, key));
        assertThat(ex.getException()).isNull();
        @SuppressWarnings("unchecked")
        List<JiraComment> comments = ex.getMessage().getBody(List.class);
        assertThat(comments).hasSize(n);
        assertThat(comments.get(0).body()).isEqualTo("note 0");
        assertThat(comments.get(n - 1).body()).isEqualTo("note " + (n - 1));
        assertThat(comments).extracting(JiraComment::id).doesNotHaveDuplicates();
        assertThat(ex.getMessage().getHeader(JiraConstants.RESULT_COUNT)).isEqualTo(n);
        List<HttpExchangeRecord> pages = requestsTo("GET", "/issue/" + key + "/comment");
        assertThat(pages).as("pages of 3").hasSize(3);
        assertThat(pages).extracting(r -> r.query().get("startAt").get(0)).containsExactly("0", "3", "6");
    }

    @Test
    void getCommentsOfIssueWithoutCommentsIsEmpty() {
        String key = seedIssue("Quiet issue");
        assertThat((List<?>) call("jira:getComments", null, Map.of(JiraConstants.ISSUE_KEY, key))).isEmpty();
    }

    @Test
    void updateCommentReplacesTheText() {
        String key = seedIssue("Edited comment");
        String id = sandbox.admin().addComment(key, "first draft");
        JiraComment updated = (JiraComment) call("jira:updateComment", "final text",
                Map.of(JiraConstants.ISSUE_KEY, key, JiraConstants.COMMENT_ID, id));
        assertThat(updated.id()).isEqualTo(id);
        assertThat(updated.body()).isEqualTo("final text");
        JsonNode stored = sandbox.admin().issue(key).at("/fields/comment/comments/0/body");
        assertThat(isCloud() ? stored.toString() : stored.asText()).contains("final text").doesNotContain("first draft");
    }

    @Test
    void deleteCommentRemovesItAndReturnsTheId() {
        String key = seedIssue("Deleted comment");
        String keep = sandbox.admin().addComment(key, "keep me");
        String id = sandbox.admin().addComment(key, "delete me");
        Object result = call("jira:deleteComment", null, Map.of(JiraConstants.ISSUE_KEY, key, JiraConstants.COMMENT_ID, id));
        assertThat(result).isEqualTo(id);
        JsonNode stored = sandbox.admin().issue(key).at("/fields/comment/comments");
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).path("id").asText()).isEqualTo(keep);
    }

    @Test
    void addCommentWithoutIssueKeyFailsBeforeAnyHttpCall() {
        Exchange ex = send("jira:addComment", "orphan", null);
        assertThat(failsBeforeHttp(ex, JiraInvalidInputException.class))
                .hasMessageContaining("addComment needs the issue key").hasMessageContaining("CamelJiraIssueKey");
    }

    @Test
    void addCommentWithoutTextFailsBeforeAnyHttpCall() {
        Exchange ex = send("jira:addComment", "  ", Map.of(JiraConstants.ISSUE_KEY, "DEMO-1"));
        assertThat(failsBeforeHttp(ex, JiraInvalidInputException.class)).hasMessageContaining("the comment text");
    }

    @Test
    void updateCommentWithoutCommentIdFailsBeforeAnyHttpCall() {
        Exchange ex = send("jira:updateComment", "text", Map.of(JiraConstants.ISSUE_KEY, "DEMO-1"));
        assertThat(failsBeforeHttp(ex, JiraInvalidInputException.class)).hasMessageContaining("CamelJiraCommentId");
    }

    @Test
    void addCommentToUnknownIssueIsNotFoundNamingTheKey() {
        Exchange ex = send("jira:addComment", "hello", Map.of(JiraConstants.ISSUE_KEY, "DEMO-99999"));
        assertThat(ex.getException()).isInstanceOf(JiraNotFoundException.class).hasMessageContaining("DEMO-99999");
    }

    @Test
    void updateUnknownCommentIsNotFoundNamingCommentAndIssue() {
        String key = seedIssue("No such comment");
        Exchange ex = send("jira:updateComment", "text", Map.of(JiraConstants.ISSUE_KEY, key, JiraConstants.COMMENT_ID, "987654"));
        assertThat(ex.getException()).isInstanceOf(JiraNotFoundException.class)
                .hasMessageContaining("987654").hasMessageContaining(key);
    }

    // ---- attachments -------------------------------------------------------------------------------------------

    @Test
    void attachBytesStoresExactlyTheBytesSent() {
        String key = seedIssue("Binary attachment");
        byte[] bytes = new byte[3000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        Exchange ex = send("jira:attach", bytes, Map.of(JiraConstants.LEGACY_ISSUE_KEY, key, JiraConstants.FILE_NAME, "dump.bin"));
        assertThat(ex.getException()).isNull();
        @SuppressWarnings("unchecked")
        List<JiraAttachment> result = ex.getMessage().getBody(List.class);
        assertThat(result).hasSize(1);
        JiraAttachment a = result.get(0);
        assertThat(a.filename()).isEqualTo("dump.bin");
        assertThat(a.size()).isEqualTo(bytes.length);
        assertThat(a.mimeType()).isEqualTo("application/octet-stream");
        assertThat(ex.getMessage().getHeader(JiraConstants.ATTACHMENT_ID)).isEqualTo(a.id());

        HttpExchangeRecord upload = requestsTo("POST", "/issue/" + key + "/attachments").get(0);
        assertThat(upload.requestHeader("X-Atlassian-Token")).isEqualTo("no-check");
        assertThat(upload.requestHeader("Content-Type")).startsWith("multipart/form-data");

        JsonNode stored = sandbox.admin().issue(key).at("/fields/attachment");
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).path("id").asText()).isEqualTo(a.id());
        assertThat(download(a.content())).isEqualTo(bytes);
    }

    @Test
    void attachFileTakesNameFromTheFileAndGuessesTheType() throws Exception {
        String key = seedIssue("File attachment");
        File file = Files.writeString(tmp.resolve("report.txt"), "line 1\nline 2\n").toFile();
        @SuppressWarnings("unchecked")
        List<JiraAttachment> result = (List<JiraAttachment>) call("jira:addAttachment", file, Map.of(JiraConstants.ISSUE_KEY, key));
        JiraAttachment a = result.get(0);
        assertThat(a.filename()).isEqualTo("report.txt");
        assertThat(a.mimeType()).startsWith("text/plain");
        assertThat(download(a.content())).isEqualTo(Files.readAllBytes(file.toPath()));
    }

    @Test
    void attachCamelFileGenericFile() throws Exception {
        String key = seedIssue("camel-file attachment");
        byte[] pdf = "%PDF-1.4 not really".getBytes(StandardCharsets.US_ASCII);
        File file = Files.write(tmp.resolve("scan.pdf"), pdf).toFile();
        GenericFile<File> generic = FileConsumer.asGenericFile(tmp.toString(), file, null, false);
        @SuppressWarnings("unchecked")
        List<JiraAttachment> result = (List<JiraAttachment>) call("jira:attach", generic,
                Map.of(JiraConstants.LEGACY_ISSUE_KEY, key, Exchange.FILE_NAME, generic.getFileName()));
        JiraAttachment a = result.get(0);
        assertThat(a.filename()).isEqualTo("scan.pdf");
        assertThat(a.mimeType()).isEqualTo("application/pdf");
        assertThat(download(a.content())).isEqualTo(pdf);
    }

    @Test
    void attachStringUsesCamelFileNameWithoutDirectoriesAndExplicitContentType() {
        String key = seedIssue("String attachment");
        String csv = "id;name\n1;Zoë\n";
        @SuppressWarnings("unchecked")
        List<JiraAttachment> result = (List<JiraAttachment>) call("jira:addAttachment", csv, Map.of(JiraConstants.ISSUE_KEY, key,
                Exchange.FILE_NAME, "inbox/2026/export.csv", JiraConstants.CONTENT_TYPE, "text/csv"));
        JiraAttachment a = result.get(0);
        assertThat(a.filename()).isEqualTo("export.csv");
        assertThat(a.mimeType()).startsWith("text/csv");
        assertThat(download(a.content())).isEqualTo(csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void attachJsonTextDoesNotMistakeItsKeysForInput() {
        String key = seedIssue("JSON attachment");
        String json = "{\"key\":\"OTHER-1\",\"issueKey\":\"OTHER-2\"}";
        @SuppressWarnings("unchecked")
        List<JiraAttachment> result = (List<JiraAttachment>) call("jira:addAttachment", json,
                Map.of(JiraConstants.ISSUE_KEY, key, JiraConstants.FILE_NAME, "payload.json"));
        assertThat(download(result.get(0).content())).isEqualTo(json.getBytes(StandardCharsets.UTF_8));
        assertThat(sandbox.admin().issue(key).at("/fields/attachment")).hasSize(1);
    }

    @Test
    void attachInputStream() {
        String key = seedIssue("Stream attachment");
        byte[] bytes = "streamed content".getBytes(StandardCharsets.UTF_8);
        @SuppressWarnings("unchecked")
        List<JiraAttachment> result = (List<JiraAttachment>) call("jira:addAttachment", new ByteArrayInputStream(bytes),
                Map.of(JiraConstants.ISSUE_KEY, key, JiraConstants.FILE_NAME, "stream.log"));
        assertThat(result.get(0).size()).isEqualTo(bytes.length);
        assertThat(download(result.get(0).content())).isEqualTo(bytes);
    }

    @Test
    void getAttachmentsListsWhatWasAttached() {
        String key = seedIssue("Two attachments");
        call("jira:addAttachment", "one".getBytes(StandardCharsets.UTF_8), Map.of(JiraConstants.ISSUE_KEY, key, JiraConstants.FILE_NAME, "a.txt"));
        call("jira:addAttachment", "two!".getBytes(StandardCharsets.UTF_8), Map.of(JiraConstants.ISSUE_KEY, key, JiraConstants.FILE_NAME, "b.txt"));
        Exchange ex = send("jira:getAttachments", null, Map.of(JiraConstants.ISSUE_KEY, key));
        assertThat(ex.getException()).isNull();
        @SuppressWarnings("unchecked")
        List<JiraAttachment> all = ex.getMessage().getBody(List.class);
        assertThat(all).extracting(JiraAttachment::filename).containsExactlyInAnyOrder("a.txt", "b.txt");
        assertThat(all).extracting(JiraAttachment::size).containsExactlyInAnyOrder(3L, 4L);
        assertThat(ex.getMessage().getHeader(JiraConstants.RESULT_COUNT)).isEqualTo(2);
    }

    @Test
    void attachBytesWithoutFileNameFailsBeforeAnyHttpCall() {
        Exchange ex = send("jira:addAttachment", new byte[] { 1, 2, 3 }, Map.of(JiraConstants.ISSUE_KEY, "DEMO-1"));
        assertThat(failsBeforeHttp(ex, JiraInvalidInputException.class))
                .hasMessageContaining("file name").hasMessageContaining("CamelJiraFileName");
    }

    @Test
    void attachMissingFileFailsBeforeAnyHttpCall() {
        File missing = tmp.resolve("nope.pdf").toFile();
        Exchange ex = send("jira:addAttachment", missing, Map.of(JiraConstants.ISSUE_KEY, "DEMO-1"));
        assertThat(failsBeforeHttp(ex, JiraInvalidInputException.class))
                .hasMessageContaining("nope.pdf").hasMessageContaining("does not exist");
    }

    @Test
    void attachWithoutIssueKeyFailsBeforeAnyHttpCall() {
        Exchange ex = send("jira:addAttachment", "{\"key\":\"DEMO-1\"}", Map.of(JiraConstants.FILE_NAME, "x.json"));
        assertThat(failsBeforeHttp(ex, JiraInvalidInputException.class))
                .hasMessageContaining("addAttachment needs the issue key").hasMessageContaining("CamelJiraIssueKey");
    }

    @Test
    void attachToUnknownIssueIsNotFoundNamingTheKey() {
        Exchange ex = send("jira:addAttachment", "x", Map.of(JiraConstants.ISSUE_KEY, "DEMO-99999", JiraConstants.FILE_NAME, "x.txt"));
        assertThat(ex.getException()).isInstanceOf(JiraNotFoundException.class).hasMessageContaining("DEMO-99999");
    }
}
