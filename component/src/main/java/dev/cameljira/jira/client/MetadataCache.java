package dev.cameljira.jira.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A small TTL cache for Jira metadata (fields, issue types, create-meta, priorities, transitions) so that it is fetched
 * once per endpoint and TTL, never per message. Concurrent callers of the same missing key may both load it; the last
 * writer wins, which is harmless for metadata.
 */
public final class MetadataCache {

    private record Entry(Object value, Instant expires) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    public MetadataCache(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The cached value of {@code key}, loading it when absent or expired. */
    @SuppressWarnings("unchecked")
    public <T> T get(String key, Supplier<T> loader) {
        Instant now = clock.instant();
        Entry e = entries.get(key);
        if (e != null && now.isBefore(e.expires())) {
            return (T) e.value();
        }
        T value = loader.get();
        entries.put(key, new Entry(value, now.plus(ttl)));
        return value;
    }

    public void invalidate(String key) {
        entries.remove(key);
    }

    public void invalidatePrefix(String prefix) {
        entries.keySet().removeIf(k -> k.startsWith(prefix));
    }

    public void clear() {
        entries.clear();
    }

    public int size() {
        return entries.size();
    }
}
