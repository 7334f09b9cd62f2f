package dev.cameljira.jira.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The user the integration calls Jira as ({@code GET /myself}).
 *
 * @param user     the user
 * @param timeZone the user's time zone id as Jira tells it (JQL date literals are read in it), or null
 * @param raw      the JSON Jira sent
 */
public record JiraMyself(JiraUser user, String timeZone, JsonNode raw) {

    /** Reads {@code /myself}; null for a non-object. */
    public static JiraMyself from(JsonNode n) {
        if (n == null || !n.isObject()) {
            return null;
        }
        return new JiraMyself(JiraUser.from(n), JiraUser.text(n, "timeZone"), n);
    }
}
