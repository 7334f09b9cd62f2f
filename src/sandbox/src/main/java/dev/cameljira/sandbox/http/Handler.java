package dev.cameljira.sandbox.http;

/** A route handler. */
@FunctionalInterface
public interface Handler {
    ApiResponse handle(ApiRequest request);
}
