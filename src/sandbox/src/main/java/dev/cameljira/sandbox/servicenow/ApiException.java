package dev.cameljira.sandbox.servicenow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.HttpError;
import dev.cameljira.sandbox.http.Json;

/** An error answered in ServiceNow's shape: {@code {"error": {"message": ..., "detail": ...}, "status": "failure"}}. */
final class ApiException extends HttpError {
    private static final long serialVersionUID = 1L;

    private final String errorMessage;
    private final String detail;

    ApiException(int status, String message, String detail) {
        super(status, detail == null ? message : message + ": " + detail);
        this.errorMessage = message;
        this.detail = detail;
    }

    static ApiException notFound() {
        return new ApiException(404, "No Record found", "Record doesn't exist or ACL restricts the record retrieval");
    }

    static ApiException badRequest(String message, String detail) {
        return new ApiException(400, message, detail);
    }

    static ApiException invalidValue(String detail) {
        return new ApiException(400, "Invalid value", detail);
    }

    static ApiException unauthenticated() {
        return new ApiException(401, "User Not Authenticated", "Required to provide Auth information");
    }

    /** A path no resource serves (ServiceNow answers 400, not 404). */
    static ApiException unknownResource(String method, String path) {
        return new ApiException(400, "Requested URI does not represent any resource", null);
    }

    /** A known path asked with a method it does not support. */
    static ApiException methodNotSupported(String method, String path) {
        return new ApiException(405, "Method not Supported", method + " is not supported on " + path);
    }

    @Override
    public ObjectNode body() {
        ObjectNode body = Json.object();
        ObjectNode error = body.putObject("error");
        error.put("message", errorMessage);
        error.put("detail", detail);
        body.put("status", "failure");
        return body;
    }
}
