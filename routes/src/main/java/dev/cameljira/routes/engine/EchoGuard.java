package dev.cameljira.routes.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers for a while what the sync itself just wrote, so the events its writes cause are dropped before any read.
 * Only an optimisation: the shadow in the link property makes those events harmless anyway.
 */
final class EchoGuard {
    private static final Duration KEEP = Duration.ofMinutes(10);
    private static final int MAX = 20_000;

    private final Clock clock;
    private final Map<String, Instant> jiraWrites = new ConcurrentHashMap<>();

    EchoGuard(Clock clock) {
        this.clock = clock;
    }

    void jiraWritten(String key, String field, String value) {
        put(jiraWrites, key + "|" + field.toLowerCase(Locale.ROOT) + "|" + String.valueOf(value).toLowerCase(Locale.ROOT));
    }

    void jiraCreated(String key) {
        put(jiraWrites, key + "|created");
    }

    /** True when every change of the event is one we wrote. */
    boolean isJiraEcho(String key, List<SyncEvent.FieldChange> changes) {
        if (changes.isEmpty()) {
            return false;
        }
        for (SyncEvent.FieldChange c : changes) {
            if (!seen(jiraWrites, key + "|" + c.field().toLowerCase(Locale.ROOT) + "|"
                    + String.valueOf(c.to()).toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    private void put(Map<String, Instant> map, String k) {
        Instant now = clock.instant();
        map.put(k, now.plus(KEEP));
        if (map.size() > MAX) {
            for (Iterator<Map.Entry<String, Instant>> it = map.entrySet().iterator(); it.hasNext(); ) {
                if (it.next().getValue().isBefore(now)) {
                    it.remove();
                }
            }
            if (map.size() > MAX) {
                map.clear();
            }
        }
    }

    private boolean seen(Map<String, Instant> map, String k) {
        Instant until = map.get(k);
        return until != null && until.isAfter(clock.instant());
    }
}
