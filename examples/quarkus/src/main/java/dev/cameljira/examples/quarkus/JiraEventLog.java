package dev.cameljira.examples.quarkus;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import dev.cameljira.jira.model.JiraEvent;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The Jira events this application received, newest last, at most {@value #CAPACITY}: what the webhook route records
 * for each delivery. A real application would store or forward them; here they make the behaviour observable.
 * Thread-safe.
 */
@ApplicationScoped
public class JiraEventLog {

    /** How many events are kept; older ones are dropped. */
    static final int CAPACITY = 200;

    private final Deque<JiraEvent> events = new ArrayDeque<>();

    /** Records one received event (called by the route). */
    public synchronized void record(JiraEvent event) {
        if (event == null) {
            throw new IllegalArgumentException("no JiraEvent in the message body");
        }
        if (events.size() == CAPACITY) {
            events.removeFirst();
        }
        events.addLast(event);
    }

    /** The events kept, oldest first. */
    public synchronized List<JiraEvent> events() {
        return List.copyOf(events);
    }

    /** The newest event matching {@code filter}, if any. */
    public synchronized Optional<JiraEvent> latest(Predicate<JiraEvent> filter) {
        var it = events.descendingIterator();
        while (it.hasNext()) {
            JiraEvent e = it.next();
            if (filter.test(e)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
