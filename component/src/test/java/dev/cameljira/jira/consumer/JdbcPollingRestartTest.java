package dev.cameljira.jira.consumer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.cameljira.sandbox.JiraSandbox;
import org.apache.camel.CamelContext;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The polling cursor in a database: a new CamelContext with a new {@link JdbcStateRepository} on the same database
 * (H2 here) goes on where the previous context stopped, for each consumer kind, without losing or repeating an event.
 * Same scenario as {@link PollingRestartContract} with a FileStateRepository.
 */
class JdbcPollingRestartTest extends PollingTestSupport {

    private static final List<String> KINDS = List.of("newIssues", "updatedIssues", "newComments");

    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.CLOUD;
    }

    @Test
    void aNewContextOnTheSameDatabaseResumesWithoutLossOrRepeat() throws Exception {
        JdbcDataSource db = JdbcStateRepositoryTest.h2();
        String seeded = createIssue("seeded");
        clock.advance(Duration.ofMinutes(1));

        CamelContext first = newContext(Map.of("jdbcState", new JdbcStateRepository(db)));
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

        // a new repository instance on the same database: since=-2d is ignored because a cursor is stored
        CamelContext second = newContext(Map.of("jdbcState", new JdbcStateRepository(db)));
        try {
            consumers = addAll(second, "since=-2d");
            pollAll(consumers);
            pollAll(consumers);
            assertThat(keys()).as("every change exactly once across the two contexts").containsExactlyInAnyOrderElementsOf(expected)
                    .doesNotHaveDuplicates();
            for (JiraPollingConsumer consumer : consumers) {
                assertThat(storedCursor(db, consumer.getStateKey())).as("row of %s", consumer.getStateKey()).isNotBlank();
            }
        } finally {
            second.stop();
        }
    }

    private static String storedCursor(JdbcDataSource db, String key) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT STATE_VALUE FROM " + JdbcStateRepository.DEFAULT_TABLE
                                                       + " WHERE STATE_KEY = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private List<JiraPollingConsumer> addAll(CamelContext ctx, String since) throws Exception {
        List<JiraPollingConsumer> out = new ArrayList<>();
        for (String kind : KINDS) {
            out.add(addRoute(ctx, "jira:" + kind + "?stateRepository=#jdbcState&" + since, recorder));
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
}
