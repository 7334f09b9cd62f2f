package dev.cameljira.sandbox.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.emulator.EmulatorServerExtension;
import dev.cameljira.sandbox.emulator.TestHttp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /api/v2/ticket_fields}: the system fields of a new account and the custom fields admins add, so that a
 * client that maps custom fields by title finds the id to put in a ticket's {@code custom_fields}.
 */
class ZendeskTicketFieldsTest {
    @RegisterExtension
    static final EmulatorServerExtension<ZendeskTestServer> ENV =
            new EmulatorServerExtension<>(ZendeskTestServer::new, server -> server.emulator.reset());

    private static ZendeskEmulator emulator() {
        return ENV.server().emulator;
    }

    private static TestHttp http() {
        return ENV.server().asAgent();
    }

    private static JsonNode fieldTitled(String title) {
        for (JsonNode f : http().get("/api/v2/ticket_fields.json").json().get("ticket_fields")) {
            if (f.get("title").asText().equals(title)) {
                return f;
            }
        }
        throw new AssertionError("no ticket field titled " + title);
    }

    @Test
    void aNewAccountListsItsSystemFieldsInPositionOrder() {
        JsonNode fields = http().get("/api/v2/ticket_fields.json").json().get("ticket_fields");

        assertThat(fields).extracting(f -> f.get("type").asText() + ":" + f.get("title").asText()).containsExactly(
                "subject:Subject", "description:Description", "status:Status", "tickettype:Type",
                "priority:Priority", "group:Group", "assignee:Assignee");
        assertThat(fields).extracting(f -> f.get("position").asInt()).isSorted();
        assertThat(fields).allSatisfy(f -> {
            assertThat(f.get("removable").asBoolean()).isFalse();
            assertThat(f.get("url").asText()).isEqualTo(ENV.server().baseUrl() + "/api/v2/ticket_fields/"
                    + f.get("id").asLong() + ".json");
        });
        assertThat(fieldTitled("Priority").get("system_field_options")).extracting(o -> o.get("value").asText())
                .containsExactly("low", "normal", "high", "urgent");
        assertThat(fieldTitled("Status").get("system_field_options")).extracting(o -> o.get("value").asText())
                .containsExactly("open", "pending", "hold", "solved");
        assertThat(http().get("/api/v2/ticket_fields/count.json").json().at("/count/value").asInt()).isEqualTo(7);
    }

    @Test
    void aCustomFieldAddedByAnAdminIsFoundByTitleAndItsIdCarriesTicketValues() {
        TestHttp.Reply created = http().post("/api/v2/ticket_fields.json",
                "{\"ticket_field\": {\"type\": \"text\", \"title\": \"Jira key\","
                        + " \"description\": \"The linked issue\"}}");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        long id = created.json().at("/ticket_field/id").asLong();
        assertThat(created.header("Location")).endsWith("/api/v2/ticket_fields/" + id + ".json");

        JsonNode field = fieldTitled("Jira key");
        assertThat(field.get("id").asLong()).isEqualTo(id);
        assertThat(field.get("type").asText()).isEqualTo("text");
        assertThat(field.get("removable").asBoolean()).isTrue();
        assertThat(field.get("active").asBoolean()).isTrue();
        assertThat(http().get("/api/v2/ticket_fields/" + id + ".json").json().at("/ticket_field/description")
                .asText()).isEqualTo("The linked issue");

        JsonNode ticket = http().post("/api/v2/tickets.json", "{\"ticket\": {\"comment\": {\"body\": \"x\"},"
                + " \"custom_fields\": [{\"id\": " + id + ", \"value\": \"DEMO-1\"}]}}").json().get("ticket");
        assertThat(ticket.get("custom_fields")).extracting(f -> f.get("id").asLong() + "=" + f.get("value").asText())
                .containsExactly(id + "=DEMO-1");
    }

    @Test
    void dropDownFieldsListTheirOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("Critical", "sev_critical");
        options.put("Minor", "sev_minor");
        ZendeskTicketField severity = emulator().addTicketField("tagger", "Severity", options);

        JsonNode field = http().get("/api/v2/ticket_fields/" + severity.id() + ".json").json().get("ticket_field");

        assertThat(field.get("type").asText()).isEqualTo("tagger");
        assertThat(field.get("custom_field_options")).extracting(o -> o.get("name").asText() + "=" + o.get("value")
                .asText()).containsExactly("Critical=sev_critical", "Minor=sev_minor");
        assertThat(field.at("/custom_field_options/0/id").asLong()).isPositive();
        assertThat(emulator().ticketFields()).extracting(ZendeskTicketField::title).endsWith("Severity");
    }

    @Test
    void cursorPagingWalksTheFieldsInIdOrder() {
        emulator().addTicketField("checkbox", "Escalated");
        List<Long> ids = new ArrayList<>();
        String next = "/api/v2/ticket_fields.json?page[size]=3";
        int pages = 0;
        while (next != null) {
            JsonNode page = http().get(next).json();
            page.get("ticket_fields").forEach(f -> ids.add(f.get("id").asLong()));
            next = page.at("/meta/has_more").asBoolean() ? page.at("/links/next").asText() : null;
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(ids).hasSize(8).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void invalidFieldsAre422AndAddNothingAndOnlyAdminsAddFields() {
        assertInvalid(http().post("/api/v2/ticket_fields.json", "{\"ticket_field\": {\"type\": \"text\"}}"), "title");
        assertInvalid(http().post("/api/v2/ticket_fields.json",
                "{\"ticket_field\": {\"type\": \"spreadsheet\", \"title\": \"X\"}}"), "type");
        assertInvalid(http().post("/api/v2/ticket_fields.json",
                "{\"ticket_field\": {\"type\": \"tagger\", \"title\": \"X\"}}"), "custom_field_options");
        assertInvalid(http().post("/api/v2/ticket_fields.json", "{\"ticket_field\": {\"type\": \"multiselect\","
                + " \"title\": \"X\", \"custom_field_options\": [{\"name\": \"A\", \"value\": \"a\"},"
                + " {\"name\": \"B\", \"value\": \"a\"}]}}"), "custom_field_options");
        assertThat(emulator().ticketFields()).hasSize(7);

        ZendeskUser ann = emulator().createUser("Ann Agent", "ann@example.com", ZendeskRole.AGENT);
        emulator().addApiToken(ann.id(), "ann-token");
        TestHttp asAnn = new TestHttp(ENV.server().baseUrl(), TestHttp.basic("ann@example.com/token", "ann-token"));
        TestHttp.Reply forbidden = asAnn.post("/api/v2/ticket_fields.json",
                "{\"ticket_field\": {\"type\": \"text\", \"title\": \"X\"}}");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(asAnn.get("/api/v2/ticket_fields.json").json().get("ticket_fields")).hasSize(7);
        assertThat(http().get("/api/v2/ticket_fields/424242.json").status()).isEqualTo(404);
        long subject = emulator().ticketFields().get(0).id();
        assertThat(http().put("/api/v2/ticket_fields/" + subject + ".json", "{\"ticket_field\": {}}").status())
                .as("updates are not emulated").isEqualTo(405);
    }

    @Test
    void endUsersSeeOnlyTheFieldsOfTheRequestForm() {
        emulator().addTicketField("text", "Internal");
        ZendeskUser customer = emulator().customer();
        emulator().addApiToken(customer.id(), "customer-token");
        TestHttp asCustomer = new TestHttp(ENV.server().baseUrl(),
                TestHttp.basic(customer.email() + "/token", "customer-token"));

        JsonNode fields = asCustomer.get("/api/v2/ticket_fields.json").json().get("ticket_fields");

        assertThat(fields).extracting(f -> f.get("type").asText()).containsExactly("subject", "description");
        assertThat(fields).allSatisfy(f -> assertThat(f.get("visible_in_portal").asBoolean()).isTrue());
    }

    private static void assertInvalid(TestHttp.Reply reply, String attribute) {
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(422);
        assertThat(reply.json().get("error").asText()).isEqualTo("RecordInvalid");
        assertThat(reply.json().at("/details/" + attribute + "/0/description").asText()).isNotBlank();
    }
}
