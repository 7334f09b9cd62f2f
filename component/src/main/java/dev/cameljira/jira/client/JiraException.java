package dev.cameljira.jira.client;

/**
 * Root of every error the Jira client raises. Messages name what went wrong and never carry a secret.
 */
public class JiraException extends RuntimeException {

    public JiraException(String message) {
        super(message);
    }

    public JiraException(String message, Throwable cause) {
        super(message, cause);
    }
}
