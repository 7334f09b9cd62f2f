package dev.cameljira.routes.engine;

/**
 * An event failed for a reason that is neither a refusal nor an outage (a 500, an unexpected answer): it is retried
 * with backoff and then dead-lettered.
 */
public class SyncFailedException extends SyncException {

    public SyncFailedException(String reason, String link, Throwable cause) {
        super(reason, link, cause);
    }
}
