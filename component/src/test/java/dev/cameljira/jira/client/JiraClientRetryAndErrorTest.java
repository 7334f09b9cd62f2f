package dev.cameljira.jira.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.cameljira.jira.test.SpecCheckedWireMock;
import dev.cameljira.sandbox.spec.JiraSpecValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The client's one HTTP path under Jira's error behaviour: Retry-After as seconds and as HTTP date,
 * X-RateLimit-Reset, 503, other 5xx, I/O failures, and the rule that a POST of unknown outcome is never resent.
 * No test sleeps: the sleeper records the delays.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JiraClientRetryAndErrorTest {

    private static final String ISSUE = "/rest/api/3/issue/DEMO-1";
    private static final String CREATE = "/rest/api/3/issue";
    private static final String ISSUE_JSON = "{\"id\":\"10001\",\"key\":\"DEMO-1\",\"self\":\"http://x/rest/api/3/issue/10001\","
                                             + "\"fields\":{\"summary\":\"s\"}}";
    private static final String ERRORS_404 = "{\"errorMessages\":[\"Issue does not exist or you do not have permission to see it.\"],\"errors\":{}}";
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private SpecCheckedWireMock jira;
    private final List<Duration> sleeps = new ArrayList<>();
    private JiraClient client;

    @BeforeAll
    void start() {
        jira = new SpecCheckedWireMock(JiraSpecValidator.cloud());
    }

    @AfterAll
    void stop() {
        jira.close();
    }

    @BeforeEach
    void newClient() {
        jira.server().resetAll();
        sleeps.clear();
        client = client(3, Duration.ofSeconds(60));
    }

    @AfterEach
    void closeAndCheckSpec() {
        client.close();
        assertThat(jira.violations()).as("stubs and requests must match Atlassian's spec").isEmpty();
    }

    private JiraClient client(int maxRetries, Duration maxDelay) {
        return new JiraClient(JiraClientConfig.builder(jira.baseUrl())
                .auth(JiraAuth.basic("admin@example.com", "s3cr3t-token"))
                .maxRetries(maxRetries)
                .initialRetryDelay(Duration.ofMillis(100))
                .maxRetryDelay(maxDelay)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .sleeper(sleeps::add)
                .random(() -> 0.5)
                .build());
    }

    private void stubThenSucceed(String method, String path, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder first,
                                 String okBody, int okStatus) {
        var m = method.equals("GET") ? get(urlPathEqualTo(path)) : post(urlPathEqualTo(path));
        jira.server().stubFor(m.inScenario("retry").whenScenarioStateIs(Scenario.STARTED).willReturn(first)
                .willSetStateTo("ok"));
        var m2 = method.equals("GET") ? get(urlPathEqualTo(path)) : post(urlPathEqualTo(path));
        jira.server().stubFor(m2.inScenario("retry").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(okStatus).withHeader("Content-Type", "application/json").withBody(okBody)));
    }

    @Test
    void retryAfterSecondsIsHonoured() {
        stubThenSucceed("GET", ISSUE, aResponse().withStatus(429).withHeader("Retry-After", "7")
                .withHeader("Content-Type", "application/json").withBody("{\"errorMessages\":[\"Rate limit exceeded.\"],\"errors\":{}}"),
                ISSUE_JSON, 200);

        JsonNode issue = client.json(JiraRequest.get(ISSUE));

        assertThat(issue.path("key").asText()).isEqualTo("DEMO-1");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterHttpDateIsHonoured() {
        String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(NOW.plusSeconds(12), ZoneOffset.UTC));
        stubThenSucceed("GET", ISSUE, aResponse().withStatus(429).withHeader("Retry-After", at), ISSUE_JSON, 200);

        client.json(JiraRequest.get(ISSUE));

        assertThat(sleeps).containsExactly(Duration.ofSeconds(12));
    }

    @Test
    void rateLimitResetIsUsedWithoutRetryAfter() {
        stubThenSucceed("GET", ISSUE, aResponse().withStatus(429).withHeader("X-RateLimit-Reset", "2026-11-28T10:00:30Z")
                .withHeader("RateLimit-Reason", "jira-burst-based"), ISSUE_JSON, 200);

        client.json(JiraRequest.get(ISSUE));

        assertThat(sleeps).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void throttledPostIsRetriedBecauseJiraDidNotApplyIt() {
        stubThenSucceed("POST", CREATE, aResponse().withStatus(429).withHeader("Retry-After", "1"),
                "{\"id\":\"10001\",\"key\":\"DEMO-1\",\"self\":\"http://x/rest/api/3/issue/10001\"}", 201);

        JsonNode created = client.json(JiraRequest.post(CREATE).body(createBody()));

        assertThat(created.path("key").asText()).isEqualTo("DEMO-1");
        jira.server().verify(2, postRequestedFor(urlPathEqualTo(CREATE)));
    }

    @Test
    void serverErrorsOnGetBackOffExponentiallyAndGiveUpAfterMaxRetries() {
        jira.server().stubFor(get(urlPathEqualTo(ISSUE)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("{\"errorMessages\":[\"Internal server error\"],\"errors\":{}}")));

        Throwable t = catchThrowable(() -> client.json(JiraRequest.get(ISSUE)));

        assertThat(t).isInstanceOf(JiraServerException.class).hasMessageContaining("500").hasMessageContaining("after 3 retries")
                .hasMessageContaining("Internal server error");
        jira.server().verify(4, getRequestedFor(urlPathEqualTo(ISSUE)));
        // equal jitter with random 0.5: 75% of 100, 200, 400 ms
        assertThat(sleeps).containsExactly(Duration.ofMillis(75), Duration.ofMillis(150), Duration.ofMillis(300));
    }

    @Test
    void serverErrorOnPostIsNotRetried() {
        jira.server().stubFor(post(urlPathEqualTo(CREATE)).willReturn(aResponse().withStatus(500)));

        Throwable t = catchThrowable(() -> client.json(JiraRequest.post(CREATE).body(createBody())));

        assertThat(t).isInstanceOf(JiraServerException.class);
        jira.server().verify(1, postRequestedFor(urlPathEqualTo(CREATE)));
        assertThat(sleeps).isEmpty();
    }

    @Test
    void ioErrorAfterSendingAPostIsNeverRetried() {
        jira.server().stubFor(post(urlPathEqualTo(CREATE)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Throwable t = catchThrowable(() -> client.json(JiraRequest.post(CREATE).body(createBody())));

        assertThat(t).isInstanceOf(JiraOutcomeUnknownException.class)
                .hasMessageContaining("may or may not have applied it");
        jira.server().verify(1, postRequestedFor(urlPathEqualTo(CREATE)));
    }

    @Test
    void ioErrorOnGetIsRetried() {
        stubThenSucceed("GET", ISSUE, aResponse().withFault(Fault.EMPTY_RESPONSE), ISSUE_JSON, 200);

        JsonNode issue = client.json(JiraRequest.get(ISSUE));

        assertThat(issue.path("id").asText()).isEqualTo("10001");
        jira.server().verify(2, getRequestedFor(urlPathEqualTo(ISSUE)));
    }

    /**
     * socketTimeout bounds the wait for Jira's answer on every call, also on a pooled connection that an earlier call
     * opened (the timeout is set once per socket, not per request).
     */
    @Test
    void socketTimeoutBoundsTheWaitOnNewAndPooledConnections() {
        jira.server().stubFor(get(urlPathEqualTo("/rest/api/3/issue/DEMO-2")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(ISSUE_JSON.replace("DEMO-1", "DEMO-2"))));
        jira.server().stubFor(get(urlPathEqualTo(ISSUE)).willReturn(aResponse().withStatus(200).withFixedDelay(3_000)
                .withHeader("Content-Type", "application/json").withBody(ISSUE_JSON)));
        jira.server().stubFor(post(urlPathEqualTo(CREATE)).willReturn(aResponse().withStatus(201).withFixedDelay(3_000)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"10001\",\"key\":\"DEMO-1\",\"self\":\"http://x/rest/api/3/issue/10001\"}")));
        try (JiraClient c = new JiraClient(JiraClientConfig.builder(jira.baseUrl())
                .auth(JiraAuth.basic("admin@example.com", "s3cr3t-token"))
                .maxConnections(1)
                .maxRetries(1)
                .socketTimeout(Duration.ofMillis(300))
                .sleeper(sleeps::add)
                .build())) {
            // a fast call first, so that the slow ones run on the pooled connection it leaves
            assertThat(c.json(JiraRequest.get("/rest/api/3/issue/DEMO-2")).path("key").asText()).isEqualTo("DEMO-2");

            long started = System.nanoTime();
            Throwable get = catchThrowable(() -> c.json(JiraRequest.get(ISSUE)));
            Throwable post = catchThrowable(() -> c.json(JiraRequest.post(CREATE).body(createBody())));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(get).isInstanceOf(JiraTransportException.class).isNotInstanceOf(JiraOutcomeUnknownException.class)
                    .hasMessageContaining("timed out").hasMessageContaining("after 1 retries");
            assertThat(post).isInstanceOf(JiraOutcomeUnknownException.class).hasMessageContaining("timed out");
            // three attempts of 300 ms, not three of 3 s
            assertThat(took).isLessThan(Duration.ofMillis(2_500));
            jira.server().verify(2, getRequestedFor(urlPathEqualTo(ISSUE)));
            jira.server().verify(1, postRequestedFor(urlPathEqualTo(CREATE)));
        }
    }

    @Test
    void unreachableJiraIsRetriedEvenForPostBecauseNothingWasSent() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (JiraClient c = new JiraClient(JiraClientConfig.builder("http://127.0.0.1:" + closedPort)
                .maxRetries(2).sleeper(sleeps::add).build())) {
            Throwable t = catchThrowable(() -> c.json(JiraRequest.post(CREATE).body(createBody())));
            assertThat(t).isInstanceOf(JiraTransportException.class).isNotInstanceOf(JiraOutcomeUnknownException.class)
                    .hasMessageContaining("after 2 retries");
            assertThat(sleeps).hasSize(2);
        }
    }

    @Test
    void retryAfterLongerThanMaxRetryDelayFailsAtOnceWithTheDelay() {
        jira.server().stubFor(get(urlPathEqualTo(ISSUE)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

        Throwable t = catchThrowable(() -> client.json(JiraRequest.get(ISSUE)));

        assertThat(t).isInstanceOf(JiraRateLimitException.class).hasMessageContaining("3600 s")
                .hasMessageContaining("maxRetryDelay");
        assertThat(((JiraRateLimitException) t).getRetryAfter()).isEqualTo(Duration.ofHours(1));
        assertThat(sleeps).isEmpty();
        jira.server().verify(1, getRequestedFor(urlPathEqualTo(ISSUE)));
    }

    @Test
    void interruptionWhileWaitingStopsAndKeepsTheInterruptFlag() {
        jira.server().stubFor(get(urlPathEqualTo(ISSUE)).willReturn(aResponse().withStatus(503)));
        try (JiraClient c = new JiraClient(JiraClientConfig.builder(jira.baseUrl()).sleeper(d -> {
            throw new InterruptedException("test");
        }).build())) {
            Throwable t = catchThrowable(() -> c.json(JiraRequest.get(ISSUE)));
            assertThat(t).isInstanceOf(JiraTransportException.class).hasMessageContaining("Interrupted");
            assertThat(Thread.interrupted()).as("interrupt flag restored (and cleared here)").isTrue();
        }
    }

    @Test
    void badRequestNamesTheOffendingFields() {
        jira.server().stubFor(post(urlPathEqualTo(CREATE)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errorMessages\":[],\"errors\":{\"summary\":\"You must specify a summary of the issue.\","
                          + "\"customfield_10016\":\"Number value expected\"}}")));

        Throwable t = catchThrowable(() -> client.json(JiraRequest.post(CREATE).body(createBody())));

        assertThat(t).isInstanceOf(JiraBadRequestException.class)
                .hasMessageContaining("summary: You must specify a summary of the issue.")
                .hasMessageContaining("customfield_10016");
        JiraBadRequestException e = (JiraBadRequestException) t;
        assertThat(e.getStatus()).isEqualTo(400);
        assertThat(e.getMethod()).isEqualTo("POST");
        assertThat(e.getUrl()).isEqualTo(jira.baseUrl() + CREATE);
        assertThat(e.getFieldErrors()).containsKeys("summary", "customfield_10016");
    }

    @Test
    void unauthorizedSaysWhichCredentialWithoutRevealingIt() {
        jira.server().stubFor(get(urlPathEqualTo(ISSUE)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"errorMessages\":[\"Unauthorized\"],\"errors\":{}}")));

        Throwable t = catchThrowable(() -> client.json(JiraRequest.get(ISSUE)));

        assertThat(t).isInstanceOf(JiraAuthenticationException.class)
                .hasMessageContaining("admin@example.com").hasMessageContaining("apiToken")
                .hasMessageNotContaining("s3cr3t-token")
                .hasMessageNotContaining(java.util.Base64.getEncoder().encodeToString("admin@example.com:s3cr3t-token".getBytes()));
        jira.server().verify(1, getRequestedFor(urlPathEqualTo(ISSUE))
                .withHeader("Authorization", equalTo("Basic " + java.util.Base64.getEncoder()
                        .encodeToString("admin@example.com:s3cr3t-token".getBytes()))));
    }

    @Test
    void forbiddenSaysAPermissionIsMissing() {
        jira.server().stubFor(get(urlPathEqualTo(ISSUE)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errorMessages\":[\"You do not have the permission to see the specified issue.\"],\"errors\":{}}")));

        Throwable t = catchThrowable(() -> client.json(JiraRequest.get(ISSUE).subject("issue DEMO-1")));

        assertThat(t).isInstanceOf(JiraPermissionException.class).hasMessageContaining("lacks the permission")
                .hasMessageContaining("issue DEMO-1").hasMessageContaining("You do not have the permission");
    }

    @Test
    void notFoundNamesTheKey() {
        jira.server().stubFor(get(urlPathEqualTo(ISSUE)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(ERRORS_404)));

        Throwable t = catchThrowable(() -> client.json(JiraRequest.get(ISSUE).subject("issue DEMO-1")));

        assertThat(t).isInstanceOf(JiraNotFoundException.class).hasMessageStartingWith("Issue DEMO-1 not found");
    }

    @Test
    void goneNamesTheRemovedApiAndItsReplacement() {
        jira.server().stubFor(WireMock.get(urlPathEqualTo("/rest/api/3/search")).willReturn(aResponse().withStatus(410)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errorMessages\":[\"The requested API has been removed. Please migrate to the /rest/api/3/search/jql API.\"],\"errors\":{}}")));

        // the spec marks /search deprecated, so the checker must flag this call (asserted below)
        Throwable t = catchThrowable(() -> client.json(JiraRequest.get("/rest/api/3/search").query("jql", "project = DEMO")));

        assertThat(t).isInstanceOf(JiraGoneException.class).hasMessageContaining("GET /rest/api/3/search")
                .hasMessageContaining("/search/jql");
        assertThat(jira.violations()).anySatisfy(v -> assertThat(v).containsIgnoringCase("deprecated"));
        // this test calls the removed operation on purpose: the finding is expected, so it is consumed here
        jira.clearViolations();
    }

    @Test
    void userAgentAndJsonHeadersAreSent() {
        jira.server().stubFor(get(urlPathEqualTo(ISSUE)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(ISSUE_JSON)));

        client.json(JiraRequest.get(ISSUE));

        jira.server().verify(getRequestedFor(urlPathEqualTo(ISSUE)).withHeader("User-Agent", equalTo("camel-jira-connector"))
                .withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void secretsNeverAppearInToString() {
        JiraClientConfig config = JiraClientConfig.builder("https://x.atlassian.net")
                .auth(JiraAuth.basic("me@example.com", "tok-123")).proxy("proxy", 3128).proxyCredentials("p", "proxy-pw").build();
        assertThat(config.toString()).doesNotContain("tok-123").doesNotContain("proxy-pw");
        assertThat(JiraAuth.bearer("pat-456").toString()).doesNotContain("pat-456");
    }

    private JsonNode createBody() {
        return client.mapper().createObjectNode().set("fields", client.mapper().createObjectNode()
                .put("summary", "s")
                .<com.fasterxml.jackson.databind.node.ObjectNode>set("project", client.mapper().createObjectNode().put("key", "DEMO"))
                .set("issuetype", client.mapper().createObjectNode().put("name", "Task")));
    }
}
