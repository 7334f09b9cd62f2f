package dev.cameljira.jira.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Jira user: Cloud users have an {@code accountId}; Data Center users a {@code name} and {@code key}.
 */
public record JiraUser(String accountId, String name, String key, String displayName, String emailAddress, boolean active) {

    /** The identifier to use in requests: accountId on Cloud, name on Data Center. */
    public String id() {
        return accountId != null ? accountId : name;
    }

    /** Reads a user object; null for null/missing. */
    public static JiraUser from(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode() || !n.isObject()) {
            return null;
        }
        return new JiraUser(text(n, "accountId"), text(n, "name"), text(n, "key"), text(n, "displayName"),
                text(n, "emailAddress"), n.path("active").asBoolean(true));
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
