package dev.cameljira.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.jira.JiraComponent;
import dev.cameljira.jira.model.JiraEvent;
import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.SandboxUsers;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The polling consumers ({@code jira:newIssues}, {@code jira:updatedIssues}, {@code jira:newComments}, cursors in a
 * file) are stopped and started again 20 times, each time at a random point of a stream of issues, comments and edits
 * that goes on meanwhile (a new CamelContext each time, as when the application restarts). When the stream stops and
 * the pollers catch up, every change was delivered exactly once: none lost, none repeated.
 *
 * <p>The sync templates' own restart test (killed, not stopped, 20 times while tickets, comments and statuses change on
 * both sides) is {@code routes/src/test/.../RestartTest}; see README.md.
 */
class PollerRestartFaultTest {

    private static final int RESTARTS = 20;

    @TempDir
    Path state;

    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private final List<String> expected = new CopyOnWriteArrayList<>();

    @Test
    void stoppedAndStartedTwentyTimesMidStreamLosesNothingAndRepeatsNothing() throws Exception {
        SuiteSecrets.ran(getClass());
        long seed = Long.getLong("faults.seed", 20261205L);
        System.out.println("PollerRestartFaultTest seed " + seed + " (-Dfaults.seed=" + seed + " repeats the restart points)");
        Random points = new Random(seed);
        Random changes = new Random(seed + 1);
        File cursors = state.resolve("jira-cursors.state").toFile();
        try (JiraSandbox sandbox = JiraSandbox.start(JiraSandbox.Mode.CLOUD)) {
            CamelContext context = start(sandbox, cursors);
            // the first context has stored its cursors once this change arrives: from here on, nothing may be lost
            expected.add("created " + sandbox.admin().createIssue("DEMO", "Task", "Before the stream"));
            await().atMost(Duration.ofSeconds(30)).until(() -> !delivered.isEmpty());

            List<String> keys = new CopyOnWriteArrayList<>(List.of(sandbox.admin().issue("DEMO-1").path("key").asText()));
            ScheduledExecutorService stream = Executors.newSingleThreadScheduledExecutor();
            int[] n = {0};
            stream.scheduleWithFixedDelay(() -> change(sandbox, changes, keys, ++n[0]), 0, 100, TimeUnit.MILLISECONDS);
            long started = System.nanoTime();
            try {
                for (int i = 0; i < RESTARTS; i++) {
                    int more = delivered.size() + 1 + points.nextInt(3);
                    await().atMost(Duration.ofSeconds(30)).until(() -> delivered.size() >= more);
                    stop(context);
                    context = start(sandbox, cursors);
                }
                // on a fast machine the 20 restarts can be over before the stream made more than two changes per restart
                await().atMost(Duration.ofSeconds(30)).until(() -> expected.size() > 2 * RESTARTS);
            } finally {
                stream.shutdown();
                assertThat(stream.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            }
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> new HashSet<>(delivered).containsAll(expected));
            } finally {
                stop(context);
            }
            System.out.printf("PollerRestartFaultTest: %d restarts, %d changes, %d deliveries in %d ms%n", RESTARTS,
                    expected.size(), delivered.size(), (System.nanoTime() - started) / 1_000_000);
        }
        assertThat(expected).hasSizeGreaterThan(2 * RESTARTS);
        assertThat(delivered).as("every change delivered exactly once").containsExactlyInAnyOrderElementsOf(expected)
                .doesNotHaveDuplicates();
    }

    /** One change made by someone in Jira: a new issue, a comment, or an edit. */
    private void change(JiraSandbox sandbox, Random random, List<String> keys, int n) {
        int what = random.nextInt(10);
        if (what < 4) {
            String key = sandbox.admin().createIssue("DEMO", "Task", "Stream issue " + n);
            keys.add(key);
            expected.add("created " + key);
        } else if (what < 7) {
            String key = keys.get(random.nextInt(keys.size()));
            expected.add("comment " + sandbox.admin().addComment(key, "Stream comment " + n));
        } else {
            String key = keys.get(random.nextInt(keys.size()));
            sandbox.admin().updateIssue(key, java.util.Map.of("summary", "Edited " + n));
            JsonNode histories = sandbox.admin().issue(key).path("changelog").path("histories");
            expected.add("history " + histories.get(histories.size() - 1).path("id").asText());
        }
    }

    private CamelContext start(JiraSandbox sandbox, File cursors) throws Exception {
        CamelContext context = new DefaultCamelContext();
        JiraComponent jira = new JiraComponent();
        jira.getConfiguration().setJiraUrl(sandbox.baseUrl());
        jira.getConfiguration().setUsername(SandboxUsers.ADMIN_EMAIL);
        jira.getConfiguration().setApiToken(SandboxUsers.ADMIN_TOKEN);
        context.addComponent("jira", jira);
        context.getRegistry().bind("cursors", FileStateRepository.fileStateRepository(cursors));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (String kind : List.of("newIssues", "updatedIssues", "newComments")) {
                    from("jira:" + kind + "?jql=project = DEMO&stateRepository=#cursors&since=now&delay=150&initialDelay=0")
                            .routeId(kind).process(e -> delivered.add(describe(e.getIn().getBody(JiraEvent.class))));
                }
            }
        });
        context.start();
        return context;
    }

    private static void stop(CamelContext context) {
        SuiteSecrets.endpoints(context);
        context.stop();
    }

    private static String describe(JiraEvent e) {
        return switch (e.type()) {
            case "jira:issue_created" -> "created " + e.issueKey();
            case "jira:issue_updated" -> "history " + e.changelogId();
            default -> "comment " + e.comment().id();
        };
    }
}
