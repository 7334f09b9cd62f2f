package dev.cameljira.jira.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An attachment of an issue.
 *
 * @param id       attachment id
 * @param filename file name
 * @param size     size in bytes
 * @param mimeType content type Jira recorded
 * @param content  URL the content is downloaded from (with the same credentials)
 * @param author   who attached it
 * @param created  when
 * @param raw      the JSON Jira sent
 */
public record JiraAttachment(String id, String filename, long size, String mimeType, String content, JiraUser author,
                             OffsetDateTime created, JsonNode raw) {

    /** Reads an attachment object; null for null/missing. */
    public static JiraAttachment from(JsonNode n) {
        if (n == null || !n.isObject()) {
            return null;
        }
        return new JiraAttachment(JiraUser.text(n, "id"), JiraUser.text(n, "filename"), n.path("size").asLong(-1),
                JiraUser.text(n, "mimeType"), JiraUser.text(n, "content"), JiraUser.from(n.get("author")),
                created(n.get("created")), n);
    }

    /** Jira sends a timestamp string; some Cloud answers carry epoch milliseconds. */
    private static OffsetDateTime created(JsonNode v) {
        if (v != null && v.isNumber()) {
            return Instant.ofEpochMilli(v.asLong()).atOffset(ZoneOffset.UTC);
        }
        return JiraIssue.date(v);
    }

    @Override
    public String toString() {
        return "JiraAttachment[" + id + " " + filename + ", " + size + " bytes]";
    }
}
