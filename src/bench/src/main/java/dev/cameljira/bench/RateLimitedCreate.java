package dev.cameljira.bench;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cameljira.jira.JiraConstants;
import dev.cameljira.sandbox.SandboxUsers;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Issue 11 item 5, the client in its own JVM: {@code calls} {@code jira:createIssue} calls by {@code threads} callers
 * against a Jira that allows 50 requests/s; every summary unique so the driver can count duplicates. Prints
 * {@code RESULT seconds=S ok=N failed=N}.
 */
public final class RateLimitedCreate {

    private RateLimitedCreate() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int calls = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        String extra = args.length > 3 ? args[3] : "";
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.start();
            ProducerTemplate t = camel.createProducerTemplate();
            String uri = "jira:createIssue?jiraUrl=http://127.0.0.1:" + port + "&deployment=cloud&username="
                         + SandboxUsers.ADMIN_EMAIL + "&apiToken=RAW(" + SandboxUsers.ADMIN_TOKEN + ")" + extra;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long t0 = System.nanoTime();
            for (int i = 0; i < threads; i++) {
                pool.submit(() -> {
                    for (int n = next.getAndIncrement(); n < calls; n = next.getAndIncrement()) {
                        try {
                            t.requestBodyAndHeaders(uri, null, Map.of(JiraConstants.PROJECT_KEY, "DEMO",
                                    JiraConstants.ISSUE_TYPE_NAME, "Task", JiraConstants.SUMMARY, "Rate-limited issue " + n));
                            ok.incrementAndGet();
                        } catch (RuntimeException e) {
                            failed.incrementAndGet();
                            System.err.println("createIssue " + n + " failed: " + e.getMessage());
                        }
                    }
                });
            }
            pool.shutdown();
            if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("1,000 createIssue calls did not finish in 10 minutes");
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            Child.say("RESULT", "seconds", String.format(java.util.Locale.ROOT, "%.2f", seconds), "ok", ok.get(),
                    "failed", failed.get());
        }
    }
}
