package dev.cameljira.sandbox.servicenow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One stored record: ServiceNow keeps every column as a string, "" when empty. Immutable; {@link #with} copies.
 *
 * @param table  the table name
 * @param values column name to stored value
 */
record Row(String table, Map<String, String> values) {

    Row {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    String sysId() {
        return get("sys_id");
    }

    /** The stored value, "" when unset. */
    String get(String column) {
        return values.getOrDefault(column, "");
    }

    Row with(Map<String, String> changes) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.putAll(changes);
        return new Row(table, copy);
    }

    /** The custom (u_*) columns that have a value, by name. */
    Map<String, String> customValues() {
        Map<String, String> custom = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith("u_") && !v.isEmpty()) {
                custom.put(k, v);
            }
        });
        return custom;
    }
}
