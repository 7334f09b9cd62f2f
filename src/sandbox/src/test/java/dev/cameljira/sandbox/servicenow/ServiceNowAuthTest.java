package dev.cameljira.sandbox.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.emulator.MutableClock;
import dev.cameljira.sandbox.emulator.TestHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Basic authentication and the OAuth token endpoint (password and refresh_token grants, token expiry). */
class ServiceNowAuthTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private MutableClock clock;
    private ServiceNowTestServer server;

    @BeforeEach
    void start() throws Exception {
        clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
        server = new ServiceNowTestServer(clock);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TestHttp.Reply token(String form, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/oauth_token.do"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new TestHttp.Reply(response.statusCode(), TestHttp.MAPPER.readTree(response.body()), response);
    }

    private int tableStatus(String authorization) {
        return new TestHttp(server.baseUrl(), authorization).get("/api/now/table/incident").status();
    }

    @Test
    void basicAuthenticationAcceptsTheAdminAndRejectsEverythingElse() {
        assertThat(tableStatus(TestHttp.basic("admin", ServiceNowEmulator.ADMIN_PASSWORD))).isEqualTo(200);
        assertThat(tableStatus(TestHttp.basic("admin", "wrong"))).isEqualTo(401);
        assertThat(tableStatus(null)).isEqualTo(401);
        assertThat(tableStatus("Bearer not-a-token")).isEqualTo(401);

        TestHttp.Reply reply = new TestHttp(server.baseUrl(), null).get("/api/now/table/incident");
        assertThat(reply.json().at("/error/message").asText()).isEqualTo("User Not Authenticated");
        assertThat(reply.json().get("status").asText()).isEqualTo("failure");
        assertThat(reply.header("WWW-Authenticate")).containsIgnoringCase("basic");
    }

    @Test
    void passwordGrantIssuesABearerTokenThatExpiresAndCanBeRefreshed() throws Exception {
        TestHttp.Reply issued = token("grant_type=password&client_id=sandbox-client&client_secret=sandbox-secret"
                + "&username=admin&password=" + ServiceNowEmulator.ADMIN_PASSWORD, null);
        assertThat(issued.status()).isEqualTo(200);
        JsonNode body = issued.json();
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(1799);
        assertThat(body.get("scope").asText()).isEqualTo("useraccount");
        String access = body.get("access_token").asText();
        assertThat(tableStatus("Bearer " + access)).isEqualTo(200);

        clock.advance(Duration.ofSeconds(1800));
        assertThat(tableStatus("Bearer " + access)).isEqualTo(401);

        TestHttp.Reply refreshed = token("grant_type=refresh_token&refresh_token=" + body.get("refresh_token").asText(),
                TestHttp.basic(ServiceNowEmulator.OAUTH_CLIENT_ID, ServiceNowEmulator.OAUTH_CLIENT_SECRET));
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.json().get("refresh_token").asText()).isEqualTo(body.get("refresh_token").asText());
        assertThat(tableStatus("Bearer " + refreshed.json().get("access_token").asText())).isEqualTo(200);
    }

    @Test
    void wrongClientOrUserIsServiceNowsAccessDenied() throws Exception {
        TestHttp.Reply badClient = token("grant_type=password&client_id=sandbox-client&client_secret=nope"
                + "&username=admin&password=" + ServiceNowEmulator.ADMIN_PASSWORD, null);
        assertThat(badClient.status()).isEqualTo(401);
        assertThat(badClient.json().get("error_description").asText()).isEqualTo("access_denied");
        assertThat(badClient.json().get("error").asText()).isEqualTo("server_error");

        TestHttp.Reply badUser = token("grant_type=password&username=admin&password=nope",
                TestHttp.basic(ServiceNowEmulator.OAUTH_CLIENT_ID, ServiceNowEmulator.OAUTH_CLIENT_SECRET));
        assertThat(badUser.status()).isEqualTo(401);

        TestHttp.Reply badGrant = token("grant_type=client_credentials",
                TestHttp.basic(ServiceNowEmulator.OAUTH_CLIENT_ID, ServiceNowEmulator.OAUTH_CLIENT_SECRET));
        assertThat(badGrant.status()).isEqualTo(400);
        assertThat(badGrant.json().get("error").asText()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void addedUsersAuthenticateAndAppearAsAuthors() {
        server.emulator.createUser("itil.user", "Itil User", "itil@example.com", "itil-pass");
        TestHttp itil = new TestHttp(server.baseUrl(), TestHttp.basic("itil.user", "itil-pass"));
        JsonNode created = itil.post("/api/now/table/incident", "{\"short_description\": \"mine\"}").json()
                .get("result");
        assertThat(created.get("sys_created_by").asText()).isEqualTo("itil.user");
        assertThat(created.at("/opened_by/value").asText())
                .isEqualTo(server.emulator.users().stream().filter(u -> u.userName().equals("itil.user"))
                        .findFirst().orElseThrow().sysId());
    }
}
