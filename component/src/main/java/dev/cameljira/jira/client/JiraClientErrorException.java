package dev.cameljira.jira.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Another 4xx status (409 Conflict, 413, 415, 422, ...) Jira reported. */
public class JiraClientErrorException extends JiraApiException {

    public JiraClientErrorException(String message, int status, String method, String url, List<String> errorMessages,
            Map<String, String> fieldErrors, Duration retryAfter) {
        super(message, status, method, url, errorMessages, fieldErrors, retryAfter);
    }
}
