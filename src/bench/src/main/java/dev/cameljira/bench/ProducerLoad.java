package dev.cameljira.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.client.JiraJson;
import dev.cameljira.jira.model.JiraIssue;
import dev.cameljira.sandbox.SandboxUsers;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * One variant of the producer benchmark in its own JVM: getIssue, then createIssue, each by {@code threads} closed-loop
 * callers against the fixed-response stub for a warm-up and a measured window. Variants:
 * <ul>
 *   <li>{@code jira}: {@code jira:getIssue} / {@code jira:createIssue} through a ProducerTemplate, the result a
 *   {@link JiraIssue};</li>
 *   <li>{@code bare}: a pooled Apache HttpClient 5 sending the same requests (createIssue: the POST and the read-back
 *   GET the component makes, so both return the created issue) and the same Jackson parse into a {@link JiraIssue};</li>
 *   <li>{@code http}: Camel's {@code http:} endpoint and the same parse, what a user would write instead.</li>
 * </ul>
 * Prints {@code RESULT <op>.rps=... <op>.cpuUs=... <op>.requests=...} (requests/s, process CPU microseconds per
 * operation, HTTP requests per operation as counted by the stub).
 */
public final class ProducerLoad {

    interface Call {
        JiraIssue call(int n) throws Exception;
    }

    private ProducerLoad() {
    }

    public static void main(String[] args) throws Exception {
        String variant = args[0];
        String base = "http://127.0.0.1:" + Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        long warmMs = (long) (Double.parseDouble(args[3]) * 1000);
        long measureMs = (long) (Double.parseDouble(args[4]) * 1000);
        String auth = "Basic " + Base64.getEncoder().encodeToString(
                (SandboxUsers.ADMIN_EMAIL + ":" + SandboxUsers.ADMIN_TOKEN).getBytes(StandardCharsets.UTF_8));
        ObjectMapper mapper = JiraJson.mapper();
        // the create body is built and serialised per call, as the component does (a constant byte array would spare the
        // baselines work the component cannot skip)
        java.util.concurrent.Callable<byte[]> createBody = () -> {
            ObjectNode body = mapper.createObjectNode();
            ObjectNode fields = body.putObject("fields");
            fields.putObject("project").put("key", "DEMO");
            fields.putObject("issuetype").put("name", "Task");
            fields.put("summary", "Benchmark issue");
            return mapper.writeValueAsBytes(body);
        };

        CamelContext camel = null;
        CloseableHttpClient bare = null;
        Call get;
        Call create;
        switch (variant) {
            case "jira" -> {
                camel = new DefaultCamelContext();
                camel.start();
                ProducerTemplate t = camel.createProducerTemplate();
                String opts = "?jiraUrl=" + base + "&deployment=cloud&apiVersion=3&username=" + SandboxUsers.ADMIN_EMAIL
                              + "&apiToken=RAW(" + SandboxUsers.ADMIN_TOKEN + ")&maxConnections=" + threads;
                // endpoints resolved once, as a route's to(...) does; a URI string per call would make Camel normalize
                // it (parse and sort its query) on every send, a cost of the caller's style, not of the component
                Endpoint getUri = camel.getEndpoint("jira:getIssue" + opts);
                Endpoint createUri = camel.getEndpoint("jira:createIssue" + opts);
                get = n -> t.requestBodyAndHeader(getUri, null, JiraConstants.ISSUE_KEY, "DEMO-1", JiraIssue.class);
                create = n -> t.requestBodyAndHeaders(createUri, null, Map.of(JiraConstants.PROJECT_KEY, "DEMO",
                        JiraConstants.ISSUE_TYPE_NAME, "Task", JiraConstants.SUMMARY, "Benchmark issue"), JiraIssue.class);
            }
            case "bare" -> {
                CloseableHttpClient http = HttpClients.custom().setConnectionManager(PoolingHttpClientConnectionManagerBuilder
                        .create().setMaxConnTotal(threads).setMaxConnPerRoute(threads).build()).build();
                bare = http;
                String issueUrl = base + "/rest/api/3/issue/DEMO-1";
                get = n -> {
                    HttpGet req = new HttpGet(issueUrl);
                    req.setHeader("Authorization", auth);
                    req.setHeader("Accept", "application/json");
                    byte[] body = http.execute(req, r -> ok(r.getCode(), EntityUtils.toByteArray(r.getEntity())));
                    return JiraIssue.from(mapper.readTree(body));
                };
                create = n -> {
                    HttpPost req = new HttpPost(base + "/rest/api/3/issue");
                    req.setHeader("Authorization", auth);
                    req.setHeader("Accept", "application/json");
                    req.setEntity(new ByteArrayEntity(createBody.call(), ContentType.APPLICATION_JSON));
                    byte[] body = http.execute(req, r -> ok(r.getCode(), EntityUtils.toByteArray(r.getEntity())));
                    JsonNode created = mapper.readTree(body);
                    HttpGet read = new HttpGet(base + "/rest/api/3/issue/" + created.path("key").asText());
                    read.setHeader("Authorization", auth);
                    read.setHeader("Accept", "application/json");
                    byte[] issue = http.execute(read, r -> ok(r.getCode(), EntityUtils.toByteArray(r.getEntity())));
                    return JiraIssue.from(mapper.readTree(issue));
                };
            }
            case "http" -> {
                camel = new DefaultCamelContext();
                camel.start();
                ProducerTemplate t = camel.createProducerTemplate();
                String httpBase = "http://127.0.0.1:" + args[1];
                Endpoint issueUri = camel.getEndpoint(httpBase + "/rest/api/3/issue/DEMO-1");
                Endpoint createUri = camel.getEndpoint(httpBase + "/rest/api/3/issue");
                get = n -> JiraIssue.from(mapper.readTree(t.request(issueUri, ex -> {
                    ex.getIn().setHeader(Exchange.HTTP_METHOD, "GET");
                    ex.getIn().setHeader("Authorization", auth);
                    ex.getIn().setHeader("Accept", "application/json");
                }).getMessage().getBody(byte[].class)));
                create = n -> {
                    byte[] body = createBody.call();
                    Exchange posted = t.request(createUri, ex -> {
                        ex.getIn().setHeader(Exchange.HTTP_METHOD, "POST");
                        ex.getIn().setHeader(Exchange.CONTENT_TYPE, "application/json");
                        ex.getIn().setHeader("Authorization", auth);
                        ex.getIn().setHeader("Accept", "application/json");
                        ex.getIn().setBody(body);
                    });
                    if (posted.getException() != null) {
                        throw posted.getException();
                    }
                    String key = mapper.readTree(posted.getMessage().getBody(byte[].class)).path("key").asText();
                    return JiraIssue.from(mapper.readTree(t.request(httpBase + "/rest/api/3/issue/" + key, ex -> {
                        ex.getIn().setHeader(Exchange.HTTP_METHOD, "GET");
                        ex.getIn().setHeader("Authorization", auth);
                        ex.getIn().setHeader("Accept", "application/json");
                    }).getMessage().getBody(byte[].class)));
                };
            }
            default -> throw new IllegalArgumentException("unknown producer variant '" + variant + "': jira, bare or http");
        }

        List<Object> out = new ArrayList<>();
        // one pool of callers for every window, so that their threads (and their CPU time) live until the end
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        // both operations warm before either is measured, so that no measured window pays for compiling (JIT threads
        // count in the process CPU); the jira variant has the most code to compile, so a cold window penalised it most.
        // A fixed warm-up is not enough: on 2 busy cores C2 was still compiling seconds later (per-thread CPU: up to 130 us
        // of JIT per call in a 2.5 s window after 1.5 s of warm-up, the bare client's too), so the figure was mostly the
        // JIT's. Each operation warms until the JIT has settled (its threads under 5% of the process CPU for a second),
        // by the same rule for every variant, at most MAX_WARM_MS.
        // The two operations warm together (each caller alternates them), as a route mixing them does: warmed one after
        // the other, C2 compiled the code they share for the second one's types, and the first one's measured window
        // then paid for deoptimising and recompiling it (70-80 us of JIT per getIssue in the jira variant).
        served(base); // the counter's client loaded and used once before the warm-up, in every variant (see PROBE)
        check(get.call(0), "getIssue", variant);
        check(create.call(0), "createIssue", variant);
        Call mixed = n -> (n & 1) == 0 ? get.call(n >>> 1) : create.call(n >>> 1);
        // The JIT needs about 6 s of CPU for either variant's code (C2 on one thread): with 8 callers on 2 cores it got a
        // fifth of the CPU and settled only after 13-18 s, so the measured windows carried the compiler. Warmed first by
        // WARM_CALLERS callers, the compiler gets its share and settles in about 10 s; then all callers until settled.
        double together = warmUntilSettled(pool, mixed, Math.min(WARM_CALLERS, threads), 2 * warmMs, MAX_WARM_MS)
                          + warmUntilSettled(pool, mixed, threads, warmMs, MAX_WARM_MS / 3);
        double[] warmedS = {together, together};
        for (int i = 0; i < 2; i++) {
            warmedS[i] += warmUntilSettled(pool, i == 0 ? get : create, threads, warmMs / 3, MAX_WARM_MS / 4);
        }
        if (args.length > 5 && args[5].equals("interleaved")) {
            // warmed: the driver now asks for windows, alternating them with the other variants' JVMs (which wait
            // meanwhile), so that every variant is measured at the same moments of the machine's life
            Child.say("READY", "getIssue.warmS", String.format(java.util.Locale.ROOT, "%.1f", warmedS[0]),
                    "createIssue.warmS", String.format(java.util.Locale.ROOT, "%.1f", warmedS[1]));
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                String[] cmd = line.trim().split("\\s+"); // <op> <lead-in ms> <measured ms>
                if (cmd.length != 3) {
                    continue;
                }
                Call call = cmd[0].equals("getIssue") ? get : create;
                run(pool, call, threads, Long.parseLong(cmd[1])); // caches and pools back in use after the pause
                Child.say("RESULT", window(base, pool, call, threads, Long.parseLong(cmd[2]), cmd[0]).toArray());
            }
            pool.shutdown();
            close(camel, bare);
            return;
        }
        for (int i = 0; i < 2; i++) {
            String op = i == 0 ? "getIssue" : "createIssue";
            out.add(op + ".warmS");
            out.add(String.format(java.util.Locale.ROOT, "%.1f", warmedS[i]));
            out.addAll(window(base, pool, i == 0 ? get : create, threads, measureMs, op));
        }
        pool.shutdown();
        Child.say("RESULT", out.toArray());
        close(camel, bare);
    }

    private static void close(CamelContext camel, CloseableHttpClient bare) throws Exception {
        if (camel != null) {
            camel.close();
        }
        if (bare != null) {
            bare.close();
        }
    }

    /**
     * One measured window of {@code op}: requests/s, process CPU per call, HTTP requests per call (the stub's count), and
     * where the CPU went (diagnostic: the callers, the JIT compiler, the GC; the rest, Camel's, HttpClient's or the JVM's
     * other threads and threads that ended, is other); with the raw sums ({@code .n .ns .cpuNs ...}) a driver adds up.
     */
    static List<Object> window(String base, ExecutorService pool, Call call, int threads, long ms, String op) throws Exception {
        long served0 = served(base);
        long cpu0 = Child.processCpuNanos();
        Map<String, Long> split0 = cpuByThreadGroup();
        long[] done = run(pool, call, threads, ms);
        long cpu = Child.processCpuNanos() - cpu0;
        Map<String, Long> split1 = cpuByThreadGroup();
        long requests = served(base) - served0;
        List<Object> out = new ArrayList<>();
        out.add(op + ".rps");
        out.add(String.format(java.util.Locale.ROOT, "%.1f", done[0] / (done[1] / 1e9)));
        out.add(op + ".cpuUs");
        out.add(String.format(java.util.Locale.ROOT, "%.2f", cpu / 1e3 / done[0]));
        out.add(op + ".requests");
        out.add(String.format(java.util.Locale.ROOT, "%.2f", (double) requests / done[0]));
        long known = 0;
        for (String group : List.of("callers", "jit", "gc")) {
            long d = split1.getOrDefault(group, 0L) - split0.getOrDefault(group, 0L);
            known += d;
            out.add(op + ".cpuUs." + group);
            out.add(String.format(java.util.Locale.ROOT, "%.2f", d / 1e3 / done[0]));
            out.add(op + "." + group + "Ns");
            out.add(d);
        }
        out.add(op + ".cpuUs.other");
        out.add(String.format(java.util.Locale.ROOT, "%.2f", (cpu - known) / 1e3 / done[0]));
        out.addAll(List.of(op + ".n", done[0], op + ".ns", done[1], op + ".cpuNs", cpu, op + ".served", requests));
        return out;
    }

    /**
     * The most the operations warm up together with {@link #WARM_CALLERS} callers, in milliseconds, when the JIT does not
     * settle before (then with all callers for at most a third of it, then each alone for at most a quarter): bounded so
     * that the whole benchmark run stays short. A
     * diagnostic run can raise it ({@code -Dbench.producerMaxWarmS=18} on the child) to see the figure once the JIT has
     * settled.
     */
    static final long MAX_WARM_MS = (long) (Double.parseDouble(System.getProperty("bench.producerMaxWarmS", "12")) * 1000);

    /** Callers of the first warm-up phase: few enough to leave the JIT compiler threads CPU on 2 cores. */
    static final int WARM_CALLERS = Integer.getInteger("bench.producerWarmCallers", 2);

    /**
     * Runs the callers for at least {@code minMs}, then in one-second slices until the JIT compiler threads used less than
     * 5% of the process CPU of the last slice (or {@code maxMs} in all); returns the seconds it took.
     */
    static double warmUntilSettled(ExecutorService pool, Call call, int threads, long minMs, long maxMs) throws Exception {
        long start = System.nanoTime();
        run(pool, call, threads, minMs);
        while ((System.nanoTime() - start) / 1_000_000 < maxMs) {
            long cpu0 = Child.processCpuNanos();
            long jit0 = cpuByThreadGroup().getOrDefault("jit", 0L);
            run(pool, call, threads, 1000);
            long cpu = Child.processCpuNanos() - cpu0;
            long jit = cpuByThreadGroup().getOrDefault("jit", 0L) - jit0;
            if (Boolean.getBoolean("bench.producerSeries")) {
                System.err.printf(java.util.Locale.ROOT, "  warm %d callers, %.0f ms: jit %.0f%% of %.0f ms CPU%n", threads,
                        (System.nanoTime() - start) / 1e6, 100.0 * jit / Math.max(1, cpu), cpu / 1e6);
            }
            if (jit < cpu / 20) {
                break;
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * CPU nanoseconds used so far by this process's live threads, by group: {@code callers} (the load's pool threads),
     * {@code jit} (compiler threads), {@code gc} (G1's threads), {@code other}; from /proc/self/task (Linux; empty
     * elsewhere), at the kernel's clock-tick resolution.
     */
    static Map<String, Long> cpuByThreadGroup() {
        Map<String, Long> out = new java.util.HashMap<>();
        java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
        if (tasks == null) {
            return out;
        }
        for (java.io.File task : tasks) {
            try {
                String stat = java.nio.file.Files.readString(task.toPath().resolve("stat"));
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                String name = stat.substring(open + 1, close);
                String[] f = stat.substring(close + 2).split(" ");
                // fields 14 and 15 of stat (utime, stime), counted from the state field (3)
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                String group = name.startsWith("pool-") ? "callers"
                        : name.contains("CompilerThre") ? "jit"
                        : name.startsWith("GC Thread") || name.startsWith("G1 ") ? "gc" : "other";
                out.merge(group, ticks * 10_000_000L, Long::sum);
            } catch (IOException | RuntimeException e) {
                // the thread ended meanwhile
            }
        }
        return out;
    }

    private static byte[] ok(int status, byte[] body) throws IOException {
        if (status / 100 != 2) {
            throw new IOException("status " + status);
        }
        return body;
    }

    private static void check(JiraIssue issue, String op, String variant) {
        if (issue == null || !"DEMO-1".equals(issue.key())) {
            throw new IllegalStateException(variant + " " + op + " did not return issue DEMO-1 but " + issue);
        }
    }

    /**
     * The client of the stub's request counter: one for the whole run, first used before the warm-up. Made anew for each
     * count (as before), its first use loaded about 700 classes (java.net.http, JSSE) at the start of the first measured
     * window, and C2 discarded compiled code that assumed they were absent (PrintCompilation: the HttpClient exec chain
     * among others), so that window measured recompilation, in every variant.
     */
    private static final HttpClient PROBE = HttpClient.newHttpClient();

    private static long served(String base) throws Exception {
        HttpResponse<String> r = PROBE.send(HttpRequest.newBuilder(URI.create(base + "/__count")).build(),
                HttpResponse.BodyHandlers.ofString());
        return Long.parseLong(r.body().trim());
    }

    /** Closed-loop callers for the window; returns {operations done, elapsed nanos}. Fails on the first error. */
    static long[] run(ExecutorService pool, Call call, int threads, long millis) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        List<Future<?>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> {
                int n = 0;
                while (!stop.get()) {
                    call.call(n++);
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        Thread.sleep(millis);
        stop.set(true);
        long count = done.get();
        long elapsed = System.nanoTime() - start;
        for (Future<?> f : futures) {
            f.get();
        }
        return new long[] {count, elapsed};
    }
}
