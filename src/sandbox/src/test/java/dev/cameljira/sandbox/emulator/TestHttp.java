package dev.cameljira.sandbox.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** A tiny JSON HTTP client for the emulator tests (no product client involved). */
public final class TestHttp {
    /** Parses the answers (and what webhook receivers got). */
    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /**
     * A response.
     *
     * @param status the HTTP status
     * @param json   the parsed JSON body, null when empty
     * @param raw    the raw response
     */
    public record Reply(int status, JsonNode json, HttpResponse<String> raw) {
        /** First value of a response header, or null. */
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private final String baseUrl;
    private final String authorization;

    /**
     * @param baseUrl       prefixed to paths that are not absolute URLs
     * @param authorization the {@code Authorization} header to send, or null for none
     */
    public TestHttp(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    /** A Basic {@code Authorization} value. */
    public static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    public Reply get(String path) {
        return send("GET", path, null);
    }

    public Reply post(String path, String json) {
        return send("POST", path, json);
    }

    public Reply put(String path, String json) {
        return send("PUT", path, json);
    }

    public Reply patch(String path, String json) {
        return send("PATCH", path, json);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null);
    }

    public Reply send(String method, String path, String json) {
        return send(method, path, json, Map.of());
    }

    /** Sends a request with a JSON body (or none) and extra headers. */
    public Reply send(String method, String path, String json, Map<String, String> headers) {
        URI uri = URI.create(path.startsWith("http") ? path : baseUrl + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? null : MAPPER.readTree(response.body());
            return new Reply(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
