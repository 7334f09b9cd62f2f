package dev.cameljira.jira.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Typed body of addWorklog. Values left null come from headers in the producer. As JSON: {@code {"issueKey":
 * "DEMO-1", "timeSpent": "1h 30m", "started": "2026-11-28T10:15:00+01:00", "comment": "text or ADF"}}.
 *
 * @param issueKey         the issue; may be null when the issue key header is set
 * @param timeSpent        time spent in Jira's notation ("1h 30m", "2d")
 * @param timeSpentSeconds time spent in seconds (wins over timeSpent)
 * @param started          the start, ISO-8601 with or without offset; null for now
 * @param comment          the worklog's comment: text (simple Markdown) or an ADF document
 * @param visibility       optional role/group restriction
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AddWorklogRequest(String issueKey, String timeSpent, Long timeSpentSeconds, String started, JsonNode comment,
                                JiraVisibility visibility) {

    public static AddWorklogRequest of(String issueKey, String timeSpent) {
        return new AddWorklogRequest(issueKey, timeSpent, null, null, null, null);
    }

    /** A copy with this comment text. */
    public AddWorklogRequest withComment(String text) {
        return new AddWorklogRequest(issueKey, timeSpent, timeSpentSeconds, started, text == null ? null : TextNode.valueOf(text),
                visibility);
    }

    /** A copy with this start (ISO-8601). */
    public AddWorklogRequest withStarted(String value) {
        return new AddWorklogRequest(issueKey, timeSpent, timeSpentSeconds, value, comment, visibility);
    }
}
