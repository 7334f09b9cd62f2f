package dev.cameljira.sandbox.http;

import com.sun.net.httpserver.HttpExchange;
import dev.cameljira.sandbox.jira.render.View;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads requests from and writes responses to the JDK server's exchanges, for every emulated product. An instance
 * serves one product's exchanges: it lets the product answer, turns an {@link HttpError} into its JSON error (a 401
 * also gets the product's {@code WWW-Authenticate} challenge) and any other runtime exception into a 500, and gives
 * JSON answers the product's JSON content type. The Jira side (which also applies faults, journals and validates)
 * uses the static {@link #read} and {@link #write} directly.
 *
 * @param contentType   the {@code Content-Type} of JSON answers, e.g. {@code application/json; charset=utf-8}
 * @param authChallenge the {@code WWW-Authenticate} value sent with a 401
 * @param internalError builds the product's 500 error from a description of the unexpected exception
 */
public record ExchangeHandler(String contentType, String authChallenge, Function<String, HttpError> internalError) {

    /** Reads, answers and closes {@code exchange}. */
    public void serve(HttpExchange exchange, Function<ApiRequest, ApiResponse> responder) throws IOException {
        try (exchange) {
            ApiResponse response;
            try {
                response = responder.apply(read(exchange));
            } catch (HttpError e) {
                response = ApiResponse.error(e);
                if (e.status() == 401) {
                    response.header("WWW-Authenticate", authChallenge);
                }
            } catch (RuntimeException e) {
                response = ApiResponse.error(internalError.apply(e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
            if (List.of(ApiResponse.JSON).equals(response.headers().get("Content-Type"))) {
                response.header("Content-Type", contentType);
            }
            write(exchange, response);
        }
    }

    /**
     * Reads an exchange's request, body included: raw path, decoded query, headers, and a view whose base URL is
     * {@code http://host[:port]} as the client addressed the server (API version 0, no route parameters, nobody
     * authenticated yet).
     */
    public static ApiRequest read(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null || host.isBlank()) {
            java.net.InetSocketAddress local = LenientFront.clientLocalAddress(exchange);
            host = local.getHostString() + ":" + local.getPort();
        }
        return new ApiRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT),
                exchange.getRequestURI().getRawPath(), Map.of(),
                ApiRequest.parseQuery(exchange.getRequestURI().getRawQuery()), headers, body, null,
                new View("http://" + host, 0, false));
    }

    /** Writes {@code response}: its headers, its status and its body (none for an empty body). */
    public static void write(HttpExchange exchange, ApiResponse response) throws IOException {
        response.headers().forEach(exchange.getResponseHeaders()::put);
        byte[] body = response.body();
        if (body.length == 0) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(response.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
