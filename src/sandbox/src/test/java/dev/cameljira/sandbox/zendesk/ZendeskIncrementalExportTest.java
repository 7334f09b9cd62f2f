package dev.cameljira.sandbox.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.emulator.MutableClock;
import dev.cameljira.sandbox.emulator.TestHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cursor-based and time-based incremental ticket and user exports. */
class ZendeskIncrementalExportTest {
    private static final Instant START = Instant.parse("2026-11-28T10:00:00Z");
    private MutableClock clock;
    private ZendeskTestServer server;
    private TestHttp http;

    @BeforeEach
    void start() throws Exception {
        clock = new MutableClock(START);
        server = new ZendeskTestServer(clock);
        http = server.asAgent();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static List<String> subjects(JsonNode page) {
        List<String> subjects = new ArrayList<>();
        page.get("tickets").forEach(t -> subjects.add(t.get("subject").asText()));
        return subjects;
    }

    @Test
    void cursorExportPagesToTheEndAndLaterChangesAppearAfterTheCursor() {
        for (int i = 1; i <= 3; i++) {
            server.emulator.createTicket("T" + i, "x");
            clock.advance(Duration.ofSeconds(10));
        }
        JsonNode first = http.get("/api/v2/incremental/tickets/cursor.json?per_page=2&start_time="
                + START.getEpochSecond()).json();
        assertThat(subjects(first)).containsExactly("T1", "T2");
        assertThat(first.get("end_of_stream").asBoolean()).isFalse();

        JsonNode second = http.get(first.get("after_url").asText()).json();
        assertThat(subjects(second)).containsExactly("T3");
        assertThat(second.get("end_of_stream").asBoolean()).isTrue();
        assertThat(second.get("before_cursor").isNull()).isTrue();

        JsonNode idle = http.get("/api/v2/incremental/tickets/cursor.json?cursor=" + second.get("after_cursor").asText())
                .json();
        assertThat(subjects(idle)).isEmpty();
        assertThat(idle.get("end_of_stream").asBoolean()).isTrue();

        long t1 = server.emulator.tickets().get(0).id();
        server.emulator.updateTicket(t1, TicketUpdate.none().withStatus(ZendeskStatus.OPEN));
        server.emulator.deleteTicket(server.emulator.tickets().get(1).id());
        JsonNode changed = http.get(idle.get("after_url").asText()).json();
        assertThat(subjects(changed)).containsExactly("T1", "T2");
        assertThat(changed.get("tickets")).extracting(t -> t.get("status").asText()).containsExactly("open", "deleted");
    }

    @Test
    void aChangeInTheSameSecondAsTheLastPageIsNotMissed() {
        ZendeskTicket a = server.emulator.createTicket("A", "x");
        ZendeskTicket b = server.emulator.createTicket("B", "x");
        JsonNode page = http.get("/api/v2/incremental/tickets/cursor.json?start_time=" + START.getEpochSecond()).json();
        assertThat(subjects(page)).containsExactly("A", "B");

        server.emulator.updateTicket(a.id(), TicketUpdate.none().withSubject("A2"));

        assertThat(subjects(http.get(page.get("after_url").asText()).json())).containsExactly("A2");
        assertThat(b.generatedTimestamp()).isEqualTo(a.generatedTimestamp());
    }

    @Test
    void timeBasedExportReportsEndTimeAndNextPage() {
        server.emulator.createTicket("Old", "x");
        clock.advance(Duration.ofMinutes(5));
        Instant middle = clock.instant();
        server.emulator.createTicket("New", "x");
        clock.advance(Duration.ofMinutes(5));

        JsonNode page = http.get("/api/v2/incremental/tickets.json?start_time=" + middle.getEpochSecond()).json();

        assertThat(subjects(page)).containsExactly("New");
        assertThat(page.get("count").asInt()).isEqualTo(1);
        assertThat(page.get("end_time").asLong()).isEqualTo(middle.getEpochSecond());
        assertThat(page.get("end_of_stream").asBoolean()).isTrue();
        assertThat(page.get("next_page").asText()).endsWith("start_time=" + middle.getEpochSecond());
    }

    @Test
    void missingOrFutureStartTimeIs400() {
        assertThat(http.get("/api/v2/incremental/tickets.json").status()).isEqualTo(400);
        TestHttp.Reply future = http.get("/api/v2/incremental/tickets/cursor.json?start_time="
                + (START.getEpochSecond() + 3600));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("description").asText()).contains("future");
        assertThat(http.get("/api/v2/incremental/tickets/cursor.json?cursor=garbage").status()).isEqualTo(400);
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("users").forEach(u -> names.add(u.get("name").asText() + (u.get("active").asBoolean() ? "" : " (deleted)")));
        return names;
    }

    @Test
    void userExportsListUsersChangedSinceTheStartDeletedOnesIncluded() {
        clock.advance(Duration.ofMinutes(10));
        Instant since = clock.instant();
        ZendeskUser ann = server.emulator.createUser("Ann", "ann@example.com", ZendeskRole.AGENT);
        clock.advance(Duration.ofSeconds(10));
        ZendeskUser bob = server.emulator.createUser("Bob", "bob@example.com", ZendeskRole.END_USER);
        clock.advance(Duration.ofSeconds(10));
        http.put("/api/v2/users/" + ann.id() + ".json", "{\"user\": {\"name\": \"Ann Agent\"}}");
        http.delete("/api/v2/users/" + bob.id() + ".json");
        clock.advance(Duration.ofSeconds(10));

        JsonNode timeBased = http.get("/api/v2/incremental/users.json?start_time=" + since.getEpochSecond()).json();
        assertThat(names(timeBased)).containsExactly("Ann Agent", "Bob (deleted)");
        assertThat(timeBased.get("count").asInt()).isEqualTo(2);
        assertThat(timeBased.get("end_of_stream").asBoolean()).isTrue();
        assertThat(timeBased.get("end_time").asLong()).isEqualTo(since.getEpochSecond() + 20);
        assertThat(timeBased.get("next_page").asText()).isEqualTo(server.baseUrl()
                + "/api/v2/incremental/users.json?start_time=" + (since.getEpochSecond() + 20));
        assertThat(names(http.get("/api/v2/incremental/users.json?start_time=" + START.getEpochSecond()).json()))
                .as("the seeded users changed before").contains("Sandbox Agent", "Sandbox Customer");

        JsonNode first = http.get("/api/v2/incremental/users/cursor.json?per_page=1&start_time="
                + since.getEpochSecond()).json();
        assertThat(names(first)).containsExactly("Ann Agent");
        assertThat(first.get("end_of_stream").asBoolean()).isFalse();
        assertThat(first.get("before_cursor").isNull()).isTrue();
        JsonNode second = http.get(first.get("after_url").asText()).json();
        assertThat(names(second)).containsExactly("Bob (deleted)");
        assertThat(second.get("end_of_stream").asBoolean()).isTrue();

        http.put("/api/v2/users/" + ann.id() + ".json", "{\"user\": {\"suspended\": true}}");
        JsonNode later = http.get("/api/v2/incremental/users/cursor.json?cursor=" + second.get("after_cursor").asText()
                + "&include=identities").json();
        assertThat(names(later)).as("a change in the same second is not missed").containsExactly("Ann Agent");
        assertThat(later.at("/users/0/suspended").asBoolean()).isTrue();
        assertThat(later.get("identities")).extracting(i -> i.get("value").asText()).containsExactly("ann@example.com");
    }

    @Test
    void userExportsAreForAdminsAndNeedAStartTimeOrCursor() {
        ZendeskUser ann = server.emulator.createUser("Ann", "ann@example.com", ZendeskRole.AGENT);
        server.emulator.addApiToken(ann.id(), "ann-token");
        TestHttp asAgent = new TestHttp(server.baseUrl(), TestHttp.basic("ann@example.com/token", "ann-token"));

        TestHttp.Reply forbidden = asAgent.get("/api/v2/incremental/users.json?start_time=0");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().get("error").asText()).isEqualTo("Forbidden");
        assertThat(asAgent.get("/api/v2/incremental/users/cursor.json?start_time=0").status()).isEqualTo(403);
        assertThat(http.get("/api/v2/incremental/users.json").status()).isEqualTo(400);
        assertThat(http.get("/api/v2/incremental/users/cursor.json?cursor=garbage").status()).isEqualTo(400);
        assertThat(http.get("/api/v2/incremental/users.json?start_time=" + (START.getEpochSecond() + 3600)).json()
                .get("description").asText()).contains("future");
    }
}
