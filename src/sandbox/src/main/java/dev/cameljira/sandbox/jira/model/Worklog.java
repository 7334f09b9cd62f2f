package dev.cameljira.sandbox.jira.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A worklog entry. Mutable; guarded by the store's lock. */
public final class Worklog {
    private final Map<String, JsonNode> properties = new LinkedHashMap<>();
    private final long id;
    private final long issueId;
    private final User author;
    private final Instant created;
    private User updateAuthor;
    private Instant updated;
    private Instant started;
    private long timeSpentSeconds;
    private RichText comment;
    private JsonNode visibility;

    public Worklog(long id, long issueId, User author, Instant created, Instant started, long timeSpentSeconds,
            RichText comment, JsonNode visibility) {
        this.id = id;
        this.issueId = issueId;
        this.author = author;
        this.created = created;
        this.updateAuthor = author;
        this.updated = created;
        this.started = started;
        this.timeSpentSeconds = timeSpentSeconds;
        this.comment = comment;
        this.visibility = visibility;
    }

    /** Entity properties ({@code .../properties/{key}}), in the order they were first set. */
    public Map<String, JsonNode> properties() {
        return properties;
    }

    public long id() {
        return id;
    }

    public long issueId() {
        return issueId;
    }

    public User author() {
        return author;
    }

    public Instant created() {
        return created;
    }

    public User updateAuthor() {
        return updateAuthor;
    }

    public Instant updated() {
        return updated;
    }

    public Instant started() {
        return started;
    }

    public long timeSpentSeconds() {
        return timeSpentSeconds;
    }

    public RichText comment() {
        return comment;
    }

    public JsonNode visibility() {
        return visibility;
    }

    /** Applies an edit; null arguments leave a value unchanged. */
    public void edit(Instant newStarted, Long newSeconds, RichText newComment, User by, Instant at) {
        if (newStarted != null) {
            this.started = newStarted;
        }
        if (newSeconds != null) {
            this.timeSpentSeconds = newSeconds;
        }
        if (newComment != null) {
            this.comment = newComment;
        }
        this.updateAuthor = by;
        this.updated = at;
    }
}
