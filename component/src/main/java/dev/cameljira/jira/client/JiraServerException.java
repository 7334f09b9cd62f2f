package dev.cameljira.jira.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** 5xx: Jira failed on its side and the retries were exhausted (or the request was not safe to retry). */
public class JiraServerException extends JiraApiException {

    public JiraServerException(String message, int status, String method, String url, List<String> errorMessages,
            Map<String, String> fieldErrors, Duration retryAfter) {
        super(message, status, method, url, errorMessages, fieldErrors, retryAfter);
    }
}
