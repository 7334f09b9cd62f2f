package dev.cameljira.jira.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** 403 Forbidden: the user is authenticated but lacks a permission. */
public class JiraPermissionException extends JiraApiException {

    public JiraPermissionException(String message, int status, String method, String url, List<String> errorMessages,
            Map<String, String> fieldErrors, Duration retryAfter) {
        super(message, status, method, url, errorMessages, fieldErrors, retryAfter);
    }
}
