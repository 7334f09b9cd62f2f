package dev.cameljira.jira.consumer.webhook;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.apache.camel.spi.IdempotentRepository;

/**
 * Exactly-once into the route for at-least-once deliveries. A delivery id is claimed in the
 * {@link IdempotentRepository} ({@code add}), confirmed when the route succeeded and removed when it failed, so a failed
 * delivery is processed again when Jira redelivers it. A copy arriving while the first is still in this JVM's route
 * waits for its outcome (bounded) instead of being processed twice or acknowledged too early; a copy claimed by
 * another replica (shared repository) counts as a duplicate. {@link #deliver} runs the route on the calling thread and
 * waits there; {@link #deliverAsync} never blocks, for a route run on a Vert.x event loop.
 */
final class DeliveryLedger {

    /** What became of a delivery. */
    enum Outcome {
        /** The route ran and succeeded. */
        PROCESSED,
        /** Already processed (or being processed by another replica): nothing routed. */
        DUPLICATE,
        /** The route failed; the id was released for a redelivery. */
        FAILED,
        /** A copy is still in the route after the wait: nothing routed, ask for a redelivery. */
        IN_PROGRESS
    }

    private final IdempotentRepository repository;
    private final long waitNanos;
    private final ConcurrentMap<String, CompletableFuture<Boolean>> inFlight = new ConcurrentHashMap<>();

    DeliveryLedger(IdempotentRepository repository, Duration inFlightWait) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.waitNanos = inFlightWait.toNanos();
    }

    /**
     * Runs {@code route} once per id. Without an id (null) the route always runs.
     *
     * @param route runs the route; true when it succeeded. Exceptions count as failure and are rethrown.
     * @throws InterruptedException while waiting for a copy in flight
     */
    Outcome deliver(String id, BooleanSupplier route) throws InterruptedException {
        if (id == null) {
            return route.getAsBoolean() ? Outcome.PROCESSED : Outcome.FAILED;
        }
        long deadline = System.nanoTime() + waitNanos;
        while (true) {
            CompletableFuture<Boolean> mine = new CompletableFuture<>();
            CompletableFuture<Boolean> running = inFlight.putIfAbsent(id, mine);
            if (running == null) {
                return claimAndRun(id, mine, route);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Outcome.IN_PROGRESS;
            }
            try {
                if (running.get(left, TimeUnit.NANOSECONDS)) {
                    return Outcome.DUPLICATE;
                }
                // the copy in flight failed and released the id: try to process it ourselves
            } catch (TimeoutException e) {
                return Outcome.IN_PROGRESS;
            } catch (ExecutionException e) {
                // the copy in flight threw: same as failed
            }
        }
    }

    private Outcome claimAndRun(String id, CompletableFuture<Boolean> mine, BooleanSupplier route) {
        boolean done = false;
        try {
            if (!claim(id)) {
                done = true;
                return Outcome.DUPLICATE;
            }
            boolean ok;
            try {
                ok = route.getAsBoolean();
            } catch (RuntimeException | Error e) {
                repository.remove(id);
                throw e;
            }
            done = settle(id, ok);
            return ok ? Outcome.PROCESSED : Outcome.FAILED;
        } finally {
            release(id, mine, done);
        }
    }

    /**
     * As {@link #deliver}, without blocking the calling thread: the route's outcome arrives later (an asynchronous Camel
     * route). A copy that arrives while the first is still in the route continues once the first has its outcome (within
     * the same bounded wait), on the thread that completes it; the wait running out answers {@link Outcome#IN_PROGRESS}.
     * Only for an {@link IdempotentRepository} that never blocks (in memory).
     *
     * @param route starts the route; completes with true when it succeeded. A failure counts as failed and completes the
     *              returned future exceptionally.
     */
    CompletableFuture<Outcome> deliverAsync(String id, Supplier<? extends CompletionStage<Boolean>> route) {
        if (id == null) {
            return route.get().thenApply(ok -> ok ? Outcome.PROCESSED : Outcome.FAILED).toCompletableFuture();
        }
        return deliverAsync(id, route, System.nanoTime() + waitNanos);
    }

    private CompletableFuture<Outcome> deliverAsync(String id, Supplier<? extends CompletionStage<Boolean>> route, long deadline) {
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> running = inFlight.putIfAbsent(id, mine);
        if (running == null) {
            return claimAndRunAsync(id, mine, route);
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return CompletableFuture.completedFuture(Outcome.IN_PROGRESS);
        }
        // the copy in flight is only ever completed normally: the one failure here is the wait running out
        return running.copy().orTimeout(left, TimeUnit.NANOSECONDS).handle((done, timedOut) -> {
            if (timedOut != null) {
                return CompletableFuture.completedFuture(Outcome.IN_PROGRESS);
            }
            // processed: a duplicate; failed and released: try to process it ourselves
            return done ? CompletableFuture.completedFuture(Outcome.DUPLICATE) : deliverAsync(id, route, deadline);
        }).thenCompose(outcome -> outcome);
    }

    private CompletableFuture<Outcome> claimAndRunAsync(String id, CompletableFuture<Boolean> mine,
                                                        Supplier<? extends CompletionStage<Boolean>> route) {
        CompletionStage<Boolean> running;
        try {
            if (!claim(id)) {
                release(id, mine, true);
                return CompletableFuture.completedFuture(Outcome.DUPLICATE);
            }
        } catch (RuntimeException | Error e) {
            release(id, mine, false);
            return CompletableFuture.failedFuture(e);
        }
        try {
            running = route.get();
        } catch (RuntimeException | Error e) {
            running = CompletableFuture.failedFuture(e);
        }
        return running.toCompletableFuture().handle((ok, failure) -> {
            boolean done = false;
            try {
                if (failure != null) {
                    repository.remove(id);
                    throw failure instanceof CompletionException c ? c : new CompletionException(failure);
                }
                done = settle(id, ok);
                return ok ? Outcome.PROCESSED : Outcome.FAILED;
            } finally {
                release(id, mine, done);
            }
        });
    }

    /** Keeps the id when the route succeeded, releases it for a redelivery when it failed; returns {@code ok}. */
    private boolean settle(String id, boolean ok) {
        if (ok) {
            repository.confirm(id);
        } else {
            repository.remove(id);
        }
        return ok;
    }

    /** The delivery is no longer in flight here: a copy waiting for it learns whether it was processed. */
    private void release(String id, CompletableFuture<Boolean> mine, boolean processed) {
        inFlight.remove(id, mine);
        mine.complete(processed);
    }

    /**
     * Claims the id in the repository. A shared repository (JDBC) may throw when another replica inserted the same id
     * between its check and its insert: if the id is there now, that replica owns the delivery and this copy is a
     * duplicate; otherwise the failure is real and propagates.
     */
    private boolean claim(String id) {
        try {
            return repository.add(id);
        } catch (RuntimeException e) {
            boolean claimedElsewhere;
            try {
                claimedElsewhere = repository.contains(id);
            } catch (RuntimeException again) {
                e.addSuppressed(again);
                throw e;
            }
            if (claimedElsewhere) {
                return false;
            }
            throw e;
        }
    }

    /** Records a key as processed (e.g. an issue version seen through a webhook), so a later {@link #deliver} skips it. */
    void remember(String key) {
        if (repository.add(key)) {
            repository.confirm(key);
        }
    }
}
