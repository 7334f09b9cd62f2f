package dev.cameljira.examples.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.SandboxUsers;
import dev.cameljira.sandbox.servicenow.ServiceNowEmulator;
import dev.cameljira.sandbox.zendesk.ZendeskEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wrong credentials: the service stays alive, and readiness is DOWN naming each back-end and the reason. */
class WrongCredentialsIT {
    @TempDir
    Path workDir;

    private static final String WRONG_JIRA_TOKEN = "wrong-jira-token-1234";
    private static final String WRONG_ZENDESK_TOKEN = "wrong-zendesk-token-5678";
    private static final String WRONG_SERVICENOW_PASSWORD = "wrong-servicenow-password-9012";

    @Test
    void readinessIsDownWithTheReasonForEachBackEndAndNoCredentialIsPrinted() throws Exception {
        try (JiraSandbox sandbox = JiraSandbox.builder().port(0).build();
             AppProcess app = AppProcess.startAndAwaitLive(workDir, Map.of(
                     "JIRA_URL", sandbox.baseUrl(),
                     "JIRA_USERNAME", SandboxUsers.ADMIN_EMAIL,
                     "JIRA_API_TOKEN", WRONG_JIRA_TOKEN,
                     "ZENDESK_URL", sandbox.baseUrl(),
                     "ZENDESK_USERNAME", ZendeskEmulator.AGENT_EMAIL,
                     "ZENDESK_TOKEN", WRONG_ZENDESK_TOKEN,
                     "SERVICENOW_URL", sandbox.baseUrl(),
                     "SERVICENOW_USERNAME", ServiceNowEmulator.ADMIN_USER,
                     "SERVICENOW_PASSWORD", WRONG_SERVICENOW_PASSWORD,
                     "SYNC_POLL_INTERVAL", "2s"))) {

            HttpResponse<String> ready = app.get("/q/health/ready");

            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(503);
            Map<String, JsonNode> checks = new LinkedHashMap<>();
            Http.JSON.readTree(ready.body()).path("checks").forEach(c -> checks.put(c.path("name").asText(), c));
            assertThat(checks).containsKeys("jira", "zendesk", "servicenow", "database");
            for (String name : List.of("jira", "zendesk", "servicenow")) {
                JsonNode c = checks.get(name);
                assertThat(c.path("status").asText()).as(name).isEqualTo("DOWN");
                assertThat(c.at("/data/reason").asText()).as(name).isEqualTo("unauthorized");
                assertThat(c.at("/data/message").asText()).as(name).contains("401");
            }
            // one replica without SYNC_DB_URL: no database, and that is not a reason to be unready
            assertThat(checks.get("database").path("status").asText()).isEqualTo("UP");
            assertThat(checks.get("database").at("/data/state").asText()).isEqualTo("not configured");
            assertThat(checks.get("jira").at("/data/message").asText()).contains(SandboxUsers.ADMIN_EMAIL);
            assertThat(checks.get("zendesk").at("/data/message").asText()).contains("ZENDESK_TOKEN");
            assertThat(ready.body()).doesNotContain(WRONG_JIRA_TOKEN, WRONG_ZENDESK_TOKEN, WRONG_SERVICENOW_PASSWORD);
            // alive: a restart would not fix credentials
            assertThat(app.get("/q/health/live").statusCode()).isEqualTo(200);
            assertThat(app.output()).doesNotContain(WRONG_JIRA_TOKEN, WRONG_ZENDESK_TOKEN, WRONG_SERVICENOW_PASSWORD);
        }
    }

    @Test
    void aWrongPersonalAccessTokenOrOAuthClientIsNamedToo() throws Exception {
        String wrongPat = "wrong-personal-access-token-3456";
        String wrongClientSecret = "wrong-oauth-client-secret-7890";
        try (JiraSandbox sandbox = JiraSandbox.builder().port(0).build();
             AppProcess app = AppProcess.startAndAwaitLive(workDir, Map.of(
                     "JIRA_URL", sandbox.baseUrl(),
                     "JIRA_PAT", wrongPat,
                     "SERVICENOW_URL", sandbox.baseUrl(),
                     "SERVICENOW_USERNAME", ServiceNowEmulator.ADMIN_USER,
                     "SERVICENOW_PASSWORD", ServiceNowEmulator.ADMIN_PASSWORD,
                     "SERVICENOW_CLIENT_ID", ServiceNowEmulator.OAUTH_CLIENT_ID,
                     "SERVICENOW_CLIENT_SECRET", wrongClientSecret))) {

            HttpResponse<String> ready = app.get("/q/health/ready");

            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(503);
            Map<String, JsonNode> checks = new LinkedHashMap<>();
            Http.JSON.readTree(ready.body()).path("checks").forEach(c -> checks.put(c.path("name").asText(), c));
            assertThat(checks.get("jira").at("/data/reason").asText()).isEqualTo("unauthorized");
            assertThat(checks.get("jira").at("/data/message").asText()).contains("bearer token");
            assertThat(checks.get("servicenow").at("/data/reason").asText()).isEqualTo("unauthorized");
            assertThat(checks.get("servicenow").at("/data/message").asText()).contains("OAuth")
                    .contains("SERVICENOW_CLIENT_ID");
            // Zendesk is not configured: its sync is not started, and that is not a reason to be unready
            assertThat(checks.get("zendesk").path("status").asText()).isEqualTo("UP");
            assertThat(checks.get("zendesk").at("/data/state").asText()).isEqualTo("not configured");
            assertThat(app.output()).contains("zendesk-sync not started: ZENDESK_URL is not set")
                    .doesNotContain(wrongPat, wrongClientSecret, ServiceNowEmulator.ADMIN_PASSWORD);
        }
    }
}
