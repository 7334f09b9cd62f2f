package dev.cameljira.jira.model;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Who may see a comment or worklog: a project role ({@code type=role}, e.g. Administrators) or a group
 * ({@code type=group}, e.g. jira-developers). Jira Cloud may identify a group by {@code identifier} (its id).
 *
 * @param type       {@code role} or {@code group}
 * @param value      role or group name
 * @param identifier group id (Cloud only), may be null
 */
public record JiraVisibility(String type, String value, String identifier) {

    /** Visible to one project role, e.g. {@code role("Administrators")}. */
    public static JiraVisibility role(String name) {
        return new JiraVisibility("role", name, null);
    }

    /** Visible to one group, e.g. {@code group("jira-developers")}. */
    public static JiraVisibility group(String name) {
        return new JiraVisibility("group", name, null);
    }

    /**
     * Parses the short form {@code role:Administrators} or {@code group:jira-developers}; null for null/blank.
     *
     * @throws IllegalArgumentException when the text is not of that form
     */
    public static JiraVisibility parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        int colon = text.indexOf(':');
        String type = colon < 0 ? "" : text.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = colon < 0 ? "" : text.substring(colon + 1).trim();
        if (!("role".equals(type) || "group".equals(type)) || value.isEmpty()) {
            throw new IllegalArgumentException("visibility must be 'role:<project role>' or 'group:<group name>', was '"
                                               + text + "'");
        }
        return new JiraVisibility(type, value, null);
    }

    /** Reads Jira's {@code visibility} object; null for null/missing. */
    public static JiraVisibility from(JsonNode n) {
        if (n == null || !n.isObject()) {
            return null;
        }
        return new JiraVisibility(JiraUser.text(n, "type"), JiraUser.text(n, "value"), JiraUser.text(n, "identifier"));
    }

    /** The JSON Jira expects in request bodies. */
    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("type", type);
        if (value != null) {
            n.put("value", value);
        }
        if (identifier != null) {
            n.put("identifier", identifier);
        }
        return n;
    }
}
