package dev.cameljira.sandbox.zendesk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.HttpError;
import dev.cameljira.sandbox.http.Json;

/** An error answered in Zendesk's own shape ({"error": ..., "description": ..., "details": ...}). */
final class ApiException extends HttpError {
    private static final long serialVersionUID = 1L;

    private final transient ObjectNode body;

    ApiException(int status, String error, String description) {
        super(status, error + ": " + description);
        this.body = Json.object().put("error", error);
        if (description != null) {
            body.put("description", description);
        }
    }

    private ApiException(int status, ObjectNode body, String message) {
        super(status, message);
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

    /** 413 for an upload over the size limit. */
    static ApiException tooLarge(String description) {
        return new ApiException(413, "RequestEntityTooLarge", description);
    }

    /** 403 for a user whose role does not allow the request. */
    static ApiException forbidden(String description) {
        return new ApiException(403, "Forbidden", description);
    }

    /**
     * An error in the shape of Zendesk's newer APIs (Webhooks): {@code {"errors": [{"code", "title", "detail"}]}}.
     *
     * @param status HTTP status
     * @param code   machine-readable code, e.g. {@code InvalidInput}
     * @param title  short summary
     * @param detail what was wrong
     */
    static ApiException errors(int status, String code, String title, String detail) {
        ObjectNode body = Json.object();
        ObjectNode error = body.putArray("errors").addObject().put("code", code).put("title", title);
        if (detail != null) {
            error.put("detail", detail);
        }
        return new ApiException(status, body, code + ": " + (detail == null ? title : detail));
    }

    /** A path no endpoint serves. */
    static ApiException unknownEndpoint(String method, String path) {
        return new ApiException(404, "InvalidEndpoint", "Not found");
    }

    /** A known path asked with a method it does not serve. */
    static ApiException methodNotAllowed(String method, String path) {
        return new ApiException(405, "MethodNotAllowed", method + " is not allowed on " + path);
    }

    @Override
    public ObjectNode body() {
        return body;
    }
}
