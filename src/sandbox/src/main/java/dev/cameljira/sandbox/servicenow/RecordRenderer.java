package dev.cameljira.sandbox.servicenow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders a record the way the Table API does for {@code sysparm_display_value} false (stored values; references
 * as {@code {"link", "value"}}; journal fields ""), true (display values; references as
 * {@code {"display_value", "link"}}) or all ({@code {"display_value", "value"}} per field), honouring
 * {@code sysparm_exclude_reference_link} and {@code sysparm_fields} (dot-walked fields allowed, unknown ones
 * ignored, as ServiceNow does).
 */
final class RecordRenderer {

    /** sysparm_display_value. */
    enum Mode {
        VALUE, DISPLAY, ALL;

        static Mode parse(String value) {
            return switch (value == null ? "false" : value.toLowerCase(Locale.ROOT)) {
                case "true" -> DISPLAY;
                case "all" -> ALL;
                case "false" -> VALUE;
                default -> throw ApiException.badRequest("Invalid sysparm_display_value",
                        "sysparm_display_value must be true, false or all, got '" + value + "'");
            };
        }
    }

    /** How to render: display mode, reference links, field list (null = all) and the instance URL for links. */
    record Options(Mode mode, boolean excludeReferenceLink, List<String> fields, String baseUrl) {
    }

    private final FieldResolver resolver;

    RecordRenderer(FieldResolver resolver) {
        this.resolver = resolver;
    }

    ObjectNode render(TableSchema schema, Row row, Options options) {
        ObjectNode result = Json.object();
        for (String field : fieldsOf(schema, row, options.fields())) {
            Optional<List<Column>> path = FieldResolver.columns(schema, field);
            if (path.isEmpty()) {
                continue;
            }
            FieldResolver.Resolved r = resolver.resolve(row, path.get());
            put(result, field, r, options);
        }
        return result;
    }

    private void put(ObjectNode result, String key, FieldResolver.Resolved r, Options options) {
        Column column = r.column();
        boolean reference = column.type() == ColumnType.REFERENCE && !r.raw().isEmpty();
        String link = reference
                ? options.baseUrl() + "/api/now/table/" + column.referenceTable() + "/" + r.raw() : null;
        switch (options.mode()) {
            case VALUE -> {
                if (reference && !options.excludeReferenceLink()) {
                    result.putObject(key).put("link", link).put("value", r.raw());
                } else {
                    result.put(key, r.raw());
                }
            }
            case DISPLAY -> {
                String display = resolver.display(r);
                if (reference && !options.excludeReferenceLink()) {
                    result.putObject(key).put("display_value", display).put("link", link);
                } else {
                    result.put(key, display);
                }
            }
            case ALL -> {
                ObjectNode both = result.putObject(key).put("display_value", resolver.display(r));
                if (reference && !options.excludeReferenceLink()) {
                    both.put("link", link);
                }
                both.put("value", r.raw());
            }
            default -> throw new IllegalStateException(options.mode().name());
        }
    }

    private static List<String> fieldsOf(TableSchema schema, Row row, List<String> requested) {
        if (requested != null && !requested.isEmpty()) {
            return requested;
        }
        List<String> fields = new ArrayList<>(schema.columns().keySet());
        row.values().keySet().stream().filter(k -> k.startsWith("u_")).sorted().forEach(fields::add);
        return fields;
    }
}
