package dev.cameljira.jira.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What it takes to create an issue in a project: its issue types and, for each, the fields of the create screen
 * (from {@code GET /issue/createmeta/{project}/issuetypes} and {@code .../issuetypes/{issueTypeId}}).
 *
 * @param projectKey the project key or id the metadata was asked for
 * @param issueTypes the issue types, each with its fields
 */
public record CreateMeta(String projectKey, List<IssueType> issueTypes) {

    public CreateMeta {
        issueTypes = issueTypes == null ? List.of() : List.copyOf(issueTypes);
    }

    /** The issue type with this id or name (case-insensitive). */
    public Optional<IssueType> issueType(String idOrName) {
        return issueTypes.stream().filter(t -> t.matches(idOrName)).findFirst();
    }

    /** The names of the issue types. */
    public List<String> issueTypeNames() {
        return issueTypes.stream().map(IssueType::name).toList();
    }

    /**
     * An issue type of the project with the fields of its create screen.
     *
     * @param id          issue type id
     * @param name        name, e.g. Task
     * @param description description
     * @param subtask     whether it is a sub-task type
     * @param fields      fields of the create screen (empty when not requested)
     * @param raw         the issue type JSON as received (without the fields)
     */
    public record IssueType(String id, String name, String description, boolean subtask, List<Field> fields, ObjectNode raw) {

        public IssueType {
            fields = fields == null ? List.of() : List.copyOf(fields);
        }

        /** Reads an issue type object of the issuetypes page. */
        public static IssueType from(JsonNode n) {
            if (n == null || !n.isObject()) {
                return null;
            }
            return new IssueType(JiraUser.text(n, "id"), JiraUser.text(n, "name"), JiraUser.text(n, "description"),
                    n.path("subtask").asBoolean(false), List.of(), (ObjectNode) n);
        }

        /** A copy with these fields. */
        public IssueType withFields(List<Field> value) {
            return new IssueType(id, name, description, subtask, value, raw);
        }

        /** Whether this is the type with this id or name (case-insensitive). */
        public boolean matches(String idOrName) {
            return idOrName != null && (idOrName.equals(id) || idOrName.equalsIgnoreCase(name));
        }

        /** The field with this id, key or name (case-insensitive). */
        public Optional<Field> field(String idKeyOrName) {
            return fields.stream().filter(f -> idKeyOrName != null && (idKeyOrName.equals(f.fieldId())
                    || idKeyOrName.equals(f.key()) || idKeyOrName.equalsIgnoreCase(f.name()))).findFirst();
        }

        /** The fields that must be given when creating an issue of this type. */
        public List<Field> requiredFields() {
            return fields.stream().filter(Field::required).toList();
        }
    }

    /**
     * A field of a create screen.
     *
     * @param fieldId         field id, e.g. summary or customfield_10016
     * @param key             field key (Cloud); the id when Jira sent none
     * @param name            display name
     * @param required        whether a create request must set it
     * @param schemaType      JSON type of its values (string, number, array, option, user, ...)
     * @param schemaItems     item type when {@code schemaType} is array
     * @param schemaCustom    custom field type URI
     * @param allowedValues   names (or values) of the allowed values, e.g. priorities or select options; empty when any
     * @param hasDefaultValue whether Jira fills it in when left out
     * @param operations      operations allowed on it (set, add, ...)
     * @param raw             the JSON object as received
     */
    public record Field(String fieldId, String key, String name, boolean required, String schemaType, String schemaItems,
                        String schemaCustom, List<String> allowedValues, boolean hasDefaultValue, List<String> operations,
                        ObjectNode raw) {

        public Field {
            allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
            operations = operations == null ? List.of() : List.copyOf(operations);
        }

        /** Reads a field object of the fields page. */
        public static Field from(JsonNode n) {
            if (n == null || !n.isObject()) {
                return null;
            }
            JsonNode schema = n.path("schema");
            List<String> allowed = new ArrayList<>();
            n.path("allowedValues").forEach(v -> allowed.add(label(v)));
            List<String> ops = new ArrayList<>();
            n.path("operations").forEach(o -> ops.add(o.asText()));
            String id = JiraUser.text(n, "fieldId");
            String key = JiraUser.text(n, "key");
            return new Field(id != null ? id : key, key != null ? key : id, JiraUser.text(n, "name"),
                    n.path("required").asBoolean(false), JiraUser.text(schema, "type"), JiraUser.text(schema, "items"),
                    JiraUser.text(schema, "custom"), allowed, n.path("hasDefaultValue").asBoolean(false), ops, (ObjectNode) n);
        }

        private static String label(JsonNode v) {
            if (v.isObject()) {
                for (String k : new String[] { "name", "value", "key", "id" }) {
                    if (v.hasNonNull(k)) {
                        return v.get(k).asText();
                    }
                }
                return v.toString();
            }
            return v.asText();
        }
    }
}
