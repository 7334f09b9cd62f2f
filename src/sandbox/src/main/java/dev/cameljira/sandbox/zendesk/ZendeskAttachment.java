package dev.cameljira.sandbox.zendesk;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A file uploaded with {@code POST /api/v2/uploads}, attached to a comment once a ticket write names its upload
 * token. The bytes are kept by the emulator ({@link ZendeskEmulator#attachmentContent(long)}).
 *
 * @param id           attachment id
 * @param fileName     the file name given as {@code filename}
 * @param contentType  the {@code Content-Type} the file was uploaded with
 * @param size         size in bytes
 * @param contentToken the random token of its {@code content_url} ({@code /attachments/token/{token}/?name=...})
 * @param uploadToken  the upload it was sent with
 * @param ticketId     the ticket of the comment it is attached to, null while unattached
 * @param commentId    the comment it is attached to, null while unattached
 * @param isPublic     whether that comment is public (false while unattached)
 * @param createdAt    upload time
 */
public record ZendeskAttachment(long id, String fileName, String contentType, long size, String contentToken,
                                String uploadToken, Long ticketId, Long commentId, boolean isPublic,
                                Instant createdAt) {

    /** The path of the content URL, like Zendesk's {@code /attachments/token/{token}/?name={file_name}}. */
    public String contentPath() {
        return "/attachments/token/" + contentToken + "/?name="
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Whether it has been attached to a comment. */
    public boolean isAttached() {
        return commentId != null;
    }

    ZendeskAttachment attachedTo(long newTicketId, long newCommentId, boolean publicComment) {
        return new ZendeskAttachment(id, fileName, contentType, size, contentToken, uploadToken, newTicketId,
                newCommentId, publicComment, createdAt);
    }
}
