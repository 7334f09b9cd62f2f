package dev.cameljira.jira.client;

import java.time.Duration;

/**
 * Hears about every HTTP call the {@link JiraClient} makes and every webhook delivery the {@code jira:webhook}
 * consumer refuses, for metrics (e.g. Micrometer timers and counters in a Quarkus application). Knows nothing of Camel
 * or of any metrics library; every method has a no-op default, so an implementation overrides what it needs.
 *
 * <p>{@code operationPath} is the request path with issue keys, ids and property keys replaced by placeholders, e.g.
 * {@code /rest/api/3/issue/{key}/comment/{id}}, and never a query string, so it can serve as a low-cardinality metric
 * tag. Methods are called on the calling thread, synchronously: keep them fast. An exception thrown by a listener is
 * caught and logged at DEBUG; it never breaks a call or a delivery.
 *
 * <p>Set it with the component or endpoint option {@code callListener} (copied from the component to each endpoint like
 * the other options), or {@link JiraClientConfig.Builder#callListener(JiraCallListener)} when using the client alone.
 */
public interface JiraCallListener {

    /** {@link #webhookRejected} reason: a method other than POST (answered 405). */
    String REJECTED_METHOD = "method";
    /** {@link #webhookRejected} reason: a missing or non-JSON Content-Type (415). */
    String REJECTED_CONTENT_TYPE = "content-type";
    /** {@link #webhookRejected} reason: a body larger than maxBodySize (413). */
    String REJECTED_TOO_LARGE = "too-large";
    /** {@link #webhookRejected} reason: a missing or wrong X-Hub-Signature (401). */
    String REJECTED_SIGNATURE = "signature";
    /** {@link #webhookRejected} reason: malformed or too deeply nested JSON, no webhookEvent, or a bad delivery id (400). */
    String REJECTED_MALFORMED = "malformed";
    /** {@link #webhookRejected} reason: the consumer is stopping or suspended (503, Jira redelivers). */
    String REJECTED_STOPPING = "stopping";

    /** A listener that does nothing. */
    JiraCallListener NONE = new JiraCallListener() {
    };

    /**
     * One attempt of a call finished: called for every attempt, retries included.
     *
     * @param method        HTTP method, e.g. GET
     * @param operationPath the path with placeholders, e.g. {@code /rest/api/3/issue/{key}}
     * @param status        the HTTP status Jira answered, or 0 when there was no answer (I/O error, timeout)
     * @param duration      how long the attempt took, answer read in full
     */
    default void callCompleted(String method, String operationPath, int status, Duration duration) {
    }

    /**
     * The client is about to wait before retrying a call.
     *
     * @param method        HTTP method
     * @param operationPath the path with placeholders
     * @param status        the status that caused the retry (429, 503, another 5xx), or 0 after an I/O error
     * @param delay         how long it waits: what Jira asked for (Retry-After, X-RateLimit-Reset), else the backoff
     * @param rateLimited   true when Jira throttled the call (429, or 503, which Jira also uses for rate limits)
     */
    default void retryScheduled(String method, String operationPath, int status, Duration delay, boolean rateLimited) {
    }

    /**
     * The {@code jira:webhook} consumer refused a delivery.
     *
     * @param reason one of {@link #REJECTED_METHOD method}, {@link #REJECTED_CONTENT_TYPE content-type},
     *               {@link #REJECTED_TOO_LARGE too-large}, {@link #REJECTED_SIGNATURE signature},
     *               {@link #REJECTED_MALFORMED malformed}, {@link #REJECTED_STOPPING stopping}
     */
    default void webhookRejected(String reason) {
    }

    /**
     * This listener guarded: what it throws is caught and logged at DEBUG. Null gives {@link #NONE}.
     */
    static JiraCallListener safe(JiraCallListener listener) {
        if (listener == null || listener == NONE) {
            return NONE;
        }
        return listener instanceof SafeCallListener ? listener : new SafeCallListener(listener);
    }
}
