package dev.cameljira.sandbox.zendesk;

import java.util.Arrays;
import java.util.Objects;

/**
 * A file to attach when seeding through the admin API
 * ({@link ZendeskEmulator#addComment(long, NewComment, NewAttachment...)}).
 *
 * @param fileName    file name
 * @param contentType MIME type
 * @param content     the bytes (copied)
 */
public record NewAttachment(String fileName, String contentType, byte[] content) {

    /** Copies the bytes; file name and content are required. */
    public NewAttachment {
        Objects.requireNonNull(fileName, "fileName");
        content = Objects.requireNonNull(content, "content").clone();
        contentType = contentType == null ? "application/binary" : contentType;
    }

    /** A copy of the bytes. */
    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NewAttachment other && other.fileName.equals(fileName)
                && other.contentType.equals(contentType) && Arrays.equals(other.content, content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileName, contentType, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "NewAttachment[" + fileName + ", " + contentType + ", " + content.length + " bytes]";
    }
}
