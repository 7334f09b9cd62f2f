package dev.cameljira.jira.consumer.poll;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.jira.client.JiraJson;

/**
 * Where a polling consumer stands: a watermark (the time of the latest event the route accepted, or the latest issue
 * time a complete poll saw) plus the keys of the events already emitted at or after the start of the next search
 * window. JQL compares dates to the minute, so every search starts at the watermark floored to the minute (minus the
 * configured overlap) and finds some events again; the keys tell which. Keys older than the window start are pruned as
 * the watermark moves, so the set stays as small as the traffic of the last minute or two.
 *
 * <p>Events before {@link #since()} (the first start's starting point) are never emitted. Stored as one JSON string:
 * {@code {"v":1,"since":"...","watermark":"...","seen":{"key":epochMillis,...}}}. Not thread-safe: one consumer polls
 * at a time.
 */
final class PollCursor {

    private static final int VERSION = 1;

    private final Instant since;
    private Instant watermark;
    private final Map<String, Long> seen = new HashMap<>();

    private PollCursor(Instant since, Instant watermark) {
        this.since = Objects.requireNonNull(since, "since");
        this.watermark = Objects.requireNonNull(watermark, "watermark");
    }

    /** A fresh cursor for a first start: nothing before {@code since} is emitted. */
    static PollCursor startingAt(Instant since) {
        return new PollCursor(since, since);
    }

    /** Where a first start picked up; events before it are never emitted. */
    Instant since() {
        return since;
    }

    /** The latest time this cursor vouches for. */
    Instant watermark() {
        return watermark;
    }

    /** How many emitted keys are remembered. */
    int seenCount() {
        return seen.size();
    }

    /** Whether the event with this key was emitted (and is still remembered). */
    boolean wasEmitted(String key) {
        return seen.containsKey(key);
    }

    /**
     * The start of the next search window: the watermark floored to the minute in the Jira user's zone (the precision
     * of JQL dates), minus {@code overlap}.
     */
    Instant windowStart(Duration overlap, ZoneId zone) {
        return watermark.atZone(zone).truncatedTo(ChronoUnit.MINUTES).toInstant().minus(overlap);
    }

    /**
     * Whether an event found in the window starting at {@code windowStart} is to be emitted: it happened at or after
     * {@link #since()} and the window start, and was not emitted before.
     */
    boolean isPending(String key, Instant at, Instant windowStart) {
        return at != null && !at.isBefore(since) && !at.isBefore(windowStart) && !seen.containsKey(key);
    }

    /**
     * Records an event the route accepted.
     *
     * @param advance whether the watermark may move to the event's time (false when the poll could not prove that every
     *                earlier event was found, so the window must not move yet; the key is remembered all the same)
     */
    void emitted(String key, Instant at, boolean advance, Duration overlap, ZoneId zone) {
        seen.put(key, at.toEpochMilli());
        if (advance) {
            advanceTo(at, overlap, zone);
        }
    }

    /** Moves the watermark forward to {@code at} (never back) and forgets keys older than the new window start. */
    boolean advanceTo(Instant at, Duration overlap, ZoneId zone) {
        if (at == null || !at.isAfter(watermark)) {
            return false;
        }
        watermark = at;
        long start = windowStart(overlap, zone).toEpochMilli();
        seen.values().removeIf(t -> t < start);
        return true;
    }

    /** The cursor as one JSON line (no line breaks, so any StateRepository can hold it). */
    String toJson() {
        ObjectNode n = JiraJson.mapper().createObjectNode();
        n.put("v", VERSION);
        n.put("since", since.toString());
        n.put("watermark", watermark.toString());
        ObjectNode s = n.putObject("seen");
        seen.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> s.put(e.getKey(), e.getValue()));
        try {
            return JiraJson.mapper().writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the polling cursor: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads a stored cursor.
     *
     * @param key where it was stored, for the error message
     * @throws IllegalStateException when the value is not a cursor this version can read
     */
    static PollCursor fromJson(String json, String key) {
        try {
            JsonNode n = JiraJson.mapper().readTree(json);
            if (n == null || !n.isObject() || n.path("v").asInt() != VERSION || !n.hasNonNull("since") || !n.hasNonNull("watermark")) {
                throw unreadable(key, "expected {\"v\":1,\"since\":...,\"watermark\":...,\"seen\":{...}}", null);
            }
            PollCursor c = new PollCursor(Instant.parse(n.get("since").asText()), Instant.parse(n.get("watermark").asText()));
            Iterator<Map.Entry<String, JsonNode>> it = n.path("seen").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                c.seen.put(e.getKey(), e.getValue().asLong());
            }
            return c;
        } catch (JsonProcessingException e) {
            throw unreadable(key, e.getOriginalMessage(), e);
        } catch (DateTimeParseException e) {
            throw unreadable(key, e.getMessage(), e);
        }
    }

    private static IllegalStateException unreadable(String key, String why, Exception cause) {
        return new IllegalStateException("the polling cursor stored under stateKey '" + key + "' is not readable (" + why
                                         + "); remove it from the stateRepository or use another stateKey to start again from since",
                cause);
    }

    @Override
    public String toString() {
        return "PollCursor[since=" + since + ", watermark=" + watermark + ", seen=" + seen.size() + "]";
    }
}
