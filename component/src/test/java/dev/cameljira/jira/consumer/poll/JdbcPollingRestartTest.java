package dev.cameljira.jira.consumer.poll;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import dev.cameljira.jira.state.JdbcStateRepository;
import dev.cameljira.jira.state.JdbcStateRepositoryTest;
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

    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.CLOUD;
    }

    @Test
    void aNewContextOnTheSameDatabaseResumesWithoutLossOrRepeat() throws Exception {
        JdbcDataSource db = JdbcStateRepositoryTest.h2();
        assertResumesAcrossContexts(() -> new JdbcStateRepository(db), consumers -> {
            for (JiraPollingConsumer consumer : consumers) {
                assertThat(storedCursor(db, consumer.getStateKey())).as("row of %s", consumer.getStateKey()).isNotBlank();
            }
        });
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
}
