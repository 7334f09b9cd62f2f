package dev.cameljira.jira.state;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The schema steps the project's JDBC repositories share ({@link JdbcStateRepository}, the sync's claim repository):
 * portable probes and DDL that tolerate another instance running the same DDL at the same moment.
 */
public final class JdbcSchema {
    private JdbcSchema() {
    }

    /** Whether {@code column} of {@code table} can be read, i.e. both exist (a portable probe: no metadata queries). */
    public static boolean readable(Connection c, String table, String column) {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + column + " FROM " + table + " WHERE 1 = 0")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Runs {@code ddl} (a CREATE TABLE or ALTER TABLE ... ADD) unless {@code column} of {@code table} is readable
     * already; when the DDL fails but the column is readable afterwards, another instance ran it first, which is fine.
     */
    public static void ensure(Connection c, String table, String column, String ddl) throws SQLException {
        if (readable(c, table, column)) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute(ddl);
        } catch (SQLException e) {
            if (!readable(c, table, column)) {
                throw e;
            }
        }
    }

    /** Whether the failure is a unique / primary key violation (SQLState class 23, integrity constraint). */
    public static boolean isDuplicateKey(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }
}
