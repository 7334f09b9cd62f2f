package dev.cameljira.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.cameljira.jira.consumer.webhook.WebhookSignature;

/**
 * Issue 11 item 2: signed deliveries through {@code jira:webhook} (routeOnEventLoop; its default worker mode for
 * context) vs a bare Vert.x handler doing the same work; with {@code refs} a 204-only platform-http route and bare
 * Vert.x answering 204 as references. Load from wrk (one connection set, unique delivery id per request), in
 * three phases per fresh JVM: the first seconds after start, then load until 20 s, then the measured window.
 */
final class WebhookBench {

    static final String PAYLOAD = "jira-webhooks/pinpt-cloud_jira_issue_updated.json";
    static final int CONNECTIONS = 8;
    /** Variants reported for context, without a target: measured in fewer rounds. */
    static final List<String> CONTEXT = List.of("jira-worker", "ceiling", "vertx204");

    private WebhookBench() {
    }

    static void run(Bench.Options o, Report report) throws Exception {
        requireWrk();
        Path oracles = o.root.resolve("../shared/oracles").normalize();
        Path payload = oracles.resolve(PAYLOAD);
        if (!Files.isRegularFile(payload)) {
            throw new IllegalStateException("the webhook payload " + payload + " is missing: the benchmark POSTs a real "
                                            + "Jira Cloud delivery from the oracles (../shared/oracles of the project root)");
        }
        byte[] body = Files.readAllBytes(payload);
        String secret = "bench-" + UUID.randomUUID();
        String signature = WebhookSignature.sign(secret, body);
        Path dir = Files.createTempDirectory("webhook-bench");
        Path bodyFile = dir.resolve("payload.json");
        Files.write(bodyFile, body);
        Path script = dir.resolve("webhook.lua");
        try (InputStream in = WebhookBench.class.getResourceAsStream("webhook.lua")) {
            Files.copy(in, script);
        }
        int early = o.quick ? 3 : 4;
        int loadUntil = o.quick ? 8 : 20;
        int measure = 3;

        // jira:webhook's default mode is context (one round); the platform-http 204 route and bare Vert.x answering 204
        // are diagnostic references (what Camel's HTTP layer costs), run only with `refs`
        List<String> variants = o.refs ? List.of("jira", "vertx", "jira-worker", "ceiling", "vertx204")
                : List.of("jira", "vertx", "jira-worker");
        Bench.Samples s = new Bench.Samples();
        for (int round = 0; round < o.rounds; round++) {
            List<String> inRound = new ArrayList<>();
            for (String v : Stats.rotated(variants, round)) {
                if (!CONTEXT.contains(v) || round < o.contextRounds()) {
                    inRound.add(v); // references, not targets: their medians over fewer rounds keep the run short
                }
            }
            Map<String, Child> children = new LinkedHashMap<>();
            Map<String, String> urls = new LinkedHashMap<>();
            Map<String, Map<String, String>> results = new LinkedHashMap<>();
            try {
                // each JVM alone: its first seconds, then load until 20 s (the others started before wait, idle)
                for (String v : inRound) {
                    Child c = Child.start("webhook-" + v, o.jvm(), WebhookServer.class, v, secret);
                    children.put(v, c);
                    String url = "http://127.0.0.1:" + c.awaitReady(Duration.ofSeconds(60)).get("port") + WebhookServer.PATH;
                    urls.put(v, url);
                    Map<String, String> r = new LinkedHashMap<>();
                    phase(c, "early", url, early, script, signature, bodyFile, round, r);
                    wrk(url, loadUntil - early, script, signature, bodyFile, "load-" + round);
                    results.put(v, r);
                }
                // then the measured seconds alternated between them, one-second windows in rotated order, so that the
                // machine's drift over the round falls on every variant alike
                Map<String, List<Map<String, String>>> windows = new LinkedHashMap<>();
                for (int w = 0; w < measure; w++) {
                    for (String v : Stats.rotated(inRound, w)) {
                        Map<String, String> one = new LinkedHashMap<>();
                        phase(children.get(v), "warm", urls.get(v), 1, script, signature, bodyFile, round * 100 + w, one);
                        windows.computeIfAbsent(v, k -> new ArrayList<>()).add(one);
                    }
                }
                windows.forEach((v, list) -> results.get(v).putAll(combine(list)));
            } finally {
                children.values().forEach(Child::close);
            }
            for (Map.Entry<String, Map<String, String>> e : results.entrySet()) {
                s.add(e.getKey(), e.getValue());
                System.err.printf("  round %d %-7s %s%n", round + 1, e.getKey(), e.getValue());
            }
        }
        String after = "after " + loadUntil + " s of load";
        String first = "first " + early + " s after start";
        rows(report, s, "warm", after);
        rows(report, s, "early", first);
        for (String p : List.of("warm", "early")) {
            report.add("2. `jira:webhook` default mode (the route on a worker thread, for routes that may block), server CPU "
                       + "per request, µs, " + (p.equals("warm") ? after : first) + "; rounds: " + o.contextRounds(),
                    Report.fmt(s.median("jira-worker", p + ".cpuUs")), Report.fmt(s.median("vertx", p + ".cpuUs")),
                    Report.ratio(s.ratio("vertx", "jira-worker", p + ".cpuUs")), "(context; bare/ours)", null);
            report.add("2. `jira:webhook` default mode requests/s, " + (p.equals("warm") ? after : first) + "; rounds: "
                       + o.contextRounds(), Report.fmt(s.median("jira-worker", p + ".rps")),
                    Report.fmt(s.median("vertx", p + ".rps")), Report.ratio(s.ratio("jira-worker", "vertx", p + ".rps")),
                    "(context; ours/bare)", null);
        }
        report.note(String.format(Locale.ROOT, "Webhook: wrk, 1 thread, %d connections, a real Jira Cloud jira:issue_updated "
                + "delivery (%d bytes) signed with X-Hub-Signature, a unique X-Atlassian-Webhook-Identifier per request; "
                + "server CPU of the child JVM from /proc over the window; p50/p99 from wrk. Ours is "
                + "`jira:webhook?routeOnEventLoop=true` to a no-op route (a route that never blocks, as the bare handler's "
                + "work, runs on the event loop); its default mode, the route on a Vert.x worker thread for routes that may "
                + "block, is measured in %d round(s) for context. Per fresh JVM the first %d s, then load until %d s "
                + "(each JVM of a round alone, the others waiting), then %d one-second windows alternated between the "
                + "round's JVMs, so that every variant is measured at the same moments (p50/p99: the median of the "
                + "windows').%s", CONNECTIONS, body.length, o.contextRounds(), early, loadUntil, measure,
                o.refs ? String.format(Locale.ROOT, " References (refs, %d round(s)): the 204-only platform-http route %s "
                + "req/s, %s µs CPU per request %s; bare Vert.x answering 204 after reading the body %s req/s, %s µs: their "
                + "difference is Camel's HTTP layer (worker-thread hand-off, exchange, header copies), which jira:webhook "
                + "bypasses on the Vert.x router.", o.contextRounds(),
                Report.fmt(s.median("ceiling", "warm.rps")), Report.fmt(s.median("ceiling", "warm.cpuUs")), after,
                Report.fmt(s.median("vertx204", "warm.rps")), Report.fmt(s.median("vertx204", "warm.cpuUs"))) : ""));
        Files.walk(dir).sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
    }

    private static void rows(Report report, Bench.Samples s, String p, String when) {
        double rps = s.ratio("jira", "vertx", p + ".rps");
        boolean early = p.equals("early");
        report.add("2. `jira:webhook` (routeOnEventLoop) requests/s, " + when + " (baseline: bare Vert.x handler)",
                Report.fmt(s.median("jira", p + ".rps")),
                Report.fmt(s.median("vertx", p + ".rps")), Report.ratio(rps), early ? ">= 0.80 (ours/bare)" : "(context)",
                early ? rps >= 0.80 : null);
        double cpu = s.ratio("vertx", "jira", p + ".cpuUs");
        report.add("2. `jira:webhook` (routeOnEventLoop) server CPU per request, µs, " + when, Report.fmt(s.median("jira", p + ".cpuUs")),
                Report.fmt(s.median("vertx", p + ".cpuUs")), Report.ratio(cpu), early ? "(context; bare/ours)"
                        : ">= 0.90 (bare/ours)", early ? null : cpu >= 0.90);
        report.add("2. `jira:webhook` (routeOnEventLoop) p50 latency, ms, " + when, Report.fmt(s.median("jira", p + ".p50Ms")),
                Report.fmt(s.median("vertx", p + ".p50Ms")), Report.ratio(s.ratio("jira", "vertx", p + ".p50Ms")),
                "(context; ours/bare)", null);
        double p99 = s.ratio("jira", "vertx", p + ".p99Ms");
        report.add("2. `jira:webhook` (routeOnEventLoop) p99 latency, ms, " + when, Report.fmt(s.median("jira", p + ".p99Ms")),
                Report.fmt(s.median("vertx", p + ".p99Ms")), Report.ratio(p99), early ? "(context; ours/bare)"
                        : "<= 1.25 (ours/bare)", early ? null : p99 <= 1.25);
    }

    private static void phase(Child c, String name, String url, int seconds, Path script, String signature, Path body, int round,
                              Map<String, String> out) throws Exception {
        long cpu0 = c.cpu().toNanos();
        Map<String, String> w = wrk(url, seconds, script, signature, body, name + "-" + round);
        long cpu = c.cpu().toNanos() - cpu0;
        long requests = Long.parseLong(w.get("requests"));
        long refused = Long.parseLong(w.get("non2xx"));
        long errors = Long.parseLong(w.get("errors"));
        if (refused > 0) {
            throw new IllegalStateException(refused + " of " + requests + " deliveries were refused (not 2xx) in phase " + name);
        }
        if (errors * 100 > requests) {
            throw new IllegalStateException(errors + " of " + requests + " deliveries hit socket errors or timeouts in phase "
                                            + name + " (more than 1 %)");
        }
        out.put(name + ".requests", Long.toString(requests));
        out.put(name + ".durationUs", w.get("duration_us"));
        out.put(name + ".cpuNs", Long.toString(cpu));
        out.put(name + ".socketErrors", Long.toString(errors));
        out.put(name + ".rps", String.format(Locale.ROOT, "%.1f", requests / (Long.parseLong(w.get("duration_us")) / 1e6)));
        out.put(name + ".cpuUs", String.format(Locale.ROOT, "%.2f", cpu / 1e3 / requests));
        out.put(name + ".p50Ms", String.format(Locale.ROOT, "%.3f", Long.parseLong(w.get("p50_us")) / 1e3));
        out.put(name + ".p99Ms", String.format(Locale.ROOT, "%.3f", Long.parseLong(w.get("p99_us")) / 1e3));
    }

    /**
     * The measured windows of one JVM as one: requests/s and CPU per request over all of them, p50 and p99 the medians of
     * the windows' own.
     */
    private static Map<String, String> combine(List<Map<String, String>> windows) {
        double requests = 0;
        double us = 0;
        double cpu = 0;
        long errors = 0;
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        for (Map<String, String> w : windows) {
            requests += Double.parseDouble(w.get("warm.requests"));
            us += Double.parseDouble(w.get("warm.durationUs"));
            cpu += Double.parseDouble(w.get("warm.cpuNs"));
            errors += Long.parseLong(w.get("warm.socketErrors"));
            p50.add(Double.parseDouble(w.get("warm.p50Ms")));
            p99.add(Double.parseDouble(w.get("warm.p99Ms")));
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put("warm.socketErrors", Long.toString(errors));
        out.put("warm.rps", String.format(Locale.ROOT, "%.1f", requests / (us / 1e6)));
        out.put("warm.cpuUs", String.format(Locale.ROOT, "%.2f", cpu / 1e3 / requests));
        out.put("warm.p50Ms", String.format(Locale.ROOT, "%.3f", Stats.median(p50)));
        out.put("warm.p99Ms", String.format(Locale.ROOT, "%.3f", Stats.median(p99)));
        return out;
    }

    static Map<String, String> wrk(String url, int seconds, Path script, String signature, Path body, String runId)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("wrk", "-t1", "-c" + CONNECTIONS, "-d" + seconds + "s", "--timeout", "10s",
                "-s", script.toString(), url, "--", signature, body.toString(), runId));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String result = null;
        StringBuilder all = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                all.append(line).append('\n');
                if (line.startsWith("WRK ")) {
                    result = line.substring(4);
                }
            }
        }
        if (!p.waitFor(seconds + 30L, TimeUnit.SECONDS) || result == null) {
            p.destroyForcibly();
            throw new IllegalStateException("wrk gave no result: " + all);
        }
        return Child.parse(result);
    }

    static void requireWrk() {
        try {
            Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("the webhook benchmark needs wrk on the PATH: apt-get install -y wrk (Debian)");
        }
    }
}
