package dev.cameljira.jira.client;

/**
 * A download (an attachment's content) is larger than the limit the caller set, so it was not read: the size was known
 * from Jira's metadata or the response's {@code Content-Length}, or the limit was passed while reading, and the
 * connection was then dropped instead of reading on. A {@link JiraInvalidInputException}: the limit is the caller's
 * choice, and asking again with the same limit fails the same way, so it is never retried.
 */
public class JiraContentTooLargeException extends JiraInvalidInputException {

    private final long size;
    private final long limit;

    /**
     * @param message the full message (it names what was downloaded, the size and the limit)
     * @param size    the size in bytes, or -1 when it was not announced and only the limit is known to be passed
     * @param limit   the limit in bytes
     */
    public JiraContentTooLargeException(String message, long size, long limit) {
        super(message);
        this.size = size;
        this.limit = limit;
    }

    /** The size in bytes as Jira announced it, or -1 when it was unknown (the limit was passed while reading). */
    public long getSize() {
        return size;
    }

    /** The limit in bytes that was passed. */
    public long getLimit() {
        return limit;
    }
}
