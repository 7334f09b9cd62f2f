package dev.cameljira.routes.engine;

/**
 * A failure of one sync event, already put in one line without payload or secret, with the pair it was about. The
 * subclasses say how the route treats it: {@link SyncRejectedException} (dead letter at once),
 * {@link SyncUnavailableException} (retry, then back to the source), {@link SyncFailedException} (retry, then dead
 * letter).
 */
public abstract class SyncException extends RuntimeException {
    private final String link;

    protected SyncException(String reason, String link, Throwable cause) {
        super(reason, cause);
        this.link = link;
    }

    /** The pair the event was about, e.g. "Jira DEMO-7 <-> Zendesk #12", or what is known of it. */
    public String getLink() {
        return link;
    }
}
