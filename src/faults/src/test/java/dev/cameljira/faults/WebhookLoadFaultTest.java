package dev.cameljira.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * 10,000 signed deliveries over loopback, 32 at a time, 5% of them second copies of an earlier delivery (same
 * X-Atlassian-Webhook-Identifier, sent at any moment, so some while the first copy is still in the route): every request
 * is answered 200, every distinct delivery reaches the route exactly once, and the heap stays bounded.
 *
 * <p>Heap: used heap after a full GC is measured once the deliveries are built (the test holds them all) and again after
 * the run, while the test still holds them. What the receiver keeps is the difference: its de-duplication ids (Jira's
 * delivery ids, a bounded LRU of 50,000 by default) and pools. Each delivery carries a 4 KB description, so a receiver
 * that kept the deliveries (their bodies, events or JSON trees, e.g. as an unbounded de-dup cache of payloads) would
 * keep at least the bytes of the bodies, about 42 MB; the limit is a third of that (14 MB; about 5 MB is measured,
 * most of it the test's own count per delivery id).
 */
class WebhookLoadFaultTest {

    private static final int DELIVERIES = 10_000;
    private static final int DUPLICATES = DELIVERIES / 20;
    private static final int CONCURRENCY = 32;
    private static final int PADDING = 4096;

    private record Delivery(String id, byte[] body) {
    }

    @Test
    void tenThousandSignedDeliveriesEachRoutedOnceWithABoundedHeap() throws Exception {
        SuiteSecrets.ran(getClass());
        long seed = Long.getLong("faults.seed", 20261205L);
        System.out.println("WebhookLoadFaultTest seed " + seed + " (-Dfaults.seed=" + seed + " repeats this run)");
        Random random = new Random(seed);
        List<Delivery> distinct = new ArrayList<>();
        long distinctBytes = 0;
        for (int i = 0; i < DELIVERIES - DUPLICATES; i++) {
            byte[] body = WebhookReceiver.event("LOAD-" + i, PADDING);
            distinct.add(new Delivery("load-" + seed + "-" + i, body));
            distinctBytes += body.length;
        }
        List<Delivery> all = new ArrayList<>(distinct);
        for (int i = 0; i < DUPLICATES; i++) {
            all.add(distinct.get(random.nextInt(distinct.size())));
        }
        Collections.shuffle(all, random);

        try (WebhookReceiver receiver = new WebhookReceiver("")) {
            // one warm-up delivery, so the first request's class loading and pools count in the baseline
            assertThat(receiver.deliver(WebhookReceiver.event("WARM-1", PADDING), "warm-up-" + seed).statusCode()).isEqualTo(200);
            long before = usedHeapAfterGc();
            long started = System.nanoTime();
            Map<Integer, Integer> byStatus = new TreeMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
            try {
                List<Future<Integer>> statuses = new ArrayList<>();
                for (Delivery d : all) {
                    statuses.add(pool.submit(() -> receiver.deliver(d.body(), d.id()).statusCode()));
                }
                pool.shutdown();
                assertThat(pool.awaitTermination(3, TimeUnit.MINUTES)).as("all deliveries answered in 3 min").isTrue();
                for (Future<Integer> f : statuses) {
                    byStatus.merge(f.get(), 1, Integer::sum);
                }
            } finally {
                pool.shutdownNow();
            }
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;
            long after = usedHeapAfterGc();
            long retained = after - before;
            long limit = distinctBytes / 3;
            System.out.printf("WebhookLoadFaultTest: %d deliveries (%d distinct, %.1f MB of bodies) in %d ms (%.0f/s); "
                              + "heap after GC %.1f MB -> %.1f MB: %.1f MB kept by the receiver (limit %.1f MB)%n",
                    all.size(), distinct.size(), distinctBytes / 1e6, elapsedMs, all.size() * 1000.0 / elapsedMs,
                    before / 1e6, after / 1e6, retained / 1e6, limit / 1e6);

            assertThat(byStatus).as("status codes of %s deliveries", all.size()).containsOnlyKeys(200);
            Map<String, AtomicInteger> routed = receiver.routedById();
            assertThat(routed).as("distinct deliveries routed (and the warm-up)").hasSize(distinct.size() + 1);
            for (Delivery d : distinct) {
                assertThat(routed.get(d.id())).as("times %s was routed", d.id()).isNotNull().hasValue(1);
            }
            assertThat(retained).as("heap kept by the receiver after %s deliveries, in bytes", all.size()).isLessThan(limit);
        }
        Reference.reachabilityFence(all);
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            memory.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
