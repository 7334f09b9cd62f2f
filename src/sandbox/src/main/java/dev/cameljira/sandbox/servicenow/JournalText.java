package dev.cameljira.sandbox.servicenow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The display value of journal fields, as ServiceNow renders it: newest entry first, each as
 * {@code "2026-11-28 10:15:30 - System Administrator (Additional comments)\ntext\n\n"}.
 */
final class JournalText {
    private static final Map<String, String> LABELS = Map.of("comments", "Additional comments",
            "work_notes", "Work notes");

    private JournalText() {
    }

    /**
     * @param entries  sys_journal_field rows of one record, oldest first
     * @param elements which journal columns to include
     * @param names    user name to display name
     */
    static String render(List<Row> entries, List<String> elements, UnaryOperator<String> names) {
        List<Row> shown = new ArrayList<>(entries.stream().filter(e -> elements.contains(e.get("element"))).toList());
        Collections.reverse(shown);
        StringBuilder text = new StringBuilder();
        for (Row e : shown) {
            text.append(e.get("sys_created_on")).append(" - ").append(names.apply(e.get("sys_created_by")))
                    .append(" (").append(LABELS.getOrDefault(e.get("element"), e.get("element"))).append(")\n")
                    .append(e.get("value")).append("\n\n");
        }
        return text.toString();
    }
}
