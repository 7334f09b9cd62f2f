package dev.cameljira.routes.engine;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;

import dev.cameljira.jira.client.JiraApiException;
import dev.cameljira.jira.client.JiraAuthenticationException;
import dev.cameljira.jira.client.JiraInvalidInputException;
import dev.cameljira.jira.client.JiraOutcomeUnknownException;
import dev.cameljira.jira.client.JiraRateLimitException;
import dev.cameljira.jira.client.JiraTransportException;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.component.servicenow.ServiceNowException;
import org.zendesk.client.v2.ZendeskResponseException;
import org.zendesk.client.v2.ZendeskResponseRateLimitException;

/**
 * Sorts what went wrong into the three ways the sync treats failures: rejected (no retry, dead letter), unavailable
 * (retry, then hand back to the source) and anything else (retry, then dead letter).
 */
public final class Failures {

    /** The three treatments. */
    public enum Kind {
        REJECTED, UNAVAILABLE, OTHER
    }

    private Failures() {
    }

    /** The innermost meaningful cause: unwraps Camel's execution wrappers. */
    public static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CamelExecutionException || c instanceof RuntimeCamelException
                || c.getClass() == RuntimeException.class) && c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }

    /** {@code t} unwrapped, as an unchecked exception to throw (a checked one wrapped so its cause chain stays). */
    public static RuntimeException rethrow(Throwable t) {
        Throwable c = unwrap(t);
        return c instanceof RuntimeException r ? r : new RuntimeCamelException(c);
    }

    /** How to treat {@code t}. */
    public static Kind classify(Throwable t) {
        Throwable c = unwrap(t);
        if (c instanceof SyncRejectedException) {
            return Kind.REJECTED;
        }
        if (c instanceof SyncUnavailableException) {
            return Kind.UNAVAILABLE;
        }
        if (c instanceof JiraRateLimitException || c instanceof JiraTransportException
                || c instanceof JiraOutcomeUnknownException || c instanceof JiraAuthenticationException) {
            return Kind.UNAVAILABLE;
        }
        if (c instanceof JiraApiException e) {
            return byStatus(e.getStatus());
        }
        if (c instanceof JiraInvalidInputException) {
            return Kind.REJECTED;
        }
        if (c instanceof ZendeskResponseRateLimitException) {
            return Kind.UNAVAILABLE;
        }
        if (c instanceof ZendeskResponseException e) {
            return byStatus(e.getStatusCode());
        }
        if (c instanceof ServiceNowException e) {
            return e.getCode() == null ? Kind.OTHER : byStatus(e.getCode());
        }
        for (Throwable x = c; x != null; x = x.getCause()) {
            if (x instanceof ConnectException || x instanceof SocketTimeoutException || x instanceof HttpTimeoutException
                    || x instanceof java.net.UnknownHostException || x instanceof java.nio.channels.ClosedChannelException) {
                return Kind.UNAVAILABLE;
            }
            if (x instanceof ZendeskResponseRateLimitException) {
                return Kind.UNAVAILABLE;
            }
            if (x instanceof ZendeskResponseException e) {
                return byStatus(e.getStatusCode());
            }
            if (x.getClass().getName().equals("jakarta.ws.rs.ProcessingException") && x.getCause() instanceof IOException) {
                return Kind.UNAVAILABLE;
            }
            if (x == x.getCause()) {
                break;
            }
        }
        if (c instanceof IOException || c instanceof java.util.concurrent.RejectedExecutionException
                || c instanceof InterruptedException) {
            // unreachable, or this application is shutting down: the event must be delivered again
            return Kind.UNAVAILABLE;
        }
        return Kind.OTHER;
    }

    private static Kind byStatus(int status) {
        if (status == 429 || status == 503 || status == 502 || status == 504 || status == 401 || status == 408) {
            return Kind.UNAVAILABLE;
        }
        if (status >= 400 && status < 500) {
            return Kind.REJECTED;
        }
        return Kind.OTHER;
    }

    /** How long the throttling side asked to wait (Retry-After), if it said; null otherwise. */
    public static java.time.Duration retryAfter(Throwable t) {
        for (Throwable x = t; x != null; x = x.getCause() == x ? null : x.getCause()) {
            if (x instanceof ZendeskResponseRateLimitException z && z.getRetryAfter() != null) {
                return java.time.Duration.ofSeconds(Math.max(1, z.getRetryAfter()));
            }
            if (x instanceof JiraRateLimitException j && j.getRetryAfter() != null) {
                return j.getRetryAfter();
            }
            if (x instanceof ServiceNowException s && s.getCode() != null && s.getCode() == 429) {
                return java.time.Duration.ofSeconds(1);
            }
        }
        return null;
    }

    /** Which system a failure came from: jira, or the sync's other side. */
    public static String system(Throwable t, dev.cameljira.routes.SyncSystem other) {
        for (Throwable x = t; x != null; x = x.getCause() == x ? null : x.getCause()) {
            if (x.getClass().getName().startsWith("dev.cameljira.jira.")) {
                return "jira";
            }
        }
        return other.key();
    }

    /** A one-line reason without payloads: the exception type and its message, trimmed. */
    public static String reason(Throwable t) {
        Throwable c = unwrap(t);
        String m = c.getMessage();
        String type = c.getClass().getSimpleName();
        if (m == null || m.isBlank()) {
            return type;
        }
        m = m.replaceAll("\\s+", " ").trim();
        if (m.length() > 500) {
            m = m.substring(0, 497) + "...";
        }
        return c instanceof SyncException ? m : type + ": " + m;
    }

    /** Whether a Zendesk/ServiceNow/Jira failure means "not found" (deleted or never existed). */
    public static boolean isNotFound(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof JiraApiException e) {
                return e.getStatus() == 404;
            }
            if (c instanceof ZendeskResponseException e) {
                return e.getStatusCode() == 404;
            }
            if (c instanceof ServiceNowException e) {
                return e.getCode() != null && e.getCode() == 404;
            }
        }
        return false;
    }
}
