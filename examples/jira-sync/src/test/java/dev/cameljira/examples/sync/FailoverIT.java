package dev.cameljira.examples.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.SandboxUsers;
import dev.cameljira.sandbox.servicenow.Incident;
import dev.cameljira.sandbox.servicenow.JournalEntry;
import dev.cameljira.sandbox.servicenow.ServiceNowEmulator;
import dev.cameljira.sandbox.zendesk.NewComment;
import dev.cameljira.sandbox.zendesk.TicketDraft;
import dev.cameljira.sandbox.zendesk.ZendeskComment;
import dev.cameljira.sandbox.zendesk.ZendeskEmulator;
import dev.cameljira.sandbox.zendesk.ZendeskTicket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas of the packaged service (two JVMs, {@code SYNC_CLUSTER=file} on one lock folder, one shared database:
 * PostgreSQL, or H2 in server mode when PostgreSQL cannot start here) poll one standalone sandbox every second. While
 * tickets, incidents and comments on all three sides keep coming, the leader is killed with SIGKILL: the other replica
 * must poll within 15 s, and once the stream stops and it has caught up, every ticket and incident has exactly one
 * issue and every comment is copied exactly once, both ways. Readiness reports the database, up, then down once it
 * is stopped.
 */
class FailoverIT {
    /** The issue's bound: first poll of the survivor at most this long after the leader died. */
    private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(15);
    private static final Duration STEP = Duration.ofMillis(250);

    @TempDir
    Path dir;

    private JiraSandbox sandbox;

    /** A comment the test wrote, and where its one copy must appear. */
    private record Made(String token, String origin, long ticketId, String sysId, String issueKey) {
    }

    @Test
    void theOtherReplicaTakesOverWithinFifteenSecondsAndNothingIsLostOrCopiedTwice() throws Exception {
        try (SharedDatabase db = SharedDatabase.start("FailoverIT");
             JiraSandbox s = JiraSandbox.builder().port(0).build()) {
            sandbox = s;
            AppProcess a = AppProcess.start(dir.resolve("a"), env(db, "a"));
            AppProcess b = AppProcess.start(dir.resolve("b"), env(db, "b"));
            try {
                a.awaitLive();
                b.awaitLive();
                run(db, a, b);
            } finally {
                a.close();
                b.close();
            }
        }
    }

    private void run(SharedDatabase db, AppProcess a, AppProcess b) throws Exception {
        // exactly one leader, and only it polls
        await("one of the two replicas leads").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> a.leads() ^ b.leads());
        AppProcess leader = a.leads() ? a : b;
        AppProcess survivor = leader == a ? b : a;
        await().atMost(Duration.ofSeconds(10)).until(() -> !leader.polls().isEmpty());
        assertThat(leader.output()).contains("is now the leader (lock ");

        List<ZendeskTicket> tickets = new CopyOnWriteArrayList<>();
        List<Incident> incidents = new CopyOnWriteArrayList<>();
        List<Made> comments = new CopyOnWriteArrayList<>();
        AtomicInteger steps = new AtomicInteger();
        ScheduledExecutorService stream = Executors.newSingleThreadScheduledExecutor();
        ScheduledFuture<?> stepping = stream.scheduleWithFixedDelay(() -> step(steps.getAndIncrement(), tickets,
                incidents, comments), 0, STEP.toMillis(), TimeUnit.MILLISECONDS);
        try {
            // a stream of changes for a while, with the leader syncing it
            await().atMost(Duration.ofSeconds(30)).until(() -> comments.size() >= 12 && linked(tickets) >= 3);
            assertThat(survivor.polls()).as("the follower does not poll").isEmpty();

            Instant killedAt = Instant.now();
            leader.kill();

            // the survivor takes over: its first poll after the kill
            Instant[] firstPoll = new Instant[1];
            await("the survivor polls").atMost(TAKEOVER_LIMIT.plusSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        firstPoll[0] = survivor.polls().stream().filter(at -> at.isAfter(killedAt)).min(Instant::compareTo)
                                .orElse(null);
                        return firstPoll[0] != null;
                    });
            Duration takeover = Duration.between(killedAt, firstPoll[0]);
            Duration leadership = Optional.ofNullable(Http.json(survivor.url("/sync/status")).at("/cluster/leaderSince")
                    .textValue()).map(t -> Duration.between(killedAt, Instant.parse(t))).orElse(null);
            System.out.printf("FailoverIT: leader killed; the survivor led after %d ms and polled after %d ms "
                    + "(limit %d s; database: %s)%n", leadership == null ? -1 : leadership.toMillis(), takeover.toMillis(),
                    TAKEOVER_LIMIT.toSeconds(), db.kind());
            assertThat(takeover).as("takeover").isLessThanOrEqualTo(TAKEOVER_LIMIT);
            assertThat(survivor.output()).contains("is now the leader (lock ");

            // the stream goes on a little under the new leader, then stops
            int made = comments.size();
            await().atMost(Duration.ofSeconds(20)).until(() -> comments.size() >= made + 6);
        } finally {
            // a step that threw ended the stream: its failure is the test's
            boolean failed = stepping.isDone();
            stepping.cancel(false);
            stream.shutdown();
            assertThat(stream.awaitTermination(30, TimeUnit.SECONDS)).as("the last step ends").isTrue();
            System.out.println("FailoverIT: " + steps.get() + " steps: " + tickets.size()
                    + " tickets, " + incidents.size() + " incidents, " + comments.size() + " comments");
            if (failed) {
                stepping.get();
            }
        }

        // the survivor catches up: every record linked, every comment arrived
        await("the survivor catches up").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> missing(tickets, incidents, comments).isEmpty());
        // and nothing arrives twice, even a little later
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> problems(tickets, incidents, comments).isEmpty());
        assertThat(problems(tickets, incidents, comments)).isEmpty();
        assertThat(sandbox.admin().issueCount()).isEqualTo(tickets.size() + incidents.size());

        // the cursors and the new-since cut-off live in the shared database
        assertThat(db.count("select count(*) from CAMEL_JIRA_STATE where STATE_KEY like 'zendesk-sync%'")).isPositive();
        assertThat(db.count("select count(*) from CAMEL_JIRA_STATE where STATE_KEY like 'servicenow-sync%'")).isPositive();
        // readiness reports the shared database: up while it runs, down (and the replica unready) once it is gone
        assertThat(readiness(survivorOf(a, b)).get("database")).isEqualTo("UP");
        db.close();
        await("readiness notices the database is gone").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> "DOWN".equals(readiness(survivorOf(a, b)).get("database")));
        assertThat(survivorOf(a, b).get("/q/health/ready").statusCode()).isEqualTo(503);

        for (AppProcess app : List.of(a, b)) {
            assertThat(app.output()).doesNotContain(SharedDatabase.PASSWORD, SandboxUsers.ADMIN_TOKEN,
                    ZendeskEmulator.AGENT_API_TOKEN, ServiceNowEmulator.ADMIN_PASSWORD);
        }
    }

    private Map<String, String> env(SharedDatabase db, String name) {
        Map<String, String> env = AppProcess.sandboxConnections(sandbox);
        env.put("SYNC_POLL_INTERVAL", "1s");
        env.put("SYNC_CLUSTER", "file");
        env.put("SYNC_CLUSTER_ROOT", dir.resolve("cluster").toString());
        env.put("SYNC_DB_URL", db.url());
        env.put("SYNC_DB_USER", db.user());
        env.put("SYNC_DB_PASSWORD", SharedDatabase.PASSWORD);
        env.put("SYNC_STATE_DIRECTORY", dir.resolve(name + "-state").toString());
        env.put("SYNC_HEALTH_CACHE", "1s");
        return env;
    }

    // ------------------------------------------------------------------------------------------------ the stream

    /** One change: new ticket, new incident, or a comment on one side of a linked pair, in turn. */
    private void step(int n, List<ZendeskTicket> tickets, List<Incident> incidents, List<Made> comments) {
        String token = "c" + n + "-" + UUID.randomUUID().toString().substring(0, 8);
        switch (n % 6) {
            case 0 -> tickets.add(sandbox.zendesk().createTicket(TicketDraft.of("Ticket " + n, "Stream ticket " + n)));
            case 1 -> incidents.add(sandbox.serviceNow().createIncident("Incident " + n));
            case 2 -> linkedTicket(tickets, n).ifPresent(t -> {
                sandbox.zendesk().addComment(t.id(), NewComment.publicComment("From Zendesk " + token));
                comments.add(new Made(token, "zendesk", t.id(), null, t.externalId()));
            });
            case 3 -> linkedIncident(incidents, n).ifPresent(i -> {
                sandbox.serviceNow().addComment(i.sysId(), "From ServiceNow " + token);
                comments.add(new Made(token, "servicenow", 0, i.sysId(), i.correlationId()));
            });
            case 4 -> linkedTicket(tickets, n).ifPresent(t -> {
                sandbox.admin().addComment(t.externalId(), "From Jira " + token);
                comments.add(new Made(token, "jira", t.id(), null, t.externalId()));
            });
            default -> linkedIncident(incidents, n).ifPresent(i -> {
                sandbox.admin().addComment(i.correlationId(), "From Jira " + token);
                comments.add(new Made(token, "jira", 0, i.sysId(), i.correlationId()));
            });
        }
    }

    /** A ticket linked to its issue by now, taking turns among them; its current state. */
    private Optional<ZendeskTicket> linkedTicket(List<ZendeskTicket> tickets, int n) {
        List<ZendeskTicket> linked = tickets.stream().map(t -> sandbox.zendesk().ticket(t.id()).orElseThrow())
                .filter(t -> Linked.isJiraKey(t.externalId())).toList();
        return linked.isEmpty() ? Optional.empty() : Optional.of(linked.get(n % linked.size()));
    }

    private Optional<Incident> linkedIncident(List<Incident> incidents, int n) {
        List<Incident> linked = incidents.stream().map(i -> sandbox.serviceNow().incident(i.sysId()).orElseThrow())
                .filter(i -> Linked.isJiraKey(i.correlationId())).toList();
        return linked.isEmpty() ? Optional.empty() : Optional.of(linked.get(n % linked.size()));
    }

    private int linked(List<ZendeskTicket> tickets) {
        return (int) tickets.stream().filter(t -> Linked.isJiraKey(sandbox.zendesk().ticket(t.id()).orElseThrow()
                .externalId())).count();
    }

    // ------------------------------------------------------------------------------------------------ the checks

    /** What has not arrived yet: unlinked records, comments without their copy. */
    private List<String> missing(List<ZendeskTicket> tickets, List<Incident> incidents, List<Made> comments) {
        return check(tickets, incidents, comments, true);
    }

    /** Everything wrong: a record with no issue or several, a comment copied not exactly once or echoed back. */
    private List<String> problems(List<ZendeskTicket> tickets, List<Incident> incidents, List<Made> comments) {
        return check(tickets, incidents, comments, false);
    }

    private List<String> check(List<ZendeskTicket> tickets, List<Incident> incidents, List<Made> comments,
                               boolean missingOnly) {
        List<String> out = new ArrayList<>();
        Map<String, List<String>> byLabel = issuesByLabel();
        for (ZendeskTicket t : tickets) {
            String key = sandbox.zendesk().ticket(t.id()).orElseThrow().externalId();
            List<String> issues = byLabel.getOrDefault("zendesk-" + t.id(), List.of());
            if (!Linked.isJiraKey(key) || issues.isEmpty()) {
                out.add("Zendesk #" + t.id() + " has no issue yet");
            } else if (!missingOnly && (issues.size() != 1 || !issues.get(0).equals(key))) {
                out.add("Zendesk #" + t.id() + " (external_id " + key + ") has the issues " + issues);
            }
        }
        for (Incident i : incidents) {
            String key = sandbox.serviceNow().incident(i.sysId()).orElseThrow().correlationId();
            List<String> issues = byLabel.getOrDefault("servicenow-" + i.number(), List.of());
            if (!Linked.isJiraKey(key) || issues.isEmpty()) {
                out.add("ServiceNow " + i.number() + " has no issue yet");
            } else if (!missingOnly && (issues.size() != 1 || !issues.get(0).equals(key))) {
                out.add("ServiceNow " + i.number() + " (correlation_id " + key + ") has the issues " + issues);
            }
        }
        Map<String, List<String>> jira = new HashMap<>();
        for (Made m : comments) {
            List<String> inJira = jira.computeIfAbsent(m.issueKey(), this::jiraComments);
            List<String> other = m.sysId() == null
                    ? sandbox.zendesk().comments(m.ticketId()).stream().map(ZendeskComment::body).toList()
                    : sandbox.serviceNow().journal(m.sysId()).stream().filter(j -> !j.isWorkNote())
                            .map(JournalEntry::value).toList();
            long j = inJira.stream().filter(c -> c.contains(m.token())).count();
            long o = other.stream().filter(c -> c.contains(m.token())).count();
            String where = m.issueKey() + " / " + (m.sysId() == null ? "Zendesk #" + m.ticketId() : "ServiceNow " + m.sysId());
            if (j == 0 || o == 0) {
                out.add("comment " + m.token() + " from " + m.origin() + " not on both sides yet (" + where + ")");
            } else if (!missingOnly && (j != 1 || o != 1)) {
                out.add("comment " + m.token() + " from " + m.origin() + " is " + j + " times in Jira and " + o
                        + " times on the other side (" + where + ")");
            }
        }
        return out;
    }

    private Map<String, List<String>> issuesByLabel() {
        Map<String, List<String>> byLabel = new HashMap<>();
        int count = sandbox.admin().issueCount();
        for (int n = 1; n <= count; n++) {
            String key = "DEMO-" + n;
            for (JsonNode l : sandbox.admin().issue(key).path("fields").path("labels")) {
                byLabel.computeIfAbsent(l.asText(), x -> new ArrayList<>()).add(key);
            }
        }
        return byLabel;
    }

    private List<String> jiraComments(String key) {
        List<String> out = new ArrayList<>();
        for (JsonNode c : sandbox.admin().issue(key).path("fields").path("comment").path("comments")) {
            out.add(text(c.path("body")));
        }
        return out;
    }

    /** The text of an ADF document (REST v3) or a wiki string. */
    private static String text(JsonNode body) {
        if (body.isTextual()) {
            return body.asText();
        }
        StringBuilder b = new StringBuilder();
        collect(body, b);
        return b.toString();
    }

    private static void collect(JsonNode n, StringBuilder b) {
        if (n.has("text")) {
            b.append(n.get("text").asText());
        }
        for (JsonNode c : n.path("content")) {
            collect(c, b);
        }
    }

    // ------------------------------------------------------------------------------------------------ the replicas

    private static AppProcess survivorOf(AppProcess a, AppProcess b) {
        return a.alive() ? a : b;
    }

    /** Each readiness check's status by name. */
    private static Map<String, String> readiness(AppProcess app) {
        Map<String, String> out = new HashMap<>();
        try {
            for (JsonNode c : Http.JSON.readTree(app.get("/q/health/ready").body()).path("checks")) {
                out.put(c.path("name").asText(), c.path("status").asText());
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return out;
    }
}
