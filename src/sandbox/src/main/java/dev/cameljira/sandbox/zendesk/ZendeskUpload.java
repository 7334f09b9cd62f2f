package dev.cameljira.sandbox.zendesk;

import java.time.Instant;
import java.util.List;

/**
 * An upload: one token for one or more files, to be named in a comment's {@code uploads}. The token can be used
 * once and expires {@link ZendeskEmulator#UPLOAD_TOKEN_LIFETIME} after the upload was created.
 *
 * @param token       the upload token
 * @param attachments its files, in upload order
 * @param expiresAt   when the token stops being accepted (unattached files are then gone)
 */
public record ZendeskUpload(String token, List<ZendeskAttachment> attachments, Instant expiresAt) {

    /** Defensive copy. */
    public ZendeskUpload {
        attachments = List.copyOf(attachments);
    }
}
