package dev.cameljira.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.cameljira.jira.model.JiraIssue;
import dev.cameljira.sandbox.SandboxUsers;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Issue 11 item 4, the client side in its own JVM: {@code jira:searchIssues} streamed through
 * {@code split().streaming()}, every issue counted. The figure is the peak of the heap in use right after a full
 * collection forced every {@value #SAMPLE_EVERY} issues (what the stream keeps alive; {@code liveMb}); the peak after
 * the JVM's own collections ({@code peakMb}) also counts garbage promoted between old-generation collections, so it is
 * printed for context only. Prints {@code RESULT issues=N liveMb=X peakMb=Y seconds=S}.
 */
public final class StreamingClient {

    /** A full collection every this many issues, after which the heap in use is what the stream keeps alive. */
    static final int SAMPLE_EVERY = 1000;

    private StreamingClient() {
    }

    static void sampleLiveHeap(AtomicLong peak) {
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        peak.accumulateAndGet(used, Math::max);
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int expected = Integer.parseInt(args[1]);
        AtomicLong peak = new AtomicLong();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((n, h) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                    long used = 0;
                    for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                        if (!e.getKey().contains("Metaspace") && !e.getKey().contains("Code") && !e.getKey().contains("Compressed")) {
                            used += e.getValue().getUsed();
                        }
                    }
                    peak.accumulateAndGet(used, Math::max);
                }
            }, null, null);
        }
        AtomicLong count = new AtomicLong();
        AtomicLong live = new AtomicLong();
        String uri = "jira:searchIssues?jiraUrl=http://127.0.0.1:" + port + "&deployment=cloud&username="
                     + SandboxUsers.ADMIN_EMAIL + "&apiToken=RAW(" + SandboxUsers.ADMIN_TOKEN + ")&maxResults=100"
                     + "&jql=project = DEMO ORDER BY key ASC";
        long t0;
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:scan").to(uri).split(body()).streaming().process(ex -> {
                        if (ex.getIn().getBody() instanceof JiraIssue && count.incrementAndGet() % SAMPLE_EVERY == 0) {
                            sampleLiveHeap(live);
                        }
                    }).end();
                }
            });
            camel.start();
            System.gc();
            peak.set(0);
            sampleLiveHeap(live);
            long before = live.getAndSet(0);
            System.err.printf("heap in use before the stream: %.1f MB%n", before / 1048576.0);
            t0 = System.nanoTime();
            camel.createProducerTemplate().sendBody("direct:scan", null);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (count.get() != expected) {
            throw new IllegalStateException("streamed " + count.get() + " issues, expected " + expected);
        }
        Child.say("RESULT", "issues", count.get(), "liveMb", String.format(java.util.Locale.ROOT, "%.2f", live.get() / 1048576.0),
                "peakMb", String.format(java.util.Locale.ROOT, "%.2f", peak.get() / 1048576.0),
                "seconds", String.format(java.util.Locale.ROOT, "%.1f", seconds));
    }
}
