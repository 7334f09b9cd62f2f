package dev.cameljira.sandbox.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cameljira.sandbox.emulator.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Zendesk's three ways to authenticate, and 401 in Zendesk's shape otherwise. */
class ZendeskAuthTest {
    private static ZendeskTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new ZendeskTestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static int meStatus(String authorization) {
        return new TestHttp(server.baseUrl(), authorization).get("/api/v2/users/me.json").status();
    }

    @Test
    void apiTokenPasswordAndBearerTokenAuthenticateTheAgent() {
        String agent = ZendeskEmulator.AGENT_EMAIL;
        assertThat(meStatus(TestHttp.basic(agent + "/token", ZendeskEmulator.AGENT_API_TOKEN))).isEqualTo(200);
        assertThat(meStatus(TestHttp.basic(agent.toUpperCase(), ZendeskEmulator.AGENT_PASSWORD))).isEqualTo(200);
        assertThat(meStatus("Bearer " + ZendeskEmulator.AGENT_OAUTH_TOKEN)).isEqualTo(200);
    }

    @Test
    void wrongOrMissingCredentialsAre401() {
        String agent = ZendeskEmulator.AGENT_EMAIL;
        assertThat(meStatus(null)).isEqualTo(401);
        assertThat(meStatus(TestHttp.basic(agent + "/token", "nope"))).isEqualTo(401);
        assertThat(meStatus(TestHttp.basic(agent, ZendeskEmulator.AGENT_API_TOKEN))).isEqualTo(401);
        assertThat(meStatus(TestHttp.basic(agent + "/token", ZendeskEmulator.AGENT_PASSWORD))).isEqualTo(401);
        assertThat(meStatus("Bearer nope")).isEqualTo(401);
        assertThat(meStatus("Basic !!!")).isEqualTo(401);

        TestHttp.Reply reply = new TestHttp(server.baseUrl(), null).get("/api/v2/tickets.json");
        assertThat(reply.json().get("error").asText()).isEqualTo("Couldn't authenticate you");
        assertThat(reply.header("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void usersAddedThroughTheAdminApiCanAuthenticateAsThemselves() {
        ZendeskUser bob = server.emulator.createUser("Bob", "bob@example.com", ZendeskRole.AGENT);
        server.emulator.addApiToken(bob.id(), "bobs-token");

        TestHttp.Reply me = new TestHttp(server.baseUrl(), TestHttp.basic("bob@example.com/token", "bobs-token"))
                .get("/api/v2/users/me.json");

        assertThat(me.json().at("/user/id").asLong()).isEqualTo(bob.id());
    }
}
