package dev.cameljira.examples.sync;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.cameljira.routes.SyncListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.arc.Unremovable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Turns what the syncs report into Micrometer meters, served by {@code /q/metrics} in Prometheus format. The syncs find
 * this bean in the registry (it is a {@link SyncListener}). Every tag has a handful of values: sync route ids,
 * systems, directions, actions, reasons, HTTP methods and statuses, and Jira paths with placeholders
 * ({@code /rest/api/3/issue/{key}}). The names are listed in the module README.
 */
@Singleton
@Unremovable
public class SyncMetrics implements SyncListener {
    static final String EVENTS = "jira.sync.events.received";
    static final String ACTIONS = "jira.sync.actions";
    static final String FAILURES = "jira.sync.failures";
    static final String LINKS = "jira.sync.links";
    static final String UNMAPPED = "jira.sync.unmapped";
    static final String WEBHOOKS_REJECTED = "jira.sync.webhooks.rejected";
    static final String RATE_LIMIT_WAITS = "jira.sync.rate.limit.waits";
    static final String POLL_LAG = "jira.sync.poll.lag";
    static final String JIRA_CALLS = "jira.client.requests";

    @Inject
    MeterRegistry registry;

    private final Map<String, AtomicLong> lagMillis = new ConcurrentHashMap<>();

    /** Meters that exist before anything happened, so dashboards and alerts see zeros rather than nothing. */
    void registerKnownSeries(Iterable<String> syncs) {
        for (String system : new String[] {"jira", "zendesk", "servicenow"}) {
            Timer.builder(RATE_LIMIT_WAITS).description("Waits because a system throttled the sync (429/503)")
                    .tag("system", system).register(registry);
            Counter.builder(WEBHOOKS_REJECTED).description("Webhook deliveries refused, by reason")
                    .tag("system", system).tag("reason", "signature").register(registry);
        }
        for (String sync : syncs) {
            for (String parameter : new String[] {"statusMap", "priorityMap", "typeMap", "userMatch"}) {
                unmapped(sync, parameter);
            }
            for (String direction : new String[] {"to-jira", "from-jira"}) {
                for (String outcome : new String[] {"dead-lettered", "handed-back"}) {
                    failures(sync, direction, outcome);
                }
            }
        }
    }

    @Override
    public void eventReceived(String sync, String origin, String source) {
        Counter.builder(EVENTS).description("Changes received, by the system they come from and how (webhook, poll)")
                .tag("sync", sync).tag("origin", origin).tag("source", source).register(registry).increment();
    }

    @Override
    public void synced(String sync, String direction, String action, String line) {
        Counter.builder(ACTIONS).description("Changes written by the sync, by direction and kind")
                .tag("sync", sync).tag("direction", direction).tag("action", action).register(registry).increment();
    }

    @Override
    public void failed(String sync, String direction, String reason, String link, boolean deadLettered) {
        failures(sync, direction, deadLettered ? "dead-lettered" : "handed-back").increment();
    }

    private Counter failures(String sync, String direction, String outcome) {
        return Counter.builder(FAILURES).description("Events that failed after their tries: dead-lettered, or handed "
                        + "back to their source to be delivered again")
                .tag("sync", sync).tag("direction", direction).tag("outcome", outcome).register(registry);
    }

    @Override
    public void linked(String sync, String jiraKey, String otherRecord, String otherUrl) {
        Counter.builder(LINKS).description("Links made between a Jira issue and a ticket or incident")
                .tag("sync", sync).register(registry).increment();
    }

    @Override
    public void webhookRejected(String system, String reason) {
        Counter.builder(WEBHOOKS_REJECTED).description("Webhook deliveries refused, by reason")
                .tag("system", system).tag("reason", reason).register(registry).increment();
    }

    @Override
    public void polled(String sync, String poller, Duration lag) {
        AtomicLong value = lagMillis.computeIfAbsent(sync + "|" + poller, k -> {
            AtomicLong v = new AtomicLong();
            Gauge.builder(POLL_LAG, v, a -> a.get() / 1000.0).description("How far behind now a poller's cursor is")
                    .baseUnit("seconds").tag("sync", sync).tag("poller", poller).register(registry);
            return v;
        });
        value.set(lag.toMillis());
    }

    @Override
    public void jiraCall(String method, String operationPath, int status, Duration duration) {
        Timer.builder(JIRA_CALLS).description("Calls to Jira (every attempt), by method, path and status (0: no answer)")
                .tag("method", method).tag("path", operationPath).tag("status", String.valueOf(status))
                .register(registry).record(duration);
    }

    @Override
    public void rateLimited(String system, Duration delay) {
        Timer.builder(RATE_LIMIT_WAITS).description("Waits because a system throttled the sync (429/503)")
                .tag("system", system).register(registry).record(delay);
    }

    @Override
    public void unmapped(String sync, String parameter, String value, String usedDefault) {
        unmapped(sync, parameter).increment();
    }

    private Counter unmapped(String sync, String parameter) {
        return Counter.builder(UNMAPPED).description("Values without a pair in statusMap, priorityMap, typeMap or "
                + "userMatch (each counted once per sync)").tag("sync", sync).tag("parameter", parameter)
                .register(registry);
    }
}
