package dev.cameljira.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.jira.JiraComponent;
import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.client.JiraException;
import dev.cameljira.jira.client.JiraOutcomeUnknownException;
import dev.cameljira.sandbox.Faults;
import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.SandboxUsers;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/**
 * Producers create, update, comment and transition issues, four at a time, while the sandbox answers 20% of Jira calls
 * with a fault: 429, 503, 300 ms of latency, the connection dropped before the request is handled, or dropped after it
 * was handled (applied, but no response). Every operation either completes or fails with a typed {@link JiraException};
 * afterwards no issue and no comment exists twice, every completed create and comment exists exactly once, and a
 * completed update or transition shows.
 */
class ProducerFaultTest {

    private static final int WORKERS = 4;
    private static final int STORIES = 8;

    /** What became of one operation. */
    private record Outcome(String operation, String subject, Throwable failure) {
        boolean ok() {
            return failure == null;
        }
    }

    private final List<Outcome> outcomes = new CopyOnWriteArrayList<>();
    /** Summary of each create -> the key it returned, or null when it failed. */
    private final Map<String, String> creates = new ConcurrentHashMap<>();
    /** Comment text -> issue key, for the comments whose addComment completed or failed. */
    private final Map<String, String> commentsOk = new ConcurrentHashMap<>();
    private final Map<String, String> commentsFailed = new ConcurrentHashMap<>();
    /** Issue key -> description of the last update that completed. */
    private final Map<String, String> updated = new ConcurrentHashMap<>();
    /** Issue key -> status of the last transition that completed, when no later one failed. */
    private final Map<String, String> transitioned = new ConcurrentHashMap<>();

    @Test
    void everyOperationCompletesOrFailsTypedAndNothingExistsTwice() throws Exception {
        SuiteSecrets.ran(getClass());
        long seed = Long.getLong("faults.seed", 20261205L);
        System.out.println("ProducerFaultTest seed " + seed + " (-Dfaults.seed=" + seed + " repeats the faults)");
        try (JiraSandbox sandbox = JiraSandbox.start(JiraSandbox.Mode.CLOUD)) {
            CamelContext context = new DefaultCamelContext();
            JiraComponent jira = new JiraComponent();
            jira.getConfiguration().setJiraUrl(sandbox.baseUrl());
            jira.getConfiguration().setUsername(SandboxUsers.ADMIN_EMAIL);
            jira.getConfiguration().setApiToken(SandboxUsers.ADMIN_TOKEN);
            jira.getConfiguration().setInitialRetryDelay(20);
            context.addComponent("jira", jira);
            context.start();
            // Retry-After: 0 keeps the run short; waiting as asked is JiraClientRetryAndErrorTest's subject
            sandbox.admin().faults().retryAfterSeconds(0).randomFaults(0.2, seed, "/rest/", Duration.ofMillis(300),
                    Faults.RandomFault.values());
            long started = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
            try {
                ProducerTemplate template = context.createProducerTemplate();
                List<Future<?>> done = new ArrayList<>();
                for (int w = 0; w < WORKERS; w++) {
                    int worker = w;
                    done.add(pool.submit(() -> {
                        for (int s = 0; s < STORIES; s++) {
                            story(template, "F-" + worker + "-" + s);
                        }
                        return null;
                    }));
                }
                pool.shutdown();
                assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).as("every operation ended within 2 min").isTrue();
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            Map<Faults.RandomFault, Integer> injected = sandbox.admin().faults().randomFaultCounts();
            sandbox.admin().faults().reset();
            SuiteSecrets.endpoints(context);
            context.stop();

            Map<String, Long> byKind = new LinkedHashMap<>();
            outcomes.forEach(o -> byKind.merge(o.operation() + (o.ok() ? " ok" : " " + o.failure().getClass().getSimpleName()),
                    1L, Long::sum));
            System.out.printf("ProducerFaultTest: %d operations in %d ms; faults injected %s; outcomes %s%n", outcomes.size(),
                    (System.nanoTime() - started) / 1_000_000, injected, byKind);

            assertThat(injected.keySet()).as("every kind of fault was injected").containsExactlyInAnyOrder(Faults.RandomFault.values());
            assertThat(outcomes).as("operations that failed with something else than a typed JiraException")
                    .filteredOn(o -> !o.ok() && !(o.failure() instanceof JiraException)).isEmpty();
            assertThat(outcomes).filteredOn(Outcome::ok).hasSizeGreaterThan(outcomes.size() / 2);
            assertThat(outcomes).as("a POST whose response was dropped is reported as such")
                    .anyMatch(o -> o.failure() instanceof JiraOutcomeUnknownException);

            Map<String, List<JsonNode>> bySummary = issuesBySummary(sandbox);
            for (Map.Entry<String, String> c : creates.entrySet()) {
                List<JsonNode> found = bySummary.getOrDefault(c.getKey(), List.of());
                assertThat(found).as("issues with summary %s", c.getKey()).hasSizeLessThanOrEqualTo(1);
                if (!c.getValue().isEmpty()) {
                    assertThat(found).as("the issue created as %s", c.getValue()).singleElement()
                            .satisfies(i -> assertThat(i.path("key").asText()).isEqualTo(c.getValue()));
                }
            }
            assertThat(bySummary.keySet()).as("no issue that no create asked for").isSubsetOf(creates.keySet());
            Map<String, Integer> commentCounts = commentCounts(sandbox, bySummary);
            commentsOk.forEach((text, key) -> assertThat(commentCounts.getOrDefault(text, 0))
                    .as("copies of completed comment %s on %s", text, key).isEqualTo(1));
            commentsFailed.forEach((text, key) -> assertThat(commentCounts.getOrDefault(text, 0))
                    .as("copies of failed comment %s on %s", text, key).isLessThanOrEqualTo(1));
            assertThat(commentCounts.values()).as("no comment exists twice").allSatisfy(n -> assertThat(n).isEqualTo(1));
            updated.forEach((key, description) -> assertThat(sandbox.admin().issue(key).path("fields").path("description")
                    .toString()).as("description of %s", key).contains(description));
            transitioned.forEach((key, status) -> assertThat(sandbox.admin().issue(key).path("fields").path("status")
                    .path("name").asText()).as("status of %s", key).isEqualTo(status));
        }
    }

    /** One issue's life: create, update, two comments, two transitions; stops at a failed create. */
    private void story(ProducerTemplate template, String summary) {
        Exchange created = call(template, "createIssue", summary, Map.of(JiraConstants.PROJECT_KEY, "DEMO",
                JiraConstants.ISSUE_TYPE_NAME, "Task", JiraConstants.SUMMARY, summary), null);
        if (created.getException() != null) {
            creates.put(summary, "");
            return;
        }
        String key = created.getMessage().getHeader(JiraConstants.ISSUE_KEY, String.class);
        creates.put(summary, key);
        String description = "Updated " + summary;
        if (call(template, "updateIssue", key, Map.of(JiraConstants.ISSUE_KEY, key, JiraConstants.DESCRIPTION, description),
                null).getException() == null) {
            updated.put(key, description);
        } else {
            updated.remove(key);
        }
        for (int c = 1; c <= 2; c++) {
            String text = "Comment " + c + " of " + summary;
            boolean ok = call(template, "addComment", key, Map.of(JiraConstants.ISSUE_KEY, key), text).getException() == null;
            (ok ? commentsOk : commentsFailed).put(text, key);
        }
        for (String status : List.of("In Progress", "Done")) {
            if (call(template, "transitionIssue", key, Map.of(JiraConstants.ISSUE_KEY, key, JiraConstants.TRANSITION, status),
                    null).getException() == null) {
                transitioned.put(key, status);
            } else {
                transitioned.remove(key);
            }
        }
    }

    private Exchange call(ProducerTemplate template, String operation, String subject, Map<String, Object> headers,
                          Object body) {
        Exchange exchange = template.send("jira:" + operation, e -> {
            e.getIn().setHeaders(new LinkedHashMap<>(headers));
            e.getIn().setBody(body);
        });
        Throwable failure = exchange.getException();
        if (failure != null) {
            SuiteSecrets.exception(failure);
        }
        outcomes.add(new Outcome(operation, subject, failure));
        return exchange;
    }

    /** The fault-suite issues of the sandbox (summary F-...), by summary. */
    private static Map<String, List<JsonNode>> issuesBySummary(JiraSandbox sandbox) {
        Map<String, List<JsonNode>> bySummary = new LinkedHashMap<>();
        int count = sandbox.admin().issueCount();
        int found = 0;
        for (int n = 1; found < count && n < count + 1000; n++) {
            JsonNode issue;
            try {
                issue = sandbox.admin().issue("DEMO-" + n);
            } catch (IllegalArgumentException missing) {
                continue;
            }
            found++;
            String summary = issue.path("fields").path("summary").asText();
            if (summary.startsWith("F-")) {
                bySummary.computeIfAbsent(summary, s -> new ArrayList<>()).add(issue);
            }
        }
        assertThat(found).as("issues read back").isEqualTo(count);
        return bySummary;
    }

    /** How many times each "Comment n of F-..." text exists, over all the suite's issues. */
    private static Map<String, Integer> commentCounts(JiraSandbox sandbox, Map<String, List<JsonNode>> bySummary) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (List<JsonNode> issues : bySummary.values()) {
            for (JsonNode issue : issues) {
                for (JsonNode c : issue.path("fields").path("comment").path("comments")) {
                    String body = c.path("body").toString();
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("Comment \\d of F-\\d+-\\d+").matcher(body);
                    while (m.find()) {
                        counts.merge(m.group(), 1, Integer::sum);
                    }
                }
            }
        }
        return counts;
    }
}
