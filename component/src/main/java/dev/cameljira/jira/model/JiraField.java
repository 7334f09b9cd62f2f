package dev.cameljira.jira.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A field definition from {@code GET /field}: system fields ({@code summary}) and custom fields
 * ({@code customfield_10016} "Story Points").
 *
 * @param id          field id, e.g. {@code customfield_10016}
 * @param key         field key (Cloud; equals the id for most fields); null on Data Center
 * @param name        display name, e.g. "Story Points"
 * @param custom      whether it is a custom field
 * @param schemaType  JSON type of its values: string, number, array, user, option, ...; null when Jira gave no schema
 * @param schemaItems type of the items when {@code schemaType} is array
 * @param schemaCustom custom field type URI, e.g. {@code com.atlassian.jira.plugin.system.customfieldtypes:float}
 * @param clauseNames names usable in JQL
 * @param raw         the JSON object as received
 */
public record JiraField(String id, String key, String name, boolean custom, String schemaType, String schemaItems,
                        String schemaCustom, List<String> clauseNames, ObjectNode raw) {

    public JiraField {
        clauseNames = clauseNames == null ? List.of() : List.copyOf(clauseNames);
    }

    /** Reads a field object; null when the node is not an object. */
    public static JiraField from(JsonNode n) {
        if (n == null || !n.isObject()) {
            return null;
        }
        JsonNode schema = n.path("schema");
        List<String> clauses = new ArrayList<>();
        n.path("clauseNames").forEach(c -> clauses.add(c.asText()));
        return new JiraField(JiraUser.text(n, "id"), JiraUser.text(n, "key"), JiraUser.text(n, "name"),
                n.path("custom").asBoolean(false), JiraUser.text(schema, "type"), JiraUser.text(schema, "items"),
                JiraUser.text(schema, "custom"), clauses, (ObjectNode) n);
    }

    @Override
    public String toString() {
        return "JiraField[" + id + " '" + name + "'" + (schemaType == null ? "" : " " + schemaType) + "]";
    }
}
