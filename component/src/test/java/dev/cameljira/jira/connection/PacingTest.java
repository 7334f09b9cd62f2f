package dev.cameljira.jira.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.JiraEndpoint;
import dev.cameljira.jira.client.RequestPacer;
import dev.cameljira.jira.test.JiraSandboxTestSupport;
import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.spec.HttpExchangeRecord;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * maxRequestsPerSecond: the endpoints of one component that reach the same Jira as the same user share one pacer, so
 * parallel callers on different operations stay under Jira's limit together. The sandbox limits /rest/ to 20 requests
 * a second; six callers send 36 requests through two endpoints (getIssue and createIssue), which without the pacer
 * start as fast as the sandbox answers.
 */
class PacingTest extends JiraSandboxTestSupport {

    private static final int CALLERS = 6;
    private static final int CALLS_EACH = 6;

    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.CLOUD;
    }

    @Test
    void parallelCallersOnTwoEndpointsPacedUnderTheLimitMeetNoRateLimit() throws Exception {
        List<Exchange> done = load("&maxRequestsPerSecond=16");

        assertThat(done).allSatisfy(e -> assertThat(e.getException()).isNull());
        assertThat(statuses()).as("every request answered, none refused with 429")
                .hasSize(CALLERS * CALLS_EACH).allMatch(s -> s < 300);
    }

    @Test
    void endpointsOfOneSiteAndUserShareOnePacerAnotherUserHasItsOwn() {
        RequestPacer get = pacerOf("jira:getIssue?maxRequestsPerSecond=16");
        RequestPacer create = pacerOf("jira:createIssue?readBack=false&maxRequestsPerSecond=16");
        RequestPacer otherUser = pacerOf("jira:getIssue?maxRequestsPerSecond=16&username=someone.else@example.com"
                                         + "&apiToken=RAW(another-token)");
        assertThat(create).as("one site, one user: one pacer, whatever the operation").isSameAs(get);
        assertThat(otherUser).as("Jira limits each user: another user is paced apart").isNotSameAs(get);
        assertThat(get.maxRequestsPerSecond()).isEqualTo(16.0);
    }

    private RequestPacer pacerOf(String uri) {
        return context.getEndpoint(uri, JiraEndpoint.class).getApi().client().config().pacer();
    }

    /**
     * With Jira limited to 20 requests a second, every caller alternates the two endpoints; returns the exchanges
     * (exceptions kept).
     */
    private List<Exchange> load(String options) throws Exception {
        String key = seedIssue("Paced or not");
        sandbox.admin().clearRequests();
        sandbox.admin().faults().rateLimit("/rest/", 20);
        String get = "jira:getIssue?fields=summary" + options;
        String create = "jira:createIssue?readBack=false" + options;
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<Exchange>> futures = new ArrayList<>();
            for (int c = 0; c < CALLERS; c++) {
                for (int i = 0; i < CALLS_EACH; i++) {
                    boolean reading = (c + i) % 2 == 0;
                    futures.add(pool.submit(() -> reading
                            ? send(get, null, Map.of(JiraConstants.ISSUE_KEY, key))
                            : send(create, null, Map.of(JiraConstants.PROJECT_KEY, "DEMO", JiraConstants.ISSUE_TYPE_NAME,
                                    "Task", JiraConstants.SUMMARY, "Paced load"))));
                }
            }
            List<Exchange> done = new ArrayList<>();
            for (Future<Exchange> f : futures) {
                done.add(f.get(60, TimeUnit.SECONDS));
            }
            return done;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The statuses of the issue requests the sandbox answered (not the endpoints' one-off look-ups). */
    private List<Integer> statuses() {
        return sandbox.admin().requests().stream().filter(r -> r.path().contains("/issue"))
                .map(HttpExchangeRecord::status).toList();
    }
}
