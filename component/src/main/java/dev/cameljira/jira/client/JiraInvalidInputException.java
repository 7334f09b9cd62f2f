package dev.cameljira.jira.client;

/** The caller supplied a value that is missing or invalid; raised before any HTTP call is made. */
public class JiraInvalidInputException extends JiraException {

    public JiraInvalidInputException(String message) {
        super(message);
    }
}
