package dev.cameljira.routes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every sync of a CamelContext did lately: counts, the last events, actions and failures, the links made, poll
 * lag and unmapped values. The syncs report to it; it keeps bounded lists (the newest first) for a status page and
 * passes each report on to the {@link SyncListener}s it was given. Thread-safe.
 *
 * <p>The templates bind one under {@link #BEAN_NAME} when the registry has none; an application that wants to read it
 * (a status page) binds its own first, or looks it up.
 */
public final class SyncMonitor implements SyncListener {
    /** Registry name of the monitor the templates use. */
    public static final String BEAN_NAME = "jiraSyncMonitor";

    private static final Logger LOG = LoggerFactory.getLogger(SyncMonitor.class);
    private static final int KEEP = 50;

    /** One line of a list: when, which sync, what. */
    public record Entry(Instant at, String sync, String kind, String text, String link) {
    }

    /** A failure. */
    public record Failure(Instant at, String sync, String direction, String reason, String link, boolean deadLettered) {
    }

    /** A link. */
    public record Link(Instant at, String sync, String jiraKey, String other, String otherUrl) {
    }

    /** The state of a poller. */
    public record Poll(String sync, String poller, Instant at, Duration lag) {
    }

    /** Everything at one moment, newest first. */
    public record Snapshot(Instant at, Map<String, Long> counters, List<Entry> events, List<Entry> actions,
                           List<Failure> failures, List<Link> links, List<Poll> polls, List<Entry> unmapped) {
    }

    private final Clock clock;
    private final List<SyncListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
    private final Deque<Entry> events = new ArrayDeque<>();
    private final Deque<Entry> actions = new ArrayDeque<>();
    private final Deque<Failure> failures = new ArrayDeque<>();
    private final Deque<Link> links = new ArrayDeque<>();
    private final Deque<Entry> unmapped = new ArrayDeque<>();
    private final Map<String, Poll> polls = new ConcurrentHashMap<>();
    private final Set<String> reportedUnmapped = ConcurrentHashMap.newKeySet();

    public SyncMonitor() {
        this(Clock.systemUTC());
    }

    public SyncMonitor(Clock clock) {
        this.clock = clock;
    }

    /** Passes every report on to {@code listener} too (once, however often it is added). */
    public void addListener(SyncListener listener) {
        if (listener != null && listener != this && !listeners.contains(listener)) {
            listeners.add(listener);
        }
    }

    /** Adds each of them. */
    public void addListeners(Collection<? extends SyncListener> more) {
        more.forEach(this::addListener);
    }

    @Override
    public void eventReceived(String sync, String origin, String source) {
        count("events." + origin + "." + source);
        add(events, new Entry(clock.instant(), sync, origin + "/" + source, null, null));
        each(l -> l.eventReceived(sync, origin, source));
    }

    /** Like {@link #eventReceived(String, String, String)}, with what the event was about for the status page. */
    public void eventReceived(String sync, String origin, String source, String text) {
        count("events." + origin + "." + source);
        add(events, new Entry(clock.instant(), sync, origin + "/" + source, text, null));
        each(l -> l.eventReceived(sync, origin, source));
    }

    @Override
    public void synced(String sync, String direction, String action, String line) {
        count("synced." + direction);
        count("synced." + direction + "." + action);
        add(actions, new Entry(clock.instant(), sync, direction + "/" + action, line, null));
        each(l -> l.synced(sync, direction, action, line));
    }

    @Override
    public void failed(String sync, String direction, String reason, String link, boolean deadLettered) {
        count("failed." + direction);
        count(deadLettered ? "deadLettered" : "handedBack");
        add(failures, new Failure(clock.instant(), sync, direction, reason, link, deadLettered));
        each(l -> l.failed(sync, direction, reason, link, deadLettered));
    }

    @Override
    public void linked(String sync, String jiraKey, String otherRecord, String otherUrl) {
        count("links");
        add(links, new Link(clock.instant(), sync, jiraKey, otherRecord, otherUrl));
        each(l -> l.linked(sync, jiraKey, otherRecord, otherUrl));
    }

    @Override
    public void webhookRejected(String system, String reason) {
        count("webhooks.rejected." + system + "." + reason);
        each(l -> l.webhookRejected(system, reason));
    }

    @Override
    public void jiraCall(String method, String operationPath, int status, Duration duration) {
        count("jira.calls." + status);
        each(l -> l.jiraCall(method, operationPath, status, duration));
    }

    @Override
    public void rateLimited(String system, Duration delay) {
        count("rateLimited." + system);
        each(l -> l.rateLimited(system, delay));
    }

    @Override
    public void polled(String sync, String poller, Duration lag) {
        polls.put(sync + "/" + poller, new Poll(sync, poller, clock.instant(), lag));
        each(l -> l.polled(sync, poller, lag));
    }

    @Override
    public void unmapped(String sync, String parameter, String value, String usedDefault) {
        if (!reportedUnmapped.add(sync + "|" + parameter + "|" + value)) {
            return;
        }
        count("unmapped");
        String text = parameter.equals("userMatch")
                ? "no account on the other side has the e-mail of " + value
                        + (usedDefault == null ? "; left unassigned" : "; used fallbackAssignee " + usedDefault)
                : parameter.equals("maxAttachmentSize") ? value + " is larger than maxAttachmentSize; not copied"
                : parameter.equals("refused") || parameter.equals("linkedKey") ? value
                : parameter + " has no pair for '" + value + "'"
                        + (usedDefault == null ? "; field left unchanged" : "; used the default '" + usedDefault + "'");
        LOG.warn("{}: {}", sync, text);
        add(unmapped, new Entry(clock.instant(), sync, parameter, text, null));
        each(l -> l.unmapped(sync, parameter, value, usedDefault));
    }

    /** Whether a value was already reported as unmapped by this sync. */
    public boolean reportedUnmapped(String sync, String parameter, String value) {
        return reportedUnmapped.contains(sync + "|" + parameter + "|" + value);
    }

    /** A counter's value (0 when never counted). Names: events.&lt;origin&gt;.&lt;source&gt;, synced.&lt;direction&gt;, ... */
    public long counter(String name) {
        AtomicLong c = counters.get(name);
        return c == null ? 0 : c.get();
    }

    /** The current state, newest first. */
    public Snapshot snapshot() {
        Map<String, Long> c = new LinkedHashMap<>();
        counters.keySet().stream().sorted().forEach(k -> c.put(k, counters.get(k).get()));
        List<Poll> p = new ArrayList<>(polls.values());
        p.sort((a, b) -> (a.sync() + a.poller()).compareTo(b.sync() + b.poller()));
        synchronized (this) {
            return new Snapshot(clock.instant(), c, List.copyOf(events), List.copyOf(actions), List.copyOf(failures),
                    List.copyOf(links), p, List.copyOf(unmapped));
        }
    }

    /** Adds one to a counter (e.g. the engine's create.searched / create.searchSkipped). */
    public void count(String name) {
        counters.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
    }

    private synchronized <T> void add(Deque<T> list, T item) {
        list.addFirst(item);
        while (list.size() > KEEP) {
            list.removeLast();
        }
    }

    private void each(java.util.function.Consumer<SyncListener> call) {
        for (SyncListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.debug("SyncListener {} failed: {}", l.getClass().getName(), e.toString());
            }
        }
    }
}
