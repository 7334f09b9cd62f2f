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

    /**
     * The typed exception for an error status: 400 {@link JiraBadRequestException}, 401
     * {@link JiraAuthenticationException}, 403 {@link JiraPermissionException}, 404 {@link JiraNotFoundException}, 410
     * {@link JiraGoneException}, 429 (and 503 with a requested wait) {@link JiraRateLimitException}, other 5xx
     * {@link JiraServerException}, other 4xx {@link JiraClientErrorException}. For a failure Jira reports inside a
     * successful answer (one item of a bulk request) as for a failed call.
     */
    public static JiraApiException of(String message, int status, String method, String url, List<String> messages,
                                       Map<String, String> errors, Duration retryAfter) {
        return switch (status) {
            case 400 -> new JiraBadRequestException(message, status, method, url, messages, errors, retryAfter);
            case 401 -> new JiraAuthenticationException(message, status, method, url, messages, errors, retryAfter);
            case 403 -> new JiraPermissionException(message, status, method, url, messages, errors, retryAfter);
            case 404 -> new JiraNotFoundException(message, status, method, url, messages, errors, retryAfter);
            case 410 -> new JiraGoneException(message, status, method, url, messages, errors, retryAfter);
            case 429 -> new JiraRateLimitException(message, status, method, url, messages, errors, retryAfter);
            case 503 -> retryAfter != null
                    ? new JiraRateLimitException(message, status, method, url, messages, errors, retryAfter)
                    : new JiraServerException(message, status, method, url, messages, errors, retryAfter);
            default -> status >= 500
                    ? new JiraServerException(message, status, method, url, messages, errors, retryAfter)
                    : new JiraClientErrorException(message, status, method, url, messages, errors, retryAfter);
        };
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
