package dev.cameljira.sandbox.zendesk;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** An error answered in Zendesk's own shape ({"error": ..., "description": ..., "details": ...}). */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient ObjectNode body;

    ApiException(int status, String error, String description) {
        super(error + ": " + description);
        this.status = status;
        this.body = Json.object().put("error", error);
        if (description != null) {
            body.put("description", description);
        }
    }

    private ApiException(int status, ObjectNode body, String message) {
        super(message);
        this.status = status;
        this.body = body;
    }

    static ApiException notFound() {
        return new ApiException(404, "RecordNotFound", "Not found");
    }

    static ApiException badRequest(String description) {
        return new ApiException(400, "InvalidValue", description);
    }

    static ApiException unauthorized() {
        ObjectNode body = Json.object().put("error", "Couldn't authenticate you");
        return new ApiException(401, body, "Couldn't authenticate you");
    }

    /** 422 RecordInvalid with one field error, the way Zendesk reports validation failures. */
    static ApiException invalid(String field, String error, String description) {
        ObjectNode body = Json.object().put("error", "RecordInvalid").put("description", "Record validation errors");
        body.putObject("details").putArray(field).addObject().put("description", description).put("error", error);
        return new ApiException(422, body, "RecordInvalid: " + description);
    }

    int status() {
        return status;
    }

    ObjectNode body() {
        return body;
    }
}
