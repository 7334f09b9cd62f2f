package dev.cameljira.jira.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Jira answered with an error status. Carries the HTTP status, Jira's {@code errorMessages} and field {@code errors},
 * the method and URL of the request (never a credential), and the delay Jira asked for, if any.
 */
public class JiraApiException extends JiraException {

    private final int status;
    private final String method;
    private final String url;
    private final List<String> errorMessages;
    private final Map<String, String> fieldErrors;
    private final Duration retryAfter;

    public JiraApiException(String message, int status, String method, String url, List<String> errorMessages,
                            Map<String, String> fieldErrors, Duration retryAfter) {
        super(message);
        this.status = status;
        this.method = method;
        this.url = url;
        this.errorMessages = errorMessages == null ? List.of() : List.copyOf(errorMessages);
        this.fieldErrors = fieldErrors == null ? Map.of() : Map.copyOf(fieldErrors);
        this.retryAfter = retryAfter;
    }

    /** HTTP status code Jira answered with. */
    public int getStatus() {
        return status;
    }

    public String getMethod() {
        return method;
    }

    /** The request URL (base URL, path and query; never credentials). */
    public String getUrl() {
        return url;
    }

    /** Jira's {@code errorMessages}. */
    public List<String> getErrorMessages() {
        return errorMessages;
    }

    /** Jira's field {@code errors}: field id -> message. */
    public Map<String, String> getFieldErrors() {
        return fieldErrors;
    }

    /** The delay Jira asked for (Retry-After / X-RateLimit-Reset), or null. */
    public Duration getRetryAfter() {
        return retryAfter;
    }
}
