package dev.cameljira.sandbox.servicenow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A checked write: stored values per column, journal texts to append (comments / work_notes), the column names the
 * caller sent (business rules look at them) and whether system fields must be left alone.
 *
 * @param values                 column to stored value
 * @param journal                journal column to text, in the order given
 * @param sent                   every column name present in the request (including ignored ones)
 * @param suppressAutoSysFields  sysparm_suppress_auto_sys_field=true
 */
record RecordInput(Map<String, String> values, Map<String, String> journal, Set<String> sent,
                   boolean suppressAutoSysFields) {

    RecordInput {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        journal = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(journal));
        sent = Set.copyOf(sent);
    }
}
