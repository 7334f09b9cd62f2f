package dev.cameljira.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Issue 11 item 1: producer overhead against a fixed-response stub, vs a bare HttpClient 5 and vs Camel's http:. */
final class ProducerBench {

    static final int THREADS = 8;
    static final double TARGET = 0.95;

    private ProducerBench() {
    }

    static void run(Bench.Options o, Report report) throws Exception {
        List<String> variants = List.of("jira", "bare", "http");
        Bench.Samples s = new Bench.Samples();
        try (Child stub = Child.start("stub", o.jvm(), HttpStub.class)) {
            String port = stub.awaitReady(Duration.ofSeconds(90)).get("port");
            for (int round = 0; round < o.rounds; round++) {
                for (String v : Stats.rotated(variants, round)) {
                    if (v.equals("http") && round >= o.contextRounds()) {
                        continue; // context, not a target: its median over fewer rounds keeps the run within 10 minutes
                    }
                    try (Child c = Child.start("producer-" + v, o.jvm(), ProducerLoad.class, v, port,
                            Integer.toString(THREADS), Double.toString(o.producerWarm()), Double.toString(o.producerMeasure()))) {
                        Map<String, String> r = c.awaitResult(Duration.ofSeconds(120));
                        s.add(v, r);
                        System.err.printf("  round %d %-4s %s%n", round + 1, v, r);
                    }
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
                + "then each operation alone; then %s s measured per operation. Warm-up taken "
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
