package dev.cameljira.sandbox.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.emulator.EmulatorServerExtension;
import dev.cameljira.sandbox.emulator.MutableClock;
import dev.cameljira.sandbox.emulator.TestHttp;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tickets and comments over plain HTTP, in Zendesk's JSON shapes. */
class ZendeskTicketsApiTest {
    @RegisterExtension
    static final EmulatorServerExtension<ZendeskTestServer> ENV = new EmulatorServerExtension<>(
            () -> new ZendeskTestServer(new MutableClock(Instant.parse("2026-11-28T10:15:30Z"))),
            server -> server.emulator.reset());

    private static ZendeskEmulator emulator() {
        return ENV.server().emulator;
    }

    private static TestHttp http() {
        return ENV.server().asAgent();
    }

    private static JsonNode create(String ticketJson) {
        TestHttp.Reply reply = http().post("/api/v2/tickets.json", "{\"ticket\":" + ticketJson + "}");
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(201);
        return reply.json().get("ticket");
    }

    @Test
    void createAnswers201WithLocationTicketAndAudit() {
        TestHttp.Reply reply = http().post("/api/v2/tickets.json", """
                {"ticket": {"subject": "Printer on fire", "comment": {"body": "Help!\\nNow."},
                 "priority": "urgent", "type": "incident", "external_id": "PROJ-7", "tags": ["Jira", "sync jira"],
                 "custom_fields": [{"id": 27642, "value": "745"}, {"id": 27648, "value": true}]}}""");

        assertThat(reply.status()).isEqualTo(201);
        JsonNode ticket = reply.json().get("ticket");
        assertThat(reply.header("Location")).isEqualTo(ticket.get("url").asText())
                .isEqualTo(ENV.server().baseUrl() + "/api/v2/tickets/" + ticket.get("id").asLong() + ".json");
        assertThat(ticket.get("status").asText()).isEqualTo("new");
        assertThat(ticket.get("priority").asText()).isEqualTo("urgent");
        assertThat(ticket.get("type").asText()).isEqualTo("incident");
        assertThat(ticket.get("description").asText()).isEqualTo("Help!\nNow.");
        assertThat(ticket.get("created_at").asText()).isEqualTo("2026-11-28T10:15:30Z");
        assertThat(ticket.get("generated_timestamp").asLong()).isEqualTo(Instant.parse("2026-11-28T10:15:30Z").getEpochSecond());
        assertThat(ticket.get("tags")).extracting(JsonNode::asText).containsExactly("jira", "sync");
        assertThat(ticket.get("custom_fields").get(1).get("value").asBoolean()).isTrue();
        assertThat(ticket.get("requester_id").asLong()).isEqualTo(emulator().agent().id());
        assertThat(reply.json().get("audit").get("events")).extracting(e -> e.get("type").asText())
                .contains("Comment", "Create");
    }

    @Test
    void requesterGivenByEmailIsCreatedAsAnEndUser() {
        JsonNode ticket = create("""
                {"subject": "Hi", "comment": {"body": "x"}, "requester": {"name": "Jane Roe", "email": "jane@example.org"}}""");

        ZendeskUser jane = emulator().user(ticket.get("requester_id").asLong()).orElseThrow();
        assertThat(jane.email()).isEqualTo("jane@example.org");
        assertThat(jane.role()).isEqualTo(ZendeskRole.END_USER);
    }

    @Test
    void missingCommentIs422RecordInvalidAndBadStatusNamesTheField() {
        TestHttp.Reply noComment = http().post("/api/v2/tickets.json", "{\"ticket\": {\"subject\": \"x\"}}");
        assertThat(noComment.status()).isEqualTo(422);
        assertThat(noComment.json().get("error").asText()).isEqualTo("RecordInvalid");
        assertThat(noComment.json().get("description").asText()).isEqualTo("Record validation errors");
        assertThat(noComment.json().at("/details/description/0/description").asText()).contains("cannot be blank");

        TestHttp.Reply badStatus = http().post("/api/v2/tickets.json",
                "{\"ticket\": {\"comment\": {\"body\": \"x\"}, \"status\": \"done\"}}");
        assertThat(badStatus.status()).isEqualTo(422);
        assertThat(badStatus.json().at("/details/status/0/description").asText()).contains("'done'");

        TestHttp.Reply malformed = http().post("/api/v2/tickets.json", "{\"ticket\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("description").asText()).contains("not valid JSON");
    }

    @Test
    void unknownTicketIs404RecordNotFound() {
        TestHttp.Reply reply = http().get("/api/v2/tickets/424242.json");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("error").asText()).isEqualTo("RecordNotFound");
        assertThat(reply.json().get("description").asText()).isEqualTo("Not found");
    }

    @Test
    void updateAddsPrivateCommentTagsAndMergesCustomFields() {
        JsonNode ticket = create("""
                {"subject": "S", "comment": {"body": "first"}, "tags": ["a", "b"],
                 "custom_fields": [{"id": 1, "value": "one"}, {"id": 2, "value": "two"}]}""");
        long id = ticket.get("id").asLong();

        TestHttp.Reply reply = http().put("/api/v2/tickets/" + id + ".json", """
                {"ticket": {"status": "pending", "comment": {"html_body": "<p>secret &amp; note</p>", "public": false},
                 "additional_tags": ["c"], "remove_tags": ["a"], "custom_fields": [{"id": 2, "value": "deux"}],
                 "id": 999, "url": "ignored", "created_at": "2000-01-01T00:00:00Z"}}""");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode updated = reply.json().get("ticket");
        assertThat(updated.get("id").asLong()).isEqualTo(id);
        assertThat(updated.get("status").asText()).isEqualTo("pending");
        assertThat(updated.get("tags")).extracting(JsonNode::asText).containsExactly("b", "c");
        assertThat(updated.get("custom_fields")).extracting(f -> f.get("value").asText()).containsExactly("one", "deux");
        assertThat(updated.get("description").asText()).isEqualTo("first");
        assertThat(reply.json().at("/audit/events")).anySatisfy(e -> {
            assertThat(e.get("type").asText()).isEqualTo("Change");
            assertThat(e.get("field_name").asText()).isEqualTo("status");
            assertThat(e.get("previous_value").asText()).isEqualTo("new");
        });

        JsonNode comments = http().get("/api/v2/tickets/" + id + "/comments.json").json().get("comments");
        assertThat(comments).hasSize(2);
        assertThat(comments.get(1).get("public").asBoolean()).isFalse();
        assertThat(comments.get(1).get("body").asText()).isEqualTo("secret & note");
        assertThat(comments.get(1).get("html_body").asText()).isEqualTo("<p>secret &amp; note</p>");
        assertThat(comments.get(1).get("type").asText()).isEqualTo("Comment");
    }

    @Test
    void explicitNullClearsAndAssigningANewTicketOpensIt() {
        long id = create("{\"comment\": {\"body\": \"x\"}, \"priority\": \"low\", \"external_id\": \"E\"}")
                .get("id").asLong();
        long agent = emulator().agent().id();

        JsonNode updated = http().put("/api/v2/tickets/" + id + ".json",
                "{\"ticket\": {\"priority\": null, \"external_id\": null, \"assignee_id\": " + agent + "}}")
                .json().get("ticket");

        assertThat(updated.get("priority").isNull()).isTrue();
        assertThat(updated.get("external_id").isNull()).isTrue();
        assertThat(updated.get("assignee_id").asLong()).isEqualTo(agent);
        assertThat(updated.get("status").asText()).isEqualTo("open");
    }

    @Test
    void closedTicketRejectsUpdatesAndSafeUpdateDetectsConflicts() {
        long id = create("{\"comment\": {\"body\": \"x\"}}").get("id").asLong();
        TestHttp.Reply conflict = http().put("/api/v2/tickets/" + id + ".json",
                "{\"ticket\": {\"subject\": \"y\", \"safe_update\": true, \"updated_stamp\": \"2001-01-01T00:00:00Z\"}}");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().get("error").asText()).isEqualTo("UpdateConflict");

        http().put("/api/v2/tickets/" + id + ".json", "{\"ticket\": {\"status\": \"closed\"}}");
        TestHttp.Reply reply = http().put("/api/v2/tickets/" + id + ".json", "{\"ticket\": {\"subject\": \"z\"}}");
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().at("/details/status/0/description").asText())
                .isEqualTo("Status: closed prevents ticket update");
    }

    @Test
    void listFiltersByExternalIdAndPagesByCursorAndOffset() {
        for (int i = 1; i <= 5; i++) {
            create("{\"subject\": \"T" + i + "\", \"comment\": {\"body\": \"x\"}, \"external_id\": \""
                    + (i % 2 == 0 ? "even" : "odd") + "\"}");
        }
        assertThat(http().get("/api/v2/tickets.json?external_id=even").json().get("tickets"))
                .extracting(t -> t.get("subject").asText()).containsExactly("T2", "T4");

        JsonNode first = http().get("/api/v2/tickets.json?page[size]=2").json();
        assertThat(first.get("tickets")).extracting(t -> t.get("subject").asText()).containsExactly("T1", "T2");
        assertThat(first.at("/meta/has_more").asBoolean()).isTrue();
        JsonNode second = http().get(first.at("/links/next").asText()).json();
        assertThat(second.get("tickets")).extracting(t -> t.get("subject").asText()).containsExactly("T3", "T4");
        JsonNode third = http().get(second.at("/links/next").asText()).json();
        assertThat(third.get("tickets")).extracting(t -> t.get("subject").asText()).containsExactly("T5");
        assertThat(third.at("/meta/has_more").asBoolean()).isFalse();
        assertThat(third.at("/links/next").isNull()).isTrue();

        JsonNode offset = http().get("/api/v2/tickets.json?per_page=3&page=2").json();
        assertThat(offset.get("tickets")).extracting(t -> t.get("subject").asText()).containsExactly("T4", "T5");
        assertThat(offset.get("count").asInt()).isEqualTo(5);
        assertThat(offset.get("next_page").isNull()).isTrue();
        assertThat(offset.get("previous_page").asText()).contains("page=1");
    }

    @Test
    void showManyAndDeleteAndCommentsOrder() {
        long a = create("{\"comment\": {\"body\": \"a\"}}").get("id").asLong();
        long b = create("{\"comment\": {\"body\": \"b\"}}").get("id").asLong();
        http().put("/api/v2/tickets/" + a + ".json", "{\"ticket\": {\"comment\": \"second\"}}");

        assertThat(http().get("/api/v2/tickets/show_many.json?ids=" + a + "," + b + ",777").json().get("tickets"))
                .hasSize(2);
        assertThat(http().get("/api/v2/tickets/" + a + "/comments.json?sort_order=desc").json().get("comments"))
                .extracting(c -> c.get("body").asText()).containsExactly("second", "a");

        assertThat(http().delete("/api/v2/tickets/" + b + ".json").status()).isEqualTo(204);
        assertThat(http().get("/api/v2/tickets/" + b + ".json").status()).isEqualTo(404);
        assertThat(http().delete("/api/v2/tickets/" + b + ".json").status()).isEqualTo(404);
        assertThat(emulator().tickets()).extracting(ZendeskTicket::id).containsExactly(a);
    }

    @Test
    void unknownEndpointAndWrongMethodAnswerInZendeskShape() {
        assertThat(http().get("/api/v2/macros.json").status()).isEqualTo(404);
        TestHttp.Reply wrongMethod = http().send("PATCH", "/api/v2/tickets.json", "{}");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().has("error")).isTrue();
    }
}
