package dev.cameljira.routes.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.spi.StateRepository;

/**
 * The persisted position of a Zendesk or ServiceNow poller: a watermark (the newest update time handed on) and the
 * records handed on within the overlap window before it. Each poll asks again from {@code watermark - overlap}
 * (Zendesk's export and ServiceNow's queries have second precision, and their clocks may lag), drops what it already
 * handed on, and advances only past records whose event succeeded, so a stop or a crash between two records loses
 * nothing and repeats nothing.
 *
 * <p>Stored as JSON under one key of a Camel {@link StateRepository} (a file by default, JDBC when the replicas share
 * it): {@code {"watermark":"2026-12-05T10:15:30Z","seen":{"12@1764929730":"2026-12-05T10:15:30Z"}}}.
 */
public final class PollCursor {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StateRepository<String, String> repository;
    private final String key;
    private final Duration overlap;
    private Instant watermark;
    private final Map<String, Instant> seen = new LinkedHashMap<>();

    public PollCursor(StateRepository<String, String> repository, String key, Duration overlap, Instant start) {
        this.repository = repository;
        this.key = key;
        this.overlap = overlap;
        load(start);
    }

    private synchronized void load(Instant start) {
        String stored = repository.getState(key);
        seen.clear();
        if (stored == null || stored.isBlank()) {
            watermark = start;
            return;
        }
        try {
            JsonNode n = JSON.readTree(stored);
            watermark = Instant.parse(n.path("watermark").asText());
            n.path("seen").fields().forEachRemaining(e -> seen.put(e.getKey(), Instant.parse(e.getValue().asText())));
        } catch (Exception e) {
            throw new IllegalStateException("poll cursor '" + key + "' in the state repository is unreadable; delete "
                    + "it to start again from 'since': " + e.getMessage(), e);
        }
    }

    /** Reloads from the repository (another replica may have moved it while this one was not the leader). */
    public synchronized void reload() {
        load(watermark);
    }

    /** Where the next poll asks from. */
    public synchronized Instant from() {
        return watermark.minus(overlap);
    }

    /** The watermark. */
    public synchronized Instant watermark() {
        return watermark;
    }

    /** Whether the record at this update time was handed on already. */
    public synchronized boolean handedOn(String id, Instant updatedAt) {
        return seen.containsKey(id + "@" + updatedAt.getEpochSecond())
                || updatedAt.isBefore(watermark.minus(overlap));
    }

    /** The record's event succeeded: remember it and move the watermark. */
    public synchronized void done(String id, Instant updatedAt) {
        done(id, updatedAt, updatedAt);
    }

    /**
     * The record's event succeeded: remember it, and move the watermark to {@code advanceTo} (null: not at all), e.g.
     * when records are synced side by side and an earlier one is not done yet: the watermark moves only past records
     * that are all done, so a stop loses none; those done ahead are remembered, so it repeats none.
     */
    public synchronized void done(String id, Instant updatedAt, Instant advanceTo) {
        seen.put(id + "@" + updatedAt.getEpochSecond(), updatedAt);
        if (advanceTo != null && advanceTo.isAfter(watermark)) {
            watermark = advanceTo;
        }
        Instant oldest = watermark.minus(overlap);
        for (Iterator<Map.Entry<String, Instant>> it = seen.entrySet().iterator(); it.hasNext(); ) {
            if (it.next().getValue().isBefore(oldest)) {
                it.remove();
            }
        }
        save();
    }

    private void save() {
        ObjectNode n = JSON.createObjectNode();
        n.put("watermark", watermark.toString());
        ObjectNode s = n.putObject("seen");
        seen.forEach((k, v) -> s.put(k, v.toString()));
        repository.setState(key, n.toString());
    }

    /**
     * Sorts events by update time (oldest first), dropping those handed on already and those of the last two seconds:
     * update times have second precision, so a record is handed on once its second is over, when reading it shows
     * every change made in that second.
     */
    public synchronized List<SyncEvent> fresh(List<SyncEvent> events, Instant now) {
        Instant settled = now.minusSeconds(2);
        List<SyncEvent> out = new ArrayList<>();
        java.util.Set<String> batch = new java.util.HashSet<>();
        for (SyncEvent e : events) {
            if (e.updatedAt() != null && !e.updatedAt().isAfter(settled) && !handedOn(e.id(), e.updatedAt())
                    && batch.add(e.id() + "@" + e.updatedAt().getEpochSecond())) {
                out.add(e);
            }
        }
        out.sort(Comparator.comparing(SyncEvent::updatedAt).thenComparing(SyncEvent::id));
        return out;
    }
}
