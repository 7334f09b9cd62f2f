package dev.cameljira.sandbox.jira.model;

import java.time.Instant;

/** An attachment; the bytes are kept in memory. */
public record Attachment(long id, long issueId, String filename, String mimeType, byte[] content, User author, Instant created) {

    @Override
    public String toString() {
        return "Attachment[id=" + id + ", filename=" + filename + ", size=" + content.length + "]";
    }
}
