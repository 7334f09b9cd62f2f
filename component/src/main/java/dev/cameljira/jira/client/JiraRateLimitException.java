package dev.cameljira.jira.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** 429 Too Many Requests (or 503 with Retry-After): Jira throttled the caller and the retries were exhausted. */
public class JiraRateLimitException extends JiraApiException {

    public JiraRateLimitException(String message, int status, String method, String url, List<String> errorMessages,
            Map<String, String> fieldErrors, Duration retryAfter) {
        super(message, status, method, url, errorMessages, fieldErrors, retryAfter);
    }
}
