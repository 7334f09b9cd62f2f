package dev.cameljira.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark driver: runs every benchmark of issue 11, each variant in a fresh JVM, variants rotated per round, and
 * prints one table (figure, ours, baseline, ratio, target, met), also written to {@code target/bench/report.md}.
 *
 * <p>Arguments: {@code quick} (2 rounds, short windows: for development, not for the figures), {@code refs} (diagnostic reference variants too), {@code rounds=N},
 * {@code only=producer,webhook,polling,streaming,ratelimit,sync,footprint}, {@code out=path}.
 */
public final class Bench {

    static final List<String> ALL = List.of("producer", "webhook", "polling", "streaming", "ratelimit", "sync", "footprint");

    /** Settings of one run. */
    static final class Options {
        boolean quick;
        /** Also run diagnostic reference variants (today: bare Vert.x answering 204 in the webhook benchmark). */
        boolean refs;
        int rounds = 5;
        Set<String> only = new LinkedHashSet<>(ALL);
        Path out = Path.of("target/bench/report.md");
        Path root = Path.of(System.getProperty("bench.root", "../.."));

        double producerWarm() {
            return quick ? 1 : 1.5;
        }

        double producerMeasure() {
            return quick ? 1.5 : 2.5;
        }

        /** Rounds of a benchmark whose figure hardly varies (memory after a full collection). */
        int fewRounds() {
            return Math.min(rounds, 3);
        }

        /**
         * Rounds of a variant reported for context only, with no target (the webhook's 204 ceiling, the producer's
         * Camel {@code http:} variant): one, to keep the whole run within 10 minutes.
         */
        int contextRounds() {
            return Math.min(rounds, 1);
        }

        List<String> jvm(String... extra) {
            List<String> o = new ArrayList<>(List.of("-Xmx512m", "-XX:+UseG1GC", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
            o.addAll(List.of(extra));
            return o;
        }
    }

    private Bench() {
    }

    /**
     * Benchmarks whose figures are counts and memory, not time or CPU (requests per poll cycle from the sandbox's
     * journal; live heap after forced full collections): they run beside the rate-limited createIssue benchmark, whose
     * callers wait on Jira's 50 requests/s most of the time, so that the whole run is shorter. Not beside the sync: its
     * burst is bound by the CPU time each ticket takes as well as by the rate limit (streaming beside it took 57 s
     * instead of 42, so the burst shared the cores too).
     */
    static final List<String> BESIDE = List.of("polling", "streaming");
    /** The benchmark the {@link #BESIDE} ones start next to; whatever follows it waits until they are done. */
    static final List<String> RATE_LIMITED = List.of("ratelimit");

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        Map<String, Report> reports = new LinkedHashMap<>();
        for (String b : o.only) {
            reports.put(b, new Report());
        }
        Instant start = Instant.now();
        boolean overlap = o.only.stream().anyMatch(RATE_LIMITED::contains);
        Thread beside = null;
        for (String b : o.only) {
            if (overlap && BESIDE.contains(b)) {
                continue;
            }
            if (overlap && beside == null && RATE_LIMITED.contains(b)) {
                beside = new Thread(() -> {
                    for (String c : o.only) {
                        if (BESIDE.contains(c)) {
                            runOne(c, o, reports.get(c), " (beside the rate-limited benchmarks)");
                        }
                    }
                }, "beside");
                beside.start();
            }
            if (beside != null && !RATE_LIMITED.contains(b)) {
                beside.join(); // what measures time or CPU runs alone
            }
            runOne(b, o, reports.get(b), "");
        }
        if (beside != null) {
            beside.join();
        }
        Report report = new Report();
        reports.values().forEach(report::addAll);
        String header = String.format(Locale.ROOT, "# Benchmark report%n%n%s, %d cores, Java %s, %d rounds%s, %s; run took %d s. "
                + "Ratios are medians of per-round paired ratios; 'met' compares the ratio (or the figure) with the target.",
                start, Runtime.getRuntime().availableProcessors(), Runtime.version(), o.rounds, o.quick ? " (QUICK mode: "
                + "short windows, not for the record)" : "", String.join(",", o.only),
                Duration.between(start, Instant.now()).toSeconds());
        String md = report.markdown(header);
        System.out.println();
        System.out.println(md);
        report.write(o.out, header);
        System.out.println("written to " + o.out.toAbsolutePath().normalize());
    }

    private static void runOne(String b, Options o, Report report, String how) {
        long t0 = System.nanoTime();
        System.err.printf("== %s%s%n", b, how);
        try {
            switch (b) {
                case "producer" -> ProducerBench.run(o, report);
                case "webhook" -> WebhookBench.run(o, report);
                case "polling" -> PollingBench.run(o, report);
                case "streaming" -> StreamingBench.run(o, report);
                case "ratelimit" -> RateLimitBench.run(o, report);
                case "sync" -> SyncBench.run(o, report);
                case "footprint" -> FootprintBench.run(o, report);
                default -> throw new IllegalArgumentException(b);
            }
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            report.failed(b, "", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        System.err.printf("== %s took %.0f s%n", b, (System.nanoTime() - t0) / 1e9);
    }

    static Options parse(String[] args) {
        Options o = new Options();
        Integer rounds = null;
        for (String a : args) {
            if (a.isBlank()) {
                continue;
            }
            String arg = a.startsWith("--") ? a.substring(2) : a;
            if (arg.equals("quick")) {
                o.quick = true;
            } else if (arg.equals("refs")) {
                o.refs = true;
            } else if (arg.startsWith("rounds=")) {
                rounds = Integer.parseInt(arg.substring(7));
                if (rounds < 1) {
                    throw new IllegalArgumentException("rounds must be at least 1, was " + rounds);
                }
            } else if (arg.startsWith("only=")) {
                o.only = new LinkedHashSet<>();
                for (String b : arg.substring(5).split(",")) {
                    if (!ALL.contains(b.trim())) {
                        throw new IllegalArgumentException("unknown benchmark '" + b + "' in only=: choose from " + ALL);
                    }
                    o.only.add(b.trim());
                }
            } else if (arg.startsWith("out=")) {
                o.out = Path.of(arg.substring(4));
            } else {
                throw new IllegalArgumentException("unknown argument '" + a + "': quick, refs, rounds=N, only=" + String.join(",", ALL)
                        + ", out=path");
            }
        }
        o.rounds = rounds != null ? rounds : o.quick ? 2 : 5;
        return o;
    }

    /** Collects one figure per variant and round. */
    static final class Samples {
        private final Map<String, Map<String, List<Double>>> byVariant = new LinkedHashMap<>();

        void add(String variant, Map<String, String> values) {
            Map<String, List<Double>> m = byVariant.computeIfAbsent(variant, v -> new LinkedHashMap<>());
            values.forEach((k, v) -> m.computeIfAbsent(k, x -> new ArrayList<>()).add(Double.parseDouble(v)));
        }

        List<Double> get(String variant, String figure) {
            return byVariant.getOrDefault(variant, Map.of()).getOrDefault(figure, List.of());
        }

        double median(String variant, String figure) {
            return Stats.median(get(variant, figure));
        }

        /** Median of ours/base per round. */
        double ratio(String ours, String base, String figure) {
            return Stats.pairedRatio(get(ours, figure), get(base, figure));
        }
    }

    static boolean exists(Path p) {
        return Files.exists(p);
    }
}
