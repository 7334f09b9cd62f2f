package dev.cameljira.jira.connection;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.JiraEndpoint;
import dev.cameljira.jira.JiraEndpointUriFactory;
import dev.cameljira.jira.client.JiraAuthenticationException;
import dev.cameljira.jira.client.JiraClient;
import dev.cameljira.jira.client.JiraInvalidInputException;
import dev.cameljira.jira.client.JiraPermissionException;
import dev.cameljira.jira.client.JiraTransportException;
import dev.cameljira.jira.client.JiraCallListener;
import dev.cameljira.jira.model.JiraIssue;
import dev.cameljira.sandbox.SandboxUsers;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Secrets (apiToken, password, accessToken, proxyPassword, and the Basic header made of them) never appear in what the
 * component logs, in exception messages, or in the endpoint URIs Camel shows.
 *
 * <p>What Camel 4.17 does with URIs, and so what this component promises: {@code endpoint.toString()}, logs, route
 * listings and errors show {@link URISupport#sanitizeUri sanitized} URIs in which every option whose name contains
 * token, password, secret, user... is {@code xxxxxx}: all of this component's secret options (declared
 * {@code secret = true}) are covered. {@code getEndpointUri()} and the endpoint registry's keys are Camel's identity of
 * an endpoint and keep whatever the URI said (also values resolved from {@code {{placeholders}}}); so secrets belong
 * on the component ({@code camel.component.jira.api-token=...}) or in beans ({@code apiToken=#bean:jiraToken}), which
 * keeps them out of every URI, as tested here.
 */
class SecretsTest extends SandboxPairSupport {

    private static final String WRONG_TOKEN = "wrong-secret-7f3a";
    private static final String WRONG_PAT = "wrong-pat-91bc";
    private static final String PROXY_PASSWORD = "proxy-secret-55aa";
    private static final String BEAN_TOKEN = SandboxUsers.ADMIN_TOKEN;

    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

    @Test
    void aRunWithRetriesAndErrorsLogsNoSecret() throws Exception {
        int closedPort = closedPort();
        String key = cloud.admin().createIssue("DEMO", "Task", "Logged");
        List<Throwable> errors = new ArrayList<>();
        String log;
        try (LogCapture capture = LogCapture.start("dev.cameljira.jira", JiraClient.class);
             CamelFixture ctx = CamelFixture.start((context, jira) -> {
                 context.getRegistry().bind("recordSleeps", retryWaits(sleeps));
                 context.addRoutes(new RouteBuilder() {
                     @Override
                     public void configure() {
                         String sleeper = "&callListener=#recordSleeps&initialRetryDelay=1";
                         from("direct:retried").to(uri("getIssue", cloud, adminBasic(cloud) + sleeper));
                         // the secret first: Camel cuts route labels at 50 characters, so a late one would hide a leak
                         from("direct:wrongToken").to("jira:getIssue?apiToken=" + WRONG_TOKEN + "&username="
                                                      + SandboxUsers.ADMIN_EMAIL + "&jiraUrl=" + cloud.baseUrl() + sleeper);
                         from("direct:wrongPat").to(uri("getIssue", server, "accessToken=" + WRONG_PAT + sleeper));
                         from("direct:forbidden").to(uri("createProject", server, "username=" + SandboxUsers.USER_NAME
                                                                                    + "&password=" + SandboxUsers.USER_TOKEN + sleeper));
                         from("direct:deadProxy").to(uri("getIssue", cloud, adminBasic(cloud) + sleeper
                                                                             + "&proxyHost=127.0.0.1&proxyPort=" + closedPort
                                                                             + "&proxyUsername=relay&proxyPassword=" + PROXY_PASSWORD));
                     }
                 });
             })) {
            cloud.admin().faults().retryAfterSeconds(0).failNext("GET", "/rest/api/3/issue/", 503, 2);
            JiraIssue issue = (JiraIssue) ctx.call("direct:retried", null, Map.of(JiraConstants.ISSUE_KEY, key));
            assertThat(issue.key()).isEqualTo(key);

            errors.add(failure(ctx, "direct:wrongToken", Map.of(JiraConstants.ISSUE_KEY, key), JiraAuthenticationException.class));
            errors.add(failure(ctx, "direct:wrongPat", Map.of(JiraConstants.ISSUE_KEY, "DEMO-1"), JiraAuthenticationException.class));
            errors.add(failure(ctx, "direct:forbidden", Map.of(JiraConstants.PROJECT_KEY, "SECRETS", JiraConstants.PROJECT_NAME,
                    "Secrets"), JiraPermissionException.class));
            errors.add(failure(ctx, "direct:deadProxy", Map.of(JiraConstants.ISSUE_KEY, key), JiraTransportException.class));
            log = capture.text();
        }

        // the capture works and saw the retries and the failures...
        assertThat(log).contains("retry 1 of 3", "retry 2 of 3", "answered 503", "Connection refused", "401", "403",
                "via HTTP proxy 127.0.0.1:" + closedPort);
        assertThat(sleeps).as("503 twice, then 3 retries towards the dead proxy").hasSize(5);
        // ...and no secret in any of it
        assertNoSecret("the log", log);
        for (Throwable t : errors) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                assertNoSecret(c.getClass().getSimpleName() + " message", String.valueOf(c.getMessage()));
            }
        }
    }

    @Test
    void everyCredentialOptionIsDeclaredSecretAndCamelMasksEverySecretOption() {
        Set<String> secret = new JiraEndpointUriFactory().secretPropertyNames();

        assertThat(secret).contains("apiToken", "password", "accessToken", "proxyPassword");
        // Camel masks by option name, not by the secret flag: a future secret option with an unusual name would leak
        for (String name : secret) {
            assertThat(URISupport.sanitizeUri("jira:getIssue?" + name + "=v4lue&jiraUrl=https://x")).as(name)
                    .doesNotContain("v4lue");
        }
    }

    @Test
    void secretsWrittenIntoTheUriAreMaskedWhereverCamelShowsTheEndpoint() {
        String uri = uri("getIssue", cloud, "username=" + SandboxUsers.ADMIN_EMAIL + "&apiToken=" + WRONG_TOKEN
                                           + "&password=" + SandboxUsers.USER_TOKEN + "&accessToken=" + WRONG_PAT
                                           + "&proxyHost=127.0.0.1&proxyPort=3128&proxyUsername=relay&proxyPassword=" + PROXY_PASSWORD);

        Endpoint endpoint = camel.endpoint(uri);

        assertThat(endpoint.toString()).contains("apiToken=xxxxxx", "password=xxxxxx", "accessToken=xxxxxx",
                "proxyPassword=xxxxxx");
        assertNoSecret("endpoint.toString()", endpoint.toString());
        assertNoSecret("sanitized endpoint URI", URISupport.sanitizeUri(endpoint.getEndpointUri()));
        assertNoSecret("context.getEndpoints()", camel.context().getEndpoints().toString());
        assertNoSecret("endpoint configuration", ((JiraEndpoint) endpoint).getConfiguration().toString());
    }

    @Test
    void secretsOnTheComponentOrInBeansStayOutOfEveryUri() {
        String viaComponent = "jira:getIssue?jiraUrl=" + cloud.baseUrl();
        String viaBean = "jira:getIssue?jiraUrl=" + server.baseUrl() + "&accessToken=#bean:jiraToken";
        try (CamelFixture ctx = CamelFixture.start((context, jira) -> {
            jira.getConfiguration().setUsername(SandboxUsers.ADMIN_EMAIL);
            jira.getConfiguration().setApiToken(SandboxUsers.ADMIN_TOKEN);
            context.getRegistry().bind("jiraToken", BEAN_TOKEN);
        })) {
            String cloudKey = cloud.admin().createIssue("DEMO", "Task", "Component credentials");
            String serverKey = server.admin().createIssue("DEMO", "Task", "Bean credentials");

            // the secrets are really used...
            assertThat(((JiraIssue) ctx.call(viaComponent, null, Map.of(JiraConstants.ISSUE_KEY, cloudKey))).key()).isEqualTo(cloudKey);
            assertThat(((JiraIssue) ctx.call(viaBean, null, Map.of(JiraConstants.ISSUE_KEY, serverKey))).key()).isEqualTo(serverKey);

            // ...and appear in no URI: not the endpoints' own, not the registry's keys
            for (String uri : List.of(viaComponent, viaBean)) {
                JiraEndpoint endpoint = ctx.endpoint(uri);
                assertThat(endpoint.getEndpointUri()).doesNotContain(SandboxUsers.ADMIN_TOKEN);
                assertThat(endpoint.toString()).doesNotContain(SandboxUsers.ADMIN_TOKEN);
            }
            assertThat(ctx.context().getEndpointRegistry().keySet()).isNotEmpty()
                    .allSatisfy(k -> assertThat(k.toString()).doesNotContain(SandboxUsers.ADMIN_TOKEN));
        }
    }

    @Test
    void credentialsWrittenIntoJiraUrlAreRefusedWithoutBeingEchoed() {
        for (String url : List.of("https://me:" + WRONG_TOKEN + "@jira.example.com", "ftp://me:" + WRONG_TOKEN + "@jira.example.com",
                "https://me:" + WRONG_TOKEN + "@jira example.com")) {
            Throwable t = catchThrowable(() -> {
                try (CamelFixture ctx = CamelFixture.start((context, jira) -> jira.getConfiguration().setJiraUrl(url))) {
                    ctx.endpoint("jira:getIssue");
                }
            });
            assertThat(t).as(url).hasRootCauseInstanceOf(JiraInvalidInputException.class);
            for (Throwable c = t; c != null; c = c.getCause()) {
                assertThat(String.valueOf(c.getMessage())).as(url).contains("jiraUrl").doesNotContain(WRONG_TOKEN);
            }
        }
    }

    @Test
    void anEndpointThatCannotBeCreatedDoesNotShowItsSecretsInTheError() {
        Throwable t = catchThrowable(() -> camel.endpoint(uri("getIssue", cloud, "username=x&apiToken=" + WRONG_TOKEN
                                                                                  + "&deployment=bogus")));

        // Camel names the option it could not bind; the cause (the enum's converter) names the value and the choices
        assertThat(t).hasMessageContaining("deployment=bogus").rootCause()
                .hasMessageContaining("deployment 'bogus' is not one of auto, cloud, server");
        for (Throwable c = t; c != null; c = c.getCause()) {
            assertNoSecret(c.getClass().getSimpleName(), String.valueOf(c.getMessage()));
        }
    }

    private static Throwable failure(CamelFixture ctx, String uri, Map<String, Object> headers, Class<? extends Throwable> type) {
        Exchange ex = ctx.send(uri, null, headers);
        assertThat(ex.getException()).as(uri).isInstanceOf(type);
        return ex.getException();
    }

    private static void assertNoSecret(String where, String text) {
        List<String> secrets = List.of(SandboxUsers.ADMIN_TOKEN, SandboxUsers.USER_TOKEN, WRONG_TOKEN, WRONG_PAT, PROXY_PASSWORD,
                basic(SandboxUsers.ADMIN_EMAIL, SandboxUsers.ADMIN_TOKEN), basic(SandboxUsers.ADMIN_EMAIL, WRONG_TOKEN),
                basic(SandboxUsers.USER_NAME, SandboxUsers.USER_TOKEN), basic("relay", PROXY_PASSWORD));
        for (String secret : secrets) {
            assertThat(text).as("%s must not contain a secret", where).doesNotContain(secret);
        }
    }

    private static String basic(String user, String secret) {
        return Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A call listener that records every retry wait the client schedules. */
    static JiraCallListener retryWaits(List<Duration> waits) {
        return new JiraCallListener() {
            @Override
            public void retryScheduled(String method, String operationPath, int status, Duration delay, boolean rateLimited) {
                waits.add(delay);
            }
        };
    }
}
