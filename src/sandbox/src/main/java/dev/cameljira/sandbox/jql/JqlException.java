package dev.cameljira.sandbox.jql;

import java.util.List;
import java.util.Objects;

/**
 * A query Jira would reject with HTTP 400. Each of {@link #errorMessages()} is worded like Jira's own and belongs in
 * the {@code errorMessages} array of the error response; {@link #getMessage()} joins them with a space.
 *
 * <p>Syntax errors stop at the first problem and carry its position ({@code (line 1, character 12)}, both 1-based);
 * validation errors (unknown fields, unsupported operators, bad values) are collected for the whole query, as Jira
 * does.
 */
public class JqlException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> errorMessages;

    /** One error message. */
    public JqlException(String message) {
        this(List.of(Objects.requireNonNull(message, "message")));
    }

    /** Several error messages (at least one), in the order they were found. */
    public JqlException(List<String> errorMessages) {
        super(String.join(" ", requireNotEmpty(errorMessages)));
        this.errorMessages = List.copyOf(errorMessages);
    }

    /** The Jira-style messages, at least one. */
    public List<String> errorMessages() {
        return errorMessages;
    }

    private static List<String> requireNotEmpty(List<String> messages) {
        if (Objects.requireNonNull(messages, "errorMessages").isEmpty()) {
            throw new IllegalArgumentException("a JqlException needs at least one error message");
        }
        return messages;
    }
}
