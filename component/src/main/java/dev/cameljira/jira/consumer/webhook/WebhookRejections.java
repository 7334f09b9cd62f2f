package dev.cameljira.jira.consumer.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

import dev.cameljira.jira.client.JiraCallListener;
import org.slf4j.Logger;

/**
 * The refused deliveries of one {@code jira:webhook} endpoint: counted by reason (read with
 * {@link JiraWebhookConsumer#getRejectedDeliveries()}) and logged with status, reason and remote address, at most one
 * line per reason every {@link #LOG_EVERY} (the next line says how many were refused in between), so a flood of forged
 * or misconfigured deliveries neither hides nor fills the log. Never logs the body, a header value or a secret: only
 * the handler's short reply text, which quotes none of them.
 */
final class WebhookRejections {

    /** At most one log line per reason in this period. */
    static final Duration LOG_EVERY = Duration.ofMinutes(1);

    private final String path;
    private final Clock clock;
    private final Logger log;
    private final ConcurrentMap<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Throttle> throttles = new ConcurrentHashMap<>();

    WebhookRejections(String path, Clock clock, Logger log) {
        this.path = path;
        this.clock = clock;
        this.log = log;
    }

    /**
     * Counts a refusal and logs it unless a line for the same reason was written within {@link #LOG_EVERY}.
     *
     * @param status HTTP status answered
     * @param reason a {@link JiraCallListener} rejection reason ({@code signature}, {@code malformed}, ...)
     * @param detail the short reply text (never quotes the body or a header value)
     * @param remote the client's address, or null when the HTTP server does not tell it
     */
    void record(int status, String reason, String detail, String remote) {
        counts.computeIfAbsent(reason, r -> new LongAdder()).increment();
        long skipped = throttles.computeIfAbsent(reason, r -> new Throttle()).pass(clock.instant());
        if (skipped < 0) {
            return;
        }
        String from = remote == null ? "an unknown address" : remote;
        String more = skipped == 0 ? "" : " (" + skipped + " more refused for this reason since the last such line)";
        if (JiraCallListener.REJECTED_STOPPING.equals(reason)) {
            log.info("jira:webhook on {} refused a delivery from {}: {} {}: {}{}", path, from, status, reason, detail, more);
        } else {
            log.warn("jira:webhook on {} refused a delivery from {}: {} {}: {}{}", path, from, status, reason, detail, more);
        }
    }

    /** Refusals so far by reason, e.g. {@code {signature=3, too-large=1}}. */
    Map<String, Long> counts() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((reason, n) -> out.put(reason, n.sum()));
        return out;
    }

    /** One reason's log budget. */
    private static final class Throttle {
        private Instant next;
        private long skipped;

        /** -1 when this refusal is not to be logged, else how many were skipped since the last line. */
        synchronized long pass(Instant now) {
            if (next != null && now.isBefore(next)) {
                skipped++;
                return -1;
            }
            next = now.plus(LOG_EVERY);
            long s = skipped;
            skipped = 0;
            return s;
        }
    }
}
