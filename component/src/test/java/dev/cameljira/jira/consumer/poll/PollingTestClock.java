package dev.cameljira.jira.consumer.poll;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** A clock the test moves by hand, shared by the sandbox (every Jira timestamp) and the test. Thread-safe. */
final class PollingTestClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    PollingTestClock(Instant start, ZoneId zone) {
        this.now = new AtomicReference<>(start);
        this.zone = zone;
    }

    /** Moves the clock forward and returns the new time. */
    Instant advance(Duration d) {
        return now.updateAndGet(t -> t.plus(d));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return z;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return PollingTestClock.this.withZone(other);
            }

            @Override
            public Instant instant() {
                return PollingTestClock.this.instant();
            }
        };
    }
}
