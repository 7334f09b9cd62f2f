package dev.cameljira.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.webhook.WebhookDelivery;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Admin webhooks: registration, signed deliveries shaped like real Jira captures, retries, duplicates. */
class WebhookTest {

    private static final String SECRET = "s3cr3t-for-hmac";
    private static final List<String> ISSUE_PATHS = List.of("/webhookEvent", "/timestamp", "/issue_event_type_name", "/issue/key",
            "/issue/id", "/issue/self", "/issue/fields/project/key", "/issue/fields/summary", "/issue/fields/status/name",
            "/issue/fields/created", "/issue/fields/updated");

    private JiraSandbox sandbox;
    private WebhookReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
        if (sandbox != null) {
            sandbox.close();
            SpecCheck.assertConforms(sandbox);
        }
    }

    private JiraSandbox sandbox(JiraSandbox.Mode mode) {
        sandbox = JiraSandbox.builder().mode(mode).webhookRetryDelay(Duration.ofMillis(20)).validateAgainstSpec(true).build();
        return sandbox;
    }

    private String register(Client client, String events, String filter) {
        Client.Resp r = client.post("/rest/webhooks/1.0/webhook", "{\"name\":\"test\",\"url\":\"" + receiver.url("/hook") + "\","
                + "\"events\":" + events + ",\"filters\":{\"issue-related-events-section\":" + Client.json(filter) + "},"
                + "\"excludeBody\":false,\"secret\":\"" + SECRET + "\"}");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().get("self").asText();
    }

    private static void assertSamePaths(JsonNode ours, JsonNode oracle, List<String> pointers) {
        for (String p : pointers) {
            assertThat(oracle.at(p).isMissingNode()).as("oracle has %s", p).isFalse();
            assertThat(ours.at(p).isMissingNode()).as("payload has %s: %s", p, ours).isFalse();
            assertThat(ours.at(p).getNodeType()).as("type of %s", p).isEqualTo(oracle.at(p).getNodeType());
        }
    }

    private List<WebhookDelivery> awaitDeliveries(int count) {
        return org.awaitility.Awaitility.await("" + count + " webhook deliveries").atMost(java.time.Duration.ofSeconds(10))
                .pollInterval(java.time.Duration.ofMillis(20))
                .until(() -> sandbox.admin().deliveries(), d -> d.size() >= count);
    }

    private static String hmac(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void registrationIsAdminOnlyAndRoundTrips() {
        sandbox(JiraSandbox.Mode.CLOUD);
        String body = "{\"name\":\"n\",\"url\":\"" + receiver.url("/x") + "\",\"events\":[\"jira:issue_created\"]}";
        assertThat(Client.user(sandbox).post("/rest/webhooks/1.0/webhook", body).status()).isEqualTo(403);
        assertThat(Client.user(sandbox).get("/rest/webhooks/1.0/webhook").status()).isEqualTo(403);
        Client admin = Client.admin(sandbox);
        String self = register(admin, "[\"jira:issue_created\"]", "project = DEMO");
        String path = self.substring(sandbox.baseUrl().length());
        assertThat(path).matches("/rest/webhooks/1\\.0/webhook/\\d+");
        JsonNode got = admin.get(path).json();
        assertThat(got.get("name").asText()).isEqualTo("test");
        assertThat(got.get("url").asText()).isEqualTo(receiver.url("/hook"));
        assertThat(got.get("events")).extracting(JsonNode::asText).containsExactly("jira:issue_created");
        assertThat(got.at("/filters/issue-related-events-section").asText()).isEqualTo("project = DEMO");
        assertThat(got.get("enabled").asBoolean()).isTrue();
        assertThat(got.toString()).doesNotContain(SECRET);
        JsonNode replaced = admin.put(path, "{\"name\":\"renamed\",\"url\":\"" + receiver.url("/other") + "\","
                + "\"events\":[\"comment_created\"],\"enabled\":false}").json();
        assertThat(replaced.get("name").asText()).isEqualTo("renamed");
        assertThat(replaced.get("enabled").asBoolean()).isFalse();
        assertThat(replaced.at("/filters/issue-related-events-section").asText()).as("replaced, not merged").isEmpty();
        assertThat(admin.get("/rest/webhooks/1.0/webhook").json()).hasSize(1);
        assertThat(sandbox.admin().webhooks()).hasSize(1);
        assertThat(admin.delete(path).status()).isEqualTo(204);
        assertThat(admin.get(path).status()).isEqualTo(404);
        Client.Resp invalid = admin.post("/rest/webhooks/1.0/webhook", "{\"name\":\"x\",\"url\":\"not a url\",\"events\":[]}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").has("url")).isTrue();
        assertThat(invalid.json().get("errors").has("events")).isTrue();
        SpecCheck.expectRequestViolations(sandbox, "jira.webhook.request");
    }

    @Test
    void issueCreatedIsSignedAndShapedLikeJiraCloud() throws Exception {
        sandbox(JiraSandbox.Mode.CLOUD);
        register(Client.admin(sandbox), "[\"jira:issue_created\",\"jira:issue_updated\",\"comment_created\"]", "");
        String key = sandbox.admin().createIssue("DEMO", "Task", "Hooked", Map.of("description", "from a test"));

        WebhookReceiver.Received created = receiver.nextEvent("jira:issue_created");
        assertThat(created.header("Content-Type")).startsWith("application/json");
        assertThat(created.header("X-Hub-Signature")).isEqualTo(hmac(created.body()));
        assertThat(MessageDigest.isEqual(created.header("X-Hub-Signature").getBytes(), hmac(created.body()).getBytes())).isTrue();
        assertThat(created.header("X-Atlassian-Webhook-Identifier")).isNotBlank();
        JsonNode payload = Client.MAPPER.readTree(created.body());
        assertThat(payload.at("/issue/key").asText()).isEqualTo(key);
        assertThat(payload.at("/issue/fields/description").asText()).as("payloads use v2 strings").isEqualTo("from a test");
        JsonNode oracle = OracleFiles.webhook("pinpt-cloud_jira_issue_created.json");
        assertSamePaths(payload, oracle, ISSUE_PATHS);
        assertSamePaths(payload, oracle, List.of("/user/accountId", "/user/displayName", "/changelog/id", "/changelog/items/0/field"));

        sandbox.admin().updateIssue(key, Map.of("summary", "Hooked again"));
        JsonNode updated = Client.MAPPER.readTree(receiver.nextEvent("jira:issue_updated").body());
        JsonNode updatedOracle = OracleFiles.webhook("pinpt-cloud_jira_issue_updated.json");
        assertSamePaths(updated, updatedOracle, ISSUE_PATHS);
        assertSamePaths(updated, updatedOracle, List.of("/changelog/items/0/field", "/changelog/items/0/fromString",
                "/changelog/items/0/toString", "/user/accountId"));
        assertThat(updated.at("/changelog/items/0/field").asText()).isEqualTo("summary");
        assertThat(updated.at("/changelog/items/0/toString").asText()).isEqualTo("Hooked again");

        sandbox.admin().addComment(key, "a comment");
        JsonNode comment = Client.MAPPER.readTree(receiver.nextEvent("comment_created").body());
        JsonNode commentOracle = OracleFiles.webhook("pinpt-cloud_comment_created.json");
        assertSamePaths(comment, commentOracle, List.of("/webhookEvent", "/comment/id", "/comment/body", "/comment/author/accountId",
                "/comment/created", "/issue/key", "/issue/id", "/issue/fields/project/key", "/issue/fields/status/name"));
        assertThat(comment.at("/comment/body").asText()).isEqualTo("a comment");
    }

    @Test
    void serverPayloadsNameUsersByNameAndKey() throws Exception {
        sandbox(JiraSandbox.Mode.SERVER);
        register(Client.basic(sandbox, SandboxUsers.ADMIN_NAME, SandboxUsers.ADMIN_TOKEN), "[\"jira:issue_updated\"]", "");
        String key = sandbox.admin().createIssue("DEMO", "Task", "server hook");
        sandbox.admin().transition(key, "In Progress");
        JsonNode payload = Client.MAPPER.readTree(receiver.nextEvent("jira:issue_updated").body());
        JsonNode oracle = OracleFiles.webhook("jenkins_issue_updated_status_updated.json");
        assertSamePaths(payload, oracle, List.of("/webhookEvent", "/user/name", "/user/key", "/issue/key", "/issue/id",
                "/issue/fields/project/key", "/changelog/id", "/changelog/items/0/field", "/changelog/items/0/toString"));
        assertThat(payload.at("/user/accountId").isMissingNode()).isTrue();
        assertThat(payload.at("/changelog/items/0/field").asText()).isEqualTo("status");
        assertThat(payload.at("/changelog/items/0/toString").asText()).isEqualTo("In Progress");
    }

    @Test
    void failedDeliveriesAreRetriedWithTheSameIdentifier() throws Exception {
        sandbox(JiraSandbox.Mode.CLOUD);
        register(Client.admin(sandbox), "[\"jira:issue_created\"]", "");
        receiver.respondWith(500, 503);
        sandbox.admin().createIssue("DEMO", "Task", "flaky receiver");
        WebhookReceiver.Received first = receiver.next();
        WebhookReceiver.Received second = receiver.next();
        WebhookReceiver.Received third = receiver.next();
        assertThat(first.header("X-Atlassian-Webhook-Retry")).isNull();
        assertThat(second.header("X-Atlassian-Webhook-Retry")).isEqualTo("1");
        assertThat(third.header("X-Atlassian-Webhook-Retry")).isEqualTo("2");
        String id = first.header("X-Atlassian-Webhook-Identifier");
        assertThat(second.header("X-Atlassian-Webhook-Identifier")).isEqualTo(id);
        assertThat(third.header("X-Atlassian-Webhook-Identifier")).isEqualTo(id);
        assertThat(third.body()).isEqualTo(first.body());
        assertThat(third.header("X-Hub-Signature")).isEqualTo(hmac(third.body()));

        List<WebhookDelivery> deliveries = awaitDeliveries(3);
        assertThat(deliveries).extracting(WebhookDelivery::status).containsExactly(500, 503, 200);
        assertThat(deliveries).extracting(WebhookDelivery::identifier).containsOnly(id);
    }

    @Test
    void deliveriesGiveUpAfterFiveAttempts() throws Exception {
        sandbox(JiraSandbox.Mode.CLOUD);
        register(Client.admin(sandbox), "[\"jira:issue_created\"]", "");
        receiver.respondWith(500, 500, 500, 500, 500, 500);
        sandbox.admin().createIssue("DEMO", "Task", "never acknowledged");
        for (int i = 0; i < 5; i++) {
            receiver.next();
        }
        sandbox.admin().createIssue("DEMO", "Task", "next event");
        WebhookReceiver.Received next = receiver.next();
        assertThat(new String(next.body(), StandardCharsets.UTF_8)).as("no sixth attempt of the first event").contains("next event");
    }

    @Test
    void duplicateDeliveriesShareTheIdentifier() throws Exception {
        sandbox(JiraSandbox.Mode.CLOUD);
        register(Client.admin(sandbox), "[\"jira:issue_created\"]", "");
        sandbox.admin().faults().duplicateWebhookDeliveries(true);
        sandbox.admin().createIssue("DEMO", "Task", "twice");
        WebhookReceiver.Received a = receiver.next();
        WebhookReceiver.Received b = receiver.next();
        assertThat(b.header("X-Atlassian-Webhook-Identifier")).isEqualTo(a.header("X-Atlassian-Webhook-Identifier"));
        assertThat(b.body()).isEqualTo(a.body());
    }

    @Test
    void eventsAreFilteredByRegistrationAndJql() throws Exception {
        sandbox(JiraSandbox.Mode.CLOUD);
        register(Client.admin(sandbox), "[\"jira:issue_created\",\"project_created\"]", "issuetype = Bug");
        sandbox.admin().createIssue("DEMO", "Task", "not a bug");
        sandbox.admin().addComment(sandbox.admin().createIssue("DEMO", "Bug", "a bug"), "comments are not subscribed");
        JsonNode first = Client.MAPPER.readTree(receiver.next().body());
        assertThat(first.at("/issue/fields/summary").asText()).isEqualTo("a bug");
        Client.admin(sandbox).post("/rest/api/3/project", "{\"key\":\"HOOK\",\"name\":\"Hooked\",\"projectTypeKey\":\"software\","
                + "\"leadAccountId\":\"" + SandboxUsers.ADMIN_ACCOUNT_ID + "\"}");
        JsonNode project = Client.MAPPER.readTree(receiver.next().body());
        assertThat(project.get("webhookEvent").asText()).isEqualTo("project_created");
        assertSamePaths(project, OracleFiles.webhook("pinpt-cloud_project_created.json"),
                List.of("/project/id", "/project/key", "/project/projectLead/accountId"));
    }
}
