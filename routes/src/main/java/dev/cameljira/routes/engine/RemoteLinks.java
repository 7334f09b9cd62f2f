package dev.cameljira.routes.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.camel.spi.StateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The remote links of new issues (the record shown on the issue in Jira), added behind the creations instead of between
 * them: in a burst of new records under Jira's rate limit, every record gets its issue key first, and the remote links
 * follow once no creation has run for {@link #YIELD_NANOS}, or once the oldest waited {@link #MAX_DEFER_NANOS}.
 *
 * <p>Nothing is lost: a record is written to the state repository ({@code <sync>.remoteLinks}, the ids of the pending
 * records) before its key is written to the record, and leaves it once its link is added. A restart (or a crash) finds
 * the ids there and adds the links of the records that hold a key; a record without one gets its issue, and its link,
 * on the next attempt. Adding a remote link twice is harmless: Jira updates the link with the same global id. Only for
 * one replica: the ids of several replicas in one shared value would overwrite each other.
 */
final class RemoteLinks {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteLinks.class);
    static final long YIELD_NANOS = 1_000_000_000L;
    static final long MAX_DEFER_NANOS = 60_000_000_000L;

    /** One remote link to add; key, url, title are null for a record read back from the state (resolved first). */
    record Pending(String recordId, String key, String url, String title, String globalId, long since) {
    }

    private final String syncId;
    private final StateRepository<String, String> state;
    private final String stateKey;
    private final Function<Pending, Pending> resolve;
    private final Consumer<Pending> add;
    private final BooleanSupplier creating;
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private volatile boolean running;
    private Thread worker;

    /**
     * @param resolve  completes a pending link read from the state (key, url, title from the record); null to drop it
     * @param add      adds the link to Jira; throws what {@link Failures} sorts
     * @param creating whether creations are running or ran within the last moments (the links wait)
     */
    RemoteLinks(String syncId, StateRepository<String, String> state, Function<Pending, Pending> resolve,
                Consumer<Pending> add, BooleanSupplier creating) {
        this.syncId = syncId;
        this.state = state;
        this.stateKey = syncId + ".remoteLinks";
        this.resolve = resolve;
        this.add = add;
        this.creating = creating;
        String stored = state.getState(stateKey);
        if (stored != null && !stored.isBlank()) {
            long now = System.nanoTime();
            for (String id : stored.split(",")) {
                if (!id.isBlank()) {
                    pending.put(id, new Pending(id, null, null, null, null, now - MAX_DEFER_NANOS));
                }
            }
            LOG.info("{}: {} remote links were still to add; adding them", syncId, pending.size());
        }
    }

    /**
     * Queues a link and stores its record id before returning (call before the key is written to the record); false
     * when stopped (the caller adds the link itself: a newer engine may own the state already).
     */
    synchronized boolean offer(Pending p) {
        if (!running) {
            return false;
        }
        pending.remove(p.recordId());
        pending.put(p.recordId(), p);
        save();
        notifyAll();
        return true;
    }

    /** How many links wait. */
    synchronized int size() {
        return pending.size();
    }

    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = new Thread(this::run, "jira-sync-remote-links-" + syncId);
        worker.setDaemon(true);
        worker.start();
    }

    /** Stops adding; what waits stays in the state for the next start (of this engine or a newer one). */
    void stop() {
        Thread w;
        synchronized (this) {
            running = false;
            w = worker;
            worker = null;
            notifyAll();
        }
        if (w != null) {
            w.interrupt();
        }
    }

    private void save() {
        state.setState(stateKey, String.join(",", new ArrayList<>(pending.keySet())));
    }

    private synchronized void done(Pending p) {
        if (pending.get(p.recordId()) == p) {
            pending.remove(p.recordId());
            if (running) {
                save();
            }
        }
    }

    private void run() {
        int failures = 0;
        while (running) {
            Pending p;
            synchronized (this) {
                p = pending.isEmpty() ? null : pending.values().iterator().next();
                if (p == null) {
                    try {
                        wait(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                    continue;
                }
            }
            try {
                if (creating.getAsBoolean() && System.nanoTime() - p.since() < MAX_DEFER_NANOS) {
                    Thread.sleep(100);
                    continue;
                }
                Pending full = p.key() != null ? p : resolve.apply(p);
                if (full != null) {
                    add.accept(full);
                }
                done(p);
                failures = 0;
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException ex) {
                if (!running) {
                    return;
                }
                if (Failures.classify(ex) == Failures.Kind.REJECTED) {
                    // a Jira without remote links (or without permission) still has the label, the property and the key
                    LOG.warn("{}: no remote link on {}: {}", syncId, p.key() != null ? p.key() : "the issue of "
                            + p.recordId(), Failures.reason(ex));
                    done(p);
                    continue;
                }
                failures++;
                long delay = Math.min(60_000L, 500L << Math.min(failures, 7));
                LOG.debug("{}: remote link of {} not added yet, again in {} ms: {}", syncId, p.recordId(), delay,
                        Failures.reason(ex));
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** The record ids waiting (tests, status). */
    synchronized List<String> waiting() {
        return List.copyOf(pending.keySet());
    }
}
