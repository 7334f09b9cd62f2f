package dev.cameljira.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;
import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.SandboxUsers;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * How many simple GETs per second the sandbox serves, next to a baseline measured in the same run: a bare JDK
 * HttpServer returning a fixed JSON document on the same machine, with the same client and concurrency. The sandbox
 * must serve at least 5,000 GETs/s on 2 cores so it is never the bottleneck of a benchmark.
 *
 * <p>Run: {@code mvn -B -q install -DskipTests && mvn -B -q -pl src/bench exec:java
 * -Dexec.mainClass=dev.cameljira.bench.SandboxThroughput} (args: seconds per phase, client threads).
 * Traffic goes to 127.0.0.1 only and every phase stops after its time.
 */
public final class SandboxThroughput {

    private static final byte[] BASELINE_BODY = ("{\"baseUrl\":\"http://127.0.0.1\",\"version\":\"10.3.0\","
                                                 + "\"versionNumbers\":[10,3,0],\"deploymentType\":\"Server\"}").getBytes(StandardCharsets.UTF_8);

    private SandboxThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        // the JDK server writes headers and body in separate packets: without TCP_NODELAY a keep-alive client waits for
        // delayed ACKs (~40-200 ms per request). Set before the first HttpServer exists, so baseline and sandbox share it.
        System.setProperty("sun.net.httpserver.nodelay", "true");

        HttpServer baseline = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        baseline.createContext("/", ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, BASELINE_BODY.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(BASELINE_BODY);
            }
        });
        ExecutorService baselinePool = Executors.newFixedThreadPool(16);
        baseline.setExecutor(baselinePool);
        baseline.start();

        try (JiraSandbox sandbox = JiraSandbox.builder().mode(JiraSandbox.Mode.CLOUD).build()) {
            String issueKey = sandbox.admin().createIssue("DEMO", "Task", "Benchmark issue");
            String auth = "Basic " + Base64.getEncoder().encodeToString(
                    (SandboxUsers.ADMIN_EMAIL + ":" + SandboxUsers.ADMIN_TOKEN).getBytes(StandardCharsets.UTF_8));
            String baseUrl = "http://127.0.0.1:" + baseline.getAddress().getPort() + "/rest/api/2/serverInfo";

            // warm-up both, then measure
            run(baseUrl, null, threads, Duration.ofSeconds(2));
            run(sandbox.baseUrl() + "/rest/api/2/serverInfo", auth, threads, Duration.ofSeconds(2));

            double base = run(baseUrl, null, threads, Duration.ofSeconds(seconds));
            double info = run(sandbox.baseUrl() + "/rest/api/2/serverInfo", auth, threads, Duration.ofSeconds(seconds));
            double issue = run(sandbox.baseUrl() + "/rest/api/3/issue/" + issueKey, auth, threads, Duration.ofSeconds(seconds));

            System.out.printf("cores=%d client threads=%d, %d s per phase%n", Runtime.getRuntime().availableProcessors(),
                    threads, seconds);
            System.out.printf("baseline (bare JDK HttpServer, fixed JSON) : %8.0f GET/s%n", base);
            System.out.printf("sandbox GET /rest/api/2/serverInfo         : %8.0f GET/s  ratio to baseline %.2f%n", info, info / base);
            System.out.printf("sandbox GET /rest/api/3/issue/%s       : %8.0f GET/s  ratio to baseline %.2f%n", issueKey, issue,
                    issue / base);
            System.out.printf("target >= 5000 GET/s for simple GETs: %s%n", info >= 5000 ? "MET" : "NOT MET");
        } finally {
            baseline.stop(0);
            baselinePool.shutdownNow();
        }
    }

    /** Runs {@code threads} closed-loop clients against url for the duration; returns successful requests per second. */
    static double run(String url, String auth, int threads, Duration duration) throws Exception {
        try (CloseableHttpClient http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(threads).setMaxConnPerRoute(threads).build())
                .build()) {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong ok = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> futures = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    while (!stop.get()) {
                        HttpGet get = new HttpGet(url);
                        if (auth != null) {
                            get.setHeader("Authorization", auth);
                        }
                        try {
                            int status = http.execute(get, r -> {
                                EntityUtils.consume(r.getEntity());
                                return r.getCode();
                            });
                            (status == 200 ? ok : failed).incrementAndGet();
                        } catch (IOException e) {
                            failed.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            Thread.sleep(duration.toMillis());
            stop.set(true);
            for (Future<?> f : futures) {
                f.get();
            }
            double secs = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            if (failed.get() > 0) {
                System.out.printf("  (%d failed requests against %s)%n", failed.get(), url);
            }
            return ok.get() / secs;
        }
    }
}
