package dev.cameljira.sandbox.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Jira-shaped error response: {@code {"errorMessages":[...],"errors":{field: message}}} with an HTTP status.
 * Thrown anywhere below a route handler.
 */
public class ApiException extends HttpError {
    private static final long serialVersionUID = 1L;

    private final List<String> errorMessages;
    private final Map<String, String> errors;

    public ApiException(int status, List<String> errorMessages, Map<String, String> errors) {
        super(status, status + " " + errorMessages + " " + errors);
        this.errorMessages = List.copyOf(errorMessages);
        this.errors = new LinkedHashMap<>(errors);
    }

    /** An error with one message in {@code errorMessages}. */
    public static ApiException of(int status, String message) {
        return new ApiException(status, List.of(message), Map.of());
    }

    /** A 400 with per-field errors. */
    public static ApiException fields(Map<String, String> errors) {
        return new ApiException(400, List.of(), errors);
    }

    /** A 400 with one field error. */
    public static ApiException field(String field, String message) {
        return new ApiException(400, List.of(), Map.of(field, message));
    }

    /** The standard 404 for an issue. */
    public static ApiException issueNotFound() {
        return of(404, "Issue does not exist or you do not have permission to see it.");
    }

    public List<String> errorMessages() {
        return errorMessages;
    }

    public Map<String, String> errors() {
        return errors;
    }

    /** {@code {"errorMessages": [...], "errors": {field: message}}}. */
    @Override
    public ObjectNode body() {
        ObjectNode node = Json.object();
        ArrayNode messages = node.putArray("errorMessages");
        errorMessages.forEach(messages::add);
        ObjectNode fields = node.putObject("errors");
        errors.forEach(fields::put);
        return node;
    }
}
