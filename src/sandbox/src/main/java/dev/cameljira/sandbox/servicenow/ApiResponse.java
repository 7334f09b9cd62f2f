package dev.cameljira.sandbox.servicenow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response the handler writes back: status, extra headers and a JSON body (or none). */
record ApiResponse(int status, Map<String, String> headers, byte[] body) {

    static ApiResponse json(int status, JsonNode node) {
        try {
            return new ApiResponse(status, Map.of(), Json.MAPPER.writeValueAsBytes(node));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ApiResponse ok(JsonNode node) {
        return json(200, node);
    }

    static ApiResponse noContent() {
        return new ApiResponse(204, Map.of(), new byte[0]);
    }

    ApiResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiResponse(status, Map.copyOf(copy), body);
    }
}
