package dev.cameljira.jira.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * A Camel {@link StateRepository} kept in a database table, for the polling consumers' cursor
 * ({@code jira:updatedIssues?stateRepository=#jdbcState}): it survives restarts, and several replicas (or a new leader
 * under {@code master:}) read the same cursor. Camel itself ships no JDBC-backed {@code StateRepository} (camel-sql
 * has only idempotent and aggregation repositories), hence this class; it needs nothing but {@code java.sql} and a
 * {@link DataSource} (H2, PostgreSQL, MySQL/MariaDB, SQL Server, Oracle, ...).
 *
 * <p>Table (default {@value #DEFAULT_TABLE}), created when missing on start or first use:
 * {@code STATE_KEY VARCHAR(255) PRIMARY KEY, STATE_VALUE <large text>, UPDATED TIMESTAMP}, where the large text type is
 * {@code TEXT} on PostgreSQL, {@code LONGTEXT} on MySQL/MariaDB, {@code NVARCHAR(MAX)} on SQL Server and {@code CLOB}
 * elsewhere. A table created beforehand by a DBA with these columns is used as it is.
 *
 * <p>{@link #setState} is an upsert in one transaction (UPDATE, and INSERT when no row was updated; when another
 * instance inserted the same key in between, the UPDATE is tried once more), a {@code null} value deletes the key.
 * {@link #getState} reads the table every time (no cache), so a write by another instance on the same database is
 * seen at once. Errors are thrown as {@link IllegalStateException}s naming the table and the key.
 */
public final class JdbcStateRepository extends ServiceSupport implements StateRepository<String, String> {

    /** The table used when none is given. */
    public static final String DEFAULT_TABLE = "CAMEL_JIRA_STATE";

    /** Longest key the table holds. */
    public static final int MAX_KEY_LENGTH = 255;

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");

    private final DataSource dataSource;
    private final String table;
    private volatile boolean tableReady;

    /** A repository in the table {@value #DEFAULT_TABLE}. */
    public JdbcStateRepository(DataSource dataSource) {
        this(dataSource, DEFAULT_TABLE);
    }

    /**
     * @param dataSource the database
     * @param table      table name, optionally schema-qualified ({@code SCHEMA.TABLE}); letters, digits and '_' only
     * @throws IllegalArgumentException when the table name is not a plain SQL identifier
     */
    public JdbcStateRepository(DataSource dataSource, String table) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        if (table == null || !IDENTIFIER.matcher(table).matches()) {
            throw new IllegalArgumentException("JdbcStateRepository table name '" + table
                                               + "' must be a plain SQL identifier (letters, digits, '_', optionally SCHEMA.TABLE)");
        }
        this.table = table;
    }

    /** The table the state is kept in. */
    public String getTable() {
        return table;
    }

    @Override
    protected void doStart() throws Exception {
        ensureTable();
    }

    @Override
    public String getState(String key) {
        checkKey(key);
        ensureTable();
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT STATE_VALUE FROM " + table + " WHERE STATE_KEY = ?")) {
            select.setString(1, key);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw failure("read", key, e);
        }
    }

    @Override
    public void setState(String key, String value) {
        checkKey(key);
        ensureTable();
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                write(c, key, value);
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw failure("write", key, e);
        }
    }

    private void write(Connection c, String key, String value) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                if (value == null) {
                    delete(c, key);
                } else if (update(c, key, value) == 0) {
                    insert(c, key, value);
                }
                c.commit();
                return;
            } catch (SQLException e) {
                c.rollback();
                // another instance inserted the key between our UPDATE and INSERT: its row exists now, update it
                if (attempt > 1 || !JdbcSchema.isDuplicateKey(e)) {
                    throw e;
                }
            }
        }
    }

    private int update(Connection c, String key, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET STATE_VALUE = ?, UPDATED = ? WHERE STATE_KEY = ?")) {
            ps.setString(1, value);
            ps.setTimestamp(2, Timestamp.from(Instant.now()));
            ps.setString(3, key);
            return ps.executeUpdate();
        }
    }

    private void insert(Connection c, String key, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (STATE_KEY, STATE_VALUE, UPDATED) VALUES (?, ?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.setTimestamp(3, Timestamp.from(Instant.now()));
            ps.executeUpdate();
        }
    }

    private void delete(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE STATE_KEY = ?")) {
            ps.setString(1, key);
            ps.executeUpdate();
        }
    }

    /** Creates the table unless it exists (also when another instance creates it at the same moment). */
    private void ensureTable() {
        if (tableReady) {
            return;
        }
        synchronized (this) {
            if (tableReady) {
                return;
            }
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                JdbcSchema.ensure(c, table, "STATE_KEY", "CREATE TABLE " + table + " (STATE_KEY VARCHAR(" + MAX_KEY_LENGTH
                        + ") NOT NULL PRIMARY KEY, STATE_VALUE " + largeText(c.getMetaData().getDatabaseProductName())
                        + ", UPDATED TIMESTAMP)");
                tableReady = true;
            } catch (SQLException e) {
                throw new IllegalStateException("JdbcStateRepository could not find or create table " + table + ": "
                                                + e.getMessage(), e);
            }
        }
    }

    /** The column type for a large string on this database. */
    static String largeText(String databaseProduct) {
        String p = databaseProduct == null ? "" : databaseProduct.toLowerCase(Locale.ROOT);
        if (p.contains("postgres")) {
            return "TEXT";
        }
        if (p.contains("mysql") || p.contains("mariadb")) {
            return "LONGTEXT";
        }
        if (p.contains("microsoft") || p.contains("sql server")) {
            return "NVARCHAR(MAX)";
        }
        return "CLOB";
    }

    private static void checkKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("JdbcStateRepository key must not be null or empty");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("JdbcStateRepository key of " + key.length() + " characters exceeds "
                                               + MAX_KEY_LENGTH + ": '" + key.substring(0, 40) + "...'");
        }
    }

    private IllegalStateException failure(String what, String key, SQLException e) {
        return new IllegalStateException("JdbcStateRepository could not " + what + " key '" + key + "' in table " + table
                                         + ": " + e.getMessage(), e);
    }

    @Override
    public String toString() {
        return "JdbcStateRepository[" + table + "]";
    }
}
