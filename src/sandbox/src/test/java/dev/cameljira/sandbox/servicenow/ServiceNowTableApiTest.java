package dev.cameljira.sandbox.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.emulator.EmulatorServerExtension;
import dev.cameljira.sandbox.emulator.MutableClock;
import dev.cameljira.sandbox.emulator.TestHttp;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Table API over plain HTTP: envelope, status codes, headers and the sysparm_* rendering options. */
class ServiceNowTableApiTest {
    @RegisterExtension
    static final EmulatorServerExtension<ServiceNowTestServer> ENV = new EmulatorServerExtension<>(
            () -> new ServiceNowTestServer(new MutableClock(Instant.parse("2026-11-28T10:15:30Z"))),
            server -> server.emulator.reset());

    private static ServiceNowEmulator emulator() {
        return ENV.server().emulator;
    }

    private static TestHttp http() {
        return ENV.server().asAdmin();
    }

    private static JsonNode create(String json) {
        TestHttp.Reply reply = http().post("/api/now/table/incident", json);
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(201);
        return reply.json().get("result");
    }

    @Test
    void postAnswers201WithLocationAndTheRecordInAResultEnvelope() {
        TestHttp.Reply reply = http().post("/api/now/table/incident",
                "{\"short_description\": \"Disk full\", \"urgency\": 1, \"caller_id\": \"System Administrator\"}");

        assertThat(reply.status()).isEqualTo(201);
        JsonNode result = reply.json().get("result");
        String sysId = result.get("sys_id").asText();
        assertThat(sysId).matches("[0-9a-f]{32}");
        assertThat(reply.header("Location")).isEqualTo(ENV.server().baseUrl() + "/api/now/table/incident/" + sysId);
        assertThat(result.get("number").asText()).isEqualTo("INC0010001");
        assertThat(result.get("urgency").asText()).isEqualTo("1");
        assertThat(result.get("priority").asText()).isEqualTo("3");
        assertThat(result.get("sys_created_on").asText()).isEqualTo("2026-11-28 10:15:30");
        assertThat(result.get("sys_mod_count").asText()).isEqualTo("0");
        assertThat(result.at("/caller_id/value").asText()).isEqualTo(emulator().admin().sysId());
        assertThat(result.get("assigned_to").asText()).isEmpty();
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(create("{\"short_description\": \"second\"}").get("number").asText()).isEqualTo("INC0010002");
    }

    @Test
    void getUpdateAndDeleteBySysIdIncludingVersionedPathsAndMethodOverride() {
        String sysId = create("{\"short_description\": \"x\"}").get("sys_id").asText();

        assertThat(http().get("/api/now/v2/table/incident/" + sysId).json().at("/result/sys_id").asText())
                .isEqualTo(sysId);
        assertThat(http().patch("/api/now/table/incident/" + sysId, "{\"state\": \"2\"}").json().at("/result/state")
                .asText()).isEqualTo("2");
        assertThat(http().put("/api/now/v1/table/incident/" + sysId, "{\"impact\": \"1\"}").json()
                .at("/result/priority").asText()).isEqualTo("3");
        TestHttp.Reply overridden = http().send("POST", "/api/now/table/incident/" + sysId, "{\"urgency\": \"1\"}",
                Map.of("X-HTTP-Method-Override", "PATCH"));
        assertThat(overridden.json().at("/result/priority").asText()).isEqualTo("1");
        TestHttp.Reply silent = http().send("PATCH", "/api/now/table/incident/" + sysId, "{\"state\": \"3\"}",
                Map.of("X-no-response-body", "true"));
        assertThat(silent.status()).isEqualTo(200);
        assertThat(silent.raw().body()).isEmpty();

        assertThat(http().delete("/api/now/table/incident/" + sysId).status()).isEqualTo(204);
        TestHttp.Reply gone = http().get("/api/now/table/incident/" + sysId);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().at("/error/message").asText()).isEqualTo("No Record found");
        assertThat(gone.json().get("status").asText()).isEqualTo("failure");
    }

    @Test
    void errorsUseServiceNowsShape() {
        TestHttp.Reply table = http().get("/api/now/table/nope");
        assertThat(table.status()).isEqualTo(400);
        assertThat(table.json().at("/error/message").asText()).isEqualTo("Invalid table nope");

        TestHttp.Reply json = http().post("/api/now/table/incident", "{not json");
        assertThat(json.status()).isEqualTo(400);
        assertThat(json.json().at("/error/detail").asText()).contains("not valid JSON");

        TestHttp.Reply acl = http().post("/api/now/table/sys_user", "{\"user_name\": \"x\"}");
        assertThat(acl.status()).isEqualTo(403);
        assertThat(acl.json().at("/error/detail").asText()).contains("ACL");

        TestHttp.Reply reference = http().post("/api/now/table/incident", "{\"assigned_to\": \"Nobody Here\"}");
        assertThat(reference.status()).isEqualTo(400);
        assertThat(reference.json().at("/error/detail").asText()).contains("assigned_to").contains("Nobody Here");
    }

    @Test
    void listAnswersTotalCountAndLinkHeadersAndV1AnswersEmptyWith404() {
        for (int i = 0; i < 5; i++) {
            create("{\"short_description\": \"n" + i + "\"}");
        }
        TestHttp.Reply page = http().get("/api/now/table/incident?sysparm_limit=2&sysparm_offset=2");

        assertThat(page.json().get("result")).extracting(r -> r.get("short_description").asText())
                .containsExactly("n2", "n3");
        assertThat(page.header("X-Total-Count")).isEqualTo("5");
        assertThat(page.header("Link")).contains("sysparm_offset=4>;rel=\"next\"")
                .contains("sysparm_offset=0>;rel=\"prev\"").contains("sysparm_offset=0>;rel=\"first\"")
                .contains("sysparm_offset=4>;rel=\"last\"");

        assertThat(http().get("/api/now/table/incident?sysparm_query=number=INC9").json().get("result")).isEmpty();
        assertThat(http().get("/api/now/v1/table/incident?sysparm_query=number=INC9").status()).isEqualTo(404);
    }

    @Test
    void displayValueModesExcludeLinksAndDotWalkedFields() {
        String sysId = create("{\"short_description\": \"x\", \"caller_id\": \"admin\", \"state\": \"2\"}")
                .get("sys_id").asText();
        String base = "/api/now/table/incident/" + sysId;

        JsonNode display = http().get(base + "?sysparm_display_value=true&sysparm_exclude_reference_link=true")
                .json().get("result");
        assertThat(display.get("state").asText()).isEqualTo("In Progress");
        assertThat(display.get("caller_id").asText()).isEqualTo("System Administrator");
        assertThat(display.get("active").asText()).isEqualTo("true");

        JsonNode all = http().get(base + "?sysparm_display_value=all").json().get("result");
        assertThat(all.at("/state/value").asText()).isEqualTo("2");
        assertThat(all.at("/state/display_value").asText()).isEqualTo("In Progress");
        assertThat(all.at("/caller_id/link").asText())
                .endsWith("/api/now/table/sys_user/" + emulator().admin().sysId());

        JsonNode fields = http().get(base + "?sysparm_fields=number,caller_id.user_name,caller_id.email,bogus")
                .json().get("result");
        assertThat(fields.get("caller_id.user_name").asText()).isEqualTo("admin");
        assertThat(fields.get("caller_id.email").asText()).isEqualTo("admin@example.com");
        assertThat(fields.has("bogus")).isFalse();
        assertThat(fields.size()).isEqualTo(3);

        assertThat(http().get(base + "?sysparm_display_value=maybe").status()).isEqualTo(400);
    }

    @Test
    void inputDisplayValuesChoiceLabelsNameValueFiltersAndCustomFields() {
        TestHttp.Reply labelled = http().post("/api/now/table/incident?sysparm_input_display_value=true",
                "{\"short_description\": \"x\", \"impact\": \"1 - High\", \"u_jira_key\": \"PROJ-9\"}");
        assertThat(labelled.json().at("/result/impact").asText()).isEqualTo("1");
        assertThat(labelled.json().at("/result/u_jira_key").asText()).isEqualTo("PROJ-9");

        TestHttp.Reply raw = http().post("/api/now/table/incident", "{\"impact\": \"1 - High\"}");
        assertThat(raw.status()).isEqualTo(400);
        assertThat(raw.json().at("/error/detail").asText()).contains("sysparm_input_display_value");

        assertThat(http().get("/api/now/table/incident?impact=High").json().get("result")).isEmpty();
        assertThat(http().get("/api/now/table/incident?impact=1%20-%20High").json().get("result")).hasSize(1);
        assertThat(http().get("/api/now/table/incident?u_jira_key=PROJ-9").json().get("result")).hasSize(1);
        assertThat(emulator().incidents().get(0).customFields()).containsEntry("u_jira_key", "PROJ-9");
    }

    @Test
    void suppressAutoSysFieldLeavesTheSystemFieldsAlone() {
        String sysId = create("{\"short_description\": \"x\"}").get("sys_id").asText();
        JsonNode result = http().patch("/api/now/table/incident/" + sysId + "?sysparm_suppress_auto_sys_field=true",
                "{\"short_description\": \"y\"}").json().get("result");
        assertThat(result.get("short_description").asText()).isEqualTo("y");
        assertThat(result.get("sys_mod_count").asText()).isEqualTo("0");
    }
}
