package dev.cameljira.sandbox.servicenow;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** An error answered in ServiceNow's shape: {@code {"error": {"message": ..., "detail": ...}, "status": "failure"}}. */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String errorMessage;
    private final String detail;

    ApiException(int status, String message, String detail) {
        super(detail == null ? message : message + ": " + detail);
        this.status = status;
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

    int status() {
        return status;
    }

    ObjectNode body() {
        ObjectNode body = Json.object();
        ObjectNode error = body.putObject("error");
        error.put("message", errorMessage);
        error.put("detail", detail);
        body.put("status", "failure");
        return body;
    }
}
