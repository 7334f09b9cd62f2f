package dev.cameljira.examples.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

import dev.cameljira.sandbox.LocalPostgres;

/**
 * The database the replicas under test share: a throwaway PostgreSQL ({@link LocalPostgres}, Debian's package) where
 * it can start; otherwise an H2 server on a free loopback port, and the test says so. Under {@code CI=true} a missing
 * PostgreSQL fails instead: CI installs it, so falling back there would hide a broken set-up. {@code -Dit.database=h2}
 * asks for H2 on purpose.
 */
final class SharedDatabase implements AutoCloseable {
    /** What the replicas are given as SYNC_DB_PASSWORD: PostgreSQL's trust authentication ignores it, H2 checks it. */
    static final String PASSWORD = "it-db-password-5b1e0c";

    private final String kind;
    private final String url;
    private final String user;
    private final LocalPostgres postgres;
    private final org.h2.tools.Server h2;
    private final Path h2Dir;
    private boolean closed;

    private SharedDatabase(String kind, String url, String user, LocalPostgres postgres, org.h2.tools.Server h2, Path h2Dir) {
        this.kind = kind;
        this.url = url;
        this.user = user;
        this.postgres = postgres;
        this.h2 = h2;
        this.h2Dir = h2Dir;
    }

    /** PostgreSQL, or H2 in server mode when PostgreSQL cannot start (not under CI=true). */
    static SharedDatabase start(String test) {
        boolean forceH2 = "h2".equals(System.getProperty("it.database"));
        LocalPostgres pg = forceH2 ? null : LocalPostgres.start().orElse(null);
        if (pg != null) {
            System.out.println(test + ": shared database = PostgreSQL (" + pg.jdbcUrl() + ")");
            return new SharedDatabase("PostgreSQL", pg.jdbcUrl(), pg.user(), pg, null, null);
        }
        String why = forceH2 ? "-Dit.database=h2" : LocalPostgres.unavailableReason();
        if (!forceH2 && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(test + ": PostgreSQL is required under CI=true (" + why + "): install Debian's "
                    + "postgresql package (.ci/run does)");
        }
        try {
            Path dir = Files.createTempDirectory("jira-sync-h2");
            System.setProperty("h2.bindAddress", "127.0.0.1");
            org.h2.tools.Server server = org.h2.tools.Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir",
                    dir.toString()).start();
            String url = "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/sync";
            System.out.println(test + (forceH2 ? ": H2 asked for (" + why + ")" : ": PostgreSQL unavailable (" + why
                    + "): FALLING BACK") + " to H2 in server mode (" + url + ")");
            return new SharedDatabase("H2 (fallback)", url, "sync", null, server, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("neither PostgreSQL (" + why + ") nor an H2 server could start", e);
        }
    }

    String kind() {
        return kind;
    }

    String url() {
        return url;
    }

    String user() {
        return user;
    }

    /** A number from a query, read with the test's own connection. */
    long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, PASSWORD);
             ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Stops the database (again: nothing). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (postgres != null) {
            postgres.close();
        }
        if (h2 != null) {
            h2.stop();
            try (Stream<Path> files = Files.walk(h2Dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                // best effort
            }
        }
    }
}
