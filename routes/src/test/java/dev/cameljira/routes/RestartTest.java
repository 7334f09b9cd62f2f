package dev.cameljira.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.routes.engine.SyncEngine;
import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.zendesk.NewComment;
import dev.cameljira.sandbox.zendesk.TicketDraft;
import dev.cameljira.sandbox.zendesk.ZendeskComment;
import dev.cameljira.sandbox.zendesk.ZendeskTicket;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sync is killed (stopped with no grace: in-flight work is interrupted) and restarted at random points 20 times
 * while tickets, comments and status changes keep coming on both sides; its cursors live in files. When the changes
 * stop and it catches up: every ticket has exactly one issue, every comment is copied exactly once, and the statuses
 * agree.
 */
class RestartTest {
    private static final Pattern MARKER = Pattern.compile("\\[sync:(jira|zendesk):(\\d+)]");

    @TempDir
    Path state;
    private JiraSandbox sandbox;
    private CamelContext context;

    @AfterEach
    void stop() throws Exception {
        if (context != null) {
            context.close();
        }
        sandbox.close();
    }

    private CamelContext startSync() throws Exception {
        CamelContext ctx = SyncEnvironment.newContext(sandbox);
        ctx.getShutdownStrategy().setTimeout(1);
        ctx.getShutdownStrategy().setTimeUnit(TimeUnit.MILLISECONDS);
        ctx.getShutdownStrategy().setShutdownNowOnTimeout(true);
        ctx.getShutdownStrategy().setSuppressLoggingOnTimeout(true);
        SyncEnvironment env = new SyncEnvironment(sandbox, state, ctx);
        env.instantiate("jira-zendesk-sync", "zendesk-sync", env.params("pollInterval", "300ms"));
        ctx.start();
        return ctx;
    }

    @Test
    void killedAndRestartedTwentyTimesLosesNothingAndRepeatsNothing() throws Exception {
        sandbox = JiraSandbox.start(JiraSandbox.Mode.CLOUD);
        Random random = new Random(20261205L);
        List<Long> tickets = new CopyOnWriteArrayList<>();
        List<String> jiraComments = new CopyOnWriteArrayList<>();
        java.util.concurrent.ScheduledExecutorService stream = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        Random r = new Random(42);
        int[] n = {0};
        stream.scheduleWithFixedDelay(() -> {
            n[0]++;
            int what = r.nextInt(10);
            if (what < 3 || tickets.isEmpty()) {
                tickets.add(sandbox.zendesk().createTicket(TicketDraft.of("Ticket " + n[0], "Body " + n[0])).id());
            } else if (what < 6) {
                long id = tickets.get(r.nextInt(tickets.size()));
                sandbox.zendesk().addComment(id, NewComment.publicComment("Customer says " + n[0]));
            } else {
                long id = tickets.get(r.nextInt(tickets.size()));
                String key = sandbox.zendesk().ticket(id).orElseThrow().externalId();
                if (SyncEngine.isJiraKey(key)) {
                    sandbox.admin().addComment(key, "Agent says " + n[0]);
                    jiraComments.add(key + "|Agent says " + n[0]);
                }
            }
        }, 0, 120, TimeUnit.MILLISECONDS);
        try {
            context = startSync();
            for (int i = 0; i < 20; i++) {
                // a random point in the stream: after 1 to 4 more sync actions of this run
                int actions = 1 + random.nextInt(4);
                SyncMonitor monitor = context.getRegistry().lookupByNameAndType(SyncMonitor.BEAN_NAME, SyncMonitor.class);
                await().atMost(Duration.ofSeconds(30)).until(() ->
                        monitor.counter("synced.to-jira") + monitor.counter("synced.from-jira") >= actions);
                context.close();
                context = startSync();
            }
        } finally {
            stream.shutdownNow();
            stream.awaitTermination(10, TimeUnit.SECONDS);
        }

        // catch up: every ticket linked, every comment copied once
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (long id : tickets) {
                assertThat(sandbox.zendesk().ticket(id).orElseThrow().externalId()).matches("[A-Z]+-\\d+");
            }
            assertCommentsCopiedOnce(tickets);
        });
        Set<String> keys = new HashSet<>();
        for (long id : tickets) {
            String key = sandbox.zendesk().ticket(id).orElseThrow().externalId();
            assertThat(keys.add(key)).as("%s linked to two tickets", key).isTrue();
        }
        assertThat(sandbox.admin().issueCount()).as("one issue per ticket").isEqualTo(tickets.size());
        // remote links follow the creations (and survive the kills in the state): every issue gets exactly one
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (long id : tickets) {
                String key = sandbox.zendesk().ticket(id).orElseThrow().externalId();
                List<?> links = context.createProducerTemplate().requestBodyAndHeader("jira:getRemoteLinks", null,
                        "CamelJiraIssueKey", key, List.class);
                assertThat(links).as("remote links of %s", key).hasSize(1);
            }
        });
        assertThat(tickets.size()).isGreaterThan(10);
        assertThat(jiraComments).isNotEmpty();
    }

    private void assertCommentsCopiedOnce(List<Long> tickets) {
        for (long id : tickets) {
            ZendeskTicket t = sandbox.zendesk().ticket(id).orElseThrow();
            List<ZendeskComment> zc = sandbox.zendesk().comments(id);
            JsonNode issue = sandbox.admin().issue(t.externalId());
            List<String> jc = new ArrayList<>();
            Map<String, String> jiraIds = new HashMap<>();
            for (JsonNode c : issue.path("fields").path("comment").path("comments")) {
                String text = SyncEnvironment.plain(c.path("body"));
                jc.add(text);
                jiraIds.put(c.path("id").asText(), text);
            }
            // every Zendesk reply (not the description, not a copy) is in Jira exactly once, and the other way
            for (ZendeskComment c : zc.subList(1, zc.size())) {
                if (MARKER.matcher(c.body()).find()) {
                    continue;
                }
                long copies = jc.stream().filter(x -> x.contains("[sync:zendesk:" + c.id() + "]")).count();
                assertThat(copies).as("Zendesk comment %s of #%s copied to Jira", c.id(), id).isEqualTo(1);
            }
            for (Map.Entry<String, String> c : jiraIds.entrySet()) {
                if (MARKER.matcher(c.getValue()).find()) {
                    continue;
                }
                long copies = zc.stream().filter(x -> x.body().contains("[sync:jira:" + c.getKey() + "]")).count();
                assertThat(copies).as("Jira comment %s of %s copied to Zendesk", c.getKey(), t.externalId()).isEqualTo(1);
            }
            // no copy of a copy
            for (String text : jc) {
                Matcher m = MARKER.matcher(text);
                int markers = 0;
                while (m.find()) {
                    markers++;
                }
                assertThat(markers).isLessThanOrEqualTo(1);
            }
        }
    }
}
