package dev.cameljira.sandbox.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a Table API write body against the table's columns. Like ServiceNow it ignores unknown columns and
 * system-managed ones (sys_*, number on update, ...), treats "" as "clear" except for choice fields without a
 * "-- None --" entry (state, impact, ...; close_code can be cleared), resolves a
 * reference given by display value or user name to its sys_id, stores a reference given as a sys_id as given
 * (like the instance, even when no such record exists: the documented examples send sys_ids of demo data), and with
 * {@code sysparm_input_display_value=true} accepts choice labels. Unlike ServiceNow, which would store them silently,
 * it answers 400 for values a column cannot hold (state "Resolved" without input_display_value, a caller nobody is
 * called, a malformed date).
 */
final class RecordInputReader {
    /** What a sys_id looks like: a reference given as one is stored as given, whether or not the record exists. */
    private static final Pattern SYS_ID = Pattern.compile("[0-9a-f]{32}");

    private final FieldResolver resolver;

    RecordInputReader(FieldResolver resolver) {
        this.resolver = resolver;
    }

    /** Parses a JSON body; {@code insert} allows number and sys_id to be given. */
    RecordInput read(TableSchema schema, byte[] body, boolean inputDisplayValue, boolean suppressAutoSysFields,
                     boolean insert) {
        JsonNode root = Representation.json(body);
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest("Exception while reading request",
                    "The payload must be a JSON object of field names and values");
        }
        return read(schema, root, inputDisplayValue, suppressAutoSysFields, insert);
    }

    /** Reads a record's field values (a JSON object); {@code insert} allows number and sys_id to be given. */
    RecordInput read(TableSchema schema, JsonNode root, boolean inputDisplayValue, boolean suppressAutoSysFields,
                     boolean insert) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> journal = new LinkedHashMap<>();
        Set<String> sent = new HashSet<>();
        root.fields().forEachRemaining(e -> {
            String name = e.getKey();
            sent.add(name);
            Optional<Column> column = schema.column(name);
            String text = text(e.getValue());
            if (column.isEmpty() || text == null) {
                return;
            }
            Column c = column.get();
            if (c.type() == ColumnType.JOURNAL) {
                if (!text.isBlank()) {
                    journal.put(name, text);
                }
                return;
            }
            boolean writableSystemColumn = insert && (name.equals("number") || name.equals("sys_id"));
            if (c.systemManaged() && !writableSystemColumn || name.equals("number") && !insert) {
                return;
            }
            convert(c, text, inputDisplayValue).ifPresent(v -> values.put(name, v));
        });
        return new RecordInput(values, journal, sent, suppressAutoSysFields);
    }

    private Optional<String> convert(Column c, String text, boolean inputDisplayValue) {
        if (text.isEmpty()) {
            boolean cannotBeEmpty = c.type() == ColumnType.CHOICE && !c.choices().containsKey("");
            return cannotBeEmpty ? Optional.empty() : Optional.of("");
        }
        return Optional.of(switch (c.type()) {
            case INTEGER -> integer(c, text);
            case BOOLEAN -> bool(c, text);
            case DATETIME -> GlideTime.lenient(text).map(GlideTime.FORMAT::format).orElseThrow(() ->
                    ApiException.invalidValue(c.name() + ": '" + text + "' is not a date-time (yyyy-MM-dd HH:mm:ss)"));
            case CHOICE -> choice(c, text, inputDisplayValue);
            case REFERENCE -> resolver.referenceSysId(c, text)
                    .or(() -> SYS_ID.matcher(text).matches() ? Optional.of(text) : Optional.empty())
                    .orElseThrow(() -> ApiException.invalidValue(c.name() + ": no " + c.referenceTable()
                            + " record has the sys_id, name or user_name '" + text + "'"));
            default -> text;
        });
    }

    private static String integer(Column c, String text) {
        try {
            return String.valueOf(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            throw ApiException.invalidValue(c.name() + ": '" + text + "' is not a whole number");
        }
    }

    private static String bool(Column c, String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> "true";
            case "false", "0" -> "false";
            default -> throw ApiException.invalidValue(c.name() + ": '" + text + "' is not true or false");
        };
    }

    private static String choice(Column c, String text, boolean inputDisplayValue) {
        if (c.choices().containsKey(text.trim())) {
            return text.trim();
        }
        if (inputDisplayValue) {
            Optional<String> byLabel = c.choiceValueOfLabel(text.trim());
            if (byLabel.isPresent()) {
                return byLabel.get();
            }
        }
        String allowed = c.choices().entrySet().stream().filter(e -> !e.getKey().isEmpty())
                .map(e -> e.getKey().equals(e.getValue()) ? e.getKey() : e.getKey() + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
        throw ApiException.invalidValue(c.name() + ": '" + text + "' is not one of " + allowed
                + (inputDisplayValue ? "" : "; send the value, or the label with sysparm_input_display_value=true"));
    }

    /** Scalars become text; {"value": x} (as read back from the API) becomes x; null clears, like "". */
    private static String text(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isNull()) {
            return "";
        }
        if (node.isObject() && node.has("value")) {
            return text(node.get("value"));
        }
        if (node.isContainerNode()) {
            return node.toString();
        }
        return node.asText();
    }
}
