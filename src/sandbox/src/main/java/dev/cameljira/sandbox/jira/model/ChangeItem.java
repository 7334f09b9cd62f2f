package dev.cameljira.sandbox.jira.model;

/**
 * One changed field in a change history ({@code field, fieldtype, fieldId, from, fromString, to, toString} on the
 * wire).
 */
public record ChangeItem(String field, String fieldType, String fieldId, String from, String fromText, String to, String toText) {

    /** A change of a system field. */
    public static ChangeItem jira(String field, String from, String fromText, String to, String toText) {
        return new ChangeItem(field, "jira", field, from, fromText, to, toText);
    }
}
