package dev.cameljira.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Issue 11 item 4: peak heap while searchIssues streams 10,000 and 100,000 issues; the small run is the baseline. */
final class StreamingBench {

    static final double TARGET = 1.25;

    private StreamingBench() {
    }

    static void run(Bench.Options o, Report report) throws Exception {
        int small = 10_000;
        int large = o.quick ? 30_000 : 100_000;
        // the client's heap: small and fixed young generation, so collections (where the peak is read) happen often
        List<String> clientJvm = List.of("-Xmx256m", "-Xmn24m", "-XX:+UseSerialGC");
        Bench.Samples s = new Bench.Samples();
        try (Child smallJira = Child.start("stub-" + small, o.jvm(), HttpStub.class, Integer.toString(small));
             Child largeJira = Child.start("stub-" + large, o.jvm(), HttpStub.class, Integer.toString(large))) {
            String smallPort = smallJira.awaitReady(Duration.ofSeconds(300)).get("port");
            String largePort = largeJira.awaitReady(Duration.ofSeconds(300)).get("port");
            for (int round = 0; round < o.fewRounds(); round++) {
                for (String v : Stats.rotated(List.of("large", "small"), round)) {
                    boolean isLarge = v.equals("large");
                    try (Child c = Child.start("stream-" + v, clientJvm, StreamingClient.class, isLarge ? largePort : smallPort,
                            Integer.toString(isLarge ? large : small))) {
                        Map<String, String> r = c.awaitResult(Duration.ofSeconds(300));
                        s.add(v, r);
                        System.err.printf("  round %d %-5s %s%n", round + 1, v, r);
                    }
                }
            }
        }
        double ratio = s.ratio("large", "small", "liveMb");
        report.add(String.format("4. peak live heap, MB, while `searchIssues` streams %,d issues through `split().streaming()` "
                + "(baseline: %,d issues)", large, small), Report.fmt(s.median("large", "liveMb")),
                Report.fmt(s.median("small", "liveMb")), Report.ratio(ratio), "<= 1.25 (large/small)", ratio <= TARGET);
        report.note(String.format(java.util.Locale.ROOT, "Streaming: " + o.fewRounds()
                + " rounds (the live heap barely varies), maxResults=100, all fields, a stub in its own JVM paging a real "
                + "sandbox issue (the sandbox "
                + "scans every issue per page, too slow at 100,000); "
                + "client -Xmx256m -Xmn24m SerialGC; live heap = the largest heap in use right after a full collection forced "
                + "every 1,000 issues. For context, the largest heap in use after the JVM's own collections (garbage promoted "
                + "between old collections included): %s MB (%,d), %s MB (%,d). Time to stream: %s s (%,d issues), %s s (%,d).",
                Report.fmt(s.median("large", "peakMb")), large, Report.fmt(s.median("small", "peakMb")), small,
                Report.fmt(s.median("large", "seconds")), large, Report.fmt(s.median("small", "seconds")), small));
    }
}
