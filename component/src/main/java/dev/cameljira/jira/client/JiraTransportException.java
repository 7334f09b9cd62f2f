package dev.cameljira.jira.client;

/** Jira could not be reached or the connection failed, after the retries the client was allowed. */
public class JiraTransportException extends JiraException {

    public JiraTransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
