package dev.cameljira.sandbox.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.emulator.EmulatorServerExtension;
import dev.cameljira.sandbox.emulator.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Users endpoints and the search subset. */
class ZendeskUsersAndSearchTest {
    @RegisterExtension
    static final EmulatorServerExtension<ZendeskTestServer> ENV =
            new EmulatorServerExtension<>(ZendeskTestServer::new, server -> server.emulator.reset());

    private static ZendeskEmulator emulator() {
        return ENV.server().emulator;
    }

    private static TestHttp http() {
        return ENV.server().asAgent();
    }

    @Test
    void usersAreListedByRoleShownAndSearched() {
        assertThat(http().get("/api/v2/users.json?role=admin").json().get("users"))
                .extracting(u -> u.get("email").asText()).containsExactly(ZendeskEmulator.AGENT_EMAIL);
        long customer = emulator().customer().id();
        JsonNode user = http().get("/api/v2/users/" + customer + ".json").json().get("user");
        assertThat(user.get("role").asText()).isEqualTo("end-user");
        assertThat(user.get("url").asText()).endsWith("/api/v2/users/" + customer + ".json");
        assertThat(http().get("/api/v2/users/search.json?query=customer@").json().get("users"))
                .extracting(u -> u.get("id").asLong()).containsExactly(customer);
        assertThat(http().get("/api/v2/users/31337.json").status()).isEqualTo(404);
    }

    @Test
    void createUserAnswers201AndADuplicateEmailIs422() {
        TestHttp.Reply created = http().post("/api/v2/users.json",
                "{\"user\": {\"name\": \"Ann\", \"email\": \"ann@example.com\", \"role\": \"agent\", \"external_id\": \"u-1\"}}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().at("/user/external_id").asText()).isEqualTo("u-1");
        assertThat(http().get("/api/v2/users/search.json?external_id=u-1").json().get("users")).hasSize(1);

        TestHttp.Reply duplicate = http().post("/api/v2/users.json",
                "{\"user\": {\"name\": \"Ann 2\", \"email\": \"ANN@example.com\"}}");
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(duplicate.json().at("/details/email/0/description").asText()).contains("already being used");
    }

    @Test
    void searchFindsTicketsByExternalIdStatusTagsAndText() {
        emulator().createTicket(TicketDraft.of("Broken VPN", "cannot connect").withExternalId("JIRA-1")
                .withTags("network"));
        ZendeskTicket printer = emulator().createTicket(TicketDraft.of("Printer", "paper jam")
                .withExternalId("JIRA-2").withStatus(ZendeskStatus.SOLVED));
        emulator().addComment(printer.id(), NewComment.privateNote("toner is low"));

        assertThat(subjects("type:ticket external_id:JIRA-2")).containsExactly("Printer");
        assertThat(subjects("type:ticket status<solved")).containsExactly("Broken VPN");
        assertThat(subjects("type:ticket tags:network")).containsExactly("Broken VPN");
        assertThat(subjects("type:ticket -tags:network")).containsExactly("Printer");
        assertThat(subjects("type:ticket toner")).containsExactly("Printer");
        assertThat(subjects("type:ticket \"paper jam\" status:solved")).containsExactly("Printer");

        JsonNode result = http().get("/api/v2/search.json?query=type:ticket%20external_id:JIRA-1").json();
        assertThat(result.get("count").asInt()).isEqualTo(1);
        assertThat(result.at("/results/0/result_type").asText()).isEqualTo("ticket");
    }

    @Test
    void unsupportedSearchKeywordIsAClear400() {
        TestHttp.Reply reply = http().get("/api/v2/search.json?query=type:ticket%20brand:acme");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("description").asText()).contains("'brand'");
    }

    private static java.util.List<String> subjects(String query) {
        String encoded = java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8);
        TestHttp.Reply reply = http().get("/api/v2/search.json?query=" + encoded);
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        java.util.List<String> subjects = new java.util.ArrayList<>();
        reply.json().get("results").forEach(r -> subjects.add(r.get("subject").asText()));
        return subjects;
    }
}
