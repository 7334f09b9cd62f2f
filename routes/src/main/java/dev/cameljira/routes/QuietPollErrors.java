package dev.cameljira.routes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.cameljira.routes.engine.Failures;
import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exception handler of the sync's Jira pollers: a failed poll (Jira down, a token refused) or an event the sync
 * handed back is one WARN line naming the reason, repeated at most once a minute while it stays the same, instead of a
 * stack trace on every poll. The cursor stays where it is either way: the next poll tries again.
 */
final class QuietPollErrors implements ExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(QuietPollErrors.class);
    private static final Duration REPEAT = Duration.ofMinutes(1);

    private final String sync;
    private final Clock clock;
    private final Map<String, String> lastReason = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastLogged = new ConcurrentHashMap<>();

    QuietPollErrors(String sync, Clock clock) {
        this.sync = sync;
        this.clock = clock;
    }

    @Override
    public void handleException(Throwable exception) {
        handleException(null, null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handleException(message, null, exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        String poller = exchange != null && exchange.getFromRouteId() != null ? exchange.getFromRouteId() : sync;
        String reason = exception == null ? String.valueOf(message) : Failures.reason(exception);
        Instant now = clock.instant();
        Instant last = lastLogged.get(poller);
        if (!reason.equals(lastReason.get(poller)) || last == null || !now.isBefore(last.plus(REPEAT))) {
            lastReason.put(poller, reason);
            lastLogged.put(poller, now);
            LOG.warn("{}: Jira poll stopped, the next poll tries again from the same cursor: {}", poller, reason);
        } else {
            LOG.debug("{}: Jira poll stopped again: {}", poller, reason);
        }
    }
}
