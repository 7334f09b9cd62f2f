package dev.cameljira.jira.client;

import java.util.Locale;

/** Where Jira runs: Atlassian's Cloud, or Data Center / Server on-prem. */
public enum JiraDeployment {
    /** Ask {@code /rest/api/2/serverInfo} once and cache the answer. */
    AUTO,
    /** Jira Cloud: REST v3 with ADF by default, users by accountId, search via /search/jql. */
    CLOUD,
    /** Jira Data Center / Server 7.x+: REST v2, wiki markup, users by name/key, search via /search with startAt. */
    SERVER;

    public static JiraDeployment parse(String value) {
        if (value == null || value.isBlank()) {
            return AUTO;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "auto" -> AUTO;
            case "cloud" -> CLOUD;
            case "server", "datacenter", "data-center", "dc", "onprem", "on-prem" -> SERVER;
            default -> throw new JiraInvalidInputException("deployment '" + value + "' is not one of auto, cloud, server");
        };
    }
}
