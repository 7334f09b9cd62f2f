package dev.cameljira.jira.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.client.JiraClient;
import dev.cameljira.jira.client.JiraNotFoundException;
import dev.cameljira.jira.model.JiraIssue;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pool hygiene of the one HTTP path: many sequential and concurrent calls through one endpoint all complete, stay
 * within maxConnections, and give every connection back, error responses included.
 */
class ConnectionPoolTest extends SandboxPairSupport {

    /** Hundreds of identical getIssue exchanges: their shape is checked by the other tests, this one is about the pool. */
    @Override
    protected boolean validateAgainstSpec() {
        return false;
    }

    @Test
    void twoHundredSequentialCallsLeaveNoConnectionLeased() {
        String key = cloud.admin().createIssue("DEMO", "Task", "Sequential");
        String uri = uri("getIssue", cloud, adminBasic(cloud));

        for (int i = 0; i < 200; i++) {
            assertThat(((JiraIssue) camel.call(uri, null, Map.of(JiraConstants.ISSUE_KEY, key))).key()).isEqualTo(key);
        }

        JiraClient.PoolStats pool = camel.endpoint(uri).getApi().client().poolStats();
        assertThat(pool.leased()).isZero();
        assertThat(pool.pending()).isZero();
        assertThat(pool.available()).as("sequential calls never need a second connection").isLessThanOrEqualTo(1);
        assertThat(requests(cloud, "GET", "/rest/api/3/issue/" + key)).hasSize(200);
    }

    @Test
    void eightThreadsOfFiftyCallsShareABoundedPoolAndGiveEveryConnectionBack() throws Exception {
        String key = cloud.admin().createIssue("DEMO", "Task", "Concurrent");
        String uri = uri("getIssue", cloud, adminBasic(cloud) + "&maxConnections=4");
        int threads = 8;
        int perThread = 50;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(workers.submit(() -> {
                    go.await();
                    int ok = 0;
                    for (int i = 0; i < perThread; i++) {
                        JiraIssue issue = (JiraIssue) camel.call(uri, null, Map.of(JiraConstants.ISSUE_KEY, key));
                        ok += key.equals(issue.key()) ? 1 : 0;
                    }
                    return ok;
                }));
            }
            go.countDown();
            for (Future<Integer> f : done) {
                assertThat(f.get(2, TimeUnit.MINUTES)).isEqualTo(perThread);
            }
        } finally {
            workers.shutdownNow();
        }

        JiraClient.PoolStats pool = camel.endpoint(uri).getApi().client().poolStats();
        assertThat(pool.max()).isEqualTo(4);
        assertThat(pool.leased()).isZero();
        assertThat(pool.pending()).isZero();
        assertThat(pool.available()).as("idle connections kept (the server may have closed some)").isBetween(0, 4);
        assertThat(requests(cloud, "GET", "/rest/api/3/issue/" + key)).hasSize(threads * perThread);
    }

    @Test
    void errorResponsesGiveTheirConnectionBackToo() {
        String uri = uri("getIssue", cloud, adminBasic(cloud) + "&maxConnections=2");

        for (int i = 0; i < 50; i++) {
            Exchange ex = camel.send(uri, null, Map.of(JiraConstants.ISSUE_KEY, "DEMO-" + (900_000 + i)));
            assertThat(ex.getException()).isInstanceOf(JiraNotFoundException.class);
        }

        JiraClient.PoolStats pool = camel.endpoint(uri).getApi().client().poolStats();
        assertThat(pool.leased()).as("a 404 must not keep its connection: with 2 connections a leak would block call 3").isZero();
        assertThat(pool.pending()).isZero();
    }
}
