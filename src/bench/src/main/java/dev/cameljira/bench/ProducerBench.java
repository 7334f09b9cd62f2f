package dev.cameljira.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Issue 11 item 1: producer overhead against a fixed-response stub, vs a bare HttpClient 5 and vs Camel's http:. */
final class ProducerBench {

    static final int THREADS = 8;
    static final double TARGET = 0.95;

    private ProducerBench() {
    }

    /** Measured windows per operation and variant in a round; each {@link #WINDOW_MS} long, after a lead-in. */
    static int windows(Bench.Options o) {
        return (int) Math.max(2, Math.round(o.producerMeasure() * 1000 / WINDOW_MS));
    }

    static final long WINDOW_MS = 500;
    static final long LEAD_IN_MS = 250;

    /**
     * One round: a fresh JVM per variant, each warmed alone (the others wait, idle), then the measured windows alternated
     * between them (variant order rotated per window), so that the machine's drift over the round (other tenants, CPU
     * frequency: the same JVM pair measured 20 s apart differed by more than the figure's gap) falls on every variant
     * alike. Returns per variant the figures ProducerLoad prints, summed over its windows.
     */
    private static Map<String, Map<String, String>> interleavedRound(Bench.Options o, String port, List<String> variants)
            throws Exception {
        Map<String, Child> children = new java.util.LinkedHashMap<>();
        Map<String, Map<String, String>> warm = new java.util.HashMap<>();
        Map<String, Map<String, Double>> sums = new java.util.HashMap<>();
        try {
            for (String v : variants) {
                Child c = Child.start("producer-" + v, o.jvm(), ProducerLoad.class, v, port, Integer.toString(THREADS),
                        Double.toString(o.producerWarm()), Double.toString(o.producerMeasure()), "interleaved");
                children.put(v, c);
                warm.put(v, c.awaitReady(Duration.ofSeconds(120)));
            }
            int n = windows(o);
            for (int w = 0; w < n; w++) {
                for (String op : List.of("getIssue", "createIssue")) {
                    for (String v : Stats.rotated(variants, w)) {
                        Child c = children.get(v);
                        c.send(op + " " + LEAD_IN_MS + " " + WINDOW_MS);
                        Map<String, String> r = c.awaitResult(Duration.ofSeconds(60));
                        Map<String, Double> sum = sums.computeIfAbsent(v, k -> new java.util.HashMap<>());
                        for (String k : List.of("n", "ns", "cpuNs", "served", "callersNs", "jitNs", "gcNs")) {
                            sum.merge(op + "." + k, Double.parseDouble(r.get(op + "." + k)), Double::sum);
                        }
                    }
                }
            }
        } finally {
            children.values().forEach(Child::close);
        }
        Map<String, Map<String, String>> out = new java.util.LinkedHashMap<>();
        for (String v : variants) {
            Map<String, Double> sum = sums.get(v);
            Map<String, String> values = new java.util.HashMap<>(warm.get(v));
            for (String op : List.of("getIssue", "createIssue")) {
                double calls = sum.get(op + ".n");
                values.put(op + ".rps", fmt(calls / (sum.get(op + ".ns") / 1e9)));
                values.put(op + ".cpuUs", fmt(sum.get(op + ".cpuNs") / 1e3 / calls));
                values.put(op + ".requests", fmt(sum.get(op + ".served") / calls));
                for (String g : List.of("callers", "jit", "gc")) {
                    values.put(op + ".cpuUs." + g, fmt(sum.get(op + "." + g + "Ns") / 1e3 / calls));
                }
            }
            out.put(v, values);
        }
        return out;
    }

    private static String fmt(double d) {
        return String.format(java.util.Locale.ROOT, "%.2f", d);
    }

    static void run(Bench.Options o, Report report) throws Exception {
        List<String> variants = List.of("jira", "bare", "http");
        Bench.Samples s = new Bench.Samples();
        try (Child stub = Child.start("stub", o.jvm(), HttpStub.class)) {
            String port = stub.awaitReady(Duration.ofSeconds(90)).get("port");
            for (int round = 0; round < o.rounds; round++) {
                List<String> inRound = new ArrayList<>();
                for (String v : Stats.rotated(variants, round)) {
                    if (!v.equals("http") || round < o.contextRounds()) {
                        inRound.add(v); // http: context, not a target: its median over fewer rounds keeps the run short
                    }
                }
                Map<String, Map<String, String>> r = interleavedRound(o, port, inRound);
                for (Map.Entry<String, Map<String, String>> e : r.entrySet()) {
                    s.add(e.getKey(), e.getValue());
                    System.err.printf("  round %d %-4s %s%n", round + 1, e.getKey(), e.getValue());
                }
            }
        }
        for (String op : List.of("getIssue", "createIssue")) {
            double rps = s.ratio("jira", "bare", op + ".rps");
            report.add("1. `jira:" + op + "` requests/s, concurrency 8 (baseline: bare pooled HttpClient 5 + same parse)",
                    Report.fmt(s.median("jira", op + ".rps")), Report.fmt(s.median("bare", op + ".rps")), Report.ratio(rps),
                    ">= 0.95 (ours/bare)", rps >= TARGET);
            double cpu = s.ratio("bare", "jira", op + ".cpuUs");
            report.add("1. `jira:" + op + "` client CPU per call, µs (baseline: bare HttpClient 5)",
                    Report.fmt(s.median("jira", op + ".cpuUs")), Report.fmt(s.median("bare", op + ".cpuUs")), Report.ratio(cpu),
                    ">= 0.95 (bare/ours)", cpu >= TARGET);
            report.add("1. `jira:" + op + "` requests/s vs Camel `http:` + same parse",
                    Report.fmt(s.median("jira", op + ".rps")), Report.fmt(s.median("http", op + ".rps")),
                    Report.ratio(s.ratio("jira", "http", op + ".rps")), "(context)", null);
            report.add("1. `jira:" + op + "` client CPU per call, µs, vs Camel `http:` + same parse",
                    Report.fmt(s.median("jira", op + ".cpuUs")), Report.fmt(s.median("http", op + ".cpuUs")),
                    Report.ratio(s.ratio("http", "jira", op + ".cpuUs")), "(context; http/ours)", null);
        }
        report.note(String.format(java.util.Locale.ROOT, "Producer: HTTP requests per call as counted by the stub: getIssue "
                + "%s (bare %s), createIssue %s (bare %s): createIssue POSTs and reads the issue back, so the baselines do both "
                + "too. Stub: Vert.x in its own JVM returning a real sandbox issue; endpoints resolved once (as a route does); each "
                + "operation warmed at least %s s and until the JIT settled (compiler threads under 5%% of the process CPU for "
                + "a second), both before either is measured: first by " + ProducerLoad.WARM_CALLERS + " callers, so that "
                + "the compiler gets CPU on 2 cores (at most " + ProducerLoad.MAX_WARM_MS / 1000 + " s), then by all 8, "
                + "then each operation alone; then %s s measured per operation and variant, in " + windows(o) + " windows of "
                + WINDOW_MS + " ms (after " + LEAD_IN_MS + " ms unmeasured) alternated between the round's JVMs (each "
                + "warmed alone, the others waiting), so that every variant is measured at the same moments. Warm-up taken "
                + "(median s, getIssue/createIssue): jira %s/%s, bare %s/%s. JIT CPU per call left in the measured window "
                + "(median µs, getIssue/createIssue): jira %s/%s, bare %s/%s; caller threads' CPU per call: jira %s/%s, bare %s/%s.",
                Report.fmt(s.median("jira", "getIssue.requests")), Report.fmt(s.median("bare", "getIssue.requests")),
                Report.fmt(s.median("jira", "createIssue.requests")), Report.fmt(s.median("bare", "createIssue.requests")),
                o.producerWarm(), o.producerMeasure(),
                Report.fmt(s.median("jira", "getIssue.warmS")), Report.fmt(s.median("jira", "createIssue.warmS")),
                Report.fmt(s.median("bare", "getIssue.warmS")), Report.fmt(s.median("bare", "createIssue.warmS")),
                Report.fmt(s.median("jira", "getIssue.cpuUs.jit")), Report.fmt(s.median("jira", "createIssue.cpuUs.jit")),
                Report.fmt(s.median("bare", "getIssue.cpuUs.jit")), Report.fmt(s.median("bare", "createIssue.cpuUs.jit")),
                Report.fmt(s.median("jira", "getIssue.cpuUs.callers")), Report.fmt(s.median("jira", "createIssue.cpuUs.callers")),
                Report.fmt(s.median("bare", "getIssue.cpuUs.callers")), Report.fmt(s.median("bare", "createIssue.cpuUs.callers"))));
    }
}
