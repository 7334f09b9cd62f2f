package dev.cameljira.examples.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.model.JiraEvent;
import dev.cameljira.jira.model.JiraIssue;
import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.SandboxUsers;
import dev.cameljira.sandbox.spec.Oracles;
import dev.cameljira.sandbox.webhook.WebhookDelivery;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.camel.ProducerTemplate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The example application booted by Quarkus (JVM mode) against an offline Jira Cloud: the producer route creates
 * issues in it, and the {@code jira:webhook} route is served by Quarkus' own HTTP server, authenticates deliveries and
 * routes them as {@link JiraEvent}s, both for a real captured Jira payload and end to end from the sandbox.
 */
@QuarkusTest
@WithTestResource(JiraSandboxResource.class)
class JiraQuarkusExampleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DELIVERY_WAIT = Duration.ofSeconds(20);

    @InjectJiraSandbox
    JiraSandbox jira;

    @Inject
    ProducerTemplate template;

    @Inject
    JiraEventLog eventLog;

    @Inject
    EventLoopWebhookRoute eventLoopRoute;

    /** The webhook path on Quarkus' own HTTP server (random test port). */
    @TestHTTPResource("/jira/webhook")
    URI webhookUri;

    @ConfigProperty(name = "jira.webhook.secret")
    String secret;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void exchangesFollowedAtlassiansSpec() {
        // empty when the oracles are absent (no validation), else every REST call the app made was per the spec
        assertThat(jira.admin().specViolations()).isEmpty();
    }

    @Test
    void createIssueRouteCreatesTheIssueInJira() throws IOException {
        String summary = "Printer on floor 3 is on fire " + UUID.randomUUID();
        JiraIssue created = template.requestBodyAndHeaders("direct:create-issue", null,
                Map.of(JiraConstants.SUMMARY, summary, JiraConstants.DESCRIPTION, "Reported through **Camel Quarkus**"),
                JiraIssue.class);

        assertThat(created.key()).startsWith(SandboxUsers.DEMO_PROJECT_KEY + "-");
        JsonNode stored = issueInJira(created.key());
        assertThat(stored.at("/fields/summary").asText()).isEqualTo(summary);
        assertThat(stored.at("/fields/project/key").asText()).isEqualTo(SandboxUsers.DEMO_PROJECT_KEY);
        assertThat(stored.at("/fields/issuetype/name").asText()).isEqualTo("Task");
        assertThat(stored.at("/fields/reporter/accountId").asText()).isEqualTo(SandboxUsers.ADMIN_ACCOUNT_ID);
        // Cloud gets the description as ADF (REST v3): the Markdown bold became a strong mark
        JsonNode text = stored.at("/fields/description/content/0/content");
        assertThat(text.findValuesAsText("text")).contains("Camel Quarkus");
        assertThat(text.toString()).contains("\"strong\"");
    }

    @Test
    void signedJiraWebhookIsServedByQuarkusAndRoutedAsJiraEvent() throws IOException {
        byte[] payload = Files.readAllBytes(Oracles.require(Oracles.WEBHOOKS_DIR + "/pinpt-cloud_jira_issue_created.json"));
        JsonNode expected = JSON.readTree(payload);
        String deliveryId = UUID.randomUUID().toString();

        HttpResponse<String> response = deliver(payload, sign(secret, payload), deliveryId);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JiraEvent event = eventLog.latest(e -> deliveryId.equals(e.eventId())).orElseThrow(
                () -> new AssertionError("the delivery " + deliveryId + " reached no route; received: " + eventLog.events()));
        assertThat(event.type()).isEqualTo(expected.path("webhookEvent").asText());
        assertThat(event.issueKey()).isEqualTo(expected.at("/issue/key").asText());
        assertThat(event.source()).isEqualTo(JiraEvent.Source.WEBHOOK);
        // the issue is not in the example's project: the triage route did not call Jira about it
        assertThat(jira.admin().requests()).noneMatch(r -> r.path().contains(event.issueKey()));
    }

    @Test
    void aRouteThatNeverBlocksRunsOnQuarkusEventLoopWithRouteOnEventLoop() throws IOException {
        byte[] payload = Files.readAllBytes(Oracles.require(Oracles.WEBHOOKS_DIR + "/pinpt-cloud_jira_issue_created.json"));
        String deliveryId = UUID.randomUUID().toString();
        URI uri = webhookUri.resolve(EventLoopWebhookRoute.PATH);

        HttpResponse<String> response = deliver(uri, payload, sign(secret, payload), deliveryId);
        HttpResponse<String> copy = deliver(uri, payload, sign(secret, payload), deliveryId);
        HttpResponse<String> forged = deliver(uri, payload, sign("not-the-secret", payload), UUID.randomUUID().toString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(copy.statusCode()).isEqualTo(200);
        assertThat(copy.body()).contains("duplicate delivery");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(eventLoopRoute.routed()).as("routed once, on the event loop that received it")
                .containsExactly(deliveryId + "|true");
    }

    @Test
    void wronglySignedOrUnsignedWebhookGets401AndReachesNoRoute() throws IOException {
        byte[] payload = Files.readAllBytes(Oracles.require(Oracles.WEBHOOKS_DIR + "/pinpt-cloud_jira_issue_created.json"));
        List<JiraEvent> before = eventLog.events();
        String wrongId = UUID.randomUUID().toString();
        String unsignedId = UUID.randomUUID().toString();

        HttpResponse<String> wrong = deliver(payload, sign("not-the-secret", payload), wrongId);
        HttpResponse<String> unsigned = deliver(payload, null, unsignedId);

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain(secret).doesNotContain("GOLD");
        assertThat(eventLog.events()).isEqualTo(before)
                .noneMatch(e -> wrongId.equals(e.eventId()) || unsignedId.equals(e.eventId()));
    }

    @Test
    void issueCreatedInJiraArrivesEndToEndAndIsAcknowledged() throws Exception {
        String webhookSelf = registerWebhookInJira(webhookUri.toString());
        try {
            String key = jira.admin().createIssue(SandboxUsers.DEMO_PROJECT_KEY, "Task", "Created in Jira " + UUID.randomUUID());

            // Jira delivers asynchronously; the route records the event, comments back, and Jira then sends comment_created
            awaitTrue(() -> eventLog.latest(e -> key.equals(e.issueKey()) && "comment_created".equals(e.type())).isPresent(),
                    "the comment_created webhook of " + key);

            JiraEvent created = eventLog.latest(e -> key.equals(e.issueKey()) && "jira:issue_created".equals(e.type()))
                    .orElseThrow(() -> new AssertionError("no jira:issue_created for " + key + ": " + eventLog.events()));
            assertThat(created.source()).isEqualTo(JiraEvent.Source.WEBHOOK);
            assertThat(jira.admin().deliveries()).filteredOn(d -> "jira:issue_created".equals(d.event())
                                                                   && d.bodyText().contains("\"key\":\"" + key + "\""))
                    .extracting(WebhookDelivery::status).containsExactly(200);
            JsonNode comments = issueInJira(key).at("/fields/comment/comments");
            assertThat(comments).hasSize(1); // the acknowledgement, and no reply to its own comment event
            assertThat(comments.get(0).at("/author/accountId").asText()).isEqualTo(SandboxUsers.ADMIN_ACCOUNT_ID);
            assertThat(comments.get(0).path("body").findValuesAsText("text")).containsExactly(JiraRoutes.ACK_COMMENT);
        } finally {
            deleteInJira(webhookSelf);
        }
    }

    // ---- helpers ----

    private HttpResponse<String> deliver(byte[] body, String signature, String deliveryId) {
        return deliver(webhookUri, body, signature, deliveryId);
    }

    private HttpResponse<String> deliver(URI uri, byte[] body, String signature, String deliveryId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("X-Atlassian-Webhook-Identifier", deliveryId)
                .header("User-Agent", "Atlassian Webhook HTTP Client")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-Hub-Signature", signature);
        }
        return send(request.build());
    }

    /** What Jira sends in X-Hub-Signature: sha256=hex(HMAC-SHA256(secret, raw body)). */
    private static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Registers a signed admin webhook in the sandbox, as a Jira admin would; returns its self URL. */
    private String registerWebhookInJira(String url) throws IOException {
        ObjectNode body = JSON.createObjectNode()
                .put("name", "camel-quarkus-example-test")
                .put("url", url)
                .put("secret", secret);
        body.putArray("events").add("jira:issue_created").add("comment_created");
        body.putObject("filters").put("issue-related-events-section", "project = " + SandboxUsers.DEMO_PROJECT_KEY);
        HttpResponse<String> response = send(asAdmin(URI.create(jira.baseUrl() + "/rest/webhooks/1.0/webhook"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
        return JSON.readTree(response.body()).path("self").asText();
    }

    /**
     * The issue as Jira Cloud returns it (GET /rest/api/3/issue/{key}, as the admin). Read over REST rather than with
     * {@code jira.admin().issue(key)}: the sandbox is started by the test resource in the JUnit class loader, while
     * this test runs in Quarkus' class loader, so the two see different Jackson classes and a JsonNode cannot cross.
     */
    private JsonNode issueInJira(String key) throws IOException {
        HttpResponse<String> response = send(asAdmin(URI.create(jira.baseUrl() + "/rest/api/3/issue/" + key)).GET().build());
        assertThat(response.statusCode()).as("GET issue %s: %s", key, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private void deleteInJira(String self) {
        if (!self.isEmpty()) {
            send(asAdmin(URI.create(self)).DELETE().build());
        }
    }

    private static HttpRequest.Builder asAdmin(URI uri) {
        String basic = Base64.getEncoder().encodeToString(
                (SandboxUsers.ADMIN_EMAIL + ":" + SandboxUsers.ADMIN_TOKEN).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Authorization", "Basic " + basic);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Waits (bounded) for an asynchronous outcome; fails naming it and what the sandbox delivered. */
    private void awaitTrue(BooleanSupplier condition, String what) {
        try {
            org.awaitility.Awaitility.await(what).atMost(DELIVERY_WAIT).pollInterval(java.time.Duration.ofMillis(20))
                    .until(condition::getAsBoolean);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("waited " + DELIVERY_WAIT.toSeconds() + " s for " + what + "; deliveries: "
                                     + jira.admin().deliveries() + "; received: " + eventLog.events(), e);
        }
    }
}
