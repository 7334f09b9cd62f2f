package dev.cameljira.sandbox.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.SandboxUsers;
import dev.cameljira.sandbox.spec.Oracles;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fidelity of the sandbox's webhook bodies to real Jira: for every captured webhook in the oracles
 * ({@code jira-webhooks/*.json}), a sandbox in the capture's flavour (Cloud when its users carry {@code accountId},
 * Server when they carry {@code name}/{@code key}, both when it names no user) is made to fire the same event with
 * the same kind of change, and the delivered body is read with the same reader ({@link PayloadPaths}) as the
 * capture: every path of the capture must be in the sandbox's body with the same JSON type.
 *
 * <p>Type leniency, where the captures themselves show both: a capture's {@code null} only requires the key to exist
 * (an unassigned issue's {@code assignee} is an object once assigned); change-item values
 * ({@code from, fromString, to, toString, tmpFromAccountId, tmpToAccountId}) and {@code lastViewed} are "string or
 * null" (Jira writes null for an unset side: the resolution captures show {@code from} as both).
 *
 * <p>Every delivery must carry {@code X-Atlassian-Webhook-Identifier} (unique per delivery) and a valid
 * {@code X-Hub-Signature} for the registration's secret.
 */
class WebhookFidelityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String SECRET = "fidelity-secret";
    private static final String API = "/rest/api/2";
    private static final Pattern STRING_OR_NULL = Pattern.compile(
            "changelog\\.items\\[]\\.(from|fromString|to|toString|tmpFromAccountId|tmpToAccountId)|issue\\.fields\\.lastViewed");

    /** How to make the sandbox fire a capture's event. */
    private record Scenario(String description, Predicate<JsonNode> fits, Action action) {
    }

    @FunctionalInterface
    private interface Action {
        void run(Stage stage) throws Exception;
    }

    private static final List<Scenario> SCENARIOS = List.of(
            new Scenario("link two issues", event("issuelink_created"), WebhookFidelityTest::linkIssues),
            new Scenario("create a project", event("project_created"), WebhookFidelityTest::createProject),
            new Scenario("rename a project", event("project_updated"), WebhookFidelityTest::renameProject),
            new Scenario("comment on an issue", event("comment_created"), WebhookFidelityTest::addComment),
            new Scenario("edit a comment", event("comment_updated"), WebhookFidelityTest::editComment),
            new Scenario("delete a comment", event("comment_deleted"), WebhookFidelityTest::deleteComment),
            new Scenario("create an issue", event("jira:issue_created"), WebhookFidelityTest::createIssue),
            new Scenario("delete an issue", event("jira:issue_deleted"), WebhookFidelityTest::deleteIssue),
            new Scenario("comment (issue_commented)", event("jira:issue_updated").and(c -> c.has("comment") && !c.has("changelog")),
                    WebhookFidelityTest::addComment),
            new Scenario("transition", event("jira:issue_updated").and(c -> changedFields(c).contains("status")),
                    WebhookFidelityTest::transition),
            new Scenario("edit fields", event("jira:issue_updated").and(c -> c.has("changelog")), WebhookFidelityTest::editFields));

    static Stream<String> captures() throws IOException {
        Path dir = Oracles.require(Oracles.WEBHOOKS_DIR);
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
            assertThat(names).as("captured webhooks in %s", dir).hasSize(16);
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void sandboxPayloadHasEveryPathOfTheCapture(String name) throws Exception {
        JsonNode capture = JSON.readTree(Oracles.require(Oracles.WEBHOOKS_DIR + "/" + name).toFile());
        Scenario scenario = SCENARIOS.stream().filter(s -> s.fits().test(capture)).findFirst()
                .orElseThrow(() -> new AssertionError("no scenario reproduces " + name + " (" + capture.path("webhookEvent").asText()
                        + " / " + capture.path("issue_event_type_name").asText("-") + ")"));
        for (JiraSandbox.Mode mode : modes(capture)) {
            try (Receiver receiver = new Receiver();
                    JiraSandbox jira = JiraSandbox.builder().mode(mode).webhookRetryDelay(Duration.ofMillis(20)).build()) {
                Stage stage = new Stage(jira, receiver, capture);
                scenario.action().run(stage);
                JsonNode payload = stage.awaitCapturedEvent();
                String context = name + " (" + scenario.description() + ", " + mode + ")";
                assertThat(differences(capture, payload)).as("%s: capture paths missing or mistyped in the sandbox payload",
                        context).isEmpty();
                assertThat(changedFields(payload)).as("%s: same kind of change", context).containsAll(changedFields(capture));
                assertSigned(receiver.all(), context);
            }
        }
    }

    @Test
    void theComparisonReportsMissingAndMistypedPathsAndKeepsTheDocumentedLeniency() throws Exception {
        JsonNode capture = JSON.readTree("""
                {"webhookEvent":"jira:issue_updated","issue_event_type_name":"issue_generic","timestamp":1,
                 "user":{"accountId":"a1","name":"old","key":"old","displayName":"A"},
                 "issue":{"id":"1","fields":{"status":{"name":"Done"},"assignee":null,"customfield_10400":"site",
                          "lastViewed":"2020-01-01T00:00:00.000+0000"}},
                 "changelog":{"items":[{"field":"status","from":"1","to":null}]}}""");
        JsonNode faithful = JSON.readTree("""
                {"webhookEvent":"jira:issue_updated","issue_event_type_name":"issue_generic","timestamp":2,
                 "user":{"accountId":"b2","displayName":"B"},
                 "issue":{"id":"2","fields":{"status":{"name":"To Do"},"assignee":{"accountId":"b2"},"lastViewed":null}},
                 "changelog":{"items":[{"field":"status","from":null,"to":"3"}]}}""");
        assertThat(differences(capture, faithful)).isEmpty();

        ObjectNode broken = faithful.deepCopy();
        ((ObjectNode) broken.get("issue")).put("id", 2);
        ((ObjectNode) broken.at("/issue/fields/status")).remove("name");
        broken.remove("issue_event_type_name");
        ((ObjectNode) broken.at("/changelog/items/0")).put("to", 3);
        assertThat(differences(capture, broken)).containsExactlyInAnyOrder(
                "changelog.items[].to is [NUMBER], capture string-or-null [NULL]",
                "issue.fields.status.name missing (capture: [STRING])",
                "issue.id is [NUMBER], capture [STRING]",
                "issue_event_type_name missing (capture: [STRING])",
                "issue_event_type_name null");
    }

    // ---- comparison ------------------------------------------------------------------------------------------

    private static List<String> differences(JsonNode capture, JsonNode payload) {
        PayloadPaths want = PayloadPaths.read(capture);
        PayloadPaths got = PayloadPaths.read(payload);
        List<String> problems = new ArrayList<>();
        for (String path : want.paths()) {
            Set<JsonNodeType> expected = want.types(path);
            Set<JsonNodeType> actual = got.types(path);
            if (actual.isEmpty()) {
                problems.add(path + " missing (capture: " + expected + ")");
            } else if (STRING_OR_NULL.matcher(path).matches()) {
                if (!EnumSet.of(JsonNodeType.STRING, JsonNodeType.NULL).containsAll(actual)) {
                    problems.add(path + " is " + actual + ", capture string-or-null " + expected);
                }
            } else {
                Set<JsonNodeType> nonNull = EnumSet.noneOf(JsonNodeType.class);
                nonNull.addAll(expected);
                nonNull.remove(JsonNodeType.NULL);
                if (!actual.containsAll(nonNull)) {
                    problems.add(path + " is " + actual + ", capture " + expected);
                }
            }
        }
        if (!payload.path("webhookEvent").asText().equals(capture.path("webhookEvent").asText())) {
            problems.add("webhookEvent " + payload.path("webhookEvent"));
        }
        if (capture.has("issue_event_type_name")
                && !payload.path("issue_event_type_name").equals(capture.get("issue_event_type_name"))) {
            problems.add("issue_event_type_name " + payload.get("issue_event_type_name"));
        }
        return problems;
    }

    /** Lower-cased {@code changelog.items[].field} names (Jira Cloud writes "Status" on creation, "status" otherwise). */
    private static Set<String> changedFields(JsonNode payload) {
        Set<String> fields = new TreeSet<>();
        payload.path("changelog").path("items").forEach(i -> fields.add(i.path("field").asText().toLowerCase(Locale.ROOT)));
        return fields;
    }

    private static void assertSigned(List<Received> deliveries, String context) throws Exception {
        assertThat(deliveries).as("%s: deliveries", context).isNotEmpty();
        Set<String> identifiers = new HashSet<>();
        for (Received r : deliveries) {
            String identifier = r.headers().getOrDefault("x-atlassian-webhook-identifier", "");
            assertThat(identifier).as("%s: X-Atlassian-Webhook-Identifier", context).isNotBlank();
            assertThat(identifiers.add(identifier)).as("%s: identifier %s unique per delivery", context, identifier).isTrue();
            assertThat(r.headers().get("x-hub-signature")).as("%s: X-Hub-Signature", context).isEqualTo(signature(r.body()));
            assertThat(r.headers().get("content-type")).as("%s: Content-Type", context).startsWith("application/json");
        }
    }

    private static String signature(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    // ---- capture facts ---------------------------------------------------------------------------------------

    private static Predicate<JsonNode> event(String webhookEvent) {
        return c -> c.path("webhookEvent").asText().equals(webhookEvent);
    }

    private static List<JiraSandbox.Mode> modes(JsonNode capture) {
        List<String> flavours = PayloadPaths.userFlavours(capture);
        if (flavours.contains("cloud")) {
            return List.of(JiraSandbox.Mode.CLOUD);
        }
        if (flavours.contains("server")) {
            return List.of(JiraSandbox.Mode.SERVER);
        }
        return List.of(JiraSandbox.Mode.CLOUD, JiraSandbox.Mode.SERVER);
    }

    private static JsonNode changeItem(JsonNode capture, String field) {
        for (JsonNode item : capture.path("changelog").path("items")) {
            if (item.path("field").asText().equalsIgnoreCase(field)) {
                return item;
            }
        }
        return null;
    }

    // ---- scenarios -------------------------------------------------------------------------------------------

    private static void linkIssues(Stage s) throws Exception {
        String inward = s.issue("blocker");
        String outward = s.issue("blocked");
        s.arm();
        ObjectNode body = JSON.createObjectNode();
        body.putObject("type").put("name", s.capture.at("/issueLink/issueLinkType/name").asText("Blocks"));
        body.putObject("inwardIssue").put("key", inward);
        body.putObject("outwardIssue").put("key", outward);
        s.call("POST", API + "/issueLink", body);
    }

    private static void createProject(Stage s) throws Exception {
        s.arm();
        s.call("POST", API + "/project", s.newProject());
    }

    private static void renameProject(Stage s) throws Exception {
        s.call("POST", API + "/project", s.newProject());
        s.arm();
        s.call("PUT", API + "/project/FID", JSON.createObjectNode().put("name", "Fidelity renamed"));
    }

    private static void addComment(Stage s) throws Exception {
        String key = s.issueLikeCapture();
        s.arm();
        s.call("POST", API + "/issue/" + key + "/comment", JSON.createObjectNode().put("body", "a *wiki* comment"));
    }

    private static void editComment(Stage s) throws Exception {
        String key = s.issueLikeCapture();
        String id = s.call("POST", API + "/issue/" + key + "/comment", JSON.createObjectNode().put("body", "first")).get("id").asText();
        s.arm();
        s.call("PUT", API + "/issue/" + key + "/comment/" + id, JSON.createObjectNode().put("body", "then edited"));
    }

    private static void deleteComment(Stage s) throws Exception {
        String key = s.issueLikeCapture();
        String id = s.call("POST", API + "/issue/" + key + "/comment", JSON.createObjectNode().put("body", "to delete")).get("id").asText();
        s.arm();
        s.call("DELETE", API + "/issue/" + key + "/comment/" + id, null);
    }

    private static void createIssue(Stage s) throws Exception {
        s.arm();
        s.issueLikeCapture();
    }

    private static void deleteIssue(Stage s) throws Exception {
        String key = s.issueLikeCapture();
        s.arm();
        s.call("DELETE", API + "/issue/" + key, null);
    }

    /** Status changes: resolve (with the capture's resolution), reopen (the capture clears it) or start progress. */
    private static void transition(Stage s) throws Exception {
        String key = s.issueLikeCapture();
        JsonNode resolution = changeItem(s.capture, "resolution");
        if (resolution != null && resolution.path("to").isNull()) {
            s.transition(key, "21", null);
            s.arm();
            s.transition(key, "41", null);
        } else if (resolution != null) {
            s.arm();
            s.transition(key, "21", resolution.path("toString").asText("Done"));
        } else {
            s.arm();
            s.transition(key, "11", null);
        }
    }

    private static void editFields(Stage s) throws Exception {
        String key = s.issueLikeCapture();
        ObjectNode fields = JSON.createObjectNode();
        for (String field : changedFields(s.capture)) {
            assertThat(field).as("the edit scenario can change this field").isIn("summary", "description");
            fields.put(field, "edited " + field);
        }
        s.arm();
        ObjectNode body = JSON.createObjectNode();
        body.set("fields", fields);
        s.call("PUT", API + "/issue/" + key, body);
    }

    // ---- the running sandbox and receiver ----------------------------------------------------------------------

    /** One scenario run: a sandbox, the receiver and the capture being reproduced. */
    private static final class Stage {
        private final JiraSandbox jira;
        private final Receiver receiver;
        private final JsonNode capture;
        private final String authorization;

        Stage(JiraSandbox jira, Receiver receiver, JsonNode capture) {
            this.jira = jira;
            this.receiver = receiver;
            this.capture = capture;
            this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                    (SandboxUsers.ADMIN_EMAIL + ":" + SandboxUsers.ADMIN_TOKEN).getBytes(StandardCharsets.UTF_8));
        }

        boolean cloud() {
            return jira.mode() == JiraSandbox.Mode.CLOUD;
        }

        /** Registers an admin webhook for the capture's event only, signed with {@link #SECRET}. */
        void arm() throws Exception {
            ObjectNode body = JSON.createObjectNode().put("name", "fidelity").put("url", receiver.url()).put("secret", SECRET);
            body.putArray("events").add(capture.path("webhookEvent").asText());
            call("POST", "/rest/webhooks/1.0/webhook", body);
        }

        /** A plain Task. */
        String issue(String summary) throws Exception {
            ObjectNode fields = JSON.createObjectNode();
            fields.putObject("project").put("key", "DEMO");
            fields.putObject("issuetype").put("name", "Task");
            fields.put("summary", summary);
            ObjectNode body = JSON.createObjectNode();
            body.set("fields", fields);
            return call("POST", API + "/issue", body).get("key").asText();
        }

        /**
         * An issue in the capture's state: assigned, described, labelled, with components, comments and sub-tasks
         * when the capture's issue has them (its payload paths under those fields exist only then).
         */
        String issueLikeCapture() throws Exception {
            JsonNode f = capture.path("issue").path("fields");
            ObjectNode fields = JSON.createObjectNode();
            fields.putObject("project").put("key", "DEMO");
            fields.putObject("issuetype").put("name", "Task");
            fields.put("summary", "like " + capture.path("issue").path("key").asText("the capture"));
            if (f.hasNonNull("description")) {
                fields.put("description", "a *wiki* description");
            }
            if (f.hasNonNull("assignee")) {
                if (cloud()) {
                    fields.putObject("assignee").put("accountId", SandboxUsers.ADMIN_ACCOUNT_ID);
                } else {
                    fields.putObject("assignee").put("name", SandboxUsers.ADMIN_NAME);
                }
            }
            if (!f.path("labels").isEmpty()) {
                fields.putArray("labels").add("test-label");
            }
            if (!f.path("components").isEmpty()) {
                fields.putArray("components").addObject().put("name", "Backend");
            }
            ObjectNode body = JSON.createObjectNode();
            body.set("fields", fields);
            String key = call("POST", API + "/issue", body).get("key").asText();
            if (f.path("comment").path("total").asInt() > 0) {
                call("POST", API + "/issue/" + key + "/comment", JSON.createObjectNode().put("body", "an earlier comment"));
            }
            if (!f.path("subtasks").isEmpty()) {
                ObjectNode sub = JSON.createObjectNode();
                ObjectNode sf = sub.putObject("fields");
                sf.putObject("project").put("key", "DEMO");
                sf.putObject("issuetype").put("name", "Sub-task");
                sf.putObject("parent").put("key", key);
                sf.put("summary", "a sub-task");
                call("POST", API + "/issue", sub);
            }
            return key;
        }

        void transition(String key, String id, String resolution) throws Exception {
            ObjectNode body = JSON.createObjectNode();
            body.putObject("transition").put("id", id);
            if (resolution != null) {
                body.putObject("fields").putObject("resolution").put("name", resolution);
            }
            call("POST", API + "/issue/" + key + "/transitions", body);
        }

        ObjectNode newProject() {
            ObjectNode p = JSON.createObjectNode().put("key", "FID").put("name", "Fidelity").put("projectTypeKey", "software");
            if (cloud()) {
                p.put("leadAccountId", SandboxUsers.ADMIN_ACCOUNT_ID);
            } else {
                p.put("lead", SandboxUsers.ADMIN_NAME);
            }
            return p;
        }

        /** Calls the sandbox as the admin; fails unless 2xx; returns the JSON answer (empty object for 204). */
        JsonNode call(String method, String path, JsonNode body) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(jira.baseUrl() + path)).timeout(Duration.ofSeconds(20))
                    .header("Authorization", authorization);
            if (body == null) {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
            }
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("%s %s answered %s", method, path, r.body()).isBetween(200, 299);
            return r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
        }

        /** The first delivered body with the capture's webhookEvent (and issue_event_type_name when it has one). */
        JsonNode awaitCapturedEvent() throws Exception {
            String event = capture.path("webhookEvent").asText();
            String type = capture.path("issue_event_type_name").asText(null);
            while (true) {
                JsonNode payload = JSON.readTree(receiver.next().body());
                if (payload.path("webhookEvent").asText().equals(event)
                        && (type == null || type.equals(payload.path("issue_event_type_name").asText()))) {
                    return payload;
                }
            }
        }
    }

    /** One delivery: lower-cased header names to their first value, and the raw body. */
    private record Received(Map<String, String> headers, byte[] body) {
    }

    /** A JDK HTTP server on a free loopback port that answers 204 and keeps what it received. */
    private static final class Receiver implements AutoCloseable {
        private final HttpServer server;
        private final BlockingQueue<Received> queue = new LinkedBlockingQueue<>();
        private final List<Received> all = new ArrayList<>();

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                Map<String, String> headers = new HashMap<>();
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
                Received r = new Received(headers, body);
                synchronized (all) {
                    all.add(r);
                }
                queue.add(r);
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/jira-hook";
        }

        Received next() throws InterruptedException {
            Received r = queue.poll(10, TimeUnit.SECONDS);
            if (r == null) {
                throw new AssertionError("no webhook delivery arrived within 10 s");
            }
            return r;
        }

        List<Received> all() {
            synchronized (all) {
                return List.copyOf(all);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
