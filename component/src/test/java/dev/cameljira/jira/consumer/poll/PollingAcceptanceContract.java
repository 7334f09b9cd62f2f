package dev.cameljira.jira.consumer.poll;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.jira.model.JiraEvent;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance test of the polling consumers: random issue changes (creations, edits, transitions, comments; often
 * several in the same minute, sometimes in the same millisecond) are made while the three pollers run on their
 * schedulers (pages of 3 issues, no extra overlap), while the routes fail now and then, and while single routes or the
 * whole application are stopped and restarted at random points (the cursors live in a FileStateRepository). At the end
 * every change must have been emitted, and emitted exactly once. The seed is fixed (override with -Dpolling.seed).
 */
abstract class PollingAcceptanceContract extends PollingTestSupport {

    private static final long SEED = Long.getLong("polling.seed", 20261128L);
    private static final int CHANGES = 60;
    private static final List<String> KINDS = List.of("newIssues", "updatedIssues", "newComments");
    private static final List<String> STATUSES = List.of("To Do", "In Progress", "Done");

    @TempDir
    Path dir;

    /**
     * Counts what the routes completed. The route fails the first delivery of about one event in five, and the first two
     * of about one in eleven (chosen by the event's identity, so the plan is the same on every run).
     */
    static final class Tally implements Processor {
        final Map<String, AtomicInteger> completed = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        final AtomicInteger failures = new AtomicInteger();
        volatile boolean failing = true;

        @Override
        public void process(Exchange exchange) {
            String key = PollingTestSupport.describe(exchange.getMessage().getBody(JiraEvent.class));
            int attempt = attempts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            if (failing && attempt <= plannedFailures(key)) {
                failures.incrementAndGet();
                throw new IllegalStateException("failure injected by the acceptance test");
            }
            completed.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        }

        private static int plannedFailures(String key) {
            int h = Math.floorMod(key.hashCode(), 55);
            return h % 11 == 0 ? 2 : h % 5 == 0 ? 1 : 0;
        }

        Map<String, Integer> repeated() {
            Map<String, Integer> out = new TreeMap<>();
            completed.forEach((k, v) -> {
                if (v.get() != 1) {
                    out.put(k, v.get());
                }
            });
            return out;
        }
    }

    @Test
    void everyChangeIsEmittedExactlyOnceWhilePollersAreStoppedAndRestartedAtRandom() throws Exception {
        Random random = new Random(SEED + mode().ordinal());
        String label = "acceptance" + mode().name().toLowerCase();
        File file = dir.resolve("cursors.state").toFile();
        Instant since = clock.instant();
        String options = "?stateRepository=#cursors&since=" + since + "&maxResults=3&overlap=0&delay=40&initialDelay=0"
                         + "&jql=RAW(project = DEMO AND labels = " + label + ")";
        Tally tally = new Tally();
        long started = System.nanoTime();
        Map<String, String> statusOf = new LinkedHashMap<>();
        List<String> expectedCreations = new ArrayList<>();
        List<String> expectedComments = new ArrayList<>();
        int restarts = 0;
        int routeStops = 0;
        Set<Integer> restartAt = steps(random, 2);
        Set<Integer> toggleAt = steps(random, 3);
        toggleAt.removeAll(restartAt);

        CamelContext app = startApp(file, options, tally);
        try {
            for (int step = 0; step < CHANGES; step++) {
                int pause = random.nextInt(10);
                clock.advance(Duration.ofMillis(pause < 3 ? 0 : random.nextInt(20_000)));
                int action = statusOf.isEmpty() ? 0 : random.nextInt(10);
                String key = statusOf.isEmpty() ? null : new ArrayList<>(statusOf.keySet()).get(random.nextInt(statusOf.size()));
                if (action < 2) {
                    String k = sandbox.admin().createIssue("DEMO", "Task", "acceptance " + step, Map.of("labels", List.of(label)));
                    statusOf.put(k, "To Do");
                    expectedCreations.add("created " + k);
                } else if (action < 5) {
                    sandbox.admin().updateIssue(key, Map.of("summary", "acceptance edit " + step));
                } else if (action < 7) {
                    String next = nextStatus(statusOf.get(key), random);
                    sandbox.admin().transition(key, next);
                    statusOf.put(key, next);
                } else {
                    expectedComments.add("comment " + sandbox.admin().addComment(key, "acceptance comment " + step));
                }
                if (restartAt.contains(step)) {
                    app.stop();
                    app = startApp(file, options, tally);
                    restarts++;
                } else if (toggleAt.contains(step)) {
                    String route = KINDS.get(random.nextInt(KINDS.size()));
                    if (app.getRouteController().getRouteStatus(route) == ServiceStatus.Started) {
                        app.getRouteController().stopRoute(route);
                        routeStops++;
                    } else {
                        app.getRouteController().startRoute(route);
                    }
                }
                Thread.sleep(random.nextInt(12));
            }
            for (String route : KINDS) {
                if (app.getRouteController().getRouteStatus(route) != ServiceStatus.Started) {
                    app.getRouteController().startRoute(route);
                }
            }
            Set<String> expected = expected(statusOf.keySet(), expectedCreations, expectedComments);
            awaitCompleted(tally, expected);
        } finally {
            app.stop();
        }

        // a last start with nothing new to find: two more polls of each kind must deliver nothing
        Map<String, Integer> before = snapshot(tally);
        tally.failing = false;
        long drained = System.nanoTime();
        CamelContext last = newContext(Map.of("cursors", FileStateRepository.fileStateRepository(file)));
        try {
            for (String kind : KINDS) {
                JiraPollingConsumer c = addRoute(last, "jira:" + kind + options, tally);
                c.poll();
                c.poll();
            }
        } finally {
            last.stop();
        }
        Set<String> expected = expected(statusOf.keySet(), expectedCreations, expectedComments);
        System.out.printf("%s acceptance: %d events, %d restarts, %d route stops, %d injected failures; changes+drain %d ms, final check %d ms%n",
                mode(), expected.size(), restarts, routeStops, tally.failures.get(), (drained - started) / 1_000_000,
                (System.nanoTime() - drained) / 1_000_000);
        assertThat(snapshot(tally)).as("nothing new after the end").isEqualTo(before);
        assertThat(tally.completed.keySet()).as("every change emitted (%d restarts, %d route stops, %d injected failures)",
                restarts, routeStops, tally.failures.get()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(tally.repeated()).as("no change emitted twice").isEmpty();
        assertThat(expected).hasSizeGreaterThan(CHANGES / 2);
        assertThat(restarts).as("application restarts").isEqualTo(2);
        assertThat(routeStops).as("route stops").isPositive();
        assertThat(tally.failures.get()).as("route failures happened").isPositive();
    }

    private CamelContext startApp(File file, String options, Tally tally) throws Exception {
        CamelContext app = newContext(Map.of("cursors", FileStateRepository.fileStateRepository(file)));
        app.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (String kind : KINDS) {
                    from("jira:" + kind + options).routeId(kind).process(tally);
                }
            }
        });
        return app;
    }

    private Set<String> expected(Set<String> issues, List<String> creations, List<String> comments) {
        Set<String> out = new java.util.HashSet<>(creations);
        out.addAll(comments);
        for (String key : issues) {
            JsonNode histories = sandbox.admin().issue(key).path("changelog");
            assertThat(histories.path("total").asInt()).as("all histories of %s visible", key)
                    .isEqualTo(histories.path("histories").size());
            histories.path("histories").forEach(h -> out.add("history " + h.path("id").asText()));
        }
        return out;
    }

    private static void awaitCompleted(Tally tally, Set<String> expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!tally.completed.keySet().containsAll(expected) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static Map<String, Integer> snapshot(Tally tally) {
        Map<String, Integer> out = new TreeMap<>();
        tally.completed.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** {@code n} distinct random steps. */
    private static Set<Integer> steps(Random random, int n) {
        Set<Integer> out = new java.util.HashSet<>();
        while (out.size() < n) {
            out.add(random.nextInt(CHANGES));
        }
        return out;
    }

    private static String nextStatus(String current, Random random) {
        List<String> others = new ArrayList<>(STATUSES);
        others.remove(current);
        if ("Done".equals(current)) {
            return "To Do";
        }
        return others.get(random.nextInt(others.size()));
    }
}
