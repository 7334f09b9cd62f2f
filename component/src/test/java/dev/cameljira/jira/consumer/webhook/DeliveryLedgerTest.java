package dev.cameljira.jira.consumer.webhook;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Exactly-once into the route: an id is kept only when the route succeeded; a copy that arrives while the first is in
 * the route waits for its outcome instead of running the route a second time.
 */
class DeliveryLedgerTest {

    private final IdempotentRepository repository = MemoryIdempotentRepository.memoryIdempotentRepository(100);
    private final DeliveryLedger ledger = new DeliveryLedger(repository, Duration.ofSeconds(10));

    @Test
    void idIsKeptOnlyAfterSuccess() throws Exception {
        assertThat(ledger.deliver("a", () -> false)).isEqualTo(DeliveryLedger.Outcome.FAILED);
        assertThat(repository.contains("a")).isFalse();
        assertThat(ledger.deliver("a", () -> true)).isEqualTo(DeliveryLedger.Outcome.PROCESSED);
        assertThat(repository.contains("a")).isTrue();
        assertThat(ledger.deliver("a", () -> {
            throw new AssertionError("must not run again");
        })).isEqualTo(DeliveryLedger.Outcome.DUPLICATE);
    }

    @Test
    void routeExceptionReleasesTheId() {
        assertThatThrownBy(() -> ledger.deliver("b", () -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(repository.contains("b")).isFalse();
    }

    @Test
    void withoutIdTheRouteAlwaysRuns() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        ledger.deliver(null, () -> runs.incrementAndGet() > 0);
        ledger.deliver(null, () -> runs.incrementAndGet() > 0);
        assertThat(runs).hasValue(2);
    }

    @Test
    void copyInFlightWaitsAndIsADuplicateWhenTheFirstSucceeds() throws Exception {
        CountDownLatch inRoute = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        CompletableFuture<DeliveryLedger.Outcome> first = CompletableFuture.supplyAsync(() -> deliver("c", () -> {
            runs.incrementAndGet();
            inRoute.countDown();
            await(release);
            return true;
        }));
        assertThat(inRoute.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<DeliveryLedger.Outcome> copy = CompletableFuture.supplyAsync(() -> deliver("c", () -> {
            runs.incrementAndGet();
            return true;
        }));
        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(DeliveryLedger.Outcome.PROCESSED);
        assertThat(copy.get(10, TimeUnit.SECONDS)).isEqualTo(DeliveryLedger.Outcome.DUPLICATE);
        assertThat(runs).hasValue(1);
    }

    @Test
    void copyInFlightTakesOverWhenTheFirstFails() throws Exception {
        CountDownLatch inRoute = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<DeliveryLedger.Outcome> first = CompletableFuture.supplyAsync(() -> deliver("d", () -> {
            inRoute.countDown();
            await(release);
            return false;
        }));
        assertThat(inRoute.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<DeliveryLedger.Outcome> copy = CompletableFuture.supplyAsync(() -> deliver("d", () -> true));
        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(DeliveryLedger.Outcome.FAILED);
        assertThat(copy.get(10, TimeUnit.SECONDS)).isEqualTo(DeliveryLedger.Outcome.PROCESSED);
        assertThat(repository.contains("d")).isTrue();
    }

    @Test
    void copyGivesUpWhenTheFirstOutlastsTheWait() throws Exception {
        DeliveryLedger impatient = new DeliveryLedger(repository, Duration.ZERO);
        CountDownLatch inRoute = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<DeliveryLedger.Outcome> first = CompletableFuture.supplyAsync(() -> {
            try {
                return impatient.deliver("e", () -> {
                    inRoute.countDown();
                    await(release);
                    return true;
                });
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(inRoute.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(impatient.deliver("e", () -> true)).isEqualTo(DeliveryLedger.Outcome.IN_PROGRESS);
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(DeliveryLedger.Outcome.PROCESSED);
    }

    // deliverAsync: the same guarantees without a waiting thread (routeOnEventLoop)

    @Test
    void asyncIdIsKeptOnlyAfterTheRouteSucceeded() throws Exception {
        CompletableFuture<Boolean> route = new CompletableFuture<>();
        CompletableFuture<DeliveryLedger.Outcome> outcome = ledger.deliverAsync("f", () -> route);
        assertThat(outcome).as("no outcome before the route has one").isNotDone();
        assertThat(repository.contains("f")).as("claimed while in the route").isTrue();
        route.complete(false);
        assertThat(outcome.get(10, TimeUnit.SECONDS)).isEqualTo(DeliveryLedger.Outcome.FAILED);
        assertThat(repository.contains("f")).as("released for a redelivery").isFalse();

        assertThat(ledger.deliverAsync("f", () -> CompletableFuture.completedFuture(true)).get(10, TimeUnit.SECONDS))
                .isEqualTo(DeliveryLedger.Outcome.PROCESSED);
        assertThat(ledger.deliverAsync("f", () -> {
            throw new AssertionError("must not run again");
        }).get(10, TimeUnit.SECONDS)).isEqualTo(DeliveryLedger.Outcome.DUPLICATE);
    }

    @Test
    void asyncRouteFailureReleasesTheIdAndFailsTheOutcome() {
        CompletableFuture<DeliveryLedger.Outcome> thrown = ledger.deliverAsync("g", () -> {
            throw new IllegalStateException("boom");
        });
        assertThatThrownBy(() -> thrown.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
        CompletableFuture<DeliveryLedger.Outcome> failed = ledger.deliverAsync("g",
                () -> CompletableFuture.failedFuture(new IllegalStateException("later boom")));
        assertThatThrownBy(() -> failed.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("later boom");
        assertThat(repository.contains("g")).isFalse();
    }

    @Test
    void asyncCopyInFlightIsAnsweredWhenTheFirstSucceedsWithoutRunningTheRoute() throws Exception {
        CompletableFuture<Boolean> first = new CompletableFuture<>();
        AtomicInteger runs = new AtomicInteger();
        CompletableFuture<DeliveryLedger.Outcome> firstOutcome = ledger.deliverAsync("h", () -> {
            runs.incrementAndGet();
            return first;
        });
        CompletableFuture<DeliveryLedger.Outcome> copy = ledger.deliverAsync("h", () -> {
            runs.incrementAndGet();
            return CompletableFuture.completedFuture(true);
        });
        assertThat(copy).as("the copy waits for the first, no thread held").isNotDone();
        first.complete(true);
        assertThat(firstOutcome.get(10, TimeUnit.SECONDS)).isEqualTo(DeliveryLedger.Outcome.PROCESSED);
        assertThat(copy.get(10, TimeUnit.SECONDS)).isEqualTo(DeliveryLedger.Outcome.DUPLICATE);
        assertThat(runs).hasValue(1);
    }

    @Test
    void asyncCopyInFlightTakesOverWhenTheFirstFails() throws Exception {
        CompletableFuture<Boolean> first = new CompletableFuture<>();
        CompletableFuture<DeliveryLedger.Outcome> firstOutcome = ledger.deliverAsync("i", () -> first);
        CompletableFuture<DeliveryLedger.Outcome> copy = ledger.deliverAsync("i", () -> CompletableFuture.completedFuture(true));
        first.complete(false);
        assertThat(firstOutcome.get(10, TimeUnit.SECONDS)).isEqualTo(DeliveryLedger.Outcome.FAILED);
        assertThat(copy.get(10, TimeUnit.SECONDS)).isEqualTo(DeliveryLedger.Outcome.PROCESSED);
        assertThat(repository.contains("i")).isTrue();
    }

    @Test
    void asyncCopyGivesUpWhenTheFirstOutlastsTheWait() throws Exception {
        DeliveryLedger impatient = new DeliveryLedger(repository, Duration.ofMillis(50));
        CompletableFuture<Boolean> first = new CompletableFuture<>();
        CompletableFuture<DeliveryLedger.Outcome> firstOutcome = impatient.deliverAsync("j", () -> first);
        assertThat(impatient.deliverAsync("j", () -> CompletableFuture.completedFuture(true)).get(10, TimeUnit.SECONDS))
                .isEqualTo(DeliveryLedger.Outcome.IN_PROGRESS);
        first.complete(true);
        assertThat(firstOutcome.get(10, TimeUnit.SECONDS)).isEqualTo(DeliveryLedger.Outcome.PROCESSED);
        assertThat(repository.contains("j")).isTrue();
    }

    private DeliveryLedger.Outcome deliver(String id, java.util.function.BooleanSupplier route) {
        try {
            return ledger.deliver(id, route);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
