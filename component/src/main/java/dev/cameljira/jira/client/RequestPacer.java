package dev.cameljira.jira.client;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Spaces the requests of every client that shares it: the jira: component keeps one per Jira site and credentials, so
 * all endpoints (producers, pollers, a sync's many endpoints) that reach Jira as the same user share it, as Jira's own
 * limits do.
 *
 * <ul>
 *   <li>After Jira answers 429 (or 503) with a wait ({@code Retry-After}), no request of any sharing client starts
 *   before that wait is over: parallel callers would otherwise each spend a request (and count against the limit) to
 *   learn what the first one was told.</li>
 *   <li>With a rate ({@code maxRequestsPerSecond}), requests start at most that often, evenly spaced (one every
 *   1/rate seconds; no burst allowance), so parallel callers stay under a known limit instead of meeting it. Set it a
 *   little below the limit: Jira counts in its own windows, and requests arrive with some jitter.</li>
 * </ul>
 * A waiting caller holds no lock. Thread-safe.
 */
public final class RequestPacer {

    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    /** The earliest start of the next request by the rate (nanoTime scale); only meaningful when paced. */
    private long nextStart;
    /** No request starts before this (nanoTime scale): Jira's last requested wait; meaningful once blocked is true. */
    private long blockedUntil;
    /** Whether Jira ever asked to wait; until then an unpaced acquire costs one volatile read. */
    private volatile boolean blocked;
    private boolean started;

    /** @param maxRequestsPerSecond at most this many request starts per second; 0 for no pacing (back-off only) */
    public RequestPacer(double maxRequestsPerSecond) {
        this(maxRequestsPerSecond, System::nanoTime, Sleeper.SYSTEM);
    }

    /** For tests: a clock in nanoseconds (any origin) and a sleeper. */
    public RequestPacer(double maxRequestsPerSecond, LongSupplier nanoTime, Sleeper sleeper) {
        if (Double.isNaN(maxRequestsPerSecond) || maxRequestsPerSecond < 0 || Double.isInfinite(maxRequestsPerSecond)) {
            throw new JiraInvalidInputException("maxRequestsPerSecond must be 0 (not paced) or a positive number, was "
                                                + maxRequestsPerSecond);
        }
        this.intervalNanos = maxRequestsPerSecond == 0 ? 0 : Math.max(1, Math.round(1e9 / maxRequestsPerSecond));
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    /** The pacing rate; 0 when not paced. */
    public double maxRequestsPerSecond() {
        return intervalNanos == 0 ? 0 : 1e9 / intervalNanos;
    }

    /**
     * Waits until this request may start: after Jira's last requested wait, and (paced) its own slot.
     *
     * @return how long it waited
     * @throws InterruptedException while waiting
     */
    public Duration acquire() throws InterruptedException {
        return acquire(false);
    }

    /**
     * Like {@link #acquire()}; {@code waitedAlready} for the retry of the request that was told to wait (it has just
     * waited what Jira asked), which then only takes its slot.
     */
    public Duration acquire(boolean waitedAlready) throws InterruptedException {
        if (intervalNanos == 0 && (waitedAlready || !blocked)) {
            return Duration.ZERO;
        }
        long wait;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            long start = now;
            if (!waitedAlready && blocked && blockedUntil - start > 0) {
                start = blockedUntil;
            }
            if (intervalNanos > 0) {
                if (started && nextStart - start > 0) {
                    start = nextStart;
                }
                nextStart = start + intervalNanos;
                started = true;
            }
            wait = start - now;
        }
        if (wait <= 0) {
            return Duration.ZERO;
        }
        Duration d = Duration.ofNanos(wait);
        sleeper.sleep(d);
        return d;
    }

    /** Jira asked to wait {@code delay} (429/503 with Retry-After): no request starts before it is over. */
    public void backOff(Duration delay) {
        if (delay == null || delay.isNegative() || delay.isZero()) {
            return;
        }
        synchronized (this) {
            long until = nanoTime.getAsLong() + delay.toNanos();
            if (!blocked || until - blockedUntil > 0) {
                blockedUntil = until;
                blocked = true;
            }
        }
    }
}
