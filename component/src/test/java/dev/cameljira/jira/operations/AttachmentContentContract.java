package dev.cameljira.jira.operations;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.client.JiraContentTooLargeException;
import dev.cameljira.jira.client.JiraInvalidInputException;
import dev.cameljira.jira.client.JiraNotFoundException;
import dev.cameljira.jira.model.JiraAttachment;
import dev.cameljira.sandbox.spec.HttpExchangeRecord;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * getAttachmentContent against the sandbox: what addAttachment stored comes back byte for byte with its name and
 * content type, from the id header, a JiraAttachment or a JSON body; unknown ids, the size limit and retries. Cloud
 * reads {@code /attachment/content/{id}?redirect=false} (spec-checked), Data Center {@code /secure/attachment/{id}/{name}}.
 */
abstract class AttachmentContentContract extends ActivityTestSupport {

    @Override
    protected void configure(CamelContext context) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:roundTrip").to("jira:addAttachment").to("jira:getAttachmentContent");
            }
        });
    }

    private static byte[] binary(int n) {
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        return bytes;
    }

    /** Attaches through the sandbox's REST API via the component's addAttachment and returns the new attachment. */
    @SuppressWarnings("unchecked")
    private JiraAttachment attach(String key, Object content, String fileName) {
        List<JiraAttachment> added = (List<JiraAttachment>) call("jira:addAttachment", content,
                headers(JiraConstants.ISSUE_KEY, key, JiraConstants.FILE_NAME, fileName));
        sandbox.admin().clearRequests();
        return added.get(0);
    }

    /** The requests for the content, whichever URL the deployment uses. */
    private List<HttpExchangeRecord> contentRequests(String id) {
        return sandbox.admin().requests().stream()
                .filter(r -> r.method().equals("GET") && (r.path().endsWith("/attachment/content/" + id)
                                                          || r.path().startsWith("/secure/attachment/" + id + "/")))
                .toList();
    }

    private String contentPathPrefix() {
        return isCloud() ? api() + "/attachment/content/" : "/secure/attachment/";
    }

    @Test
    void fileAttachedWithAddAttachmentComesBackByteForByteInTheSameRoute() {
        String key = seedIssue("Round trip");
        byte[] bytes = binary(3000);

        Exchange ex = send("direct:roundTrip", bytes, headers(JiraConstants.ISSUE_KEY, key, JiraConstants.FILE_NAME, "scan.pdf"));

        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getBody()).isInstanceOf(byte[].class);
        assertThat(ex.getMessage().getBody(byte[].class)).isEqualTo(bytes);
        assertThat(ex.getMessage().getHeader(JiraConstants.FILE_NAME)).isEqualTo("scan.pdf");
        assertThat(ex.getMessage().getHeader(JiraConstants.CONTENT_TYPE)).isEqualTo("application/pdf");
        assertThat(ex.getMessage().getHeader(Exchange.CONTENT_LENGTH)).isEqualTo(3000L);
    }

    @Test
    void idHeaderAloneGivesContentNameAndTypeFromJira() {
        String key = seedIssue("Download by id");
        byte[] bytes = binary(4097);
        String id = attach(key, bytes, "dump.bin").id();

        Exchange ex = send("jira:getAttachmentContent", null, Map.of(JiraConstants.ATTACHMENT_ID, id));

        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getBody(byte[].class)).isEqualTo(bytes);
        assertThat(ex.getMessage().getHeader(JiraConstants.ATTACHMENT_ID)).isEqualTo(id);
        assertThat(ex.getMessage().getHeader(JiraConstants.FILE_NAME)).isEqualTo("dump.bin");
        assertThat(ex.getMessage().getHeader(JiraConstants.CONTENT_TYPE)).isEqualTo("application/octet-stream");
        assertThat(ex.getMessage().getHeader(Exchange.CONTENT_LENGTH)).isEqualTo(4097L);

        assertThat(requestsTo("GET", api() + "/attachment/" + id)).as("metadata read once").hasSize(1);
        List<HttpExchangeRecord> content = contentRequests(id);
        assertThat(content).hasSize(1);
        if (isCloud()) {
            assertThat(content.get(0).path()).isEqualTo(api() + "/attachment/content/" + id);
            assertThat(content.get(0).query().get("redirect")).as("bytes directly, no redirect to the media host")
                    .containsExactly("false");
        } else {
            assertThat(content.get(0).path()).as("Data Center's REST API has no content resource")
                    .isEqualTo("/secure/attachment/" + id + "/dump.bin");
        }
        assertThat(content.get(0).requestHeader("Authorization")).startsWith("Basic ");
    }

    @Test
    void nameWithSpacesAndNonAsciiCharactersSurvives() {
        String key = seedIssue("Odd name");
        String name = "Q3 report – final (v2).txt";
        byte[] text = "Zoë's numbers\n".getBytes(StandardCharsets.UTF_8);
        JiraAttachment added = attach(key, text, name);
        assertThat(added.filename()).as("addAttachment sends the name as it is, not percent-encoded").isEqualTo(name);

        Exchange ex = send("jira:getAttachmentContent", null, Map.of(JiraConstants.ATTACHMENT_ID, added.id()));

        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getBody(byte[].class)).isEqualTo(text);
        assertThat(ex.getMessage().getHeader(JiraConstants.FILE_NAME)).isEqualTo(name);
        assertThat(ex.getMessage().getHeader(JiraConstants.CONTENT_TYPE, String.class)).startsWith("text/plain");
    }

    @Test
    void jiraAttachmentBodiesFromGetAttachmentsNeedNoMetadataCall() {
        String key = seedIssue("Two files");
        byte[] one = "first file".getBytes(StandardCharsets.UTF_8);
        byte[] two = binary(777);
        attach(key, one, "one.txt");
        attach(key, two, "two.bin");
        @SuppressWarnings("unchecked")
        List<JiraAttachment> all = (List<JiraAttachment>) call("jira:getAttachments", null, Map.of(JiraConstants.ISSUE_KEY, key));
        sandbox.admin().clearRequests();

        for (JiraAttachment a : all) {
            Exchange ex = send("jira:getAttachmentContent", a, null);
            assertThat(ex.getException()).isNull();
            assertThat(ex.getMessage().getBody(byte[].class)).isEqualTo(a.filename().equals("one.txt") ? one : two);
            assertThat(ex.getMessage().getHeader(JiraConstants.FILE_NAME)).isEqualTo(a.filename());
            assertThat(requestsTo("GET", api() + "/attachment/" + a.id())).as("the body carries the metadata").isEmpty();
        }
        assertThat(sandbox.admin().requests()).as("one content request per attachment").hasSize(2);
    }

    @Test
    void jsonBodyNamesTheAttachment() {
        String key = seedIssue("JSON input");
        byte[] bytes = binary(10);
        String id = attach(key, bytes, "ten.bin").id();

        Object content = call("jira:getAttachmentContent", "{\"attachmentId\": \"" + id + "\"}", null);

        assertThat(content).isEqualTo(bytes);
    }

    @Test
    void emptyFileComesBackEmpty() {
        String key = seedIssue("Empty file");
        String id = attach(key, new byte[0], "empty.txt").id();

        Exchange ex = send("jira:getAttachmentContent", null, Map.of(JiraConstants.ATTACHMENT_ID, id));

        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getBody(byte[].class)).isEmpty();
        assertThat(ex.getMessage().getHeader(Exchange.CONTENT_LENGTH)).isEqualTo(0L);
    }

    @Test
    void unknownIdIsNotFoundNamingTheAttachment() {
        Exchange ex = send("jira:getAttachmentContent", null, Map.of(JiraConstants.ATTACHMENT_ID, "987654"));

        assertThat(ex.getException()).isInstanceOf(JiraNotFoundException.class)
                .hasMessageContaining("ttachment 987654").hasMessageContaining("404");
        assertThat(contentRequests("987654")).as("no content request for an unknown attachment").isEmpty();
    }

    @Test
    void missingIdFailsBeforeAnyHttpCall() {
        Exchange ex = send("jira:getAttachmentContent", null, Map.of(JiraConstants.ISSUE_KEY, "DEMO-1"));

        assertThat(failsBeforeHttp(ex, JiraInvalidInputException.class))
                .hasMessageContaining("getAttachmentContent needs the attachment id")
                .hasMessageContaining(JiraConstants.ATTACHMENT_ID).hasMessageContaining("attachmentId");
    }

    @Test
    void tooLargeByItsMetadataFailsWithoutRequestingTheContent() {
        String key = seedIssue("Big file");
        String id = attach(key, binary(2048), "big.bin").id();

        Exchange ex = send("jira:getAttachmentContent?maxAttachmentSize=1024", null, Map.of(JiraConstants.ATTACHMENT_ID, id));

        JiraContentTooLargeException e = (JiraContentTooLargeException) ex.getException();
        assertThat(e).isInstanceOf(JiraInvalidInputException.class)
                .hasMessageContaining("ttachment " + id).hasMessageContaining("2048 bytes").hasMessageContaining("1024 bytes")
                .hasMessageContaining("maxAttachmentSize");
        assertThat(e.getSize()).isEqualTo(2048);
        assertThat(e.getLimit()).isEqualTo(1024);
        assertThat(contentRequests(id)).as("the content is never asked for").isEmpty();
    }

    @Test
    void tooLargeByContentLengthFailsWithoutReadingTheBody() {
        String key = seedIssue("Big file, stale size");
        JiraAttachment real = attach(key, binary(2048), "big.bin");
        // a JiraAttachment that understates its size passes the metadata check: Content-Length stops it
        JiraAttachment stale = new JiraAttachment(real.id(), real.filename(), 10, real.mimeType(), real.content(),
                real.author(), real.created(), real.raw());

        Exchange ex = send("jira:getAttachmentContent", stale, Map.of(JiraConstants.MAX_ATTACHMENT_SIZE, 1024));

        JiraContentTooLargeException e = (JiraContentTooLargeException) ex.getException();
        assertThat(e).hasMessageContaining("2048 bytes").hasMessageContaining("Content-Length")
                .hasMessageContaining(JiraConstants.MAX_ATTACHMENT_SIZE);
        assertThat(e.getSize()).isEqualTo(2048);
        assertThat(contentRequests(real.id())).hasSize(1);
        assertThat(ex.getMessage().getBody()).as("the body is not replaced").isSameAs(stale);
    }

    @Test
    void limitHeaderOverridesTheOption() {
        String key = seedIssue("Header limit");
        byte[] bytes = binary(2048);
        String id = attach(key, bytes, "big.bin").id();

        Object content = call("jira:getAttachmentContent?maxAttachmentSize=1024", null,
                headers(JiraConstants.ATTACHMENT_ID, id, JiraConstants.MAX_ATTACHMENT_SIZE, "4096"));
        assertThat(content).isEqualTo(bytes);

        Exchange ex = send("jira:getAttachmentContent", null,
                headers(JiraConstants.ATTACHMENT_ID, id, JiraConstants.MAX_ATTACHMENT_SIZE, 2047L));
        assertThat(ex.getException()).isInstanceOf(JiraContentTooLargeException.class);
    }

    @Test
    void invalidLimitFailsBeforeAnyHttpCall() {
        Exchange ex = send("jira:getAttachmentContent", null,
                headers(JiraConstants.ATTACHMENT_ID, "10000", JiraConstants.MAX_ATTACHMENT_SIZE, "lots"));
        assertThat(failsBeforeHttp(ex, JiraInvalidInputException.class))
                .hasMessageContaining(JiraConstants.MAX_ATTACHMENT_SIZE).hasMessageContaining("lots");

        Exchange zero = send("jira:getAttachmentContent?maxAttachmentSize=0", null, Map.of(JiraConstants.ATTACHMENT_ID, "10000"));
        assertThat(failsBeforeHttp(zero, JiraInvalidInputException.class)).hasMessageContaining("between 1 and");
    }

    @Test
    void contentRequestIsRetriedLikeAnyGet() {
        String key = seedIssue("Flaky download");
        byte[] bytes = binary(500);
        String id = attach(key, bytes, "flaky.bin").id();
        sandbox.admin().faults().failNext("GET", contentPathPrefix() + id, 503, 1);

        Object content = call("jira:getAttachmentContent?jiraClient=#recordingClient", null, Map.of(JiraConstants.ATTACHMENT_ID, id));

        assertThat(content).isEqualTo(bytes);
        assertThat(contentRequests(id)).as("503, then the bytes").hasSize(2);
        synchronized (sleeps) {
            assertThat(sleeps).as("Retry-After of the 503").containsExactly(Duration.ofSeconds(1));
        }
    }
}
