package dev.cameljira.sandbox.servicenow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.emulator.MutableClock;
import dev.cameljira.sandbox.emulator.TestHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stock incident rules: priority, state stamps, reopening, journal rendering, no-op updates. */
class ServiceNowBusinessRulesTest {
    private MutableClock clock;
    private ServiceNowTestServer server;
    private TestHttp http;

    @BeforeEach
    void start() throws Exception {
        clock = new MutableClock(Instant.parse("2026-11-28T10:15:30Z"));
        server = new ServiceNowTestServer(clock);
        http = server.asAdmin();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void priorityFollowsImpactAndUrgency() {
        assertThat(server.emulator.createIncident("defaults").priority()).isEqualTo(5);
        assertThat(server.emulator.createIncident(Map.of("impact", "1", "urgency", "1")).priority()).isEqualTo(1);
        assertThat(server.emulator.createIncident(Map.of("impact", "2", "urgency", "3")).priority()).isEqualTo(4);
        assertThat(server.emulator.createIncident(Map.of("priority", "2")).priority()).isEqualTo(2);
        Incident i = server.emulator.createIncident(Map.of("impact", "3", "urgency", "3"));
        assertThat(server.emulator.updateIncident(i.sysId(), Map.of("urgency", "1")).priority()).isEqualTo(3);
    }

    @Test
    void resolvingClosingAndReopeningStampTheRecord() {
        Incident i = server.emulator.createIncident("lifecycle");
        assertThat(i.active()).isTrue();
        assertThat(i.state()).isEqualTo(IncidentState.NEW);
        assertThat(i.openedBy()).isEqualTo(server.emulator.admin().sysId());

        clock.advance(Duration.ofMinutes(5));
        Incident resolved = server.emulator.updateIncident(i.sysId(), Map.of("state", "6",
                "close_code", "Workaround provided", "close_notes", "Restarted the service"));
        assertThat(resolved.resolvedAt()).isEqualTo(Instant.parse("2026-11-28T10:20:30Z"));
        assertThat(resolved.active()).isTrue();

        Incident closed = server.emulator.updateIncident(i.sysId(), Map.of("state", "7"));
        assertThat(closed.active()).isFalse();
        assertThat(closed.closedAt()).isNotNull();

        Incident reopened = server.emulator.updateIncident(i.sysId(), Map.of("state", "2"));
        assertThat(reopened.active()).isTrue();
        assertThat(reopened.resolvedAt()).isNull();
        assertThat(reopened.closedAt()).isNull();
        assertThat(http.get("/api/now/table/incident/" + i.sysId()).json().at("/result/reopen_count").asText())
                .isEqualTo("1");
        assertThat(reopened.modCount()).isEqualTo(3);
        assertThat(http.get("/api/now/table/incident/" + i.sysId()).json().at("/result/incident_state").asText())
                .isEqualTo("2");
    }

    @Test
    void resolvingOrClosingWithoutResolutionInfoViolatesTheDataPolicyAndChangesNothing() {
        Incident i = server.emulator.createIncident("needs closing info");
        clock.advance(Duration.ofMinutes(1));
        String path = "/api/now/table/incident/" + i.sysId();

        TestHttp.Reply both = http.patch(path, "{\"state\": \"6\", \"comments\": \"fixed, I think\"}");
        assertThat(both.status()).isEqualTo(403);
        assertThat(both.json().at("/error/message").asText()).isEqualTo("Operation Failed");
        assertThat(both.json().at("/error/detail").asText()).isEqualTo(
                "Data Policy Exception: \n\tThe following fields are mandatory: Resolution code, Resolution notes");
        assertThat(both.json().get("status").asText()).isEqualTo("failure");
        TestHttp.Reply notes = http.patch(path, "{\"state\": \"7\", \"close_code\": \"Solution provided\"}");
        assertThat(notes.status()).isEqualTo(403);
        assertThat(notes.json().at("/error/detail").asText()).endsWith("are mandatory: Resolution notes");
        assertThat(server.emulator.incident(i.sysId()).orElseThrow()).isEqualTo(i);
        assertThat(server.emulator.journal(i.sysId())).isEmpty();

        TestHttp.Reply insert = http.post("/api/now/table/incident",
                "{\"short_description\": \"born resolved\", \"state\": \"6\", \"close_notes\": \"done\"}");
        assertThat(insert.status()).isEqualTo(403);
        assertThat(insert.json().at("/error/detail").asText()).endsWith("are mandatory: Resolution code");
        assertThat(server.emulator.incidents()).hasSize(1);
        assertThatThrownBy(() -> server.emulator.updateIncident(i.sysId(), Map.of("state", "6")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Data Policy Exception");

        http.patch(path, "{\"close_code\": \"Solution provided\", \"close_notes\": \"Replaced the disk\"}");
        TestHttp.Reply resolved = http.patch(path, "{\"state\": \"6\"}");
        assertThat(resolved.status()).as("close info already on the record").isEqualTo(200);
        assertThat(resolved.json().at("/result/state").asText()).isEqualTo("6");
        TestHttp.Reply cleared = http.patch(path, "{\"close_notes\": \"\"}");
        assertThat(cleared.status()).as("emptying close_notes of a resolved incident").isEqualTo(403);
        TestHttp.Reply reopened = http.patch(path, "{\"state\": \"2\", \"close_code\": \"\"}");
        assertThat(reopened.status()).isEqualTo(200);
        assertThat(reopened.json().at("/result/close_code").asText()).isEmpty();
        assertThat(reopened.json().at("/result/close_notes").asText()).isEqualTo("Replaced the disk");
        assertThat(http.patch(path, "{\"state\": \"8\"}").status()).as("Canceled needs no close info")
                .isEqualTo(200);
    }

    @Test
    void closeCodeTakesTheStockChoicesOnly() {
        Incident i = server.emulator.createIncident("which code");
        String path = "/api/now/table/incident/" + i.sysId();

        TestHttp.Reply legacy = http.patch(path, "{\"close_code\": \"Solved (Permanently)\"}");
        assertThat(legacy.status()).isEqualTo(400);
        assertThat(legacy.json().at("/error/detail").asText()).contains("close_code").contains("Solved (Permanently)")
                .contains("Solution provided").contains("Workaround provided").contains("Resolved by caller");
        for (String code : List.of("Duplicate", "Known error", "No resolution provided", "Resolved by caller",
                "Resolved by change", "Resolved by problem", "Resolved by request", "Solution provided",
                "Workaround provided", "User error")) {
            assertThat(http.patch(path, "{\"close_code\": \"" + code + "\"}").status()).as(code).isEqualTo(200);
        }
        JsonNode display = http.get(path + "?sysparm_display_value=all&sysparm_fields=close_code").json();
        assertThat(display.at("/result/close_code/value").asText()).isEqualTo("User error");
        assertThat(display.at("/result/close_code/display_value").asText()).isEqualTo("User error");
    }

    @Test
    void journalFieldsReadEmptyAsValuesAndAsTextAsDisplayValues() {
        Incident i = server.emulator.createIncident(Map.of("short_description", "j", "comments", "first"));
        clock.advance(Duration.ofSeconds(30));
        server.emulator.addWorkNote(i.sysId(), "internal");
        clock.advance(Duration.ofSeconds(30));
        http.patch("/api/now/table/incident/" + i.sysId(), "{\"comments\": \"second\"}");

        JsonNode raw = http.get("/api/now/table/incident/" + i.sysId()).json().get("result");
        assertThat(raw.get("comments").asText()).isEmpty();
        assertThat(raw.get("work_notes").asText()).isEmpty();

        JsonNode display = http.get("/api/now/table/incident/" + i.sysId() + "?sysparm_display_value=true")
                .json().get("result");
        assertThat(display.get("comments").asText()).isEqualTo(
                "2026-11-28 10:16:30 - System Administrator (Additional comments)\nsecond\n\n"
                        + "2026-11-28 10:15:30 - System Administrator (Additional comments)\nfirst\n\n");
        assertThat(display.get("work_notes").asText())
                .isEqualTo("2026-11-28 10:16:00 - System Administrator (Work notes)\ninternal\n\n");
        assertThat(display.get("comments_and_work_notes").asText()).containsSubsequence("second", "internal", "first");
        assertThat(server.emulator.journal(i.sysId())).extracting(JournalEntry::element)
                .containsExactly("comments", "work_notes", "comments");
    }

    @Test
    void anUpdateThatChangesNothingLeavesTheRecordAlone() {
        Incident i = server.emulator.createIncident("same");
        clock.advance(Duration.ofMinutes(1));
        Incident after = server.emulator.updateIncident(i.sysId(), Map.of("short_description", "same",
                "sys_updated_on", "2000-01-01 00:00:00", "number", "INC9999999"));
        assertThat(after.modCount()).isZero();
        assertThat(after.updatedOn()).isEqualTo(i.updatedOn());
        assertThat(after.number()).isEqualTo(i.number());
    }

    @Test
    void adminApiReportsBadInputAndUnknownRecords() {
        assertThatThrownBy(() -> server.emulator.createIncident(Map.of("state", "42")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("state");
        assertThatThrownBy(() -> server.emulator.updateIncident("0".repeat(32), Map.of("state", "2")))
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> server.emulator.addComment(server.emulator.createIncident("x").sysId(), " "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
