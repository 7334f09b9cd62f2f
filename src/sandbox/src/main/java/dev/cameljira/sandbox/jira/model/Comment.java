package dev.cameljira.sandbox.jira.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** An issue comment. Mutable; guarded by the store's lock. */
public final class Comment {
    private final Map<String, JsonNode> properties = new LinkedHashMap<>();
    private final long id;
    private final long issueId;
    private final User author;
    private final Instant created;
    private RichText body;
    private User updateAuthor;
    private Instant updated;
    private JsonNode visibility;

    public Comment(long id, long issueId, User author, Instant created, RichText body, JsonNode visibility) {
        this.id = id;
        this.issueId = issueId;
        this.author = author;
        this.created = created;
        this.body = body;
        this.updateAuthor = author;
        this.updated = created;
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

    public RichText body() {
        return body;
    }

    public User updateAuthor() {
        return updateAuthor;
    }

    public Instant updated() {
        return updated;
    }

    /** Visibility restriction ({@code {"type":"role","value":"Administrators"}}) or null. */
    public JsonNode visibility() {
        return visibility;
    }

    /** Applies an edit. */
    public void edit(RichText newBody, JsonNode newVisibility, User by, Instant at) {
        this.body = newBody;
        if (newVisibility != null) {
            this.visibility = newVisibility.isNull() ? null : newVisibility;
        }
        this.updateAuthor = by;
        this.updated = at;
    }
}
