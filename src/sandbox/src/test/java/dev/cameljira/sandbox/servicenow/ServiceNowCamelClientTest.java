package dev.cameljira.sandbox.servicenow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cameljira.sandbox.emulator.CamelClientExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.servicenow.ServiceNowConstants;
import org.apache.camel.component.servicenow.ServiceNowException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real camel-servicenow 4.17 component (CXF WebClient, Basic and OAuth) against the emulator. */
class ServiceNowCamelClientTest {
    @RegisterExtension
    static final CamelClientExtension<ServiceNowTestServer> ENV = new CamelClientExtension<>(ServiceNowTestServer::new,
            server -> {
                server.emulator.reset();
                server.emulator.setAccessTokenLifetime(Duration.ofSeconds(1799));
            });

    private static ServiceNowEmulator emulator() {
        return ENV.server().emulator;
    }

    /** Basic auth. The action is not an endpoint option in camel-servicenow: it travels as a header. */
    private static String basic(String table) {
        return "servicenow:sandbox?apiUrl=RAW(" + ENV.server().baseUrl() + "/api)&userName=admin&password=RAW("
                + ServiceNowEmulator.ADMIN_PASSWORD + ")&resource=table&table=" + table;
    }

    /** OAuth: with oauthClientId/oauthClientSecret set, the component uses the password grant. */
    private static String oauth(String secret) {
        return basic("incident") + "&oauthTokenUrl=RAW(" + ENV.server().baseUrl() + "/oauth_token.do)"
                + "&oauthClientId=" + ServiceNowEmulator.OAUTH_CLIENT_ID + "&oauthClientSecret=RAW(" + secret + ")";
    }

    private static <T> T call(String uri, String action, Object body, Map<String, Object> headers, Class<T> type) {
        Map<String, Object> all = new LinkedHashMap<>(headers);
        all.put(ServiceNowConstants.ACTION, action);
        return ENV.template().requestBodyAndHeaders(uri, body, all, type);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> create(String uri, Map<String, Object> fields) {
        return call(uri, ServiceNowConstants.ACTION_CREATE, new LinkedHashMap<>(fields), Map.of(), Map.class);
    }

    @Test
    void createAnswersStoredValuesWithNumberPriorityAndReferenceLinks() {
        Map<String, Object> created = create(basic("incident"), Map.of(
                "short_description", "Printer on fire", "description", "It is very colourful",
                "impact", "2", "urgency", "1", "caller_id", "admin", "correlation_id", "PROJ-1",
                "correlation_display", "Jira", "comments", "first comment"));

        assertThat((String) created.get("sys_id")).matches("[0-9a-f]{32}");
        assertThat(created.get("number")).isEqualTo("INC0010001");
        assertThat(created.get("state")).isEqualTo("1");
        assertThat(created.get("priority")).isEqualTo("2");
        assertThat(created.get("comments")).isEqualTo("");
        assertThat(created.get("caller_id")).isEqualTo(Map.of("link",
                ENV.server().baseUrl() + "/api/now/table/sys_user/" + emulator().admin().sysId(),
                "value", emulator().admin().sysId()));
        assertThat((String) created.get("sys_created_on")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");

        Incident stored = emulator().incident((String) created.get("sys_id")).orElseThrow();
        assertThat(stored.correlationId()).isEqualTo("PROJ-1");
        assertThat(emulator().journal(stored.sysId())).extracting(JournalEntry::value)
                .containsExactly("first comment");
    }

    @Test
    @SuppressWarnings("unchecked")
    void retrieveWithDisplayValuesShowsLabelsAndJournalText() {
        Incident incident = emulator().createIncident(Map.of("short_description", "Display",
                "caller_id", "admin", "comments", "hello from the caller"));
        emulator().addWorkNote(incident.sysId(), "internal only");

        Map<String, Object> read = call(basic("incident"), ServiceNowConstants.ACTION_RETRIEVE, null, Map.of(
                ServiceNowConstants.PARAM_SYS_ID, incident.sysId(),
                ServiceNowConstants.SYSPARM_DISPLAY_VALUE, "true"), Map.class);

        assertThat(read.get("state")).isEqualTo("New");
        assertThat(read.get("priority")).isEqualTo("5 - Planning");
        assertThat((Map<String, Object>) read.get("caller_id")).containsEntry("display_value", "System Administrator");
        assertThat((String) read.get("comments"))
                .contains("System Administrator (Additional comments)\nhello from the caller");
        assertThat((String) read.get("work_notes")).contains("(Work notes)\ninternal only").doesNotContain("hello");
        assertThat((String) read.get("comments_and_work_notes"))
                .containsSubsequence("internal only", "hello from the caller");
    }

    @Test
    void queryFiltersOrdersAndPagesWithCamelOffsetHeaders() {
        for (int i = 1; i <= 3; i++) {
            emulator().createIncident(Map.of("short_description", "Sync " + i, "correlation_id", "PROJ-" + i,
                    "correlation_display", "Jira"));
        }
        emulator().createIncident(Map.of("short_description", "Not synced"));

        Exchange first = ENV.template().request(basic("incident"), e -> e.getIn().setHeaders(Map.of(
                ServiceNowConstants.ACTION, ServiceNowConstants.ACTION_RETRIEVE,
                ServiceNowConstants.SYSPARM_QUERY, "correlation_display=Jira^ORDERBYDESCnumber",
                ServiceNowConstants.SYSPARM_LIMIT, 2,
                ServiceNowConstants.SYSPARM_FIELDS, "number,correlation_id")));

        List<?> page = first.getMessage().getBody(List.class);
        assertThat(page).extracting(r -> (Object) ((Map<?, ?>) r).get("correlation_id"))
                .containsExactly("PROJ-3", "PROJ-2");
        assertThat(((Map<?, ?>) page.get(0)).keySet()).map(Object::toString)
                .containsExactlyInAnyOrder("number", "correlation_id");
        assertThat(first.getMessage().getHeader(ServiceNowConstants.OFFSET_NEXT)).hasToString("2");

        List<?> since = call(basic("incident"), ServiceNowConstants.ACTION_RETRIEVE, null, Map.of(
                ServiceNowConstants.SYSPARM_QUERY, "sys_updated_on>=javascript:gs.dateGenerate('"
                        + Instant.now().minusSeconds(3600).toString().substring(0, 10) + "','00:00:00')"
                        + "^short_descriptionSTARTSWITHsync^correlation_idISNOTEMPTY"), List.class);
        assertThat(since).hasSize(3);
    }

    @Test
    void patchAndPutUpdateAndWorkNotesLandInTheJournal() {
        Incident incident = emulator().createIncident("Update me");

        call(basic("incident"), ServiceNowConstants.ACTION_UPDATE, new LinkedHashMap<>(Map.of(
                "state", "2", "work_notes", "looking at it", "assigned_to", "admin")),
                Map.of(ServiceNowConstants.PARAM_SYS_ID, incident.sysId()), Map.class);
        call(basic("incident"), ServiceNowConstants.ACTION_MODIFY, new LinkedHashMap<>(Map.of(
                "state", "6", "close_code", "Solution provided", "close_notes", "done")),
                Map.of(ServiceNowConstants.PARAM_SYS_ID, incident.sysId()), Map.class);

        Incident updated = emulator().incident(incident.sysId()).orElseThrow();
        assertThat(updated.state()).isEqualTo(IncidentState.RESOLVED);
        assertThat(updated.assignedTo()).isEqualTo(emulator().admin().sysId());
        assertThat(updated.resolvedAt()).isNotNull();
        assertThat(updated.modCount()).isEqualTo(2);
        assertThat(emulator().journal(incident.sysId())).singleElement()
                .satisfies(j -> assertThat(j.isWorkNote()).isTrue());

        List<?> journal = call(basic("sys_journal_field"), ServiceNowConstants.ACTION_RETRIEVE, null, Map.of(
                ServiceNowConstants.SYSPARM_QUERY, "element_id=" + incident.sysId() + "^element=work_notes"),
                List.class);
        assertThat(journal).extracting(j -> (Object) ((Map<?, ?>) j).get("value")).containsExactly("looking at it");
    }

    @Test
    void unknownRecordIsAServiceNowException404AndDeleteRemoves() {
        Incident incident = emulator().createIncident("Delete me");
        call(basic("incident"), ServiceNowConstants.ACTION_DELETE, null,
                Map.of(ServiceNowConstants.PARAM_SYS_ID, incident.sysId()), Object.class);
        assertThat(emulator().incidents()).isEmpty();

        assertThatThrownBy(() -> call(basic("incident"), ServiceNowConstants.ACTION_RETRIEVE, null,
                Map.of(ServiceNowConstants.PARAM_SYS_ID, incident.sysId()), Map.class))
                .rootCause().isInstanceOf(ServiceNowException.class)
                .satisfies(e -> {
                    ServiceNowException sn = (ServiceNowException) e;
                    assertThat(sn.getCode()).isEqualTo(404);
                    assertThat(sn.getMessage()).contains("No Record found");
                    assertThat(sn.getStatus()).isEqualTo("failure");
                });
    }

    @Test
    void invalidChoiceValueIsA400NamingTheField() {
        assertThatThrownBy(() -> create(basic("incident"), Map.of("short_description", "x", "state", "Resolved")))
                .rootCause().isInstanceOf(ServiceNowException.class)
                .satisfies(e -> {
                    assertThat(((ServiceNowException) e).getCode()).isEqualTo(400);
                    assertThat(((ServiceNowException) e).getDetail()).contains("state").contains("'Resolved'");
                });
    }

    @Test
    void resolvingWithoutResolutionInfoIsAServiceNowException403FromTheDataPolicy() {
        Incident incident = emulator().createIncident("Resolve me badly");

        assertThatThrownBy(() -> call(basic("incident"), ServiceNowConstants.ACTION_MODIFY,
                new LinkedHashMap<>(Map.of("state", "6", "work_notes", "resolving")),
                Map.of(ServiceNowConstants.PARAM_SYS_ID, incident.sysId()), Map.class))
                .rootCause().isInstanceOf(ServiceNowException.class)
                .satisfies(e -> {
                    ServiceNowException sn = (ServiceNowException) e;
                    assertThat(sn.getCode()).isEqualTo(403);
                    assertThat(sn.getMessage()).isEqualTo("Operation Failed");
                    assertThat(sn.getDetail()).startsWith("Data Policy Exception:")
                            .endsWith("The following fields are mandatory: Resolution code, Resolution notes");
                    assertThat(sn.getStatus()).isEqualTo("failure");
                });
        assertThat(emulator().incident(incident.sysId()).orElseThrow()).isEqualTo(incident);
        assertThat(emulator().journal(incident.sysId())).isEmpty();
    }

    @Test
    void oauthPasswordGrantWorksAndAWrongClientSecretFails() {
        Map<String, Object> created = create(oauth(ServiceNowEmulator.OAUTH_CLIENT_SECRET),
                Map.of("short_description", "Via OAuth"));
        assertThat(created.get("sys_created_by")).isEqualTo("admin");

        assertThatThrownBy(() -> create(oauth("wrong-secret"), Map.of("short_description", "Nope")))
                .hasStackTraceContaining("access_denied");
        assertThat(emulator().incidents()).hasSize(1);
    }

    @Test
    void anExpiredAccessTokenIsRefreshedByTheComponent() throws Exception {
        emulator().setAccessTokenLifetime(Duration.ofSeconds(1));
        String uri = oauth(ServiceNowEmulator.OAUTH_CLIENT_SECRET) + "&lazyStartProducer=false";
        create(uri, Map.of("short_description", "first token"));
        Thread.sleep(1_200);

        Map<String, Object> second = create(uri, Map.of("short_description", "refreshed token"));

        assertThat(second.get("number")).isEqualTo("INC0010002");
    }
}
