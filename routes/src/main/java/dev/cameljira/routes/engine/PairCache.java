package dev.cameljira.routes.engine;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the sync last agreed on for each pair, kept in memory: the other side's synced values and the ids of its
 * comments. An event from the other side whose record still shows exactly that (the echo of the sync's own write, a
 * webhook and a poll reporting the same change) needs no look at Jira. It compares state, not times, so a change made
 * in the same second as the sync's write is never mistaken for the echo. Only an optimisation; bounded.
 */
final class PairCache {
    private static final int MAX = 50_000;

    private record Known(String key, Map<String, String> otherValues, Set<String> commentIds) {
    }

    private final Map<String, Known> pairs = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
            return size() > MAX;
        }
    };

    synchronized void fields(String number, String key, LinkRecord shadow) {
        Known k = pairs.get(number);
        Map<String, String> values = new LinkedHashMap<>();
        for (String f : LinkRecord.FIELDS) {
            values.put(f, shadow.other(f));
        }
        pairs.put(number, new Known(key, values, k != null && key.equals(k.key()) ? k.commentIds() : null));
    }

    synchronized void comments(String number, String key, List<OtherComment> comments) {
        Known k = pairs.get(number);
        Set<String> ids = new HashSet<>();
        comments.forEach(c -> ids.add(c.id()));
        pairs.put(number, new Known(key, k != null && key.equals(k.key()) ? k.otherValues() : null, ids));
    }

    synchronized void forget(String number) {
        pairs.remove(number);
    }

    /** True when the record and its comments are exactly what the sync last agreed on. */
    synchronized boolean unchanged(String key, OtherRecord rec, List<OtherComment> comments, boolean matchUsers) {
        Known k = pairs.get(rec.number());
        if (k == null || !key.equals(k.key()) || k.otherValues() == null || k.commentIds() == null) {
            return false;
        }
        for (String f : LinkRecord.FIELDS) {
            if (f.equals(LinkRecord.ASSIGNEE) && !matchUsers) {
                continue;
            }
            String now = SyncEngine.otherValue(rec, f);
            String then = k.otherValues().get(f);
            if (!(now == null ? then == null : now.equalsIgnoreCase(String.valueOf(then)))) {
                return false;
            }
        }
        if (comments.size() != k.commentIds().size()) {
            return false;
        }
        for (OtherComment c : comments) {
            if (!k.commentIds().contains(c.id())) {
                return false;
            }
        }
        return true;
    }
}
