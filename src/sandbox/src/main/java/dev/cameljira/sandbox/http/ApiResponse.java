package dev.cameljira.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A response to send, for every emulated product: status, headers and body bytes. A 204 has an empty body.
 *
 * @param status  HTTP status
 * @param headers response headers (mutable, insertion-ordered)
 * @param body    body bytes (empty for none)
 */
public record ApiResponse(int status, Map<String, List<String>> headers, byte[] body) {

    /** Content type of JSON responses. */
    public static final String JSON = "application/json;charset=UTF-8";

    /** A JSON response. */
    public static ApiResponse json(int status, JsonNode node) {
        return bytes(status, JSON, Json.bytes(node));
    }

    /** A 200 JSON response. */
    public static ApiResponse ok(JsonNode node) {
        return json(200, node);
    }

    /** A 201 JSON response. */
    public static ApiResponse created(JsonNode node) {
        return json(201, node);
    }

    /** An empty 204. */
    public static ApiResponse noContent() {
        return new ApiResponse(204, new LinkedHashMap<>(), new byte[0]);
    }

    /** An empty response with the given status. */
    public static ApiResponse empty(int status) {
        return new ApiResponse(status, new LinkedHashMap<>(), new byte[0]);
    }

    /** Raw bytes with a content type. */
    public static ApiResponse bytes(int status, String contentType, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of(contentType));
        return new ApiResponse(status, headers, body);
    }

    /** The error's status and body, in its product's shape. */
    public static ApiResponse error(HttpError e) {
        return json(e.status(), e.body());
    }

    /** Adds (replaces) a header; returns this. */
    public ApiResponse header(String name, String value) {
        headers.put(name, List.of(value));
        return this;
    }
}
