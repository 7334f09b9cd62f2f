package dev.cameljira.sandbox.jql;

/** A JQL query Jira would reject; the message is Jira-style and goes into {@code errorMessages}. */
public class JqlException extends RuntimeException {
    public JqlException(String message) {
        super(message);
    }
}
