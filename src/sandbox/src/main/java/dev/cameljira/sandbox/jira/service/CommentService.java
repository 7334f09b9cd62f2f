package dev.cameljira.sandbox.jira.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.http.ApiException;
import dev.cameljira.sandbox.jira.model.Comment;
import dev.cameljira.sandbox.jira.model.Issue;
import dev.cameljira.sandbox.jira.model.RichText;
import dev.cameljira.sandbox.jira.model.User;
import dev.cameljira.sandbox.jira.store.JiraStore;
import dev.cameljira.sandbox.webhook.WebhookPayloads;
import java.time.Instant;
import java.util.List;

/**
 * Comments: add, edit, delete. Each touches the issue's {@code updated} and fires {@code comment_*} plus
 * {@code jira:issue_updated} ({@code issue_commented}, {@code issue_comment_edited}, {@code issue_comment_deleted}),
 * as Jira Cloud does.
 */
public final class CommentService {

    private final JiraStore store;
    private final EventPublisher events;
    private final WebhookPayloads payloads;

    public CommentService(JiraStore store, EventPublisher events, WebhookPayloads payloads) {
        this.store = store;
        this.events = events;
        this.payloads = payloads;
    }

    /** Parses a comment body (ADF in v3, string in v2), rejecting empty ones. */
    public RichText body(JsonNode body, int apiVersion) {
        if (body == null || body.isMissingNode() || body.isNull() || (body.isTextual() && body.asText().isBlank())) {
            throw ApiException.field("comment", "Comment body can not be empty!");
        }
        try {
            RichText text = FieldWriters.richText("comment", body, new WriteContext(store, apiVersion, null, null));
            if (text == null || text.text().isBlank() && apiVersion == 2) {
                throw ApiException.field("comment", "Comment body can not be empty!");
            }
            return text;
        } catch (FieldError e) {
            throw ApiException.field("comment", e.getMessage());
        }
    }

    /** Adds a comment (call under the write lock). */
    public Comment add(Issue issue, RichText body, JsonNode visibility, User author) {
        Instant now = store.now();
        Comment c = new Comment(store.nextCommentId(), issue.id(), author, now, body,
                visibility == null || visibility.isNull() || visibility.isMissingNode() ? null : visibility.deepCopy());
        issue.comments().add(c);
        issue.touch(now);
        events.publish("comment_created", issue, () -> payloads.comment("comment_created", issue, c));
        events.publish("jira:issue_updated", issue,
                () -> payloads.issue("jira:issue_updated", "issue_commented", issue, author, null, List.of(), c));
        return c;
    }

    /** Finds a comment of an issue or a 404. */
    public Comment require(Issue issue, String commentId) {
        return issue.comments().stream().filter(c -> String.valueOf(c.id()).equals(commentId)).findFirst()
                .orElseThrow(() -> ApiException.of(404, "Can not find a comment for the id: " + commentId + "."));
    }

    /** Edits a comment (call under the write lock). */
    public Comment edit(Issue issue, Comment c, RichText body, JsonNode visibility, User by) {
        checkOwner(c, by, "edit");
        Instant now = store.now();
        c.edit(body, visibility == null || visibility.isMissingNode() ? null : visibility, by, now);
        issue.touch(now);
        events.publish("comment_updated", issue, () -> payloads.comment("comment_updated", issue, c));
        events.publish("jira:issue_updated", issue,
                () -> payloads.issue("jira:issue_updated", "issue_comment_edited", issue, by, null, List.of(), c));
        return c;
    }

    /** Deletes a comment (call under the write lock). */
    public void delete(Issue issue, Comment c, User by) {
        checkOwner(c, by, "delete");
        issue.comments().remove(c);
        issue.touch(store.now());
        events.publish("comment_deleted", issue, () -> payloads.comment("comment_deleted", issue, c));
        events.publish("jira:issue_updated", issue,
                () -> payloads.issue("jira:issue_updated", "issue_comment_deleted", issue, by, null, List.of(), c));
    }

    private static void checkOwner(Comment c, User by, String what) {
        if (!by.admin() && !by.equals(c.author())) {
            throw ApiException.of(403, "You do not have the permission to " + what + " this comment.");
        }
    }
}
