package dev.cameljira.sandbox.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.emulator.TestHttp;
import dev.cameljira.sandbox.spec.Oracles;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compares the emulator with ServiceNow's own Table API reference (shared/oracles/servicenow/c_TableAPI.md): the
 * incident records in its JSON examples and its documented POST request, replayed.
 */
class ServiceNowDocConformanceTest {
    private static final Pattern JSON_BLOCK = Pattern.compile("```\\s*\\n(\\{.*?})\\s*\\n```", Pattern.DOTALL);
    private static final Pattern POST_INCIDENT = Pattern.compile(
            "curl \"https://instance\\.servicenow\\.com/api/now/table/incident\" \\\\\\s*--request POST"
                    + ".*?--data \"(\\{.*?})\"",
            Pattern.DOTALL);

    private static String doc;
    private static List<JsonNode> incidentExamples;
    private static ServiceNowTestServer server;
    private static TestHttp http;

    @BeforeAll
    static void start() throws Exception {
        doc = Files.readString(Oracles.require("servicenow/c_TableAPI.md"));
        incidentExamples = new ArrayList<>();
        Matcher m = JSON_BLOCK.matcher(doc);
        while (m.find()) {
            JsonNode node = TestHttp.MAPPER.readTree(m.group(1));
            if (node.path("result").path("number").asText().startsWith("INC")) {
                incidentExamples.add(node.get("result"));
            }
        }
        server = new ServiceNowTestServer();
        http = server.asAdmin();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theDocumentHasIncidentExamples() {
        assertThat(incidentExamples).as("incident JSON examples in c_TableAPI.md").hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void everyIncidentFieldTheEmulatorAnswersIsAFieldOfTheDocumentedIncidentWithTheSameShape() {
        JsonNode ours = http.post("/api/now/table/incident", """
                {"short_description": "Shape", "caller_id": "admin", "assignment_group": "Service Desk",
                 "assigned_to": "admin", "state": "7", "correlation_id": "X-1", "close_code": "Solution provided",
                 "close_notes": "Replaced the cable"}""")
                .json().get("result");
        List<String> problems = new ArrayList<>();
        for (JsonNode example : incidentExamples) {
            ours.fields().forEachRemaining(e -> {
                JsonNode documented = example.get(e.getKey());
                if (documented == null) {
                    problems.add(e.getKey() + " is not in the documented incident " + example.get("number"));
                } else if (!isEmpty(documented) && !isEmpty(e.getValue())
                        && documented.isObject() != e.getValue().isObject()) {
                    problems.add(e.getKey() + ": " + e.getValue().getNodeType() + " but documented as "
                            + documented.getNodeType());
                } else if (documented.isObject() && e.getValue().isObject()) {
                    if (!fieldNames(documented).equals(fieldNames(e.getValue()))) {
                        problems.add(e.getKey() + ": fields " + fieldNames(e.getValue()) + " but documented "
                                + fieldNames(documented));
                    }
                }
            });
        }
        assertThat(problems).isEmpty();
        incidentExamples.forEach(example -> example.fields().forEachRemaining(e -> {
            if (e.getValue().isTextual() || e.getValue().isObject()) {
                return;
            }
            problems.add("documented " + e.getKey() + " is " + e.getValue().getNodeType());
        }));
        assertThat(problems).as("the doc itself: every value is a string or a reference object").isEmpty();
    }

    @Test
    void replayingTheDocumentedPostGivesTheDocumentedBusinessValues() throws IOException {
        Matcher m = POST_INCIDENT.matcher(doc);
        assertThat(m.find()).as("the documented POST /api/now/table/incident example").isTrue();
        JsonNode request = TestHttp.MAPPER.readTree(m.group(1).replace('\'', '"'));
        JsonNode documented = incidentExamples.stream()
                .filter(e -> e.get("short_description").asText().equals(request.get("short_description").asText()))
                .findFirst().orElseThrow();

        // sent verbatim: single-quoted JSON and a demo-data assignment_group sys_id, as the cURL example has them
        TestHttp.Reply reply = http.post("/api/now/table/incident", m.group(1));
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(201);
        JsonNode ours = reply.json().get("result");

        for (String field : List.of("short_description", "state", "incident_state", "impact", "urgency", "priority",
                "active", "sys_mod_count", "comments", "work_notes", "comments_and_work_notes", "reopen_count")) {
            assertThat(ours.get(field).asText()).as(field).isEqualTo(documented.get(field).asText());
        }
        assertThat(ours.at("/assignment_group/value").asText()).isEqualTo(request.get("assignment_group").asText());
        assertThat(ours.get("number").asText()).matches("INC\\d{7}");
        assertThat(ours.get("sys_id").asText()).matches("[0-9a-f]{32}");
        assertThat(ours.get("sys_created_on").asText()).matches(documented.get("sys_created_on").asText()
                .replaceAll("\\d", "\\\\d"));
    }

    private static boolean isEmpty(JsonNode node) {
        return node.isTextual() && node.asText().isEmpty();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        return names;
    }
}
