package dev.cameljira.jira.consumer.poll;

import java.time.Instant;

import dev.cameljira.jira.client.JiraApi;

/**
 * What a {@link PollKind} needs while it reads the issues of one poll: the API (for the few documented fallback
 * requests), the window start and the cursor that says what was emitted already.
 */
record PollWindow(JiraApi api, Instant from, PollCursor cursor) {

    /** Whether an event with this key and time is to be emitted by this poll. */
    boolean wants(String key, Instant at) {
        return cursor.isPending(key, at, from);
    }
}
