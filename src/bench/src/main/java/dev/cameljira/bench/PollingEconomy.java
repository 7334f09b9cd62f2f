package dev.cameljira.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.SandboxUsers;
import dev.cameljira.sandbox.spec.HttpExchangeRecord;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Issue 11 item 3, in its own JVM: how many Jira requests one poll cycle of {@code jira:newIssues},
 * {@code jira:updatedIssues} and {@code jira:newComments} makes when {@code changed} issues changed, counted by the
 * sandbox's request journal. The start-up requests of a consumer (serverInfo, myself, ...) are counted apart.
 * Prints {@code RESULT <kind>.searches=N <kind>.perIssue=N <kind>.other=N <kind>.events=N}.
 */
public final class PollingEconomy {

    private PollingEconomy() {
    }

    public static void main(String[] args) throws Exception {
        int changed = Integer.parseInt(args[0]);
        int maxResults = Integer.parseInt(args[1]);
        List<Object> out = new ArrayList<>();
        try (JiraSandbox sandbox = JiraSandbox.builder().mode(JiraSandbox.Mode.CLOUD).validateAgainstSpec(false)
                .journalCapacity(changed * 4 + 1000).build()) {
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < changed; i++) {
                keys.add(sandbox.admin().createIssue("DEMO", "Task", "Changed issue " + i));
            }
            for (String key : keys) {
                sandbox.admin().updateIssue(key, Map.of("summary", "Changed issue " + key + " (edited)"));
                sandbox.admin().addComment(key, "A new comment on " + key);
            }
            for (String kind : List.of("newIssues", "updatedIssues", "newComments")) {
                sandbox.admin().clearRequests();
                CountDownLatch all = new CountDownLatch(changed);
                AtomicInteger events = new AtomicInteger();
                String uri = "jira:" + kind + "?jiraUrl=" + sandbox.baseUrl() + "&username=" + SandboxUsers.ADMIN_EMAIL
                             + "&apiToken=RAW(" + SandboxUsers.ADMIN_TOKEN + ")&jql=project = DEMO&maxResults=" + maxResults
                             + "&since=-1h&initialDelay=0&delay=3600000";
                try (CamelContext camel = new DefaultCamelContext()) {
                    camel.addRoutes(new RouteBuilder() {
                        @Override
                        public void configure() {
                            from(uri).routeId(kind).process(ex -> {
                                events.incrementAndGet();
                                all.countDown();
                            });
                        }
                    });
                    camel.start();
                    if (!all.await(120, TimeUnit.SECONDS)) {
                        throw new IllegalStateException(kind + " emitted " + events.get() + " of " + changed + " events in 120 s");
                    }
                    camel.getRouteController().stopRoute(kind);
                }
                int searches = 0;
                int perIssue = 0;
                int other = 0;
                for (HttpExchangeRecord r : sandbox.admin().requests()) {
                    if (r.path().contains("/search")) {
                        searches++;
                    } else if (r.path().matches(".*/issue/[^/]+(/.*)?")) {
                        perIssue++;
                    } else {
                        other++;
                    }
                }
                out.addAll(List.of(kind + ".searches", searches, kind + ".perIssue", perIssue, kind + ".other", other,
                        kind + ".events", events.get()));
            }
        }
        Child.say("RESULT", out.toArray());
    }
}
