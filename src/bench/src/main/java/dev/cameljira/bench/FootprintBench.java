package dev.cameljira.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.cameljira.sandbox.SandboxUsers;
import dev.cameljira.sandbox.servicenow.ServiceNowEmulator;
import dev.cameljira.sandbox.zendesk.ZendeskEmulator;

/**
 * Issue 11 item 7: start-up time (process start to {@code /q/health/ready} answering 200) and resident memory (VmRSS,
 * 3 s after ready) of examples/jira-sync in JVM mode, syncing a sandbox in another JVM, vs a bare Quarkus + Camel
 * Quarkus application with the same extensions and no routes (src/bench/bare-quarkus).
 */
final class FootprintBench {

    static final double TARGET = 1.15;

    private FootprintBench() {
    }

    static void run(Bench.Options o, Report report) throws Exception {
        Path syncJar = o.root.resolve("examples/jira-sync/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(syncJar)) {
            throw new IllegalStateException(syncJar + " is missing: build it first (the bench command in src/bench/README.md "
                                            + "packages examples/jira-sync)");
        }
        Path bareJar = buildBare(o.root);
        Bench.Samples s = new Bench.Samples();
        Path work = Files.createTempDirectory("footprint-bench");
        try (Child sandbox = Child.start("sandbox-footprint", o.jvm(), SandboxServer.class, "0")) {
            String base = "http://127.0.0.1:" + sandbox.awaitReady(Duration.ofSeconds(60)).get("port");
            for (int round = 0; round < o.rounds; round++) {
                for (String v : Stats.rotated(List.of("jira-sync", "bare"), round)) {
                    boolean sync = v.equals("jira-sync");
                    Map<String, String> env = new HashMap<>();
                    if (sync) {
                        env.put("JIRA_URL", base);
                        env.put("JIRA_USERNAME", SandboxUsers.ADMIN_EMAIL);
                        env.put("JIRA_API_TOKEN", SandboxUsers.ADMIN_TOKEN);
                        env.put("ZENDESK_URL", base);
                        env.put("ZENDESK_USERNAME", ZendeskEmulator.AGENT_EMAIL);
                        env.put("ZENDESK_TOKEN", ZendeskEmulator.AGENT_API_TOKEN);
                        env.put("SERVICENOW_URL", base);
                        env.put("SERVICENOW_USERNAME", ServiceNowEmulator.ADMIN_USER);
                        env.put("SERVICENOW_PASSWORD", ServiceNowEmulator.ADMIN_PASSWORD);
                        env.put("SYNC_STATE_DIRECTORY", work.resolve("state-" + round).toString());
                    }
                    Map<String, String> r = measure(v, sync ? syncJar : bareJar, o.jvm(), env, work);
                    s.add(v, r);
                    System.err.printf("  round %d %-9s %s%n", round + 1, v, r);
                }
            }
        }
        double start = s.ratio("jira-sync", "bare", "startMs");
        report.add("7. start-up to ready, ms, `examples/jira-sync` JVM (baseline: bare Quarkus + Camel, same extensions, no "
                   + "routes)", Report.fmt(s.median("jira-sync", "startMs")), Report.fmt(s.median("bare", "startMs")),
                Report.ratio(start), "<= 1.15 (ours/bare)", start <= TARGET);
        double rss = s.ratio("jira-sync", "bare", "rssMb");
        report.add("7. resident memory (RSS) 3 s after ready, MB, `examples/jira-sync` JVM (baseline: bare Quarkus + Camel)",
                Report.fmt(s.median("jira-sync", "rssMb")), Report.fmt(s.median("bare", "rssMb")), Report.ratio(rss),
                "<= 1.15 (ours/bare)", rss <= TARGET);
        report.note("Footprint: both started with the same JVM options (" + String.join(" ", o.jvm()) + "); jira-sync syncs a "
                + "sandbox (Jira, Zendesk, ServiceNow) in another JVM (JIRA_URL etc. set: external mode, the embedded sandbox is "
                + "not started), with its pollers on and, without PUBLIC_URL, no webhook registrations; start-up is "
                + "from process start to /q/health/ready answering 200 (its four back-end probes UP).");
    }

    private static Map<String, String> measure(String name, Path jar, List<String> jvm, Map<String, String> env, Path work)
            throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Child.javaBinary());
        cmd.addAll(jvm);
        cmd.add("-Dquarkus.http.host=127.0.0.1");
        cmd.add("-Dquarkus.http.port=" + port);
        cmd.add("-jar");
        cmd.add(jar.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".log").toFile());
        pb.environment().putAll(env);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        long t0 = System.nanoTime();
        Process p = pb.start();
        try {
            long startNanos = -1;
            while (System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(120)) {
                if (!p.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + p.exitValue() + " before it was ready; see "
                                                    + work.resolve(name + ".log"));
                }
                try {
                    if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        startNanos = System.nanoTime() - t0;
                        break;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                p.waitFor(20, TimeUnit.MILLISECONDS);
            }
            if (startNanos < 0) {
                throw new IllegalStateException(name + " was not ready within 120 s; see " + work.resolve(name + ".log"));
            }
            p.waitFor(3, TimeUnit.SECONDS);
            long rssKb = rssKb(p.pid());
            return Map.of("startMs", String.format(Locale.ROOT, "%.0f", startNanos / 1e6),
                    "rssMb", String.format(Locale.ROOT, "%.1f", rssKb / 1024.0));
        } finally {
            // measured: no graceful shutdown needed (each round has its own state directory); saves seconds per run
            p.destroyForcibly();
            p.waitFor(15, TimeUnit.SECONDS);
        }
    }

    static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for process " + pid);
    }

    /** Builds src/bench/bare-quarkus when its jar is missing or older than its POM or properties; returns the jar. */
    static Path buildBare(Path root) throws Exception {
        Path dir = root.resolve("src/bench/bare-quarkus");
        Path jar = dir.resolve("target/quarkus-app/quarkus-run.jar");
        boolean stale = !Files.isRegularFile(jar)
                || Files.getLastModifiedTime(dir.resolve("pom.xml")).compareTo(Files.getLastModifiedTime(jar)) > 0
                || Files.getLastModifiedTime(dir.resolve("src/main/resources/application.properties"))
                        .compareTo(Files.getLastModifiedTime(jar)) > 0;
        if (stale) {
            System.err.println("  building the bare Quarkus baseline: mvn -B -q -f " + dir.resolve("pom.xml") + " package");
            Process mvn = new ProcessBuilder("mvn", "-B", "-q", "-f", dir.resolve("pom.xml").toString(), "package", "-DskipTests")
                    .inheritIO().start();
            if (!mvn.waitFor(10, TimeUnit.MINUTES) || mvn.exitValue() != 0) {
                throw new IllegalStateException("could not build " + dir + " (see the Maven output above)");
            }
        }
        return jar;
    }
}
