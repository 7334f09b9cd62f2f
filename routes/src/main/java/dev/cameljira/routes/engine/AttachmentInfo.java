package dev.cameljira.routes.engine;

/**
 * An attachment on either side.
 *
 * @param id          its id on its side
 * @param fileName    file name (kept when copied)
 * @param contentType MIME type
 * @param size        size in bytes
 * @param location    where its content is read from (side specific: a URL or an id)
 */
public record AttachmentInfo(String id, String fileName, String contentType, long size, String location) {

    /** The identity two copies of one file share: name and size. */
    public String sameFileKey() {
        return fileName + "|" + size;
    }
}
