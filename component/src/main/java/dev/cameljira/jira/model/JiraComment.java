package dev.cameljira.jira.model;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.jira.text.RichText;

/**
 * A comment as Jira returned it. {@link #body()} is plain text (ADF on REST v3 is flattened, wiki markup on v2 is
 * returned as is); {@link #bodyRaw()} is the body as Jira sent it; {@link #raw()} is the whole JSON object.
 *
 * @param id         comment id
 * @param author     who wrote it
 * @param body       the text as plain text
 * @param bodyRaw    the body as sent by Jira: an ADF document (v3) or a wiki string (v2)
 * @param created    creation time
 * @param updated    last update time
 * @param visibility role/group restriction, or null when everyone who sees the issue sees the comment
 * @param raw        the JSON Jira sent
 */
public record JiraComment(String id, JiraUser author, String body, JsonNode bodyRaw, OffsetDateTime created,
                          OffsetDateTime updated, JiraVisibility visibility, JsonNode raw) {

    /** Reads a comment object; null for null/missing. */
    public static JiraComment from(JsonNode n) {
        if (n == null || !n.isObject()) {
            return null;
        }
        JsonNode body = n.get("body");
        return new JiraComment(JiraUser.text(n, "id"), JiraUser.from(n.get("author")), RichText.toPlainText(body),
                body == null || body.isNull() ? null : body, JiraIssue.date(n.get("created")), JiraIssue.date(n.get("updated")),
                JiraVisibility.from(n.get("visibility")), n);
    }

    @Override
    public String toString() {
        return "JiraComment[" + id + " by " + (author == null ? null : author.displayName()) + "]";
    }
}
