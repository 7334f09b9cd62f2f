package dev.cameljira.sandbox.servicenow;

import static dev.cameljira.sandbox.servicenow.ColumnType.BOOLEAN;
import static dev.cameljira.sandbox.servicenow.ColumnType.DATETIME;
import static dev.cameljira.sandbox.servicenow.ColumnType.GUID;
import static dev.cameljira.sandbox.servicenow.ColumnType.INTEGER;
import static dev.cameljira.sandbox.servicenow.ColumnType.JOURNAL;
import static dev.cameljira.sandbox.servicenow.ColumnType.STRING;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tables the emulator serves: incident (writable), sys_user, sys_user_group, sys_journal_field and
 * sys_attachment (read-only through the Table API; the Attachment API writes sys_attachment).
 */
final class Tables {
    static final String INCIDENT = "incident";
    static final String SYS_USER = "sys_user";
    static final String SYS_JOURNAL_FIELD = "sys_journal_field";
    static final String SYS_USER_GROUP = "sys_user_group";
    static final String SYS_ATTACHMENT = "sys_attachment";

    static final Map<String, String> STATES = states();
    /**
     * The Resolution code (close_code) choices of a stock incident table on recent releases (values are their own
     * labels); "" is the "-- None --" entry. Instances upgraded from old releases may still carry the pre-Utah set
     * ("Solved (Permanently)", "Closed/Resolved by Caller", ...), which the emulator does not accept.
     */
    static final List<String> CLOSE_CODES = List.of("Duplicate", "Known error", "No resolution provided",
            "Resolved by caller", "Resolved by change", "Resolved by problem", "Resolved by request", "Solution provided",
            "Workaround provided", "User error");
    static final Map<String, String> PRIORITY = ordered("1", "1 - Critical", "2", "2 - High", "3", "3 - Moderate",
            "4", "4 - Low", "5", "5 - Planning");

    private static final List<Column> SYSTEM_COLUMNS = List.of(
            Column.system("sys_id", GUID),
            Column.system("sys_created_on", DATETIME),
            Column.system("sys_created_by", STRING),
            Column.system("sys_updated_on", DATETIME),
            Column.system("sys_updated_by", STRING),
            Column.system("sys_mod_count", INTEGER),
            Column.system("sys_class_name", STRING),
            Column.system("sys_tags", STRING));

    static final TableSchema INCIDENT_SCHEMA = TableSchema.of(INCIDENT, "number", true, concat(List.of(
            Column.of("number", STRING),
            Column.of("short_description", STRING),
            Column.of("description", STRING),
            Column.choice("state", STATES),
            new Column("incident_state", ColumnType.CHOICE, null, STATES, true, null),
            Column.choice("impact", ordered("1", "1 - High", "2", "2 - Medium", "3", "3 - Low")),
            Column.choice("urgency", ordered("1", "1 - High", "2", "2 - Medium", "3", "3 - Low")),
            Column.choice("priority", PRIORITY),
            Column.of("category", STRING),
            Column.of("subcategory", STRING),
            Column.of("contact_type", STRING),
            Column.reference("caller_id", SYS_USER),
            Column.reference("opened_by", SYS_USER),
            Column.reference("assigned_to", SYS_USER),
            Column.reference("assignment_group", SYS_USER_GROUP),
            Column.of("correlation_id", STRING),
            Column.of("correlation_display", STRING),
            Column.of("active", BOOLEAN),
            Column.of("opened_at", DATETIME),
            Column.of("resolved_at", DATETIME),
            Column.reference("resolved_by", SYS_USER),
            Column.of("closed_at", DATETIME),
            Column.reference("closed_by", SYS_USER),
            Column.choice("close_code", noneOr(CLOSE_CODES)),
            Column.of("close_notes", STRING),
            Column.system("reopen_count", INTEGER),
            Column.of("comments", JOURNAL),
            Column.of("work_notes", JOURNAL),
            Column.journalList("comments_and_work_notes", List.of("comments", "work_notes"))), SYSTEM_COLUMNS));

    static final TableSchema SYS_USER_SCHEMA = TableSchema.of(SYS_USER, "name", false, concat(List.of(
            Column.of("user_name", STRING),
            Column.of("name", STRING),
            Column.of("first_name", STRING),
            Column.of("last_name", STRING),
            Column.of("email", STRING),
            Column.of("active", BOOLEAN)), SYSTEM_COLUMNS));

    static final TableSchema SYS_USER_GROUP_SCHEMA = TableSchema.of(SYS_USER_GROUP, "name", false, concat(List.of(
            Column.of("name", STRING),
            Column.of("description", STRING),
            Column.of("email", STRING),
            Column.of("active", BOOLEAN)), SYSTEM_COLUMNS));

    static final TableSchema SYS_JOURNAL_FIELD_SCHEMA = TableSchema.of(SYS_JOURNAL_FIELD, "value", false, List.of(
            Column.system("sys_id", GUID),
            Column.of("element_id", GUID),
            Column.of("element", STRING),
            Column.of("name", STRING),
            Column.of("value", STRING),
            Column.system("sys_created_on", DATETIME),
            Column.system("sys_created_by", STRING)));

    /** Attachment metadata; the Attachment API writes it, the Table API reads it. */
    static final TableSchema SYS_ATTACHMENT_SCHEMA = TableSchema.of(SYS_ATTACHMENT, "file_name", false, concat(List.of(
            Column.of("file_name", STRING),
            Column.of("content_type", STRING),
            Column.of("size_bytes", INTEGER),
            Column.of("size_compressed", INTEGER),
            Column.of("compressed", BOOLEAN),
            Column.of("table_name", STRING),
            Column.of("table_sys_id", GUID),
            Column.of("image_width", STRING),
            Column.of("image_height", STRING),
            Column.of("average_image_color", STRING),
            Column.of("state", STRING),
            Column.of("hash", STRING),
            Column.of("chunk_size_bytes", STRING)), SYSTEM_COLUMNS));

    private static final Map<String, TableSchema> ALL = Map.of(INCIDENT, INCIDENT_SCHEMA, SYS_USER, SYS_USER_SCHEMA,
            SYS_USER_GROUP, SYS_USER_GROUP_SCHEMA, SYS_JOURNAL_FIELD, SYS_JOURNAL_FIELD_SCHEMA,
            SYS_ATTACHMENT, SYS_ATTACHMENT_SCHEMA);

    private Tables() {
    }

    static Optional<TableSchema> byName(String name) {
        return Optional.ofNullable(ALL.get(name));
    }

    private static Map<String, String> states() {
        Map<String, String> states = new LinkedHashMap<>();
        Arrays.stream(IncidentState.values()).forEach(s -> states.put(String.valueOf(s.value()), s.label()));
        return states;
    }

    /** "" ("-- None --", so the field can be emptied) and each value as its own label. */
    private static Map<String, String> noneOr(List<String> values) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("", "");
        values.forEach(v -> map.put(v, v));
        return map;
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static List<Column> concat(List<Column> a, List<Column> b) {
        List<Column> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
