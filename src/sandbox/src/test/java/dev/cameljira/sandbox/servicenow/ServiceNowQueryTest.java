package dev.cameljira.sandbox.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.emulator.MutableClock;
import dev.cameljira.sandbox.emulator.TestHttp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The encoded query subset (sysparm_query), against a fixed set of incidents created a minute apart. */
class ServiceNowQueryTest {
    private static final Instant START = Instant.parse("2026-11-28T10:00:00Z");
    private static ServiceNowTestServer server;
    private static TestHttp http;

    @BeforeAll
    static void start() throws Exception {
        MutableClock clock = new MutableClock(START);
        server = new ServiceNowTestServer(clock);
        http = server.asAdmin();
        ServiceNowUser bob = server.emulator.createUser("bob.tech", "Bob Tech", "bob@example.com", null);
        server.emulator.createIncident(Map.of("short_description", "Email down", "correlation_id", "PROJ-1",
                "impact", "1", "urgency", "1", "assigned_to", bob.sysId()));
        clock.advance(Duration.ofMinutes(1));
        server.emulator.createIncident(Map.of("short_description", "VPN flaky", "correlation_id", "PROJ-2",
                "state", "2", "category", "network"));
        clock.advance(Duration.ofMinutes(1));
        server.emulator.createIncident(Map.of("short_description", "Printer jam", "state", "7",
                "close_code", "Solution provided", "close_notes", "new toner", "comments", "the toner exploded"));
        clock.advance(Duration.ofMinutes(1));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<String> numbers(String query) {
        TestHttp.Reply reply = http.get("/api/now/table/incident?sysparm_query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8));
        assertThat(reply.status()).as(query + " -> " + reply.raw().body()).isEqualTo(200);
        List<String> numbers = new ArrayList<>();
        reply.json().get("result").forEach(r -> numbers.add(r.get("number").asText()));
        return numbers;
    }

    private static JsonNode error(String query) {
        TestHttp.Reply reply = http.get("/api/now/table/incident?sysparm_query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8));
        assertThat(reply.status()).as(query).isEqualTo(400);
        return reply.json().get("error");
    }

    @Test
    void equalityInequalityAndOr() {
        assertThat(numbers("correlation_id=PROJ-2")).containsExactly("INC0010002");
        assertThat(numbers("correlation_id!=PROJ-2")).containsExactly("INC0010001", "INC0010003");
        assertThat(numbers("correlation_id=PROJ-1^ORcorrelation_id=PROJ-2"))
                .containsExactly("INC0010001", "INC0010002");
        assertThat(numbers("state=2^correlation_id=PROJ-1")).isEmpty();
        assertThat(numbers("stateIN1,7")).containsExactly("INC0010001", "INC0010003");
        assertThat(numbers("state=7^NQcorrelation_id=PROJ-1")).containsExactly("INC0010001", "INC0010003");
        assertThat(numbers("active=true^EQ")).containsExactly("INC0010001", "INC0010002");
    }

    @Test
    void stringOperatorsAndEmptiness() {
        assertThat(numbers("short_descriptionLIKEvpn")).containsExactly("INC0010002");
        assertThat(numbers("short_descriptionNOT LIKEvpn")).containsExactly("INC0010001", "INC0010003");
        assertThat(numbers("short_descriptionSTARTSWITHprinter")).containsExactly("INC0010003");
        assertThat(numbers("short_descriptionENDSWITHDOWN")).containsExactly("INC0010001");
        assertThat(numbers("correlation_idISNOTEMPTY")).containsExactly("INC0010001", "INC0010002");
        assertThat(numbers("correlation_idISEMPTY")).containsExactly("INC0010003");
        assertThat(numbers("commentsLIKEtoner")).containsExactly("INC0010003");
    }

    @Test
    void datesCompareWithLiteralsAndGlideFunctions() {
        assertThat(numbers("sys_updated_on>2026-11-28 10:00:30")).containsExactly("INC0010002", "INC0010003");
        assertThat(numbers("sys_updated_on>javascript:gs.dateGenerate('2026-11-28','10:01:00')"))
                .containsExactly("INC0010003");
        assertThat(numbers("sys_created_on>=javascript:gs.dateGenerate('2026-11-28','start')")).hasSize(3);
        assertThat(numbers("sys_created_on<2026-11-28")).isEmpty();
        assertThat(numbers("sys_updated_on>javascript:gs.minutesAgo(2)")).containsExactly("INC0010003");
        assertThat(numbers("opened_atBETWEENjavascript:gs.dateGenerate('2026-11-28','10:00:30')"
                + "@javascript:gs.dateGenerate('2026-11-28','10:01:30')")).containsExactly("INC0010002");
        assertThat(numbers("priority<3")).containsExactly("INC0010001");
    }

    @Test
    void orderingAndDotWalking() {
        assertThat(numbers("ORDERBYDESCsys_created_on")).containsExactly("INC0010003", "INC0010002", "INC0010001");
        assertThat(numbers("ORDERBYpriority^ORDERBYDESCnumber")).containsExactly("INC0010001", "INC0010003",
                "INC0010002");
        assertThat(numbers("assigned_to.user_name=bob.tech")).containsExactly("INC0010001");
        assertThat(numbers("assigned_to=Bob Tech")).containsExactly("INC0010001");
        assertThat(numbers("opened_by=javascript:gs.getUserID()")).hasSize(3);
    }

    @Test
    void partsNamingNoFieldAreIgnoredAsOnAnInstanceButUnknownOperatorsAndFunctionsAreClear400s() {
        // c_TableAPI: "if part of a query is invalid, such as an invalid field name, the instance ignores the
        // invalid part. It then returns rows using only the valid portion of the query."
        assertThat(numbers("no_such_field=1")).containsExactly("INC0010001", "INC0010002", "INC0010003");
        assertThat(numbers("short_description.name=x^state=7")).containsExactly("INC0010003");
        assertThat(numbers("no_such_field=1^ORstate=2^ORDERBYDESCno_such_field")).containsExactly("INC0010002");
        assertThat(error("stateDYNAMIC90d1921e5f510100a9ad2572f2b477fe").get("detail").asText())
                .contains("unsupported operator");
        assertThat(error("sys_updated_on>javascript:gs.monthsAgo(2)").get("detail").asText())
                .contains("gs.monthsAgo");
        assertThat(error("sys_updated_on>yesterday").get("detail").asText()).contains("'yesterday'");
    }

    @Test
    void onRelativeAndSameAsOperatorsAsTheListFilterWritesThem() {
        assertThat(numbers("sys_created_onONToday@javascript:gs.beginningOfToday()@javascript:gs.endOfToday()"))
                .containsExactly("INC0010001", "INC0010002", "INC0010003");
        assertThat(numbers("sys_created_onON2026-11-27@javascript:gs.dateGenerate('2026-11-27','start')"
                + "@javascript:gs.dateGenerate('2026-11-27','end')")).isEmpty();
        assertThat(numbers("sys_created_onNOTONYesterday@javascript:gs.beginningOfYesterday()"
                + "@javascript:gs.endOfYesterday()")).hasSize(3);
        // the clock stands at 10:03; the incidents were created at 10:00, 10:01 and 10:02
        assertThat(numbers("sys_created_onRELATIVEGT@minute@ago@2")).containsExactly("INC0010003");
        assertThat(numbers("sys_created_onRELATIVELE@minute@ago@2")).containsExactly("INC0010001", "INC0010002");
        assertThat(numbers("correlation_idSAMEAScorrelation_display")).containsExactly("INC0010003");
        assertThat(numbers("correlation_idNSAMEAScorrelation_display")).containsExactly("INC0010001", "INC0010002");
    }

    @Test
    void journalTableIsQueryableByElementId() {
        String sysId = server.emulator.incidentByNumber("INC0010003").orElseThrow().sysId();
        JsonNode entries = http.get("/api/now/table/sys_journal_field?sysparm_query="
                + URLEncoder.encode("element_id=" + sysId + "^element=comments^ORDERBYDESCsys_created_on",
                StandardCharsets.UTF_8)).json().get("result");
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.get("value").asText()).isEqualTo("the toner exploded");
            assertThat(e.get("name").asText()).isEqualTo("incident");
            assertThat(e.get("sys_created_by").asText()).isEqualTo("admin");
        });
    }
}
