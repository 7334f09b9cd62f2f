package dev.cameljira.jira.state;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link JdbcStateRepository} on an in-memory H2 database. */
public class JdbcStateRepositoryTest {

    private final JdbcDataSource db = h2();

    public static JdbcDataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:state-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return ds;
    }

    @Test
    void setGetOverwriteAndDelete() {
        JdbcStateRepository repo = new JdbcStateRepository(db);
        repo.start();
        assertThat(repo.getState("cursor")).isNull();
        repo.setState("cursor", "{\"watermark\":1}");
        repo.setState("other", "x");
        assertThat(repo.getState("cursor")).isEqualTo("{\"watermark\":1}");
        repo.setState("cursor", "{\"watermark\":2}");
        assertThat(repo.getState("cursor")).isEqualTo("{\"watermark\":2}");
        assertThat(repo.getState("other")).isEqualTo("x");
        repo.setState("cursor", null);
        assertThat(repo.getState("cursor")).isNull();
        assertThat(repo.getState("other")).isEqualTo("x");
    }

    @Test
    void twoInstancesOnOneDatabaseSeeEachOthersWrites() {
        JdbcStateRepository a = new JdbcStateRepository(db);
        JdbcStateRepository b = new JdbcStateRepository(db);
        a.start();
        b.start();
        a.setState("k", "from a");
        assertThat(b.getState("k")).isEqualTo("from a");
        b.setState("k", "from b");
        assertThat(a.getState("k")).as("no cache: the other instance's write is read").isEqualTo("from b");
    }

    @Test
    void createsItsTableWhenMissingAndKeepsValuesLargerThanAVarchar() throws Exception {
        JdbcStateRepository repo = new JdbcStateRepository(db, "JIRA_CURSORS");
        String big = "x".repeat(200_000);
        repo.setState("big", big); // not started: the table is created on first use
        assertThat(repo.getState("big")).isEqualTo(big);
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT STATE_KEY, UPDATED FROM JIRA_CURSORS")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("big");
            assertThat(rs.getTimestamp(2)).isNotNull();
        }
    }

    @Test
    void concurrentFirstWritesOfOneKeyFromSeveralInstancesAllSucceed() throws Exception {
        List<JdbcStateRepository> repos = List.of(new JdbcStateRepository(db), new JdbcStateRepository(db),
                new JdbcStateRepository(db), new JdbcStateRepository(db));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 20; round++) {
                String key = "race-" + round;
                List<Future<?>> writes = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    JdbcStateRepository r = repos.get(i % repos.size());
                    String value = "v" + i;
                    writes.add(pool.submit(() -> r.setState(key, value)));
                }
                for (Future<?> f : writes) {
                    f.get();
                }
                assertThat(repos.get(0).getState(key)).matches("v[0-7]");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badInputIsRejectedWithAClearMessage() {
        assertThatThrownBy(() -> new JdbcStateRepository(db, "STATE; DROP TABLE X"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("STATE; DROP TABLE X")
                .hasMessageContaining("plain SQL identifier");
        JdbcStateRepository repo = new JdbcStateRepository(db);
        assertThatThrownBy(() -> repo.setState("k".repeat(300), "v"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("300 characters exceeds 255");
        assertThatThrownBy(() -> repo.getState(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key must not be null");
    }

    @Test
    void aDatabaseFailureNamesTheTableAndKey() throws Exception {
        JdbcStateRepository repo = new JdbcStateRepository(db, "GONE_STATE");
        repo.setState("k", "v");
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE GONE_STATE");
        }
        assertThatThrownBy(() -> repo.getState("k")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("could not read key 'k' in table GONE_STATE");
    }

    @Test
    void largeTextTypePerDatabase() {
        assertThat(JdbcStateRepository.largeText("PostgreSQL")).isEqualTo("TEXT");
        assertThat(JdbcStateRepository.largeText("MySQL")).isEqualTo("LONGTEXT");
        assertThat(JdbcStateRepository.largeText("MariaDB")).isEqualTo("LONGTEXT");
        assertThat(JdbcStateRepository.largeText("Microsoft SQL Server")).isEqualTo("NVARCHAR(MAX)");
        assertThat(JdbcStateRepository.largeText("H2")).isEqualTo("CLOB");
        assertThat(JdbcStateRepository.largeText("Oracle")).isEqualTo("CLOB");
    }
}
