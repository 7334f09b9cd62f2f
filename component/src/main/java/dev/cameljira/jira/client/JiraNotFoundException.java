package dev.cameljira.jira.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** 404 Not Found: the issue, project or resource does not exist or is not visible to the user. */
public class JiraNotFoundException extends JiraApiException {

    public JiraNotFoundException(String message, int status, String method, String url, List<String> errorMessages,
            Map<String, String> fieldErrors, Duration retryAfter) {
        super(message, status, method, url, errorMessages, fieldErrors, retryAfter);
    }
}
