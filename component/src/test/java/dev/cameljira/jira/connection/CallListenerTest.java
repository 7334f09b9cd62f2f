package dev.cameljira.jira.connection;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.cameljira.jira.JiraComponent;
import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.client.JiraCallListener;
import dev.cameljira.jira.client.JiraNotFoundException;
import dev.cameljira.jira.model.JiraIssue;
import dev.cameljira.jira.test.JiraSandboxTestSupport;
import dev.cameljira.sandbox.JiraSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The callListener option (the metrics hook): set on the component it reaches every endpoint's client, which reports
 * each attempt (status, 0 for no answer) and each retry wait (rate-limited or not) under a templated path; a listener
 * that throws never breaks a call. No test waits: the sandbox support's sleeper records the delays.
 */
class CallListenerTest extends JiraSandboxTestSupport {

    /** What a listener heard. */
    record Call(String method, String path, int status, Duration duration) {
    }

    record Retry(String method, String path, int status, Duration delay, boolean rateLimited) {
    }

    static final class Recorder implements JiraCallListener {
        final List<Call> calls = new CopyOnWriteArrayList<>();
        final List<Retry> retries = new CopyOnWriteArrayList<>();

        @Override
        public void callCompleted(String method, String operationPath, int status, Duration duration) {
            calls.add(new Call(method, operationPath, status, duration));
        }

        @Override
        public void retryScheduled(String method, String operationPath, int status, Duration delay, boolean rateLimited) {
            retries.add(new Retry(method, operationPath, status, delay, rateLimited));
        }

        /** The calls without the one-off deployment detection of a new endpoint. */
        List<Call> jiraCalls() {
            return calls.stream().filter(c -> !c.path().endsWith("/serverInfo")).toList();
        }
    }

    private static final String ISSUE = "/rest/api/3/issue/{key}";

    private final Recorder recorder = new Recorder();

    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.CLOUD;
    }

    @Override
    protected void configure(CamelContext context) {
        context.getComponent("jira", JiraComponent.class).getConfiguration().setCallListener(recorder);
        // endpoints that provoke retries use an injected client (jiraClient option): it reports to the same recorder
        // and records its retry waits instead of sleeping
        context.getRegistry().bind("recorded", recordingClient(recorder));
        context.getRegistry().bind("failing", recordingClient(new JiraCallListener() {
            @Override
            public void callCompleted(String method, String operationPath, int status, Duration duration) {
                throw new IllegalStateException("metrics backend down");
            }

            @Override
            public void retryScheduled(String method, String operationPath, int status, Duration delay, boolean rateLimited) {
                throw new IllegalStateException("metrics backend down");
            }
        }));
    }

    @BeforeEach
    void clearRecorder() {
        recorder.calls.clear();
        recorder.retries.clear();
    }

    private JiraIssue get(String key) {
        return (JiraIssue) call("jira:getIssue?jiraClient=#recorded", null, Map.of(JiraConstants.ISSUE_KEY, key));
    }

    @Test
    void a200AndA404AreReportedUnderTheTemplatedPath() {
        String key = seedIssue("Measured");
        get(key);
        Exchange missing = send("jira:getIssue", null, Map.of(JiraConstants.ISSUE_KEY, "DEMO-99999"));
        assertThat(missing.getException()).isInstanceOf(JiraNotFoundException.class);

        assertThat(recorder.jiraCalls()).extracting(Call::method, Call::path, Call::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GET", ISSUE, 200),
                        org.assertj.core.groups.Tuple.tuple("GET", ISSUE, 404));
        assertThat(recorder.jiraCalls()).allSatisfy(c -> assertThat(c.duration()).isPositive());
        assertThat(recorder.retries).isEmpty();
    }

    @Test
    void aRateLimitedCallReportsBothAttemptsAndTheWaitJiraAskedFor() {
        String key = seedIssue("Throttled");
        sandbox.admin().faults().retryAfterSeconds(7).failNext("GET", "/rest/api/3/issue/" + key, 429, 1);

        assertThat(get(key).key()).isEqualTo(key);

        assertThat(recorder.jiraCalls()).extracting(Call::status).containsExactly(429, 200);
        assertThat(recorder.retries).containsExactly(new Retry("GET", ISSUE, 429, Duration.ofSeconds(7), true));
        assertThat(sleeps).as("the injected sleeper waited, not the test").containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void aServerErrorRetryIsNotRateLimitedAndAnIoErrorHasStatusZero() {
        String key = seedIssue("Flaky");
        sandbox.admin().faults().failNext("GET", "/rest/api/3/issue/" + key, 500, 1);
        get(key);
        assertThat(recorder.jiraCalls()).extracting(Call::status).containsExactly(500, 200);
        assertThat(recorder.retries).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.rateLimited()).isFalse();
            assertThat(r.delay()).isEqualTo(sleeps.get(0));
        });

        clearRecorder();
        sandbox.admin().faults().dropNext(1);
        get(key);
        assertThat(recorder.jiraCalls()).extracting(Call::status).containsExactly(0, 200);
        assertThat(recorder.retries).singleElement().satisfies(r -> {
            assertThat(r.status()).isZero();
            assertThat(r.rateLimited()).isFalse();
            assertThat(r.path()).isEqualTo(ISSUE);
        });
    }

    @Test
    void pathsNeverCarryAQueryStringOrAKey() {
        String key = seedIssue("Queried");
        call("jira:getIssue?fields=summary,status&expand=changelog", null, Map.of(JiraConstants.ISSUE_KEY, key));
        call("jira:searchIssues?maxResults=5", null, Map.of(JiraConstants.JQL, "key = " + key));
        call("jira:setIssueProperty", Map.of("ticket", 1), Map.of(JiraConstants.ISSUE_KEY, key,
                JiraConstants.PROPERTY_KEY, "zendesk"));

        assertThat(recorder.calls).extracting(Call::path).contains(ISSUE, "/rest/api/3/search/jql",
                "/rest/api/3/issue/{key}/properties/{propertyKey}");
        assertThat(recorder.calls).allSatisfy(c -> assertThat(c.path()).doesNotContain("?", key, "zendesk"));
    }

    @Test
    void aListenerThatThrowsNeverBreaksACallAndTheEndpointsClientWins() {
        String key = seedIssue("Unbreakable");
        sandbox.admin().faults().failNext("GET", "/rest/api/3/issue/" + key, 429, 1);
        JiraIssue issue = (JiraIssue) call("jira:getIssue?jiraClient=#failing", null,
                Map.of(JiraConstants.ISSUE_KEY, key));
        assertThat(issue.key()).isEqualTo(key);
        assertThat(recorder.calls).as("the listener of the endpoint's client replaced the component's").isEmpty();
    }
}
