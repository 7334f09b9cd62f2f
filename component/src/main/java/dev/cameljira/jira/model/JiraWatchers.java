package dev.cameljira.jira.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The watchers of an issue.
 *
 * @param watchCount number of watchers
 * @param isWatching whether the integration user watches the issue
 * @param watchers   the watching users (Jira may list fewer than watchCount when the caller cannot see them all)
 * @param raw        the JSON Jira sent
 */
public record JiraWatchers(int watchCount, boolean isWatching, List<JiraUser> watchers, JsonNode raw) {

    public static JiraWatchers from(JsonNode n) {
        if (n == null || !n.isObject()) {
            return null;
        }
        List<JiraUser> users = new ArrayList<>();
        n.path("watchers").forEach(u -> users.add(JiraUser.from(u)));
        users.removeIf(java.util.Objects::isNull);
        return new JiraWatchers(n.path("watchCount").asInt(users.size()), n.path("isWatching").asBoolean(false),
                List.copyOf(users), n);
    }

    /** The identifiers (accountId on Cloud, user name on Data Center) of the watchers. */
    public List<String> ids() {
        return watchers.stream().map(JiraUser::id).toList();
    }
}
