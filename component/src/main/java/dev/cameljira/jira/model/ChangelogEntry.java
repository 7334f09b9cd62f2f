package dev.cameljira.jira.model;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One change history of an issue (who changed what, when), as in {@code GET /issue/{key}/changelog} (Cloud) or
 * {@code changelog.histories} of {@code GET /issue/{key}?expand=changelog} (Data Center).
 *
 * @param id      the history id (Jira sends a string; webhooks sometimes a number: both are read as text)
 * @param author  who made the change; null for anonymous or automatic changes
 * @param created when the change happened
 * @param items   the changed fields, in Jira's order
 * @param raw     the JSON Jira sent
 */
public record ChangelogEntry(String id, JiraUser author, OffsetDateTime created, List<ChangeItem> items, JsonNode raw) {

    public ChangelogEntry {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** Reads one history object; null for null/missing/non-objects. */
    public static ChangelogEntry from(JsonNode n) {
        if (n == null || !n.isObject()) {
            return null;
        }
        List<ChangeItem> items = new ArrayList<>();
        n.path("items").forEach(i -> {
            ChangeItem item = ChangeItem.from(i);
            if (item != null) {
                items.add(item);
            }
        });
        return new ChangelogEntry(JiraUser.text(n, "id"), JiraUser.from(n.get("author")), JiraIssue.date(n.get("created")), items, n);
    }

    /** The first item about the given field (id or name, case-insensitive), or null. */
    public ChangeItem item(String fieldIdOrName) {
        return items.stream().filter(i -> i.is(fieldIdOrName)).findFirst().orElse(null);
    }

    @Override
    public String toString() {
        return "ChangelogEntry[" + id + " at " + created + " by " + (author == null ? null : author.displayName()) + ", "
               + items.size() + " item(s)]";
    }
}
