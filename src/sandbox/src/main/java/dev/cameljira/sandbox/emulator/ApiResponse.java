package dev.cameljira.sandbox.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.http.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response an endpoint hands back: status, extra headers and a JSON body (or none). The content type is set by
 * {@link ExchangeHandler} when the body is not empty, unless {@code headers} carry a {@code Content-Type} (then the
 * body is sent as is, e.g. a file).
 *
 * @param status  HTTP status
 * @param headers extra response headers (immutable)
 * @param body    the JSON bytes, empty for none
 */
public record ApiResponse(int status, Map<String, String> headers, byte[] body) {

    /** A JSON response. */
    public static ApiResponse json(int status, JsonNode node) {
        return new ApiResponse(status, Map.of(), Json.bytes(node));
    }

    /** A 200 JSON response. */
    public static ApiResponse ok(JsonNode node) {
        return json(200, node);
    }

    /** An empty 204. */
    public static ApiResponse noContent() {
        return new ApiResponse(204, Map.of(), new byte[0]);
    }

    /** A copy with one more (or a replaced) header. */
    public ApiResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiResponse(status, Map.copyOf(copy), body);
    }
}
