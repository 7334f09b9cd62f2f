package dev.cameljira.jira.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Renders the options and headers of the catalog descriptor (jira.json) as AsciiDoc tables, in the layout of Camel's
 * component docs: Name, Description, Default, Type.
 */
final class CatalogTables {

    private static final String TABLE_START = "[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n"
                                              + "| Name | Description | Default | Type\n";
    private static final String TABLE_END = "|===\n";
    /** Package prefixes of qualified Java type names ({@code java.util.Map<java.lang.String, ...>}). */
    private static final Pattern PACKAGE = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+(?=[A-Z])");

    private CatalogTables() {
    }

    /** The component options table with its lead sentence. */
    static String componentOptions(JsonNode json) {
        JsonNode props = json.path("componentProperties");
        return "The " + title(json) + " component supports " + props.size() + " options, which are listed below.\n\n"
               + table(rows(props, null));
    }

    /** The endpoint syntax and its path and query parameter tables. */
    static String endpointOptions(JsonNode json) {
        JsonNode props = json.path("properties");
        List<JsonNode> path = new ArrayList<>();
        List<JsonNode> query = new ArrayList<>();
        props.forEach(p -> ("path".equals(p.path("kind").asText()) ? path : query).add(p));
        return "The " + title(json) + " endpoint is configured using URI syntax:\n\n----\n" + json.path("component").path("syntax").asText()
               + "\n----\n\nwith the following path and query parameters:\n\n"
               + "*Path Parameters (" + path.size() + " parameters):*\n\n" + table(rows(props, "path"))
               + "\n*Query Parameters (" + query.size() + " parameters):*\n\n" + table(rows(props, "parameter"));
    }

    /** The message headers table with its lead sentence. */
    static String headers(JsonNode json) {
        JsonNode headers = json.path("headers");
        StringBuilder rows = new StringBuilder();
        headers.properties().forEach(e -> {
            JsonNode h = e.getValue();
            String constant = h.path("constantName").asText("");
            String shortConstant = constant.contains("#") ? constant.substring(constant.indexOf('#') + 1) : constant;
            rows.append("| *").append(cell(e.getKey())).append('*')
                    .append(shortConstant.isEmpty() ? "" : " (`" + shortConstant + "`)")
                    .append(" | ").append(description(h))
                    .append(" | ").append(cell(h.path("defaultValue").asText("")))
                    .append(" | ").append(cell(type(h))).append('\n');
        });
        return "The " + title(json) + " component supports " + headers.size() + " message headers, which are listed below.\n\n"
               + table(rows.toString());
    }

    private static String title(JsonNode json) {
        return json.path("component").path("title").asText();
    }

    /** One row per option, in the order of jira.json; only those of {@code kind} (path, parameter) when not null. */
    private static String rows(JsonNode props, String kind) {
        StringBuilder sb = new StringBuilder();
        for (var e : props.properties()) {
            String name = e.getKey();
            JsonNode p = e.getValue();
            if (kind != null && !kind.equals(p.path("kind").asText())) {
                continue;
            }
            String group = p.path("group").asText("");
            sb.append("| *").append(cell(name)).append('*').append(group.isEmpty() ? "" : " (" + cell(group) + ")")
                    .append(" | ").append(description(p))
                    .append(" | ").append(cell(p.path("defaultValue").asText("")))
                    .append(" | ").append(cell(type(p))).append('\n');
        }
        return sb.toString();
    }

    private static String table(String rows) {
        return TABLE_START + rows + TABLE_END;
    }

    private static String description(JsonNode p) {
        StringBuilder sb = new StringBuilder();
        if (p.path("required").asBoolean()) {
            sb.append("*Required* ");
        }
        sb.append(cell(p.path("description").asText("")));
        if (p.path("enum").isArray() && !p.path("enum").isEmpty()) {
            List<String> values = new ArrayList<>();
            p.path("enum").forEach(v -> values.add(v.asText()));
            sb.append(" Enum values: ").append(cell(String.join(", ", values))).append('.');
        }
        if (p.path("secret").asBoolean()) {
            sb.append(" (secret: masked in logs and URIs)");
        }
        return sb.toString();
    }

    /** The Java type without package names, e.g. {@code Map<String, Object>}. */
    private static String type(JsonNode p) {
        return PACKAGE.matcher(p.path("javaType").asText("")).replaceAll("");
    }

    /** Text safe inside an AsciiDoc table cell: no cell separator, no attribute reference, one line. */
    static String cell(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("{", "\\{").replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
