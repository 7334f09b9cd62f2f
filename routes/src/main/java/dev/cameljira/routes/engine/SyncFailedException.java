package dev.cameljira.routes.engine;

/**
 * An event failed for a reason that is neither a refusal nor an outage (a 500, an unexpected answer): it is retried
 * with backoff and then dead-lettered. Its message is one line without payload or secret.
 */
public class SyncFailedException extends RuntimeException {
    private final String link;

    public SyncFailedException(String reason, String link, Throwable cause) {
        super(reason, cause);
        this.link = link;
    }

    public String getLink() {
        return link;
    }
}
