package dev.cameljira.sandbox.zendesk;

import java.util.List;

/**
 * A comment to add, as in {@code "comment": {"body": ..., "html_body": ..., "public": ..., "author_id": ...,
 * "uploads": ["token"]}}.
 *
 * @param body     plain-text body (either this or {@code htmlBody})
 * @param htmlBody HTML body (takes precedence over {@code body} when both are given)
 * @param isPublic false for an internal note
 * @param authorId author; null means the acting user
 * @param uploads  upload tokens ({@code POST /api/v2/uploads}) whose files become the comment's attachments
 */
public record NewComment(String body, String htmlBody, boolean isPublic, Long authorId, List<String> uploads) {

    /** A null upload list becomes an empty one. */
    public NewComment {
        uploads = uploads == null ? List.of() : List.copyOf(uploads);
    }

    /** A comment without attachments. */
    public NewComment(String body, String htmlBody, boolean isPublic, Long authorId) {
        this(body, htmlBody, isPublic, authorId, List.of());
    }

    /** A public plain-text comment by the acting user. */
    public static NewComment publicComment(String body) {
        return new NewComment(body, null, true, null);
    }

    /** A private (internal note) plain-text comment by the acting user. */
    public static NewComment privateNote(String body) {
        return new NewComment(body, null, false, null);
    }

    /** True when neither body carries text. */
    public boolean isBlank() {
        return (body == null || body.isBlank()) && (htmlBody == null || htmlBody.isBlank());
    }

    /** The same comment by another author. */
    public NewComment withAuthorId(Long newAuthorId) {
        return new NewComment(body, htmlBody, isPublic, newAuthorId, uploads);
    }

    /** The same comment with these upload tokens (replacing any others). */
    public NewComment withUploads(List<String> tokens) {
        return new NewComment(body, htmlBody, isPublic, authorId, tokens);
    }
}
