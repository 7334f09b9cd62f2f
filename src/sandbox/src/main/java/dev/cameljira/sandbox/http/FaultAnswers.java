package dev.cameljira.sandbox.http;

import java.time.Instant;

/**
 * How an emulator mounted in the sandbox answers the sandbox's injected faults on its own paths, in its product's
 * error shape: a request over {@code faults().rateLimit(n)} and a request {@code faults().failNext(...)} fails.
 * Paths no registered emulator serves get Jira's shape. Each response sets its own {@code Content-Type}.
 */
public interface FaultAnswers {

    /** Whether the emulator serves this raw request path. */
    boolean serves(String path);

    /**
     * The answer to a request over the rate limit.
     *
     * @param path              the raw request path
     * @param limitPerSecond    the configured limit
     * @param reset             when the current one-second window ends
     * @param retryAfterSeconds seconds to announce in {@code Retry-After} (at least 1)
     * @return a 429
     */
    ApiResponse rateLimited(String path, int limitPerSecond, Instant reset, int retryAfterSeconds);

    /**
     * The answer to a request an injected failure fails.
     *
     * @param path              the raw request path
     * @param status            the 4xx or 5xx status to answer
     * @param retryAfterSeconds seconds to announce in {@code Retry-After} on 429 and 503
     * @return the failure
     */
    ApiResponse failed(String path, int status, int retryAfterSeconds);
}
