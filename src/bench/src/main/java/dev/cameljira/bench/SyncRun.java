package dev.cameljira.bench;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

import dev.cameljira.jira.JiraComponent;
import dev.cameljira.routes.JiraSyncTemplates;
import dev.cameljira.routes.SyncMonitor;
import dev.cameljira.routes.engine.SyncEngine;
import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.SandboxUsers;
import dev.cameljira.sandbox.servicenow.ServiceNowEmulator;
import dev.cameljira.sandbox.zendesk.TicketDraft;
import dev.cameljira.sandbox.zendesk.ZendeskEmulator;
import dev.cameljira.sandbox.zendesk.ZendeskStatus;
import dev.cameljira.sandbox.zendesk.ZendeskTicket;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.component.servicenow.ServiceNowComponent;
import org.apache.camel.component.zendesk.ZendeskComponent;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Issue 11 item 6, in its own JVM: the jira-zendesk-sync template against the sandbox, set up as routes/src/test's
 * SyncEnvironment does. Modes:
 * <ul>
 *   <li>{@code webhook} / {@code polling}: {@code n} tickets one after the other; for each, the time from creating the
 *   ticket to its Jira key in the ticket, then from moving the issue to Done to the ticket being solved. Webhook: Zendesk's
 *   and Jira's webhooks deliver (pollers every hour); polling: the pollers only, every {@code pollInterval}.</li>
 *   <li>{@code burst}: {@code n} tickets created at once while Jira allows 50 requests/s (BurstTest's set-up); the time
 *   until every ticket holds its issue key, with the issues and duplicates counted.</li>
 * </ul>
 * Prints {@code RESULT} with the per-ticket latencies in ms ({@code create.<i>}, {@code done.<i>}) or the burst figures.
 */
public final class SyncRun {

    static final String JIRA_SECRET = "bench-jira-webhook-secret";
    static final String ZENDESK_SECRET = "bench-zendesk-webhook-secret";

    private SyncRun() {
    }

    /** -Dbench.syncJournal=true: the sandbox keeps its request journal and the burst prints Jira's requests by kind. */
    private static final boolean JOURNAL = Boolean.getBoolean("bench.syncJournal");
    /** The jira component's maxRequestsPerSecond in the burst (0: not paced; the sandbox allows 50). */
    static final double PACE = Double.parseDouble(System.getProperty("bench.syncPace", "48"));

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int n = Integer.parseInt(args[1]);
        String pollInterval = args.length > 2 ? args[2] : "1s";
        Path state = Files.createTempDirectory("sync-bench");
        boolean burst = mode.equals("burst");
        try (JiraSandbox sandbox = JiraSandbox.builder().mode(JiraSandbox.Mode.CLOUD).validateAgainstSpec(false)
                .journalCapacity(JOURNAL ? 50_000 : 0).build();
             DefaultCamelContext ctx = new DefaultCamelContext()) {
            JiraComponent jira = new JiraComponent();
            jira.getConfiguration().setJiraUrl(sandbox.baseUrl());
            jira.getConfiguration().setUsername(SandboxUsers.ADMIN_EMAIL);
            jira.getConfiguration().setApiToken(SandboxUsers.ADMIN_TOKEN);
            if (burst && PACE > 0) {
                // what a user who knows Jira's limit (50/s here) sets: a little below it, shared by all the sync's endpoints
                jira.getConfiguration().setMaxRequestsPerSecond(PACE);
            }
            ctx.addComponent("jira", jira);
            ZendeskComponent zendesk = new ZendeskComponent();
            zendesk.setServerUrl(sandbox.baseUrl());
            zendesk.setUsername(ZendeskEmulator.AGENT_EMAIL);
            zendesk.setToken(ZendeskEmulator.AGENT_API_TOKEN);
            ctx.addComponent("zendesk", zendesk);
            ServiceNowComponent sn = new ServiceNowComponent();
            sn.getConfiguration().setApiUrl(sandbox.baseUrl() + "/api");
            sn.getConfiguration().setUserName(ServiceNowEmulator.ADMIN_USER);
            sn.getConfiguration().setPassword(ServiceNowEmulator.ADMIN_PASSWORD);
            ctx.addComponent("servicenow", sn);
            ctx.addRoutes(new JiraSyncTemplates());

            Map<String, Object> p = new LinkedHashMap<>();
            p.put("jiraProject", "DEMO");
            p.put("since", "-1h");
            p.put("stateDirectory", state.toString());
            int port = -1;
            if (mode.equals("webhook")) {
                try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                    port = free.getLocalPort();
                }
                VertxPlatformHttpServerConfiguration conf = new VertxPlatformHttpServerConfiguration();
                conf.setBindHost("127.0.0.1");
                conf.setBindPort(port);
                ctx.addService(new VertxPlatformHttpServer(conf));
                p.put("webhooks", "true");
                p.put("pollInterval", "1h");
                p.put("publicUrl", "http://127.0.0.1:" + port);
                p.put("jiraWebhookSecret", JIRA_SECRET);
                p.put("zendeskWebhookSecret", ZENDESK_SECRET);
            } else {
                p.put("pollInterval", burst ? "3s" : pollInterval);
            }
            if (burst) {
                sandbox.admin().faults().rateLimit("/rest/", 50);
            }
            TemplatedRouteBuilder b = TemplatedRouteBuilder.builder(ctx, "jira-zendesk-sync").routeId("zendesk-sync");
            p.forEach(b::parameter);
            b.add();
            ctx.start();
            if (port > 0) {
                sandbox.zendesk().addWebhook(URI.create("http://127.0.0.1:" + port + "/zendesk/webhook"), ZENDESK_SECRET);
            }
            List<Object> out = new ArrayList<>();
            if (burst) {
                // a burst while the sync runs, not in its first seconds: tickets created within a second of the engine's
                // start (Zendesk's times are whole seconds) may predate it, so the engine searches Jira for an earlier
                // attempt's issue before creating theirs (SyncEngine.earlierAttemptPossible), one more request each
                Thread.sleep(SyncEngine.CLOCK_SKEW.toMillis() + 1500);
                long t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    sandbox.zendesk().createTicket(TicketDraft.of("Burst " + i, "Ticket number " + i));
                }
                waitFor(600, () -> sandbox.zendesk().tickets().stream().allMatch(t -> SyncEngine.isJiraKey(t.externalId())),
                        "every burst ticket linked");
                double seconds = (System.nanoTime() - t0) / 1e9;
                if (JOURNAL) {
                    printJiraRequests(sandbox, "until all linked");
                }
                List<ZendeskTicket> tickets = sandbox.zendesk().tickets();
                long distinct = tickets.stream().map(ZendeskTicket::externalId).distinct().count();
                SyncMonitor monitor = ctx.getRegistry().lookupByNameAndType(SyncMonitor.BEAN_NAME, SyncMonitor.class);
                long calls = 0;
                for (Map.Entry<String, Long> e : monitor.snapshot().counters().entrySet()) {
                    if (e.getKey().startsWith("jira.calls.")) {
                        calls += e.getValue();
                    }
                }
                // remote links may follow the creations (one replica): the time until every issue has its link too,
                // and the Jira calls by then
                waitFor(600, () -> monitor.counter("remoteLinks.added") >= monitor.counter("remoteLinks.deferred"),
                        "every deferred remote link added");
                double linksSeconds = (System.nanoTime() - t0) / 1e9;
                long callsWithLinks = 0;
                for (Map.Entry<String, Long> e : monitor.snapshot().counters().entrySet()) {
                    if (e.getKey().startsWith("jira.calls.")) {
                        callsWithLinks += e.getValue();
                    }
                }
                out.addAll(List.of("remoteLinksSeconds", String.format(Locale.ROOT, "%.2f", linksSeconds),
                        "jiraCallsWithLinks", callsWithLinks));
                out.addAll(List.of("seconds", String.format(Locale.ROOT, "%.2f", seconds), "tickets", tickets.size(),
                        "issues", sandbox.admin().issueCount(), "distinctKeys", distinct,
                        "failures", monitor.snapshot().failures().size(), "jiraCalls", calls,
                        "jira429", monitor.counter("jira.calls.429")));
            } else {
                for (int i = 0; i < n; i++) {
                    long t0 = System.nanoTime();
                    ZendeskTicket t = sandbox.zendesk().createTicket(TicketDraft.of("Latency " + i, "Ticket " + i));
                    waitFor(60, () -> SyncEngine.isJiraKey(sandbox.zendesk().ticket(t.id()).orElseThrow().externalId()),
                            "ticket " + t.id() + " linked");
                    out.add("create." + i);
                    out.add(String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e6));
                    String key = sandbox.zendesk().ticket(t.id()).orElseThrow().externalId();
                    long t1 = System.nanoTime();
                    sandbox.admin().transition(key, "Done");
                    waitFor(60, () -> sandbox.zendesk().ticket(t.id()).orElseThrow().status() == ZendeskStatus.SOLVED,
                            "ticket " + t.id() + " solved after " + key + " Done");
                    out.add("done." + i);
                    out.add(String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t1) / 1e6));
                }
            }
            Child.say("RESULT", out.toArray());
        }
    }

    /** Diagnostic: the Jira requests journalled so far, by method, path (keys and ids folded) and status. */
    private static void printJiraRequests(JiraSandbox sandbox, String when) {
        Map<String, Integer> kinds = new java.util.TreeMap<>();
        for (dev.cameljira.sandbox.spec.HttpExchangeRecord r : sandbox.admin().requests()) {
            if (r.path().startsWith("/rest/")) {
                String path = r.path().replaceAll("/[A-Z][A-Z0-9_]+-\\d+", "/{key}").replaceAll("/\\d+", "/{id}");
                kinds.merge(r.method() + " " + path + " " + r.status(), 1, Integer::sum);
            }
        }
        System.err.println("  Jira requests " + when + ":");
        kinds.forEach((k, v) -> System.err.printf(Locale.ROOT, "  %6d %s%n", v, k));
    }

    /** Checks every 5 ms (what a latency figure needs) until the condition holds; fails after {@code seconds}. */
    static void waitFor(int seconds, BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        Object lock = new Object();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not reached within " + seconds + " s: " + what);
            }
            synchronized (lock) {
                lock.wait(5);
            }
        }
    }
}
