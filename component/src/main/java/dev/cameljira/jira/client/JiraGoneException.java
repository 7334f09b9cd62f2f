package dev.cameljira.jira.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** 410 Gone: the API that was called has been removed by Atlassian. */
public class JiraGoneException extends JiraApiException {

    public JiraGoneException(String message, int status, String method, String url, List<String> errorMessages,
            Map<String, String> fieldErrors, Duration retryAfter) {
        super(message, status, method, url, errorMessages, fieldErrors, retryAfter);
    }
}
