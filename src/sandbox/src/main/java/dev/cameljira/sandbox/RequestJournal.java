package dev.cameljira.sandbox;

import dev.cameljira.sandbox.spec.HttpExchangeRecord;
import java.util.ArrayDeque;
import java.util.List;

/** The last N exchanges the sandbox saw (bounded so long benchmark runs do not exhaust memory). */
final class RequestJournal {

    private final int capacity;
    private final ArrayDeque<HttpExchangeRecord> records = new ArrayDeque<>();

    RequestJournal(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(HttpExchangeRecord record) {
        if (capacity <= 0) {
            return;
        }
        if (records.size() >= capacity) {
            records.removeFirst();
        }
        records.addLast(record);
    }

    synchronized List<HttpExchangeRecord> all() {
        return List.copyOf(records);
    }

    synchronized void clear() {
        records.clear();
    }
}
