package dev.cameljira.routes.engine;

/**
 * A side is throttling (429) or unreachable: the event is retried with backoff and, when the tries run out, handed
 * back to its source (a webhook answers 5xx so the sender redelivers, a poller keeps its cursor), never dropped.
 */
public class SyncUnavailableException extends SyncException {

    public SyncUnavailableException(String reason, String link, Throwable cause) {
        super(reason, link, cause);
    }
}
