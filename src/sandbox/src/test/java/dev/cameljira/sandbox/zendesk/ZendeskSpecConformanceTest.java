package dev.cameljira.sandbox.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.cameljira.sandbox.emulator.TestHttp;
import dev.cameljira.sandbox.spec.Oracles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the emulator's responses against Zendesk's published OpenAPI slices (shared/oracles/zendesk). The slices
 * leave TicketObject / UserObject / TicketCommentObject undefined (see their SOURCE.txt), so a full schema
 * validator cannot load them; instead this test checks (1) that every endpoint served exists in the spec, (2) the
 * response envelopes against the defined schemas (property names and JSON types), and (3) that tickets and users
 * carry every property of the spec's example objects, with the same JSON type wherever both are non-null.
 */
class ZendeskSpecConformanceTest {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static JsonNode tickets;
    private static JsonNode users;
    private static ZendeskTestServer server;
    private static TestHttp http;
    private static long ticketId;

    @BeforeAll
    static void start() throws Exception {
        tickets = YAML.readTree(Oracles.require("zendesk/tickets-openapi-original.yml").toFile());
        users = YAML.readTree(Oracles.require("zendesk/users-openapi-original.yml").toFile());
        server = new ZendeskTestServer();
        http = server.asAgent();
        long agent = server.emulator.agent().id();
        ticketId = server.emulator.createTicket(TicketDraft.of("Printer on fire", "The fire is very colorful.")
                .withExternalId("ahg35h3jh").withType(ZendeskTicketType.INCIDENT)
                .withPriority(ZendeskPriority.HIGH).withAssigneeId(agent).withGroupId(98738L)
                .withDueAt(Instant.parse("2026-12-01T00:00:00Z")).withTags("enterprise", "other_tag")
                .withCustomField(CustomField.text(27642, "745"))).id();
        server.emulator.addComment(ticketId, NewComment.privateNote("internal"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyServedEndpointIsInTheSpec() {
        Map<String, List<String>> served = Map.of(
                "/api/v2/tickets", List.of("get", "post"),
                "/api/v2/tickets/{ticket_id}", List.of("get", "put", "delete"),
                "/api/v2/tickets/show_many", List.of("get"),
                "/api/v2/tickets/{ticket_id}/comments", List.of("get"),
                "/api/v2/tickets/{ticket_id}/audits", List.of("get"),
                "/api/v2/tickets/{ticket_id}/audits/{ticket_audit_id}", List.of("get"),
                "/api/v2/tickets/{ticket_id}/audits/count", List.of("get"),
                "/api/v2/incremental/tickets", List.of("get"),
                "/api/v2/incremental/tickets/cursor", List.of("get"));
        served.forEach((path, methods) -> methods.forEach(method ->
                assertThat(tickets.at("/paths").path(path).has(method)).as(method + " " + path).isTrue()));
        Map<String, List<String>> servedUsers = Map.of(
                "/api/v2/users", List.of("get", "post"),
                "/api/v2/users/{user_id}", List.of("get", "put", "delete"),
                "/api/v2/users/me", List.of("get"),
                "/api/v2/users/search", List.of("get"),
                "/api/v2/users/show_many", List.of("get"),
                "/api/v2/users/create_or_update", List.of("post"),
                "/api/v2/users/{user_id}/identities", List.of("get"),
                "/api/v2/users/{user_id}/identities/{user_identity_id}", List.of("get"),
                "/api/v2/incremental/users", List.of("get"),
                "/api/v2/incremental/users/cursor", List.of("get"));
        servedUsers.forEach((path, methods) -> methods.forEach(method ->
                assertThat(users.at("/paths").path(path).has(method)).as(method + " " + path).isTrue()));
    }

    @Test
    void ticketEnvelopesMatchTheirSchemas() {
        assertMatches(tickets, "TicketResponse", http.get("/api/v2/tickets/" + ticketId + ".json").json());
        assertMatches(tickets, "TicketsResponse", http.get("/api/v2/tickets.json").json());
        assertMatches(tickets, "TicketCommentsResponse",
                http.get("/api/v2/tickets/" + ticketId + "/comments.json").json());
        assertMatches(tickets, "TicketUpdateResponse", http.put("/api/v2/tickets/" + ticketId + ".json",
                "{\"ticket\": {\"status\": \"pending\"}}").json());
        long start = Instant.now().minusSeconds(60).getEpochSecond();
        assertMatches(tickets, "TimeBasedExportIncrementalTicketsResponse",
                http.get("/api/v2/incremental/tickets.json?start_time=" + start).json());
        assertMatches(tickets, "CursorBasedExportIncrementalTicketsResponse",
                http.get("/api/v2/incremental/tickets/cursor.json?start_time=" + start).json());
        assertMatches(users, "UsersResponse", http.get("/api/v2/users.json").json());
        assertMatches(users, "UserResponse", http.get("/api/v2/users/me.json").json());
    }

    @Test
    void auditEnvelopesMatchTheirSchemas() {
        String audits = "/api/v2/tickets/" + ticketId + "/audits";
        JsonNode list = http.get(audits + ".json").json();
        assertMatches(tickets, "TicketAuditsResponseNoneCursor", list);
        long auditId = list.at("/audits/0/id").asLong();
        assertMatches(tickets, "TicketAuditResponse", http.get(audits + "/" + auditId + ".json").json());
        JsonNode count = http.get(audits + "/count.json").json();
        assertMatches(tickets, "TicketAuditsCountResponse", count);
        assertThat(count.at("/count/value").isIntegralNumber()).isTrue();
        assertThat(count.at("/count/refreshed_at").isTextual()).isTrue();
    }

    @Test
    void userWriteEnvelopesMatchTheirSchemas() {
        JsonNode created = http.post("/api/v2/users/create_or_update.json",
                "{\"user\": {\"name\": \"Spec\", \"email\": \"spec@example.org\"}}").json();
        assertMatches(users, "UserResponse", created);
        long id = created.at("/user/id").asLong();
        assertMatches(users, "UserResponse", http.put("/api/v2/users/" + id + ".json",
                "{\"user\": {\"phone\": \"+15551234567\", \"suspended\": true, \"tags\": [\"enterprise\"],"
                        + " \"user_fields\": {\"user_dropdown\": \"option_1\"}, \"email\": \"spec2@example.org\"}}")
                .json());
        JsonNode identities = http.get("/api/v2/users/" + id + "/identities.json").json();
        assertMatches(users, "UserIdentitiesResponse", identities);
        assertMatches(users, "UserIdentityResponse", http.get("/api/v2/users/" + id + "/identities/"
                + identities.at("/identities/0/id").asLong() + ".json").json());
        long start = Instant.now().minusSeconds(60).getEpochSecond();
        assertMatches(users, "TimeBasedExportIncrementalUsersResponse",
                http.get("/api/v2/incremental/users.json?start_time=" + start).json());
        assertMatches(users, "CursorBasedExportIncrementalUsersResponse",
                http.get("/api/v2/incremental/users/cursor.json?start_time=" + start).json());
        JsonNode example = users.at("/components/schemas/TimeBasedExportIncrementalUsersResponse/example/users/0");
        assertSameShape("updated user", example, http.get("/api/v2/users/" + id + ".json").json().get("user"));
        JsonNode deleted = http.delete("/api/v2/users/" + id + ".json").json();
        assertMatches(users, "UserResponse", deleted);
        assertSameShape("deleted user", example, deleted.get("user"));
    }

    @Test
    void ticketsCarryEveryPropertyOfTheSpecExampleTicket() {
        JsonNode example = tickets.at("/components/schemas/TimeBasedExportIncrementalTicketsResponse/example/tickets/0");
        assertThat(example.isObject()).as("example ticket in the spec").isTrue();
        JsonNode ticket = http.get("/api/v2/tickets/" + ticketId + ".json").json().get("ticket");
        assertSameShape("ticket", example, ticket);
    }

    @Test
    void usersCarryEveryPropertyOfTheSpecExampleUser() {
        JsonNode example = users.at("/components/schemas/TimeBasedExportIncrementalUsersResponse/example/users/0");
        assertThat(example.isObject()).as("example user in the spec").isTrue();
        assertSameShape("user", example, http.get("/api/v2/users/me.json").json().get("user"));
    }

    /** Every property of the schema must be present with the declared JSON type. */
    private static void assertMatches(JsonNode spec, String schemaName, JsonNode actual) {
        JsonNode properties = spec.at("/components/schemas/" + schemaName + "/properties");
        assertThat(properties.isObject()).as("schema " + schemaName).isTrue();
        List<String> problems = new ArrayList<>();
        properties.fields().forEachRemaining(p -> {
            JsonNode value = actual.get(p.getKey());
            String type = p.getValue().has("$ref") ? "object" : p.getValue().path("type").asText();
            boolean nullable = p.getValue().path("nullable").asBoolean(false);
            if (value == null) {
                problems.add(p.getKey() + " is missing");
            } else if (!(value.isNull() && nullable) && !hasType(value, type)) {
                problems.add(p.getKey() + " should be " + type + " but is " + value.getNodeType());
            }
        });
        assertThat(problems).as(schemaName + " in " + actual).isEmpty();
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "string" -> value.isTextual();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> true;
        };
    }

    private static void assertSameShape(String what, JsonNode example, JsonNode actual) {
        List<String> problems = new ArrayList<>();
        example.fields().forEachRemaining(e -> {
            JsonNode value = actual.get(e.getKey());
            if (value == null) {
                problems.add(e.getKey() + " is missing");
            } else if (!value.isNull() && !e.getValue().isNull() && kind(value) != kind(e.getValue())) {
                problems.add(e.getKey() + ": " + kind(value) + " where the spec example has " + kind(e.getValue()));
            }
        });
        assertThat(problems).as(what + " " + actual).isEmpty();
    }

    /** YAML reads "745" and 745 differently, as JSON does; numbers of any width count as one kind. */
    private static String kind(JsonNode node) {
        return node.isNumber() ? "number" : node.getNodeType().name();
    }
}
