package dev.cameljira.jira.client;

/**
 * A non-idempotent request (a POST that creates something) was sent, but the connection failed before Jira answered:
 * Jira may or may not have applied it. The client never retries such a request blindly, because creating an issue or
 * a comment twice is data corruption. Check Jira (for example search by a unique label or property) before resending.
 */
public class JiraOutcomeUnknownException extends JiraTransportException {

    public JiraOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
