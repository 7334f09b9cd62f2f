package dev.cameljira.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cameljira.sandbox.spec.HttpExchangeRecord;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Fault injection: rate limits, scripted failures, dropped connections, latency; and the request journal. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultsTest {

    private static final String CREATE = "{\"fields\":{\"project\":{\"key\":\"DEMO\"},\"issuetype\":{\"name\":\"Task\"},\"summary\":\"fault\"}}";

    private JiraSandbox sandbox;
    private Client admin;

    @BeforeAll
    void start() {
        sandbox = JiraSandbox.start(JiraSandbox.Mode.CLOUD);
        admin = Client.admin(sandbox);
    }

    @AfterEach
    void resetFaults() {
        sandbox.admin().faults().reset();
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    @Test
    void rateLimitAnswers429WithRetryAfterAndRateLimitHeaders() {
        sandbox.admin().faults().rateLimit(2);
        List<Client.Resp> responses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            responses.add(admin.get("/rest/api/3/myself"));
        }
        Client.Resp limited = responses.stream().filter(r -> r.status() == 429).findFirst().orElseThrow(
                () -> new AssertionError("10 requests at a limit of 2/s were all accepted"));
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isPositive();
        assertThat(limited.header("X-RateLimit-Limit")).isEqualTo("2");
        assertThat(limited.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(limited.header("X-RateLimit-Reset")).isNotBlank();
        assertThat(limited.header("RateLimit-Reason")).isEqualTo("jira-burst-based");
        assertThat(limited.json().get("errorMessages")).isNotEmpty();
        assertThat(responses.get(0).status()).isEqualTo(200);
        assertThat(responses.get(0).header("X-RateLimit-Limit")).isEqualTo("2");

        sandbox.admin().faults().rateLimit(0);
        assertThat(admin.get("/rest/api/3/myself").status()).isEqualTo(200);
    }

    @Test
    void aPathScopedRateLimitThrottlesOnlyThatApi() {
        sandbox.admin().faults().rateLimit("/rest/", 2);
        List<Integer> jira = new ArrayList<>();
        List<Integer> other = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            jira.add(admin.get("/rest/api/3/myself").status());
            other.add(admin.get("/api/v2/users/me.json").status());
        }
        assertThat(jira).contains(429);
        assertThat(other).doesNotContain(429);
    }

    @Test
    void failNextFailsTheNextMatchingRequestsOnly() {
        sandbox.admin().faults().failNext(503, 1);
        Client.Resp failed = admin.get("/rest/api/3/myself");
        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.header("Retry-After")).isEqualTo("1");
        assertThat(failed.json().get("errorMessages")).isNotEmpty();
        assertThat(admin.get("/rest/api/3/myself").status()).isEqualTo(200);

        int before = sandbox.admin().issueCount();
        sandbox.admin().faults().failNext("POST", "/rest/api/3/issue", 500, 2);
        assertThat(admin.get("/rest/api/3/serverInfo").status()).isEqualTo(200);
        assertThat(admin.post("/rest/api/3/issue", CREATE).status()).isEqualTo(500);
        assertThat(admin.post("/rest/api/3/issue", CREATE).status()).isEqualTo(500);
        assertThat(sandbox.admin().issueCount()).isEqualTo(before);
        assertThat(admin.post("/rest/api/3/issue", CREATE).status()).isEqualTo(201);

        sandbox.admin().faults().failNext("GET", "/rest/api/3/issue", 429, 1);
        Client.Resp limited = admin.get("/rest/api/3/issue/DEMO-1");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isNotNull();
    }

    @Test
    void droppedConnectionsLeaveTheOutcomeUnknown() {
        int before = sandbox.admin().issueCount();
        sandbox.admin().faults().dropNext(1);
        assertThatThrownBy(() -> admin.post("/rest/api/3/issue", CREATE)).isInstanceOf(UncheckedIOException.class);
        assertThat(sandbox.admin().issueCount()).as("dropped before handling").isEqualTo(before);

        sandbox.admin().faults().dropResponseNext("POST", "/rest/api/3/issue", 1);
        assertThatThrownBy(() -> admin.post("/rest/api/3/issue", CREATE)).isInstanceOf(UncheckedIOException.class);
        assertThat(sandbox.admin().issueCount()).as("applied, then dropped").isEqualTo(before + 1);

        assertThat(admin.post("/rest/api/3/issue", CREATE).status()).isEqualTo(201);
    }

    @Test
    void latencyDelaysButServes() {
        sandbox.admin().faults().latency(Duration.ofMillis(30));
        assertThat(admin.get("/rest/api/3/serverInfo").status()).isEqualTo(200);
    }

    @Test
    void journalRecordsEveryExchangeIncludingFaultedOnes() {
        sandbox.admin().clearRequests();
        sandbox.admin().faults().failNext(502, 1);
        admin.get("/rest/api/3/myself");
        admin.post("/rest/api/3/issue", CREATE);
        List<HttpExchangeRecord> records = sandbox.admin().requests();
        assertThat(records).hasSize(2);
        assertThat(records.get(0).status()).isEqualTo(502);
        assertThat(records.get(1).method()).isEqualTo("POST");
        assertThat(records.get(1).path()).isEqualTo("/rest/api/3/issue");
        assertThat(records.get(1).status()).isEqualTo(201);
        assertThat(new String(records.get(1).requestBody())).contains("fault");
        assertThat(records.get(1).requestHeader("authorization")).startsWith("Basic ");
        assertThat(records.get(1).responseHeader("content-type")).startsWith("application/json");
    }

    @Test
    void randomFaultsHitTheirShareOfRequestsAndAreRepeatableBySeed() {
        List<Integer> first = randomRun(7L);
        Map<Faults.RandomFault, Integer> counts = sandbox.admin().faults().randomFaultCounts();
        List<Integer> again = randomRun(7L);
        assertThat(again).as("same seed, same requests: same faults").isEqualTo(first);
        int faulted = counts.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(faulted).as("faults on 20%% of 150 requests (about 30, within 3.5 standard deviations)").isBetween(13, 47);
        assertThat(counts.keySet()).containsExactlyInAnyOrder(Faults.RandomFault.values());
        assertThat(first).contains(429, 503, -1);
        assertThat(first.stream().filter(s -> s == 200).count()).as("the rest is served").isGreaterThan(100);

        sandbox.admin().faults().randomFaults(0, 7L, null, Duration.ZERO);
        assertThat(admin.get("/rest/api/3/serverInfo").status()).isEqualTo(200);
        assertThatThrownBy(() -> sandbox.admin().faults().randomFaults(1.5, 1L, null, Duration.ZERO,
                Faults.RandomFault.DROP)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
    }

    @Test
    void aRandomDropAfterHandlingAppliesTheChangeAndOneBeforeDoesNot() {
        int before = sandbox.admin().issueCount();
        sandbox.admin().faults().randomFaults(1.0, 3L, "/rest/", Duration.ZERO, Faults.RandomFault.DROP_RESPONSE);
        assertThatThrownBy(() -> admin.post("/rest/api/3/issue", CREATE)).isInstanceOf(UncheckedIOException.class);
        sandbox.admin().faults().randomFaults(1.0, 3L, "/rest/", Duration.ZERO, Faults.RandomFault.DROP);
        assertThatThrownBy(() -> admin.post("/rest/api/3/issue", CREATE)).isInstanceOf(UncheckedIOException.class);
        sandbox.admin().faults().reset();
        assertThat(sandbox.admin().issueCount()).isEqualTo(before + 1);
    }

    /** 150 GETs under 20% random faults; the statuses, -1 for a dropped connection. */
    private List<Integer> randomRun(long seed) {
        sandbox.admin().faults().retryAfterSeconds(0).randomFaults(0.2, seed, "/rest/", Duration.ofMillis(1),
                Faults.RandomFault.values());
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            try {
                statuses.add(admin.get("/rest/api/3/serverInfo").status());
            } catch (UncheckedIOException e) {
                statuses.add(-1);
            }
        }
        return statuses;
    }

    @Test
    void invalidFaultArgumentsAreRejected() {
        assertThatThrownBy(() -> sandbox.admin().faults().failNext(200, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("200");
    }
}
