package dev.cameljira.jira.consumer;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.cameljira.jira.model.JiraEvent;
import org.apache.camel.CamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cursor survives the application: a new CamelContext reading the same FileStateRepository goes on where the
 * previous one stopped, for each consumer kind, without losing or repeating an event.
 */
abstract class PollingRestartContract extends PollingTestSupport {

    private static final List<String> KINDS = List.of("newIssues", "updatedIssues", "newComments");

    @TempDir
    Path dir;

    @Test
    void aNewContextOnTheSameFileStateRepositoryResumesWithoutLossOrRepeat() throws Exception {
        File file = dir.resolve("jira-cursors.state").toFile();
        String seeded = createIssue("seeded");
        clock.advance(Duration.ofMinutes(1));

        CamelContext first = newContext(Map.of("cursors", FileStateRepository.fileStateRepository(file)));
        List<JiraPollingConsumer> consumers = addAll(first, "since=now");
        pollAll(consumers);

        List<String> expected = new ArrayList<>();
        String a = createIssue("A");
        expected.add("created " + a);
        update(seeded, Map.of("summary", "seeded, changed once"));
        expected.add("history " + lastHistory(seeded));
        expected.add("comment " + comment(a, "on A"));
        pollAll(consumers);
        assertThat(keys()).containsExactlyInAnyOrderElementsOf(expected);

        // changes the first context sees but fails to deliver, and changes made while nothing runs
        recorder.failWhen(e -> true);
        String b = createIssue("B");
        expected.add("created " + b);
        update(a, Map.of("summary", "A changed"));
        expected.add("history " + lastHistory(a));
        pollAll(consumers);
        recorder.failWhen(e -> false);
        first.stop();
        String c = createIssue("C");
        expected.add("created " + c);
        expected.add("comment " + comment(b, "on B"));
        transition(seeded, "In Progress");
        expected.add("history " + lastHistory(seeded));
        clock.advance(Duration.ofMinutes(3));

        // since is only where a FIRST start picks up: with a stored cursor it changes nothing
        CamelContext second = newContext(Map.of("cursors", FileStateRepository.fileStateRepository(file)));
        try {
            consumers = addAll(second, "since=-2d");
            pollAll(consumers);
            pollAll(consumers);
            assertThat(keys()).as("every change exactly once across the two contexts").containsExactlyInAnyOrderElementsOf(expected)
                    .doesNotHaveDuplicates();
            assertThat(Files.readString(file.toPath())).contains(consumers.get(0).getStateKey());
        } finally {
            second.stop();
        }
    }

    @Test
    void withoutAStateRepositoryANewContextStartsAgainFromSince() throws Exception {
        CamelContext first = newContext(Map.of());
        JiraPollingConsumer consumer = addRoute(first, "jira:newIssues", recorder);
        consumer.poll();
        String a = createIssue("seen by the first context");
        consumer.poll();
        first.stop();
        createIssue("made while nothing runs");
        clock.advance(Duration.ofMinutes(3));
        CamelContext second = newContext(Map.of());
        try {
            consumer = addRoute(second, "jira:newIssues", recorder);
            consumer.poll();
            String b = createIssue("seen by the second context");
            consumer.poll();
            assertThat(keys(recorder.events())).as("the in-memory cursor died with the first context").containsExactly(a, b);
        } finally {
            second.stop();
        }
    }

    private List<JiraPollingConsumer> addAll(CamelContext ctx, String since) throws Exception {
        List<JiraPollingConsumer> out = new ArrayList<>();
        for (String kind : KINDS) {
            out.add(addRoute(ctx, "jira:" + kind + "?stateRepository=#cursors&" + since, recorder));
        }
        return out;
    }

    private static void pollAll(List<JiraPollingConsumer> consumers) throws Exception {
        for (JiraPollingConsumer c : consumers) {
            c.poll();
        }
    }

    private String lastHistory(String key) {
        List<String> ids = historyIds(key);
        return ids.get(ids.size() - 1);
    }

    /** What the route completed, as "created KEY", "history ID" or "comment ID". */
    private List<String> keys() {
        return recorder.events().stream().map(PollingRestartContract::describe).toList();
    }

    static String describe(JiraEvent e) {
        return switch (e.type()) {
            case "jira:issue_created" -> "created " + e.issueKey();
            case "jira:issue_updated" -> "history " + e.changelogId();
            default -> "comment " + e.comment().id();
        };
    }
}
