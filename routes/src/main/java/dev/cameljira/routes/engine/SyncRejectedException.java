package dev.cameljira.routes.engine;

/**
 * An event the sync cannot apply and will not retry: a deleted issue or ticket, a status no transition reaches, a value
 * the other side refuses. It goes to the dead letter with its reason and link at once.
 */
public class SyncRejectedException extends RuntimeException {
    private final String link;

    public SyncRejectedException(String reason, String link, Throwable cause) {
        super(reason, cause);
        this.link = link;
    }

    public SyncRejectedException(String reason, String link) {
        this(reason, link, null);
    }

    /** The pair the event was about, e.g. "Jira DEMO-7 <-> Zendesk #12", or what is known of it. */
    public String getLink() {
        return link;
    }
}
