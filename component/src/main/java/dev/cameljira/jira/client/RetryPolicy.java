package dev.cameljira.jira.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Decides how long to wait before retry number {@code attempt}: what Jira asked for ({@code Retry-After} in seconds or
 * as an HTTP date, else {@code X-RateLimit-Reset} as ISO-8601), else exponential backoff with jitter. Bounded by
 * {@code maxRetries} and {@code maxRetryDelay}.
 */
public final class RetryPolicy {

    private final int maxRetries;
    private final Duration initialDelay;
    private final Duration maxRetryDelay;
    private final Clock clock;
    private final DoubleSupplier random;

    public RetryPolicy(int maxRetries, Duration initialDelay, Duration maxRetryDelay, Clock clock, DoubleSupplier random) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
        }
        this.maxRetries = maxRetries;
        this.initialDelay = initialDelay;
        this.maxRetryDelay = maxRetryDelay;
        this.clock = clock;
        this.random = random == null ? () -> ThreadLocalRandom.current().nextDouble() : random;
    }

    public int maxRetries() {
        return maxRetries;
    }

    public Duration maxRetryDelay() {
        return maxRetryDelay;
    }

    /**
     * Exponential backoff with "equal jitter": half the exponential step plus a random part of the other half, so that
     * concurrent callers spread out yet still back off. Attempt 1 is the first retry.
     */
    public Duration backoff(int attempt) {
        long base = initialDelay.toMillis();
        long exp = base << Math.min(Math.max(attempt - 1, 0), 20);
        long capped = Math.min(exp, maxRetryDelay.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (capped - half)));
    }

    /**
     * The delay the server asked for, from {@code Retry-After} (delta-seconds or HTTP date) or {@code X-RateLimit-Reset}
     * (ISO-8601 timestamp); null when neither is present or parseable.
     */
    public Duration requestedDelay(String retryAfter, String rateLimitReset) {
        Duration d = parseRetryAfter(retryAfter);
        if (d == null) {
            d = parseInstantHeader(rateLimitReset);
        }
        return d;
    }

    Duration parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return Duration.ofSeconds(Math.max(seconds, 0));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                return nonNegative(Duration.between(clock.instant(), at.toInstant()));
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    Duration parseInstantHeader(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return nonNegative(Duration.between(clock.instant(), OffsetDateTime.parse(v).toInstant()));
        } catch (DateTimeParseException e) {
            try {
                return nonNegative(Duration.between(clock.instant(), Instant.parse(v)));
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
