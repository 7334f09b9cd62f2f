package dev.cameljira.sandbox.spec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test builder for {@link HttpExchangeRecord}s: JSON bodies as strings, headers and query as pairs. */
final class Exchange {

    private final String method;
    private final String path;
    private final Map<String, List<String>> query = new LinkedHashMap<>();
    private final Map<String, List<String>> requestHeaders = new LinkedHashMap<>();
    private byte[] requestBody = new byte[0];
    private int status;
    private final Map<String, List<String>> responseHeaders = new LinkedHashMap<>();
    private byte[] responseBody = new byte[0];

    private Exchange(String method, String path) {
        this.method = method;
        this.path = path;
        requestHeaders.put("Accept", List.of("application/json"));
    }

    static Exchange of(String method, String path) {
        return new Exchange(method, path);
    }

    static Exchange get(String path) {
        return of("GET", path);
    }

    static Exchange post(String path, String json) {
        return of("POST", path).json(json);
    }

    static Exchange put(String path, String json) {
        return of("PUT", path).json(json);
    }

    Exchange query(String name, String value) {
        query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        return this;
    }

    Exchange header(String name, String value) {
        requestHeaders.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        return this;
    }

    Exchange json(String body) {
        requestHeaders.put("Content-Type", List.of("application/json"));
        requestBody = body.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    Exchange body(String contentType, byte[] body) {
        requestHeaders.put("Content-Type", List.of(contentType));
        requestBody = body;
        return this;
    }

    Exchange respond(int status) {
        this.status = status;
        return this;
    }

    Exchange respond(int status, String json) {
        return respond(status, "application/json;charset=UTF-8", json.getBytes(StandardCharsets.UTF_8));
    }

    Exchange respond(int status, String contentType, byte[] body) {
        this.status = status;
        if (contentType != null) {
            responseHeaders.put("Content-Type", List.of(contentType));
        }
        responseBody = body;
        return this;
    }

    HttpExchangeRecord build() {
        return new HttpExchangeRecord(method, path, query, requestHeaders, requestBody, status, responseHeaders,
                responseBody);
    }
}
