package dev.cameljira.sandbox.servicenow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An emulated table: its columns in output order, the column that gives a record's display value, and whether the
 * Table API may write to it. Columns named {@code u_*} (custom fields) exist implicitly on writable tables.
 */
record TableSchema(String name, String displayColumn, boolean writable, Map<String, Column> columns) {

    static TableSchema of(String name, String displayColumn, boolean writable, List<Column> columns) {
        Map<String, Column> byName = new LinkedHashMap<>();
        columns.forEach(c -> byName.put(c.name(), c));
        return new TableSchema(name, displayColumn, writable, java.util.Collections.unmodifiableMap(byName));
    }

    /** The column of that name, including implicit {@code u_*} custom string columns of writable tables. */
    Optional<Column> column(String columnName) {
        Column column = columns.get(columnName);
        if (column != null) {
            return Optional.of(column);
        }
        if (writable && columnName.matches("u_[a-z0-9_]+")) {
            return Optional.of(Column.of(columnName, ColumnType.STRING));
        }
        return Optional.empty();
    }
}
