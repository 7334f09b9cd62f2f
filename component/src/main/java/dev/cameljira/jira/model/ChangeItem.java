package dev.cameljira.jira.model;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One changed field of a change history: an entry of {@code items} in {@code GET /issue/{key}/changelog},
 * {@code expand=changelog} and the {@code changelog} of a webhook event. Jira's {@code fromString}/{@code toString}
 * are {@link #fromText()}/{@link #toText()} here ({@code toString} cannot name a record component).
 *
 * @param field     the field's name as Jira logs it: "status", "assignee", "Story Points" (custom fields by name)
 * @param fieldType "jira" for system fields, "custom" for custom fields
 * @param fieldId   the field id ({@code status}, {@code customfield_10016}); Cloud only, null on Data Center
 * @param from      the old value's id (status id, accountId, option id...), or null
 * @param fromText  the old value as text, or null
 * @param to        the new value's id, or null
 * @param toText    the new value as text, or null
 * @param raw       the JSON Jira sent (e.g. {@code tmpFromAccountId} of webhook items stays here)
 */
public record ChangeItem(String field, String fieldType, String fieldId, String from, String fromText, String to, String toText,
                         JsonNode raw) {

    /** Reads one change item; null for null/missing/non-objects. */
    public static ChangeItem from(JsonNode n) {
        if (n == null || !n.isObject()) {
            return null;
        }
        return new ChangeItem(JiraUser.text(n, "field"), JiraUser.text(n, "fieldtype"), JiraUser.text(n, "fieldId"),
                JiraUser.text(n, "from"), JiraUser.text(n, "fromString"), JiraUser.text(n, "to"), JiraUser.text(n, "toString"), n);
    }

    /**
     * Whether this item is about the given field, matched case-insensitively against the field id (when Jira sent one)
     * and the field name, so {@code is("status")} and {@code is("Story Points")} work on Cloud and Data Center alike.
     */
    public boolean is(String fieldIdOrName) {
        if (fieldIdOrName == null) {
            return false;
        }
        String wanted = fieldIdOrName.toLowerCase(Locale.ROOT);
        return (fieldId != null && fieldId.toLowerCase(Locale.ROOT).equals(wanted))
               || (field != null && field.toLowerCase(Locale.ROOT).equals(wanted));
    }

    @Override
    public String toString() {
        return "ChangeItem[" + field + ": " + fromText + " -> " + toText + "]";
    }
}
