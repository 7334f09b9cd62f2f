package dev.cameljira.routes.engine;

/**
 * An event the sync cannot apply and will not retry: a deleted issue or ticket, a status no transition reaches, a value
 * the other side refuses. It goes to the dead letter with its reason and link at once.
 */
public class SyncRejectedException extends SyncException {

    public SyncRejectedException(String reason, String link, Throwable cause) {
        super(reason, link, cause);
    }

    public SyncRejectedException(String reason, String link) {
        this(reason, link, null);
    }
}
