package dev.cameljira.sandbox.emulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Function;

/**
 * Serves one exchange for an emulator: reads the request, lets the emulator answer, turns an
 * {@link EmulatorException} into its JSON error (a 401 also gets the product's {@code WWW-Authenticate} challenge)
 * and any other runtime exception into a 500, then writes the response with the product's JSON content type (unless
 * the response sets its own {@code Content-Type}, e.g. for a file download).
 *
 * @param contentType   the {@code Content-Type} of JSON answers, e.g. {@code application/json; charset=utf-8}
 * @param authChallenge the {@code WWW-Authenticate} value sent with a 401
 * @param internalError builds the product's 500 error from a description of the unexpected exception
 */
public record ExchangeHandler(String contentType, String authChallenge,
                              Function<String, EmulatorException> internalError) {

    /** What answers a parsed request; it may throw an {@link EmulatorException}. */
    @FunctionalInterface
    public interface Responder {
        /** The response to {@code request}. */
        ApiResponse respond(ApiRequest request);
    }

    /** Reads, answers and closes {@code exchange}. */
    public void serve(HttpExchange exchange, Responder responder) throws IOException {
        try (exchange) {
            ApiResponse response;
            try {
                response = responder.respond(ApiRequest.from(exchange));
            } catch (EmulatorException e) {
                response = error(e);
            } catch (RuntimeException e) {
                response = ApiResponse.json(500, internalError.apply(
                        e.getClass().getSimpleName() + ": " + e.getMessage()).body());
            }
            write(exchange, response);
        }
    }

    private ApiResponse error(EmulatorException e) {
        ApiResponse response = ApiResponse.json(e.status(), e.body());
        return e.status() == 401 ? response.withHeader("WWW-Authenticate", authChallenge) : response;
    }

    private void write(HttpExchange exchange, ApiResponse response) throws IOException {
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        if (response.body().length == 0) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        if (!response.headers().containsKey("Content-Type")) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(response.status(), response.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(response.body());
        }
    }
}
