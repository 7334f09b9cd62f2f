package dev.cameljira.jira.consumer.poll;

import java.time.Instant;
import java.util.Comparator;

import dev.cameljira.jira.model.JiraEvent;

/**
 * An event a poll found and has not emitted yet.
 *
 * @param key   its key in the cursor (unique per issue and change: history id, comment id, or the issue for creations)
 * @param at    when it happened (history or comment creation, issue creation): the order of emission
 * @param event what the route receives
 */
record PolledEvent(String key, Instant at, JiraEvent event) {

    /** Oldest first; ties by key, so a batch is emitted in the same order on every poll. */
    static final Comparator<PolledEvent> ORDER = Comparator.comparing(PolledEvent::at).thenComparing(PolledEvent::key);

    @Override
    public String toString() {
        return event + " at " + at;
    }
}
