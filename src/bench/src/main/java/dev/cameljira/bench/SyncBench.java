package dev.cameljira.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Issue 11 item 6: sync latency (Zendesk ticket -> Jira issue, Jira Done -> ticket solved; webhook and polling paths,
 * p50/p95) and a burst of 1,000 tickets under Jira's 50 requests/s limit vs the ideal.
 */
final class SyncBench {

    static final String POLL_INTERVAL = "1s";
    /** The sync logs one warning per ticket whose requester has no Jira account: a thousand lines in the burst. */
    static final String QUIET_MONITOR = "-Dorg.slf4j.simpleLogger.log.dev.cameljira.routes.SyncMonitor=error";

    private SyncBench() {
    }

    static void run(Bench.Options o, Report report) throws Exception {
        int n = o.quick ? 5 : 10;
        for (String mode : List.of("webhook", "polling")) {
            Map<String, String> r;
            try (Child c = Child.start("sync-" + mode, o.jvm(QUIET_MONITOR), SyncRun.class, mode, Integer.toString(n), POLL_INTERVAL)) {
                r = c.awaitResult(Duration.ofMinutes(5));
            }
            for (String dir : List.of("create", "done")) {
                List<Double> ms = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    ms.add(Double.parseDouble(r.get(dir + "." + i)));
                }
                Collections.sort(ms);
                double p50 = Stats.median(ms);
                double p95 = ms.get((int) Math.ceil(0.95 * ms.size()) - 1);
                String what = dir.equals("create") ? "Zendesk ticket -> Jira issue" : "Jira Done -> Zendesk ticket solved";
                String path = mode.equals("webhook") ? "webhook path" : "polling path, pollInterval " + POLL_INTERVAL;
                report.add("6. sync latency p50 / p95, ms, " + what + ", " + path + " (" + n + " tickets in turn)",
                        Report.fmt(p50) + " / " + Report.fmt(p95), "", "", "(figure)", null);
            }
        }
        int tickets = o.quick ? 200 : 1000;
        Map<String, String> b;
        try (Child c = Child.start("sync-burst", o.jvm("-Xmx1g", QUIET_MONITOR), SyncRun.class, "burst", Integer.toString(tickets))) {
            b = c.awaitResult(Duration.ofMinutes(11));
        }
        System.err.println("  burst " + b);
        double seconds = Double.parseDouble(b.get("seconds"));
        double ideal = tickets / 50.0;
        double ratio = seconds / ideal;
        long issues = Long.parseLong(b.get("issues"));
        long distinct = Long.parseLong(b.get("distinctKeys"));
        report.add(String.format("6. %,d Zendesk tickets in a burst, Jira limited to 50 requests/s: seconds until all are linked "
                        + "(baseline: the ideal %,d / 50)", tickets, tickets), Report.fmt(seconds), Report.fmt(ideal),
                Report.ratio(ratio), "<= 1.30 (ours/ideal)", ratio <= 1.30);
        report.add("6. ... issues / duplicates / sync failures / Jira calls per ticket", issues + " / " + (tickets - distinct)
                   + " / " + b.get("failures") + " / " + Report.fmt(Double.parseDouble(b.get("jiraCalls")) / tickets),
                tickets + " / 0 / 0 / 1", "", "all linked once, no failure",
                issues == tickets && distinct == tickets && "0".equals(b.get("failures")));
        if (b.containsKey("remoteLinksSeconds")) {
            report.add("6. ... seconds until every issue has its remote link too / Jira calls per ticket by then",
                    b.get("remoteLinksSeconds") + " / " + Report.fmt(Double.parseDouble(b.get("jiraCallsWithLinks")) / tickets),
                    "", "", "(figure)", null);
        }
        report.note("Sync: the jira-zendesk-sync template (routes/) in one JVM with the sandbox, set up as routes' tests do; "
                + "latencies measured one ticket at a time by checking the ticket every 5 ms. Burst: BurstTest's set-up "
                + "(pollInterval 3s, the sandbox limiting /rest/ to 50 requests/s, the sync's default concurrency 4: the records "
                + "of a poll synced 4 at a time, their creations sent in bulk when they meet), the jira component paced at "
                + SyncRun.PACE + " requests/s (maxRequestsPerSecond, a little below the limit, as a user who knows it sets "
                + "it); Jira calls counted by the SyncMonitor when the last ticket is linked (remote links, added after the "
                + "creations, in the next row; " + b.get("jira429") + " answered 429). The ideal counts one Jira request per "
                + "ticket.");
    }
}
