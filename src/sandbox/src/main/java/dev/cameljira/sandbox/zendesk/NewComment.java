package dev.cameljira.sandbox.zendesk;

/**
 * A comment to add, as in {@code "comment": {"body": ..., "html_body": ..., "public": ..., "author_id": ...}}.
 *
 * @param body     plain-text body (either this or {@code htmlBody})
 * @param htmlBody HTML body (takes precedence over {@code body} when both are given)
 * @param isPublic false for an internal note
 * @param authorId author; null means the acting user
 */
public record NewComment(String body, String htmlBody, boolean isPublic, Long authorId) {

    /** A public plain-text comment by the acting user. */
    public static NewComment publicComment(String body) {
        return new NewComment(body, null, true, null);
    }

    /** A private (internal note) plain-text comment by the acting user. */
    public static NewComment privateNote(String body) {
        return new NewComment(body, null, false, null);
    }

    /** True when neither body carries text (Zendesk ignores such a comment). */
    public boolean isBlank() {
        return (body == null || body.isBlank()) && (htmlBody == null || htmlBody.isBlank());
    }

    /** The same comment by another author. */
    public NewComment withAuthorId(Long newAuthorId) {
        return new NewComment(body, htmlBody, isPublic, newAuthorId);
    }
}
