package dev.cameljira.sandbox.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.emulator.EmulatorServerExtension;
import dev.cameljira.sandbox.emulator.MutableClock;
import dev.cameljira.sandbox.emulator.TestHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /api/v2/tickets/{id}/audits[/{audit_id}|/count]}: every write that changed a ticket or added a comment
 * is one audit with Zendesk's events (Comment, Create, Change with previous_value), the same audit the write answered
 * with.
 */
class ZendeskTicketAuditsTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));

    @RegisterExtension
    static final EmulatorServerExtension<ZendeskTestServer> ENV = new EmulatorServerExtension<>(
            () -> new ZendeskTestServer(CLOCK), server -> server.emulator.reset());

    private static ZendeskEmulator emulator() {
        return ENV.server().emulator;
    }

    private static TestHttp http() {
        return ENV.server().asAgent();
    }

    private static JsonNode audits(long ticket) {
        TestHttp.Reply reply = http().get("/api/v2/tickets/" + ticket + "/audits.json");
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        return reply.json();
    }

    /** "type field_name previous -> value" for the Create / Change events of an audit, "Comment body" for comments. */
    private static List<String> describe(JsonNode audit) {
        List<String> events = new ArrayList<>();
        for (JsonNode e : audit.get("events")) {
            String type = e.get("type").asText();
            events.add(switch (type) {
                case "Comment" -> "Comment " + e.get("body").asText()
                        + (e.get("public").asBoolean() ? "" : " (private)");
                case "Create" -> "Create " + e.get("field_name").asText() + " " + e.get("value");
                default -> type + " " + e.get("field_name").asText() + " " + e.get("previous_value") + " -> "
                        + e.get("value");
            });
        }
        return events;
    }

    @Test
    void statusChangeAndCommentAreListedWithPreviousValuesOldestFirst() {
        ZendeskUser ann = emulator().createUser("Ann Agent", "ann@example.com", ZendeskRole.AGENT);
        TestHttp.Reply created = http().post("/api/v2/tickets.json", """
                {"ticket": {"subject": "Printer on fire", "comment": {"body": "Help!"}, "priority": "high",
                 "tags": ["printer"], "custom_fields": [{"id": 27642, "value": "745"}]}}""");
        long id = created.json().at("/ticket/id").asLong();
        CLOCK.advance(Duration.ofMinutes(1));
        TestHttp.Reply updated = http().put("/api/v2/tickets/" + id + ".json", """
                {"ticket": {"status": "pending", "comment": {"body": "Looking into it", "public": false}}}""");
        CLOCK.advance(Duration.ofMinutes(1));
        http().put("/api/v2/tickets/" + id + ".json", "{\"ticket\": {\"assignee_id\": " + ann.id()
                + ", \"priority\": \"urgent\", \"additional_tags\": [\"fire\"],"
                + " \"custom_fields\": [{\"id\": 27642, \"value\": \"746\"}]}}");

        JsonNode answer = audits(id);
        JsonNode list = answer.get("audits");

        assertThat(list).hasSize(3);
        long agent = emulator().agent().id();
        assertThat(describe(list.get(0))).containsExactly("Comment Help!", "Create subject \"Printer on fire\"",
                "Create status \"new\"", "Create priority \"high\"", "Create requester_id \"" + agent + "\"",
                "Create tags [\"printer\"]", "Create 27642 \"745\"");
        assertThat(describe(list.get(1))).containsExactly("Comment Looking into it (private)",
                "Change status \"new\" -> \"pending\"");
        assertThat(describe(list.get(2))).containsExactly("Change priority \"high\" -> \"urgent\"",
                "Change assignee_id null -> \"" + ann.id() + "\"",
                "Change tags [\"printer\"] -> [\"printer\",\"fire\"]",
                "Change 27642 \"745\" -> \"746\"");
        assertThat(list).extracting(a -> a.get("created_at").asText())
                .containsExactly("2026-11-28T10:00:00Z", "2026-11-28T10:01:00Z", "2026-11-28T10:02:00Z")
                .isSortedAccordingTo(String::compareTo);
        assertThat(list).allSatisfy(a -> {
            assertThat(a.get("ticket_id").asLong()).isEqualTo(id);
            assertThat(a.get("author_id").asLong()).isEqualTo(agent);
            assertThat(a.at("/via/channel").asText()).isEqualTo("api");
            assertThat(a.get("metadata").isObject()).isTrue();
        });
        assertThat(answer.get("count").asInt()).isEqualTo(3);
        assertThat(answer.get("next_page").isNull()).isTrue();

        assertThat(list.get(0)).as("the create's own answer").isEqualTo(created.json().get("audit"));
        assertThat(list.get(1)).as("the update's own answer").isEqualTo(updated.json().get("audit"));
        JsonNode comments = http().get("/api/v2/tickets/" + id + "/comments.json").json().get("comments");
        assertThat(list.get(1).at("/events/0/id").asLong()).isEqualTo(comments.get(1).get("id").asLong());
        assertThat(comments.get(1).get("audit_id").asLong()).isEqualTo(list.get(1).get("id").asLong());
    }

    @Test
    void everyKindOfWriteAddsOneAuditAndAWriteThatChangesNothingAddsNone() {
        long id = emulator().createTicket("Subject", "first").id();
        emulator().addComment(id, NewComment.publicComment("from the admin API"));
        http().post("/api/v2/tickets/" + id + "/tags.json", "{\"tags\": [\"a\", \"b\"]}");
        http().delete("/api/v2/tickets/" + id + "/tags.json?tags=a");
        http().put("/api/v2/tickets/update_many.json?ids=" + id, "{\"ticket\": {\"status\": \"open\"}}");
        http().put("/api/v2/tickets/" + id + ".json", "{\"ticket\": {\"status\": \"open\", \"subject\": \"Subject\"}}");
        http().put("/api/v2/tickets/" + id + ".json", "{\"ticket\": {\"status\": \"solved\"}}");

        JsonNode list = audits(id).get("audits");

        assertThat(list).extracting(a -> String.join("; ", describe(a))).containsExactly(
                "Comment first; Create subject \"Subject\"; Create status \"new\"; Create requester_id \""
                        + emulator().agent().id() + "\"",
                "Comment from the admin API",
                "Change tags [] -> [\"a\",\"b\"]",
                "Change tags [\"a\",\"b\"] -> [\"b\"]",
                "Change status \"new\" -> \"open\"",
                "Change status \"open\" -> \"solved\"; Change assignee_id null -> \"" + emulator().agent().id() + "\"");
        assertThat(http().get("/api/v2/tickets/" + id + "/audits/count.json").json().at("/count/value").asInt())
                .isEqualTo(6);
    }

    @Test
    void auditsPageByOffsetAndByCursorAndShowOneById() {
        long id = emulator().createTicket("S", "d").id();
        for (int i = 0; i < 4; i++) {
            emulator().addComment(id, NewComment.publicComment("c" + i));
        }

        JsonNode first = http().get("/api/v2/tickets/" + id + "/audits.json?per_page=2").json();
        assertThat(first.get("audits")).hasSize(2);
        assertThat(first.get("count").asInt()).isEqualTo(5);
        assertThat(first.get("previous_page").isNull()).isTrue();
        String base = ENV.server().baseUrl();
        assertThat(first.get("next_page").asText())
                .isEqualTo(base + "/api/v2/tickets/" + id + "/audits.json?page=2&per_page=2");
        JsonNode last = http().get(base + "/api/v2/tickets/" + id + "/audits.json?page=3&per_page=2").json();
        assertThat(last.get("audits")).hasSize(1);
        assertThat(last.get("next_page").isNull()).isTrue();

        List<Long> ids = new ArrayList<>();
        String next = "/api/v2/tickets/" + id + "/audits.json?page[size]=2";
        while (next != null) {
            JsonNode page = http().get(next).json();
            page.get("audits").forEach(a -> ids.add(a.get("id").asLong()));
            next = page.at("/meta/has_more").asBoolean() ? page.at("/links/next").asText() : null;
        }
        assertThat(ids).hasSize(5).isSorted().doesNotHaveDuplicates();
        List<Long> newestFirst = new ArrayList<>(ids);
        java.util.Collections.reverse(newestFirst);
        assertThat(http().get("/api/v2/tickets/" + id + "/audits.json?sort_order=desc").json().get("audits"))
                .extracting(a -> a.get("id").asLong()).containsExactlyElementsOf(newestFirst);

        JsonNode one = http().get("/api/v2/tickets/" + id + "/audits/" + ids.get(2) + ".json").json().get("audit");
        assertThat(describe(one)).containsExactly("Comment c1");
        long other = emulator().createTicket("Other", "x").id();
        assertThat(http().get("/api/v2/tickets/" + other + "/audits/" + ids.get(2) + ".json").status())
                .as("another ticket's audit").isEqualTo(404);
        assertThat(http().get("/api/v2/tickets/" + id + "/audits/1.json").json().get("error").asText())
                .isEqualTo("RecordNotFound");
    }

    @Test
    void sideLoadsNameTheAuthorsAndTheTicket() {
        ZendeskUser customer = emulator().customer();
        long id = emulator().createTicket(TicketDraft.of("S", "d").withRequesterId(customer.id())).id();
        emulator().addComment(id, NewComment.publicComment("reply").withAuthorId(customer.id()));

        JsonNode answer = http().get("/api/v2/tickets/" + id + "/audits.json?include=users,tickets,groups").json();

        assertThat(answer.get("users")).extracting(u -> u.get("id").asLong())
                .containsExactlyInAnyOrder(emulator().agent().id(), customer.id());
        assertThat(answer.get("tickets")).extracting(t -> t.get("id").asLong()).containsExactly(id);
        assertThat(answer.get("groups")).isEmpty();
    }

    @Test
    void endUsersUnknownAndDeletedTicketsGetZendesksErrors() {
        long id = emulator().createTicket("S", "d").id();
        ZendeskUser customer = emulator().customer();
        emulator().addApiToken(customer.id(), "customer-token");
        TestHttp asCustomer = new TestHttp(ENV.server().baseUrl(),
                TestHttp.basic(customer.email() + "/token", "customer-token"));

        TestHttp.Reply forbidden = asCustomer.get("/api/v2/tickets/" + id + "/audits.json");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().get("error").asText()).isEqualTo("Forbidden");
        assertThat(http().get("/api/v2/tickets/424242/audits.json").status()).isEqualTo(404);
        emulator().deleteTicket(id);
        assertThat(http().get("/api/v2/tickets/" + id + "/audits.json").status()).isEqualTo(404);
        assertThat(http().send("POST", "/api/v2/tickets/" + id + "/audits.json", "{}").status())
                .as("audits are read-only").isEqualTo(405);
    }
}
