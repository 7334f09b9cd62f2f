package dev.cameljira.jira.consumer.webhook;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.model.ChangeItem;
import dev.cameljira.jira.model.JiraEvent;
import dev.cameljira.jira.model.JiraUser;
import dev.cameljira.sandbox.spec.Oracles;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real webhook payloads captured from Jira Cloud and Server ({@code shared/oracles/jira-webhooks}) posted, signed,
 * to a receive-only {@code jira:webhook} (no jiraUrl): each must reach the route as a {@link JiraEvent} whose type,
 * issue, project, changelog, comment and user are those of the payload, with the matching headers.
 */
class WebhookOraclePayloadsTest extends WebhookReceiverTestSupport {

    private static final String SECRET = "oracle-secret";
    private static final String PATH = "/oracle/webhook";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebhookHttp.Recorder recorder = new WebhookHttp.Recorder();

    @Override
    protected void routes(RouteBuilder builder) {
        builder.from("jira:webhook?webhookPath=" + PATH + "&secret=" + SECRET + "&events=*").process(recorder::record);
    }

    @BeforeEach
    void clear() {
        recorder.clear();
    }

    private static List<Path> payloadFiles() throws IOException {
        Path dir = Oracles.require(Oracles.WEBHOOKS_DIR);
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyRealPayloadBecomesTheMatchingEvent() throws IOException {
        List<Path> files = payloadFiles();
        assertThat(files).as("captured payloads in %s", Oracles.WEBHOOKS_DIR).hasSizeGreaterThanOrEqualTo(16);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> checkPayload(f)));
    }

    private void checkPayload(Path file) throws IOException {
        recorder.clear();
        byte[] body = Files.readAllBytes(file);
        JsonNode payload = JSON.readTree(body);
        String deliveryId = UUID.randomUUID().toString();

        HttpResponse<String> response = http.deliver(PATH, SECRET, body, deliveryId);

        assertThat(response.statusCode()).as("status for %s: %s", file.getFileName(), response.body()).isEqualTo(200);
        List<WebhookHttp.Received> received = recorder.all();
        assertThat(received).hasSize(1);
        JiraEvent e = received.get(0).event();
        WebhookHttp.Received r = received.get(0);

        assertThat(e.type()).isEqualTo(payload.get("webhookEvent").asText());
        assertThat(e.timestamp()).isEqualTo(Instant.ofEpochMilli(payload.get("timestamp").asLong()));
        assertThat(e.source()).isEqualTo(JiraEvent.Source.WEBHOOK);
        assertThat(e.eventId()).isEqualTo(deliveryId);
        assertThat(e.issueEventType()).isEqualTo(text(payload.get("issue_event_type_name")));
        assertThat(e.raw()).isEqualTo(payload);

        JsonNode issue = payload.get("issue");
        assertThat(e.issueKey()).isEqualTo(issue == null ? null : issue.get("key").asText());
        if (issue != null) {
            assertThat(e.issueId()).isEqualTo(issue.get("id").asText());
        }
        String projectKey = issue != null ? text(issue.at("/fields/project/key")) : text(payload.at("/project/key"));
        assertThat(e.projectKey()).isEqualTo(projectKey);
        if (payload.has("project")) {
            assertThat(e.project().id()).isEqualTo(payload.at("/project/id").asText());
            assertThat(e.project().name()).isEqualTo(payload.at("/project/name").asText());
        }

        assertChangelog(payload, e);
        assertComment(payload, e);
        assertUser(expectedUser(payload), e.user());

        assertThat(r.header(JiraConstants.EVENT_TYPE)).isEqualTo(e.type());
        assertThat(r.header(JiraConstants.EVENT_SOURCE)).isEqualTo("WEBHOOK");
        assertThat(r.header(JiraConstants.EVENT_ID)).isEqualTo(deliveryId);
        assertThat(r.header(JiraConstants.ISSUE_KEY)).isEqualTo(e.issueKey());
        assertThat(r.header(JiraConstants.ISSUE_ID)).isEqualTo(e.issueId());
        assertThat(r.header(JiraConstants.PROJECT_KEY)).isEqualTo(projectKey);
        List<String> changed = new ArrayList<>();
        payload.at("/changelog/items").forEach(i -> {
            String name = i.hasNonNull("fieldId") ? i.get("fieldId").asText() : i.get("field").asText();
            if (!changed.contains(name)) {
                changed.add(name);
            }
        });
        assertThat(r.header(JiraConstants.CHANGED_FIELDS)).isEqualTo(changed);
    }

    private static void assertChangelog(JsonNode payload, JiraEvent e) {
        JsonNode changelog = payload.get("changelog");
        if (changelog == null) {
            assertThat(e.changelog()).isEmpty();
            assertThat(e.changelogId()).isNull();
            return;
        }
        assertThat(e.changelogId()).isEqualTo(changelog.get("id").asText());
        JsonNode items = changelog.get("items");
        assertThat(e.changelog()).hasSize(items.size());
        for (int i = 0; i < items.size(); i++) {
            JsonNode want = items.get(i);
            ChangeItem got = e.changelog().get(i);
            assertThat(got.field()).isEqualTo(text(want.get("field")));
            assertThat(got.fieldId()).isEqualTo(text(want.get("fieldId")));
            assertThat(got.from()).isEqualTo(text(want.get("from")));
            assertThat(got.fromText()).isEqualTo(text(want.get("fromString")));
            assertThat(got.to()).isEqualTo(text(want.get("to")));
            assertThat(got.toText()).isEqualTo(text(want.get("toString")));
        }
    }

    private static void assertComment(JsonNode payload, JiraEvent e) {
        JsonNode comment = payload.get("comment");
        if (comment == null) {
            assertThat(e.comment()).isNull();
            return;
        }
        assertThat(e.comment().id()).isEqualTo(comment.get("id").asText());
        assertThat(e.comment().body()).isEqualTo(comment.get("body").asText());
        assertThat(e.comment().bodyRaw()).isEqualTo(comment.get("body"));
        assertUser(comment.get("author"), e.comment().author());
    }

    /** The payload's user; comment events carry none, then the comment's updateAuthor (or author) caused it. */
    private static JsonNode expectedUser(JsonNode payload) {
        if (payload.hasNonNull("user")) {
            return payload.get("user");
        }
        JsonNode comment = payload.get("comment");
        if (comment != null) {
            return comment.hasNonNull("updateAuthor") ? comment.get("updateAuthor") : comment.get("author");
        }
        return null;
    }

    private static void assertUser(JsonNode want, JiraUser got) {
        if (want == null) {
            assertThat(got).isNull();
            return;
        }
        assertThat(got).isNotNull();
        assertThat(got.accountId()).isEqualTo(text(want.get("accountId")));
        assertThat(got.name()).isEqualTo(text(want.get("name")));
        assertThat(got.key()).isEqualTo(text(want.get("key")));
        assertThat(got.displayName()).isEqualTo(text(want.get("displayName")));
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? null : n.asText();
    }

    // ---- the Server variants, checked by name ----

    private Path oracle(String name) {
        return Oracles.require(Oracles.WEBHOOKS_DIR + "/" + name);
    }

    @Test
    void serverCommentWithoutIssueNamesTheIssueIdFromTheCommentUrl() throws IOException {
        byte[] body = Files.readAllBytes(oracle("mattermost_webhook-server-comment-created.json"));
        assertThat(http.deliver(PATH, SECRET, body, UUID.randomUUID().toString()).statusCode()).isEqualTo(200);

        WebhookHttp.Received r = recorder.all().get(0);
        assertThat(r.event().type()).isEqualTo("comment_created");
        assertThat(r.event().issue()).as("Server sends no issue with comment_created").isNull();
        assertThat(r.header(JiraConstants.ISSUE_ID)).as("from comment.self .../issue/10013/comment/10082").isEqualTo("10013");
        assertThat(r.event().comment().body()).isEqualTo("unik");
        assertThat(r.event().user().name()).isEqualTo("levbrouk");
        assertThat(r.event().user().key()).isEqualTo("levbrouk");
        assertThat(r.event().user().accountId()).isNull();
        assertThat(r.header(JiraConstants.COMMENT_ID)).isEqualTo("10082");
    }

    @Test
    void serverIssueCommentedUpdateCarriesTheComment() throws IOException {
        byte[] body = Files.readAllBytes(oracle("mattermost_webhook-server-issue-updated-commented-1.json"));
        assertThat(http.deliver(PATH, SECRET, body, UUID.randomUUID().toString()).statusCode()).isEqualTo(200);

        JiraEvent e = recorder.all().get(0).event();
        assertThat(e.type()).isEqualTo("jira:issue_updated");
        assertThat(e.issueEventType()).isEqualTo("issue_commented");
        assertThat(e.issueKey()).isEqualTo("PRJX-14");
        assertThat(e.comment().id()).isEqualTo("10082");
        assertThat(e.user().name()).isEqualTo("levbrouk");
        assertThat(e.changelog()).isEmpty();
    }

    @Test
    void changelogIdAsNumberReadsLikeAString() throws IOException {
        ObjectNode payload = (ObjectNode) JSON.readTree(Files.readAllBytes(oracle("jenkins_issue_updated_status_updated.json")));
        String id = payload.at("/changelog/id").asText();
        ((ObjectNode) payload.get("changelog")).put("id", Long.parseLong(id));
        byte[] body = JSON.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8);

        assertThat(http.deliver(PATH, SECRET, body, UUID.randomUUID().toString()).statusCode()).isEqualTo(200);

        JiraEvent e = recorder.all().get(0).event();
        assertThat(e.changelogId()).isEqualTo(id);
        assertThat(e.changelog()).extracting(ChangeItem::field).containsExactly("resolution", "status");
        assertThat(e.changelog().get(1).toText()).isEqualTo("Done");
        assertThat(e.user().name()).isEqualTo("admin");
    }
}
