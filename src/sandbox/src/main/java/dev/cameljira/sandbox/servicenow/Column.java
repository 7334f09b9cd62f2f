package dev.cameljira.sandbox.servicenow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One column of an emulated table.
 *
 * @param name           column name
 * @param type           column type
 * @param referenceTable the referenced table (REFERENCE only)
 * @param choices        value to label, in display order (CHOICE only)
 * @param systemManaged  set by the platform; writes to it are ignored
 * @param journals       the journal columns shown (JOURNAL_LIST only)
 */
record Column(String name, ColumnType type, String referenceTable, Map<String, String> choices,
              boolean systemManaged, List<String> journals) {

    Column {
        choices = choices == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(choices));
        journals = journals == null ? List.of() : List.copyOf(journals);
    }

    static Column of(String name, ColumnType type) {
        return new Column(name, type, null, null, false, null);
    }

    static Column system(String name, ColumnType type) {
        return new Column(name, type, null, null, true, null);
    }

    static Column reference(String name, String table) {
        return new Column(name, ColumnType.REFERENCE, table, null, false, null);
    }

    static Column choice(String name, Map<String, String> choices) {
        return new Column(name, ColumnType.CHOICE, null, choices, false, null);
    }

    static Column journalList(String name, List<String> journals) {
        return new Column(name, ColumnType.JOURNAL_LIST, null, null, true, journals);
    }

    /** The value a choice label stands for (case-insensitive). */
    Optional<String> choiceValueOfLabel(String label) {
        return choices.entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(label))
                .map(Map.Entry::getKey).findFirst();
    }

    boolean isNumeric() {
        return type == ColumnType.INTEGER
                || type == ColumnType.CHOICE && choices.keySet().stream().allMatch(v -> v.matches("-?\\d+"));
    }
}
