package dev.cameljira.routes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import dev.cameljira.jira.state.JdbcSchema;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code claimRepository} for replicas that share a database: a claim is a row, taken atomically, kept alive while
 * held (re-stamped every third of {@code maxAge}), released by deleting it, and taken over once it has not been kept
 * alive for {@code maxAge} (a replica killed in the middle of a sync: the pairs it held wait that long). Plain
 * {@code java.sql} on a {@link DataSource} (PostgreSQL, H2, MySQL/MariaDB, SQL Server, Oracle, ...).
 *
 * <p>Why not camel-sql: its {@code JdbcMessageIdRepository} creates its table without a primary key, so two replicas
 * inserting the same id at the same instant both succeed; and its {@code JdbcOrphanLockAwareIdempotentRepository}
 * takes over any row that appeared between its two queries, so of 16 simultaneous claims on PostgreSQL ten won. Here:
 * <ul>
 *   <li>{@link #add}: {@code UPDATE ... SET CLAIMED_AT = now WHERE CLAIM_KEY = ? AND CLAIMED_AT < now - maxAge} takes a
 *   stale claim over (the row lock lets one replica do it; the other's WHERE no longer matches), else
 *   {@code INSERT}, which the primary key refuses for all but one replica (answered {@code false}). Each statement
 *   commits on its own.</li>
 *   <li>{@link #contains}: a claim younger than {@code maxAge} exists. {@link #remove}: deletes it if this repository
 *   still owns it.</li>
 * </ul>
 * Each repository instance is an owner (a random id): it keeps alive and releases only the claims it still owns, so a
 * replica that was paused past {@code maxAge} (a long GC, a network partition) and whose claims were taken over
 * neither re-stamps nor deletes the new owner's claim; it drops them from what it holds.
 * Table (default {@value #DEFAULT_TABLE}), created when missing: {@code CLAIM_KEY VARCHAR(255) PRIMARY KEY,
 * CLAIMED_AT BIGINT, OWNER VARCHAR(36)} (epoch milliseconds of the claiming replica's clock: keep the replicas' clocks
 * within a second or two of each other, as NTP does); a table of an earlier version without {@code OWNER} gets the
 * column added. Started, it keeps its claims alive on a daemon thread; the sync templates start the
 * repository they are given.
 */
public final class JdbcClaimRepository extends ServiceSupport implements IdempotentRepository {

    /** The table used when none is given. */
    public static final String DEFAULT_TABLE = "CAMEL_JIRA_SYNC_CLAIMS";

    /** How long a claim holds when no longer kept alive. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(15);

    private static final Logger LOG = LoggerFactory.getLogger(JdbcClaimRepository.class);
    private static final int MAX_KEY_LENGTH = 255;
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");

    private final DataSource dataSource;
    private final String table;
    private final Duration maxAge;
    private final Clock clock;
    /** The claims this repository took and has not released: the keep-alive re-stamps them. */
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    /** Who this repository is in the table's OWNER column. */
    private final String owner = UUID.randomUUID().toString();
    private volatile boolean tableReady;
    private ScheduledExecutorService keepAlive;

    /** Claims in {@value #DEFAULT_TABLE}, stale after {@link #DEFAULT_MAX_AGE}. */
    public JdbcClaimRepository(DataSource dataSource) {
        this(dataSource, DEFAULT_TABLE, DEFAULT_MAX_AGE, Clock.systemUTC());
    }

    /**
     * @param table  letters, digits and '_' only, optionally {@code SCHEMA.TABLE}
     * @param maxAge how long a claim no longer kept alive holds
     * @param clock  the time claims are stamped with and judged by
     * @throws IllegalArgumentException naming what is wrong
     */
    public JdbcClaimRepository(DataSource dataSource, String table, Duration maxAge, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        if (table == null || !IDENTIFIER.matcher(table).matches()) {
            throw new IllegalArgumentException("JdbcClaimRepository table name '" + table
                    + "' must be a plain SQL identifier (letters, digits, '_', optionally SCHEMA.TABLE)");
        }
        if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("JdbcClaimRepository maxAge must be positive, was " + maxAge);
        }
        this.table = table;
        this.maxAge = maxAge;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The table the claims are kept in. */
    public String getTable() {
        return table;
    }

    @Override
    protected void doStart() {
        ensureTable();
        keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "JdbcClaimRepository keep-alive [" + table + "]");
            t.setDaemon(true);
            return t;
        });
        long every = maxAge.toMillis() / 3;
        keepAlive.scheduleWithFixedDelay(this::keepAlive, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
        if (keepAlive != null) {
            keepAlive.shutdownNow();
            keepAlive = null;
        }
    }

    /** Re-stamps the claims held here, so other replicas keep seeing them as alive; never throws. */
    void keepAlive() {
        if (held.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE " + table
                     + " SET CLAIMED_AT = ? WHERE CLAIM_KEY = ? AND OWNER = ?")) {
            c.setAutoCommit(true);
            long now = clock.millis();
            for (String key : held) {
                ps.setLong(1, now);
                ps.setString(2, key);
                ps.setString(3, owner);
                if (ps.executeUpdate() == 0 && held.remove(key)) {
                    LOG.warn("JdbcClaimRepository lost its claim '{}' in table {}: it was not kept alive for {} and "
                            + "another replica took it over (or it was released)", key, table, maxAge);
                }
            }
        } catch (SQLException | RuntimeException e) {
            // the next round tries again; claims not kept alive for maxAge may be taken over, nothing is lost
            LOG.warn("JdbcClaimRepository could not keep its {} claims in table {} alive: {}", held.size(), table,
                    e.getMessage());
        }
    }

    @Override
    public boolean add(String key) {
        checkKey(key);
        ensureTable();
        long now = clock.millis();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement takeOver = c.prepareStatement("UPDATE " + table
                    + " SET CLAIMED_AT = ?, OWNER = ? WHERE CLAIM_KEY = ? AND CLAIMED_AT < ?")) {
                takeOver.setLong(1, now);
                takeOver.setString(2, owner);
                takeOver.setString(3, key);
                takeOver.setLong(4, now - maxAge.toMillis());
                if (takeOver.executeUpdate() == 1) {
                    held.add(key);
                    return true;
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table
                    + " (CLAIM_KEY, CLAIMED_AT, OWNER) VALUES (?, ?, ?)")) {
                insert.setString(1, key);
                insert.setLong(2, now);
                insert.setString(3, owner);
                insert.executeUpdate();
                held.add(key);
                return true;
            } catch (SQLException e) {
                if (JdbcSchema.isDuplicateKey(e)) {
                    return false;
                }
                throw e;
            }
        } catch (SQLException e) {
            throw failure("claim", key, e);
        }
    }

    @Override
    public boolean contains(String key) {
        checkKey(key);
        ensureTable();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table
                     + " WHERE CLAIM_KEY = ? AND CLAIMED_AT >= ?")) {
            ps.setString(1, key);
            ps.setLong(2, clock.millis() - maxAge.toMillis());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw failure("read the claim", key, e);
        }
    }

    @Override
    public boolean remove(String key) {
        checkKey(key);
        held.remove(key);
        ensureTable();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE CLAIM_KEY = ? AND OWNER = ?")) {
            c.setAutoCommit(true);
            ps.setString(1, key);
            ps.setString(2, owner);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw failure("release", key, e);
        }
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public void clear() {
        held.clear();
        ensureTable();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.executeUpdate("DELETE FROM " + table);
        } catch (SQLException e) {
            throw new IllegalStateException("JdbcClaimRepository could not clear table " + table + ": " + e.getMessage(), e);
        }
    }

    /** Creates the table unless it exists (also when another replica creates it at the same moment). */
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
                JdbcSchema.ensure(c, table, "CLAIM_KEY", "CREATE TABLE " + table + " (CLAIM_KEY VARCHAR(" + MAX_KEY_LENGTH
                        + ") NOT NULL PRIMARY KEY, CLAIMED_AT BIGINT NOT NULL, OWNER VARCHAR(36))");
                // tables created before claims had owners lack the column
                JdbcSchema.ensure(c, table, "OWNER", "ALTER TABLE " + table + " ADD OWNER VARCHAR(36)");
                tableReady = true;
            } catch (SQLException e) {
                throw new IllegalStateException("JdbcClaimRepository could not find or create table " + table + ": "
                        + e.getMessage(), e);
            }
        }
    }

    private static void checkKey(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("JdbcClaimRepository key must have 1 to " + MAX_KEY_LENGTH
                    + " characters, was " + (key == null ? "null" : key.length() + ": '" + key + "'"));
        }
    }

    private IllegalStateException failure(String what, String key, SQLException e) {
        return new IllegalStateException("JdbcClaimRepository could not " + what + " '" + key + "' in table " + table
                + ": " + e.getMessage(), e);
    }

    @Override
    public String toString() {
        return "JdbcClaimRepository[" + table + ", maxAge " + maxAge + "]";
    }
}
