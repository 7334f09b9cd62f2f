package dev.cameljira.sandbox.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cameljira.sandbox.emulator.CamelClientExtension;
import dev.cameljira.sandbox.emulator.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.component.servicenow.ServiceNowConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How a sync polls ServiceNow through camel-servicenow: the journal entries (comments and work notes) written since
 * its last run, and the incidents updated since then. Stored date-times are UTC, and a plain
 * {@code yyyy-MM-dd HH:mm:ss} value in an encoded query is compared as UTC too.
 */
class ServiceNowJournalCamelTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));

    @RegisterExtension
    static final CamelClientExtension<ServiceNowTestServer> ENV = new CamelClientExtension<>(
            () -> new ServiceNowTestServer(CLOCK), server -> server.emulator.reset());

    private static ServiceNowEmulator emulator() {
        return ENV.server().emulator;
    }

    private static List<Map<String, Object>> retrieve(String table, Map<String, Object> headers) {
        Map<String, Object> all = new LinkedHashMap<>(headers);
        all.put(ServiceNowConstants.ACTION, ServiceNowConstants.ACTION_RETRIEVE);
        String uri = "servicenow:sandbox?apiUrl=RAW(" + ENV.server().baseUrl() + "/api)&userName=admin&password=RAW("
                + ServiceNowEmulator.ADMIN_PASSWORD + ")&resource=table&table=" + table;
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = ENV.template().requestBodyAndHeaders(uri, null, all, List.class);
        return rows;
    }

    @Test
    void aSyncReadsTheJournalEntriesWrittenSinceItsLastRunInOrder() {
        Instant start = CLOCK.instant();
        Incident synced = emulator().createIncident(Map.of("short_description", "Synced",
                "comments", "before the last run"));
        Incident other = emulator().createIncident("Not ours");
        CLOCK.advance(Duration.ofSeconds(90));
        emulator().addWorkNote(synced.sysId(), "exactly at the last run");
        String lastRun = "2026-11-28 10:01:30";
        CLOCK.advance(Duration.ofSeconds(45));
        emulator().addComment(synced.sysId(), "after the last run");
        emulator().addWorkNote(synced.sysId(), "same second, written second");
        emulator().addComment(other.sysId(), "another incident");
        CLOCK.advance(Duration.ofSeconds(10));

        List<Map<String, Object>> entries = retrieve("sys_journal_field", Map.of(
                ServiceNowConstants.SYSPARM_QUERY, "element_id=" + synced.sysId()
                        + "^elementINcomments,work_notes^sys_created_on>=" + lastRun + "^ORDERBYsys_created_on"));

        assertThat(entries).extracting(e -> e.get("value")).containsExactly("exactly at the last run",
                "after the last run", "same second, written second");
        assertThat(entries).extracting(e -> e.get("element")).containsExactly("work_notes", "comments", "work_notes");
        assertThat(entries).extracting(e -> e.get("sys_created_on"))
                .containsExactly(lastRun, "2026-11-28 10:02:15", "2026-11-28 10:02:15");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e).containsEntry("element_id", synced.sysId()).containsEntry("name", "incident")
                    .containsEntry("sys_created_by", "admin");
            assertThat((String) e.get("sys_id")).matches("[0-9a-f]{32}");
        });

        List<Map<String, Object>> commentsOnly = retrieve("sys_journal_field", Map.of(
                ServiceNowConstants.SYSPARM_QUERY, "element_id=" + synced.sysId() + "^elementINcomments"
                        + "^sys_created_on>" + lastRun + "^ORDERBYDESCsys_created_on",
                ServiceNowConstants.SYSPARM_FIELDS, "value,sys_created_on"));
        assertThat(commentsOnly).containsExactly(Map.of("value", "after the last run",
                "sys_created_on", "2026-11-28 10:02:15"));

        List<Map<String, Object>> updated = retrieve("incident", Map.of(
                ServiceNowConstants.SYSPARM_QUERY, "sys_updated_on>=" + lastRun + "^ORDERBYsys_updated_on",
                ServiceNowConstants.SYSPARM_FIELDS, "number,sys_updated_on",
                ServiceNowConstants.SYSPARM_DISPLAY_VALUE, "all"));
        assertThat(updated).extracting(r -> (Object) ((Map<?, ?>) r.get("number")).get("value"))
                .containsExactly(synced.number(), other.number());
        assertThat(retrieve("incident", Map.of(ServiceNowConstants.SYSPARM_QUERY,
                "sys_updated_on<" + GlideTime.format(start.plusSeconds(1))))).isEmpty();
    }
}
