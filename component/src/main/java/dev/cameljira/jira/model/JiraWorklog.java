package dev.cameljira.jira.model;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.jira.text.RichText;

/**
 * A worklog entry.
 *
 * @param id               worklog id
 * @param issueId          numeric id of the issue
 * @param author           who logged the work
 * @param comment          the comment as plain text, or null
 * @param commentRaw       the comment as Jira sent it (ADF on v3, wiki on v2), or null
 * @param started          when the work started
 * @param timeSpent        time spent in Jira's notation, e.g. "1h 30m"
 * @param timeSpentSeconds time spent in seconds
 * @param created          when the entry was created
 * @param updated          when it was last updated
 * @param visibility       role/group restriction, or null
 * @param raw              the JSON Jira sent
 */
public record JiraWorklog(String id, String issueId, JiraUser author, String comment, JsonNode commentRaw,
                          OffsetDateTime started, String timeSpent, long timeSpentSeconds, OffsetDateTime created,
                          OffsetDateTime updated, JiraVisibility visibility, JsonNode raw) {

    public static JiraWorklog from(JsonNode n) {
        if (n == null || !n.isObject()) {
            return null;
        }
        JsonNode c = n.get("comment");
        JsonNode comment = c == null || c.isNull() ? null : c;
        return new JiraWorklog(JiraUser.text(n, "id"), JiraUser.text(n, "issueId"), JiraUser.from(n.get("author")),
                RichText.toPlainText(comment), comment, JiraIssue.date(n.get("started")), JiraUser.text(n, "timeSpent"),
                n.path("timeSpentSeconds").asLong(0), JiraIssue.date(n.get("created")), JiraIssue.date(n.get("updated")),
                JiraVisibility.from(n.get("visibility")), n);
    }

    @Override
    public String toString() {
        return "JiraWorklog[" + id + " " + timeSpent + "]";
    }
}
