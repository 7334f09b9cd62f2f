package dev.cameljira.sandbox.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.emulator.TestHttp;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhooks registered through the Webhooks API: CRUD, paging, validation, secrets, subscriptions, status, auth. */
class ZendeskWebhooksApiTest {
    private ZendeskTestServer server;
    private HookServer hooks;
    private TestHttp http;

    @BeforeEach
    void start() throws IOException {
        server = new ZendeskTestServer();
        hooks = new HookServer();
        http = server.asAgent();
    }

    @AfterEach
    void stop() {
        hooks.close();
        server.close();
    }

    private static String webhook(String name, URI endpoint, String status, String... subscriptions) {
        return "{\"webhook\": {\"name\": \"" + name + "\", \"endpoint\": \"" + endpoint + "\", \"http_method\": \"POST\","
                + " \"request_format\": \"json\", \"status\": \"" + status + "\", \"subscriptions\": ["
                + String.join(",", java.util.Arrays.stream(subscriptions).map(s -> "\"" + s + "\"").toList()) + "]}}";
    }

    private String create(String name, String path, String status, String... subscriptions) {
        TestHttp.Reply reply = http.post("/api/v2/webhooks", webhook(name, hooks.url(path), status, subscriptions));
        assertThat(reply.status()).as(reply.json() == null ? "" : reply.json().toString()).isEqualTo(201);
        return reply.json().at("/webhook/id").asText();
    }

    private void awaitInvocations() throws InterruptedException {
        assertThat(server.emulator.awaitWebhooks(Duration.ofSeconds(10))).as("invocations finished").isTrue();
    }

    private static String sign(String secret, HookServer.Request r) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(r.header("X-Zendesk-Webhook-Signature-Timestamp").getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(mac.doFinal(r.body()));
    }

    @Test
    void createShowListAndDelete() {
        TestHttp.Reply created = http.post("/api/v2/webhooks", webhook("Jira sync", hooks.url("/sync"), "active",
                "zen:event-type:ticket.created", "zen:event-type:ticket.status_changed"));

        assertThat(created.status()).isEqualTo(201);
        JsonNode w = created.json().get("webhook");
        String id = w.get("id").asText();
        assertThat(id).matches("[0-9A-Z]{26}");
        assertThat(w.get("name").asText()).isEqualTo("Jira sync");
        assertThat(w.get("endpoint").asText()).isEqualTo(hooks.url("/sync").toString());
        assertThat(w.get("status").asText()).isEqualTo("active");
        assertThat(w.get("subscriptions")).extracting(JsonNode::asText).containsExactly(
                "zen:event-type:ticket.created", "zen:event-type:ticket.status_changed");
        assertThat(w.get("created_by").asText()).isEqualTo(String.valueOf(server.emulator.agent().id()));
        assertThat(w.has("signing_secret")).isFalse();

        assertThat(http.get("/api/v2/webhooks/" + id).json().get("webhook")).isEqualTo(w);
        JsonNode list = http.get("/api/v2/webhooks").json();
        assertThat(list.get("webhooks")).extracting(n -> n.get("id").asText()).containsExactly(id);
        assertThat(list.at("/meta/has_more").asBoolean()).isFalse();
        assertThat(list.has("links")).isTrue();

        assertThat(http.delete("/api/v2/webhooks/" + id).status()).isEqualTo(204);
        TestHttp.Reply gone = http.get("/api/v2/webhooks/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().at("/errors/0/code").asText()).isEqualTo("WebhookNotFound");
        assertThat(server.emulator.webhookRegistrations()).isEmpty();
    }

    @Test
    void theListPagesWithCursorsAndFilters() {
        String a = create("alpha", "/a", "active", "zen:event-type:ticket.created");
        String b = create("beta", "/b", "inactive", "zen:event-type:ticket.created");
        String c = create("alphabet", "/c", "active", "zen:event-type:ticket.created");

        JsonNode first = http.get("/api/v2/webhooks?page[size]=2").json();
        assertThat(first.get("webhooks")).extracting(n -> n.get("id").asText()).containsExactly(a, b);
        assertThat(first.at("/meta/has_more").asBoolean()).isTrue();
        JsonNode second = http.get(first.at("/links/next").asText()).json();
        assertThat(second.get("webhooks")).extracting(n -> n.get("id").asText()).containsExactly(c);
        assertThat(second.at("/meta/has_more").asBoolean()).isFalse();

        assertThat(http.get("/api/v2/webhooks?filter[status]=inactive").json().get("webhooks"))
                .extracting(n -> n.get("id").asText()).containsExactly(b);
        assertThat(http.get("/api/v2/webhooks?filter[name_contains]=ALPHA").json().get("webhooks"))
                .extracting(n -> n.get("id").asText()).containsExactly(a, c);
    }

    @Test
    void invalidWebhooksAreRejectedWith400() {
        URI url = hooks.url("/x");
        Map<String, String> bodies = Map.of(
                "no endpoint", "{\"webhook\": {\"name\": \"n\", \"http_method\": \"POST\", \"request_format\": \"json\","
                        + " \"status\": \"active\", \"subscriptions\": [\"zen:event-type:ticket.created\"]}}",
                "GET for events", webhook("n", url, "active", "zen:event-type:ticket.created")
                        .replace("\"POST\"", "\"GET\""),
                "mixed connection", webhook("n", url, "active", "conditional_ticket_events",
                        "zen:event-type:ticket.created"),
                "unknown type", webhook("n", url, "active", "zen:event-type:ticket.teleported"),
                "bad status", webhook("n", url, "paused", "zen:event-type:ticket.created"),
                "no subscriptions", webhook("n", url, "active"),
                "not http", webhook("n", URI.create("ftp://example.com/x"), "active", "zen:event-type:ticket.created"));

        bodies.forEach((what, body) -> {
            TestHttp.Reply reply = http.post("/api/v2/webhooks", body);
            assertThat(reply.status()).as(what).isEqualTo(400);
            assertThat(reply.json().at("/errors/0/code").asText()).as(what).isEqualTo("InvalidInput");
        });
        assertThat(server.emulator.webhookRegistrations()).isEmpty();
    }

    @Test
    void onlyAdminsManageWebhooks() {
        ZendeskUser agent = server.emulator.createUser("Plain Agent", "plain@example.com", ZendeskRole.AGENT);
        server.emulator.addApiToken(agent.id(), "plain-token");
        TestHttp plain = server.http(TestHttp.basic("plain@example.com/token", "plain-token"));

        TestHttp.Reply reply = plain.post("/api/v2/webhooks", webhook("n", hooks.url("/x"), "active",
                "zen:event-type:ticket.created"));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(plain.get("/api/v2/webhooks").status()).isEqualTo(403);
        assertThat(server.emulator.webhookRegistrations()).isEmpty();
    }

    @Test
    void eachWebhookHasItsOwnSecretWhichSignsItsDeliveriesAndCanBeReset() throws Exception {
        String a = create("a", "/a", "active", "zen:event-type:ticket.created");
        String b = create("b", "/b", "active", "zen:event-type:ticket.created");
        JsonNode secretA = http.get("/api/v2/webhooks/" + a + "/signing_secret").json().get("signing_secret");
        String secretB = http.get("/api/v2/webhooks/" + b + "/signing_secret").json().at("/signing_secret/secret")
                .asText();
        assertThat(secretA.get("algorithm").asText()).isEqualTo("SHA256");
        assertThat(secretA.get("secret").asText()).isNotBlank().isNotEqualTo(secretB)
                .isEqualTo(server.emulator.webhookSecret(a));

        server.emulator.createTicket("One", "body");
        awaitInvocations();
        assertThat(hooks.delivered("/a")).singleElement().satisfies(r ->
                assertThat(r.header("X-Zendesk-Webhook-Signature")).isEqualTo(sign(secretA.get("secret").asText(), r)));
        assertThat(hooks.delivered("/b")).singleElement().satisfies(r ->
                assertThat(r.header("X-Zendesk-Webhook-Signature")).isEqualTo(sign(secretB, r)));

        TestHttp.Reply reset = http.post("/api/v2/webhooks/" + a + "/signing_secret", "{}");
        assertThat(reset.status()).isEqualTo(201);
        String newSecret = reset.json().at("/signing_secret/secret").asText();
        assertThat(newSecret).isNotEqualTo(secretA.get("secret").asText());
        server.emulator.createTicket("Two", "body");
        awaitInvocations();
        HookServer.Request afterReset = hooks.delivered("/a").get(1);
        assertThat(afterReset.header("X-Zendesk-Webhook-Signature")).isEqualTo(sign(newSecret, afterReset))
                .isNotEqualTo(sign(secretA.get("secret").asText(), afterReset));
    }

    @Test
    void aWebhookReceivesOnlyTheEventTypesItSubscribedTo() throws Exception {
        String statusHook = create("status", "/status", "active", "zen:event-type:ticket.status_changed");
        String commentHook = create("comments", "/comments", "active", "zen:event-type:ticket.comment_added");
        ZendeskTicket ticket = server.emulator.createTicket("Subscriptions", "body");

        http.put("/api/v2/tickets/" + ticket.id() + ".json",
                "{\"ticket\": {\"status\": \"open\", \"priority\": \"high\", \"comment\": {\"body\": \"hi\"}}}");
        awaitInvocations();

        assertThat(hooks.delivered("/status")).singleElement().satisfies(r -> {
            assertThat(r.type()).isEqualTo("zen:event-type:ticket.status_changed");
            assertThat(r.header("X-Zendesk-Webhook-Id")).isEqualTo(statusHook);
            assertThat(r.json().at("/event/current").asText()).isEqualTo("OPEN");
        });
        assertThat(hooks.delivered("/comments")).singleElement().satisfies(r -> {
            assertThat(r.type()).isEqualTo("zen:event-type:ticket.comment_added");
            assertThat(r.header("X-Zendesk-Webhook-Id")).isEqualTo(commentHook);
            assertThat(r.json().at("/event/comment/body").asText()).isEqualTo("hi");
        });
        assertThat(hooks.delivered("/status").get(0).header("X-Zendesk-Webhook-Invocation-Id"))
                .isNotEqualTo(hooks.delivered("/comments").get(0).header("X-Zendesk-Webhook-Invocation-Id"));
        assertThat(hooks.delivered("/status").get(0).json().at("/event/meta/sequence/id").asText())
                .isEqualTo(hooks.delivered("/comments").get(0).json().at("/event/meta/sequence/id").asText());
    }

    @Test
    void anInactiveWebhookReceivesNothingUntilAPatchActivatesIt() throws Exception {
        String id = create("later", "/later", "inactive", "zen:event-type:ticket.created");
        server.emulator.createTicket("While inactive", "body");
        awaitInvocations();
        assertThat(hooks.requests("/later")).isEmpty();
        assertThat(server.emulator.webhookDeliveries()).isEmpty();

        assertThat(http.patch("/api/v2/webhooks/" + id, "{\"webhook\": {\"status\": \"active\"}}").status())
                .isEqualTo(204);
        server.emulator.createTicket("While active", "body");
        awaitInvocations();

        assertThat(hooks.delivered("/later")).singleElement().satisfies(r ->
                assertThat(r.json().at("/detail/subject").asText()).isEqualTo("While active"));
        JsonNode patched = http.get("/api/v2/webhooks/" + id).json().get("webhook");
        assertThat(patched.get("status").asText()).isEqualTo("active");
        assertThat(patched.get("name").asText()).isEqualTo("later");
        assertThat(patched.get("subscriptions")).extracting(JsonNode::asText)
                .containsExactly("zen:event-type:ticket.created");
    }

    @Test
    void aTriggerConnectedWebhookGetsNoEventsAndCannotSwitchToEvents() throws Exception {
        TestHttp.Reply created = http.post("/api/v2/webhooks", "{\"webhook\": {\"name\": \"trigger\", \"endpoint\": \""
                + hooks.url("/trigger") + "\", \"http_method\": \"PUT\", \"request_format\": \"xml\","
                + " \"status\": \"active\", \"subscriptions\": [\"conditional_ticket_events\"]}}");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().at("/webhook/id").asText();

        server.emulator.createTicket("No triggers here", "body");
        awaitInvocations();
        TestHttp.Reply switched = http.patch("/api/v2/webhooks/" + id, "{\"webhook\": {\"http_method\": \"POST\","
                + " \"request_format\": \"json\", \"subscriptions\": [\"zen:event-type:ticket.created\"]}}");

        assertThat(hooks.requests("/trigger")).isEmpty();
        assertThat(switched.status()).isEqualTo(400);
        assertThat(server.emulator.webhook(id).orElseThrow().isTriggerConnected()).isTrue();
    }

    @Test
    void authenticationIsSentWithDeliveriesButNeverShown() throws Exception {
        TestHttp.Reply created = http.post("/api/v2/webhooks", "{\"webhook\": {\"name\": \"auth\", \"endpoint\": \""
                + hooks.url("/auth") + "\", \"http_method\": \"POST\", \"request_format\": \"json\", \"status\":"
                + " \"active\", \"subscriptions\": [\"zen:event-type:ticket.created\"], \"authentication\": {\"type\":"
                + " \"basic_auth\", \"add_position\": \"header\", \"data\": {\"username\": \"sync\", \"password\":"
                + " \"s3cret\"}}, \"custom_headers\": {\"X-Tenant\": \"acme\"}}}");
        String id = created.json().at("/webhook/id").asText();

        server.emulator.createTicket("Authenticated", "body");
        awaitInvocations();

        assertThat(hooks.delivered("/auth")).singleElement().satisfies(r -> {
            assertThat(r.header("Authorization")).isEqualTo(TestHttp.basic("sync", "s3cret"));
            assertThat(r.header("X-Tenant")).isEqualTo("acme");
        });
        JsonNode shown = http.get("/api/v2/webhooks/" + id).json().get("webhook");
        assertThat(shown.get("authentication")).isEqualTo(TestHttp.MAPPER.readTree(
                "{\"type\": \"basic_auth\", \"add_position\": \"header\"}"));
        assertThat(shown.toString()).doesNotContain("s3cret");

        assertThat(http.put("/api/v2/webhooks/" + id, webhook("renamed", hooks.url("/auth"), "active",
                "zen:event-type:ticket.created")).status()).isEqualTo(204);
        server.emulator.createTicket("After PUT without authentication", "body");
        awaitInvocations();
        assertThat(hooks.delivered("/auth").get(1).header("Authorization")).isNull();
        assertThat(server.emulator.webhook(id).orElseThrow()).extracting(ZendeskWebhook::name,
                ZendeskWebhook::authenticationType).containsExactly("renamed", null);
        assertThat(List.of(created.status())).containsExactly(201);
    }
}
