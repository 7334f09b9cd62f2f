package dev.cameljira.examples.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.cameljira.routes.SyncListener;
import io.quarkus.arc.Unremovable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the Jira webhook deliveries the jira:webhook route refused (bad signature, wrong content type, ...): one WARN
 * per reason every 10 seconds at most, with the reason only (no payload, no header, no secret). The Zendesk and
 * ServiceNow receivers of the routes log their own refusals the same way; all of them are counted in
 * {@code jira_sync_webhooks_rejected_total}.
 */
@Singleton
@Unremovable
public class RefusedJiraDeliveries implements SyncListener {
    private static final Logger LOG = LoggerFactory.getLogger(RefusedJiraDeliveries.class);
    static final Duration LOG_EVERY = Duration.ofSeconds(10);

    private final Clock clock = Clock.systemUTC();
    private final Map<String, Instant> lastLogged = new ConcurrentHashMap<>();

    @Override
    public void webhookRejected(String system, String reason) {
        if (!"jira".equals(system)) {
            return;
        }
        Instant now = clock.instant();
        Instant last = lastLogged.get(reason);
        if (last == null || !now.isBefore(last.plus(LOG_EVERY))) {
            lastLogged.put(reason, now);
            LOG.warn("Jira webhook delivery refused ({}); more refusals for this reason within {} s are only counted",
                    reason, LOG_EVERY.toSeconds());
        }
    }
}
