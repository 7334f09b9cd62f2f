package dev.cameljira.jira.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What every jira: consumer emits, whether the event arrived as a webhook or was found by polling: a route never
 * needs to care which. {@code type} is Jira's webhook event name ({@code jira:issue_created},
 * {@code jira:issue_updated}, {@code comment_created}, {@code worklog_updated}, {@code issuelink_created},
 * {@code project_created}, ...); pollers use the same names.
 *
 * @param type           event type, e.g. {@code jira:issue_updated}
 * @param timestamp      when Jira says it happened
 * @param issueEventType Jira's {@code issue_event_type_name} (issue_created, issue_generic, issue_commented...), or null
 * @param issue          the issue the event is about, or null (project events, Server comment events without issue)
 * @param comment        the comment of comment events (and of Server's issue_commented updates), or null
 * @param changelogId    id of the change history of update events, or null
 * @param changelog      changed fields of update events (empty otherwise)
 * @param user           who caused the event, or null
 * @param project        the project of project events, or null
 * @param source         WEBHOOK, POLL or RECONCILE (the backup poll that catches what webhooks missed)
 * @param eventId        a stable identity: the webhook delivery id, or for polled events one derived from the issue,
 *                       its updated time and the change (used for de-duplication)
 * @param raw            the JSON as received (webhook payload, or the issue as searched)
 * @param issueId        the id of the issue the event is about: the issue's, else the one the payload names elsewhere
 *                       (a Server {@code comment_created} carries no issue but its comment's {@code self} names it); null
 *                       when none is known. Computed once by whoever builds the event.
 */
public record JiraEvent(String type, Instant timestamp, String issueEventType, JiraIssue issue, JiraComment comment,
                        String changelogId, List<ChangeItem> changelog, JiraUser user, JiraProject project, Source source,
                        String eventId, JsonNode raw, String issueId) {

    /** Where an event came from. */
    public enum Source {
        WEBHOOK, POLL, RECONCILE
    }

    public JiraEvent {
        changelog = changelog == null ? List.of() : List.copyOf(changelog);
        if (issueId == null && issue != null) {
            issueId = issue.id();
        }
    }

    /** An event whose issue id is its issue's (null without an issue). */
    public JiraEvent(String type, Instant timestamp, String issueEventType, JiraIssue issue, JiraComment comment,
                     String changelogId, List<ChangeItem> changelog, JiraUser user, JiraProject project, Source source,
                     String eventId, JsonNode raw) {
        this(type, timestamp, issueEventType, issue, comment, changelogId, changelog, user, project, source, eventId, raw, null);
    }

    public String issueKey() {
        return issue == null ? null : issue.key();
    }

    /** The project key: of the issue, else of the project of project events. */
    public String projectKey() {
        if (issue != null && issue.projectKey() != null) {
            return issue.projectKey();
        }
        if (project != null) {
            return project.key();
        }
        if (issue != null && issue.key() != null && issue.key().contains("-")) {
            return issue.key().substring(0, issue.key().lastIndexOf('-'));
        }
        return null;
    }

    /** Names of the changed fields (field ids where Jira gave them, else names), in order, without duplicates. */
    public List<String> changedFields() {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (ChangeItem i : changelog) {
            out.add(i.fieldId() != null ? i.fieldId() : i.field());
        }
        return new ArrayList<>(out);
    }

    /**
     * The JSON form of the event, the same for webhook and polled events: shaped like a Jira webhook payload
     * ({@code timestamp} in epoch milliseconds, {@code webhookEvent}, {@code issue_event_type_name}, {@code user},
     * {@code issue}, {@code changelog}, {@code comment}, {@code project} as Jira sent them) plus {@code source} and
     * {@code eventId}. This is what {@code marshal().json()} writes, with any Jackson mapper (no date module needed).
     */
    @JsonValue
    public ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode n = f.objectNode();
        if (timestamp != null) {
            n.put("timestamp", timestamp.toEpochMilli());
        }
        n.put("webhookEvent", type);
        if (issueEventType != null) {
            n.put("issue_event_type_name", issueEventType);
        }
        if (user != null) {
            ObjectNode u = n.putObject("user");
            putIfSet(u, "accountId", user.accountId());
            putIfSet(u, "name", user.name());
            putIfSet(u, "key", user.key());
            putIfSet(u, "displayName", user.displayName());
            putIfSet(u, "emailAddress", user.emailAddress());
            u.put("active", user.active());
        }
        if (issue != null) {
            n.set("issue", issue.raw());
        }
        if (!changelog.isEmpty() || changelogId != null) {
            ObjectNode c = n.putObject("changelog");
            putIfSet(c, "id", changelogId);
            ArrayNode items = c.putArray("items");
            for (ChangeItem i : changelog) {
                items.add(i.raw() != null ? i.raw() : f.objectNode().put("field", i.field()));
            }
        }
        if (comment != null && comment.raw() != null) {
            n.set("comment", comment.raw());
        }
        if (project != null && project.raw() != null) {
            n.set("project", project.raw());
        }
        n.put("source", source == null ? null : source.name());
        putIfSet(n, "eventId", eventId);
        return n;
    }

    private static void putIfSet(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }

    @Override
    public String toString() {
        return "JiraEvent[" + type + " " + (issueKey() != null ? issueKey() : projectKey()) + " via " + source + "]";
    }
}
