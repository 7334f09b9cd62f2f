package dev.cameljira.sandbox.zendesk;

import java.time.Instant;
import java.util.List;

/**
 * One ticket comment. The ticket's first comment is its description.
 *
 * @param id          comment id
 * @param ticketId    the ticket it belongs to
 * @param auditId     the audit (change set) that added it
 * @param authorId    author user id
 * @param body        plain-text body
 * @param htmlBody    HTML body
 * @param isPublic    false for internal notes (private comments)
 * @param createdAt   creation time
 * @param attachments files attached with the comment's {@code uploads}, in upload order
 */
public record ZendeskComment(long id, long ticketId, long auditId, long authorId, String body, String htmlBody,
                             boolean isPublic, Instant createdAt, List<ZendeskAttachment> attachments) {

    /** A null attachment list becomes an empty one. */
    public ZendeskComment {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
