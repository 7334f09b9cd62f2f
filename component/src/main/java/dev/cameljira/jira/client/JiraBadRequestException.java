package dev.cameljira.jira.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** 400 Bad Request: the request was invalid; {@link #getFieldErrors()} names the offending fields. */
public class JiraBadRequestException extends JiraApiException {

    public JiraBadRequestException(String message, int status, String method, String url, List<String> errorMessages,
            Map<String, String> fieldErrors, Duration retryAfter) {
        super(message, status, method, url, errorMessages, fieldErrors, retryAfter);
    }
}
