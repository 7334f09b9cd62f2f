package dev.cameljira.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Issue 11 item 5: 1,000 createIssue calls against the sandbox limited to 50 requests/s (429 + Retry-After beyond):
 * zero failures, zero duplicates, within 1.3 x the ideal 20 s. One run (it takes 20 s or more by construction).
 */
final class RateLimitBench {

    static final int CALLS = 1000;
    static final int RATE = 50;
    static final int THREADS = 8;

    private RateLimitBench() {
    }

    static void run(Bench.Options o, Report report) throws Exception {
        int calls = o.quick ? 250 : CALLS;
        double ideal = (double) calls / RATE;
        Map<String, String> client;
        Map<String, String> jira;
        try (Child sandbox = Child.start("sandbox-rate", o.jvm(), SandboxServer.class, "0", Integer.toString(RATE))) {
            String port = sandbox.awaitReady(Duration.ofSeconds(60)).get("port");
            // readBack=false: one request per created issue, the mode a bulk load chasing throughput uses (the default
            // reads each issue back, two requests per call)
            try (Child c = Child.start("rate-client", o.jvm(), RateLimitedCreate.class, port, Integer.toString(calls),
                    Integer.toString(THREADS), "&readBack=false")) {
                client = c.awaitResult(Duration.ofMinutes(11));
            }
            sandbox.process().getOutputStream().close();
            jira = sandbox.awaitResult(Duration.ofSeconds(60));
        }
        System.err.println("  client " + client + ", sandbox " + jira);
        double seconds = Double.parseDouble(client.get("seconds"));
        int failed = Integer.parseInt(client.get("failed"));
        int issues = Integer.parseInt(jira.get("issues"));
        int distinct = Integer.parseInt(jira.get("distinctSummaries"));
        int duplicates = issues - distinct;
        double ratio = seconds / ideal;
        report.add(String.format("5. %,d `createIssue` calls, %d callers, Jira limited to %d requests/s: seconds (baseline: the "
                + "ideal %,d / %d)", calls, THREADS, RATE, calls, RATE), Report.fmt(seconds), Report.fmt(ideal), Report.ratio(ratio),
                "<= 1.30 (ours/ideal)", ratio <= 1.30);
        report.note("Rate limit: the sandbox in its own JVM limits /rest/ to 50 requests/s and answers 429 with Retry-After "
                + "beyond; the component's defaults (maxRetries=3) throttle the 8 callers. The calls use readBack=false, the "
                + "mode for bulk loads: one Jira request per created issue (the POST; the result is Jira's answer with the "
                + "fields sent). With the default read-back a call makes two requests (POST + GET), so 1,000 calls need "
                + "2,000 requests and cannot finish under 40 s at 50 requests/s.");
        report.add("5. ... failures / duplicates / issues created", failed + " / " + duplicates + " / " + issues, "0 / 0 / " + calls,
                "", "0 failures, 0 duplicates", failed == 0 && duplicates == 0 && issues == calls);
    }
}
