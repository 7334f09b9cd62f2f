package dev.cameljira.jira.operations;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.jira.client.JiraApi;
import dev.cameljira.jira.client.JiraInvalidInputException;

/**
 * Turns friendly values into Jira's {@code fields} JSON: rich text for the API version, users by id/name/e-mail,
 * priorities and types by name or id, and fields given by display name ("Story Points") resolved through the cached
 * field list and converted by their schema (number, option, user, array, textarea...).
 */
public final class IssueFields {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private IssueFields() {
    }

    /** {"name": v} or {"id": v} when v is numeric. */
    public static ObjectNode nameOrId(String v) {
        ObjectNode n = JSON.objectNode();
        if (v.chars().allMatch(Character::isDigit)) {
            n.put("id", v);
        } else {
            n.put("name", v);
        }
        return n;
    }

    public static ArrayNode strings(List<String> values) {
        ArrayNode a = JSON.arrayNode();
        values.forEach(a::add);
        return a;
    }

    public static ArrayNode named(List<String> values) {
        ArrayNode a = JSON.arrayNode();
        values.forEach(v -> a.add(JSON.objectNode().put("name", v)));
        return a;
    }

    /**
     * Puts further fields (keyed by id or display name) into {@code target}, converting plain values by the field's
     * schema. Unknown names are an error that names them.
     */
    public static void putAll(JiraApi api, ObjectNode target, Map<String, ?> extra) {
        if (extra == null) {
            return;
        }
        for (Map.Entry<String, ?> e : extra.entrySet()) {
            String id = resolve(api, e.getKey());
            target.set(id, convert(api, id, e.getValue()));
        }
    }

    /** Same as {@link #putAll(JiraApi, ObjectNode, Map)} for a JSON object of fields. */
    public static void putAll(JiraApi api, ObjectNode target, JsonNode extra) {
        if (extra == null || !extra.isObject()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> it = extra.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String id = resolve(api, e.getKey());
            target.set(id, convert(api, id, e.getValue()));
        }
    }

    /** Field id for an id, key or display name; an error naming the unknown field otherwise. */
    public static String resolve(JiraApi api, String idOrName) {
        if (isSystemField(idOrName)) {
            return idOrName;
        }
        return api.fieldId(idOrName).orElseThrow(() -> new JiraInvalidInputException("field '" + idOrName
                + "' is not a Jira field id or name; custom fields known: " + api.fields().stream()
                .filter(f -> f.path("custom").asBoolean())
                .map(f -> f.path("name").asText() + " (" + f.path("id").asText() + ")")
                .limit(30)
                .collect(Collectors.joining(", "))));
    }

    private static boolean isSystemField(String id) {
        return switch (id) {
            case "summary", "description", "issuetype", "project", "priority", "assignee", "reporter", "labels", "components",
                 "parent", "duedate", "environment", "fixVersions", "versions", "timetracking", "security" -> true;
            default -> false;
        };
    }

    /** Converts a plain value (String, Number, Collection, JsonNode) to what the field's schema expects. */
    public static JsonNode convert(JiraApi api, String id, Object value) {
        if (value == null) {
            return JSON.nullNode();
        }
        if (value instanceof JsonNode n && (n.isObject() || n.isArray() || n.isNull())) {
            if (n.isObject() && !dev.cameljira.jira.text.RichText.isAdf(n)) {
                return n;
            }
            if (n.isArray() || n.isNull()) {
                return n;
            }
        }
        JsonNode schema = switch (id) {
            case "description", "environment" -> JSON.objectNode().put("type", "string").put("system", id);
            default -> api.fieldSchema(id);
        };
        String type = schema.path("type").asText("");
        String custom = schema.path("custom").asText("");
        String items = schema.path("items").asText("");
        Object plain = value instanceof JsonNode n && n.isValueNode() ? n.asText() : value;
        if (value instanceof JsonNode n && dev.cameljira.jira.text.RichText.isAdf(n)) {
            return api.richText(n);
        }
        switch (type) {
            case "number":
                try {
                    return JSON.numberNode(new java.math.BigDecimal(String.valueOf(plain).trim()));
                } catch (NumberFormatException e) {
                    throw new JiraInvalidInputException("field " + id + " takes a number, got '" + plain + "'");
                }
            case "option":
                return JSON.objectNode().put("value", String.valueOf(plain));
            case "user":
                return api.userRef(String.valueOf(plain));
            case "priority", "issuetype", "resolution", "version", "component":
                return nameOrId(String.valueOf(plain));
            case "project":
                return JSON.objectNode().put("key", String.valueOf(plain));
            case "array": {
                List<String> list = OperationContext.asList(plain);
                ArrayNode a = JSON.arrayNode();
                for (String s : list) {
                    switch (items) {
                        case "option" -> a.add(JSON.objectNode().put("value", s));
                        case "user" -> a.add(api.userRef(s));
                        case "component", "version" -> a.add(JSON.objectNode().put("name", s));
                        default -> a.add(s);
                    }
                }
                return a;
            }
            case "string":
                if (custom.toLowerCase(Locale.ROOT).endsWith(":textarea") || "description".equals(schema.path("system").asText())
                    || "environment".equals(schema.path("system").asText())) {
                    return api.richText(String.valueOf(plain));
                }
                return JSON.textNode(String.valueOf(plain));
            default:
                if (plain instanceof Number num) {
                    return JSON.numberNode(new java.math.BigDecimal(num.toString()));
                }
                if (plain instanceof Boolean b) {
                    return JSON.booleanNode(b);
                }
                return JSON.textNode(String.valueOf(plain));
        }
    }
}
