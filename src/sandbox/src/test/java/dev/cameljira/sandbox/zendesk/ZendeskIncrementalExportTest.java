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

/** The cursor-based and time-based incremental ticket exports. */
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
}
