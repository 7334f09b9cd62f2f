package dev.cameljira.examples.sync;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

/**
 * The readiness of the shared database: a connection that answers {@link Connection#isValid}. DOWN with a reason
 * (unreachable, unauthorized, error) and a message naming the variables to check; never a password (JDBC URLs are shown
 * without their parameters, PostgreSQL's and H2's messages do not carry it).
 */
final class DatabaseHealth {
    private DatabaseHealth() {
    }

    static BackendHealth.Probe probe(DataSource ds, ClusterSettings.Database db) {
        try (Connection c = ds.getConnection()) {
            if (!c.isValid(5)) {
                return BackendHealth.Probe.down("unreachable", "the database at " + db.displayUrl()
                        + " did not answer within 5 s");
            }
            Map<String, String> data = new LinkedHashMap<>();
            data.put("url", db.displayUrl());
            data.put("user", db.user());
            data.put("product", c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion());
            return BackendHealth.Probe.up("Connected to " + db.displayUrl() + " as " + db.user(), data);
        } catch (SQLException e) {
            String reason = reason(e);
            return BackendHealth.Probe.down(reason, switch (reason) {
                case "unauthorized" -> "the database at " + db.displayUrl() + " rejected the credentials of " + db.user()
                        + ": check SYNC_DB_USER and SYNC_DB_PASSWORD";
                case "unreachable" -> "the database at " + db.displayUrl() + " is unreachable: check SYNC_DB_URL";
                default -> "the database at " + db.displayUrl() + " failed (SQLState " + e.getSQLState() + "): check "
                        + "SYNC_DB_URL, SYNC_DB_USER and SYNC_DB_PASSWORD";
            });
        }
    }

    /** unreachable (no connection), unauthorized (SQLState class 28) or error. */
    static String reason(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("28")) {
            return "unauthorized";
        }
        if (state.startsWith("08")) {
            return "unreachable";
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof SocketTimeoutException) {
                return "unreachable";
            }
        }
        return "error";
    }
}
