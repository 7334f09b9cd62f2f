package dev.cameljira.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.zendesk.NewComment;
import dev.cameljira.sandbox.zendesk.TicketDraft;
import dev.cameljira.sandbox.zendesk.TicketUpdate;
import dev.cameljira.sandbox.zendesk.ZendeskComment;
import dev.cameljira.sandbox.zendesk.ZendeskEmulator;
import dev.cameljira.sandbox.zendesk.ZendeskPriority;
import dev.cameljira.sandbox.zendesk.ZendeskStatus;
import dev.cameljira.sandbox.zendesk.ZendeskTicket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jira-zendesk-sync with polling alone (no webhook, nothing but URLs and credentials), end to end. */
class ZendeskSyncPollingTest {
    @TempDir
    Path state;
    private SyncEnvironment env;

    @BeforeEach
    void start() {
        env = new SyncEnvironment(JiraSandbox.start(JiraSandbox.Mode.CLOUD), state);
        env.instantiate("jira-zendesk-sync", "zendesk-sync", env.params());
        env.start();
    }

    @AfterEach
    void stop() {
        env.close();
    }

    private ZendeskEmulator zendesk() {
        return env.sandbox.zendesk();
    }

    private String issueOf(ZendeskTicket t) {
        await().atMost(Duration.ofSeconds(20)).until(() -> SyncEnvironment.linked(zendesk().ticket(t.id()).orElseThrow().externalId()));
        return zendesk().ticket(t.id()).orElseThrow().externalId();
    }

    @Test
    void aNewTicketBecomesOneIssueWithItsFieldsAndLinksOnBothSides() {
        ZendeskTicket t = zendesk().createTicket(TicketDraft.of("Printer on fire", "It smokes a lot.")
                .withPriority(ZendeskPriority.HIGH).withTags("hardware", "floor 3"));

        String key = issueOf(t);

        JsonNode issue = env.sandbox.admin().issue(key);
        assertThat(issue.path("fields").path("summary").asText()).isEqualTo("Printer on fire");
        assertThat(issue.path("fields").path("priority").path("name").asText()).isEqualTo("High");
        assertThat(issue.path("fields").path("issuetype").path("name").asText()).isEqualTo("Task");
        assertThat(issue.path("fields").path("labels")).extracting(JsonNode::asText)
                .contains("hardware", "zendesk-" + t.id());
        assertThat(issue.path("fields").path("description").toString()).contains("It smokes a lot.")
                .contains("/agent/tickets/" + t.id());
        assertThat(env.issuesLabelled("zendesk-" + t.id())).containsExactly(key);
    }

    @Test
    void externalIdIsOnlyEverEmptyOrTheJiraKey() throws Exception {
        java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.List<ZendeskTicket> tickets = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tickets.add(zendesk().createTicket(TicketDraft.of("Watched " + i, "x")));
        }
        java.util.concurrent.ScheduledExecutorService watcher = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor();
        watcher.scheduleAtFixedRate(() -> tickets.forEach(t -> {
            String v = zendesk().ticket(t.id()).orElseThrow().externalId();
            if (v != null) {
                seen.add(v);
            }
        }), 0, 2, java.util.concurrent.TimeUnit.MILLISECONDS);
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> tickets.stream().allMatch(t ->
                    SyncEnvironment.linked(zendesk().ticket(t.id()).orElseThrow().externalId())));
        } finally {
            watcher.shutdownNow();
        }
        assertThat(seen).hasSize(10).allMatch(SyncEnvironment::linked);
    }

    @Test
    void commentsTravelBothWaysOnceWithTheirAuthorAndPrivateNotesStay() {
        ZendeskTicket t = zendesk().createTicket(TicketDraft.of("Comments", "First"));
        String key = issueOf(t);

        env.sandbox.admin().addComment(key, "We are on it.");
        await().atMost(Duration.ofSeconds(20)).until(() -> zendesk().comments(t.id()).size() == 2);
        ZendeskComment copied = zendesk().comments(t.id()).get(1);
        assertThat(copied.body()).startsWith("Sandbox Admin (Jira): We are on it.");
        assertThat(copied.isPublic()).isTrue();

        zendesk().addComment(t.id(), NewComment.publicComment("Thanks, it is still smoking."));
        zendesk().addComment(t.id(), NewComment.privateNote("Internal: call facilities."));
        await().atMost(Duration.ofSeconds(20)).until(() -> jiraComments(key).size() == 2);
        assertThat(jiraComments(key).get(1)).contains("(Zendesk): Thanks, it is still smoking.");

        // nothing echoes back, nothing is copied twice, the private note stays in Zendesk
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() ->
                zendesk().comments(t.id()).size() == 4 && jiraComments(key).size() == 2);
        assertThat(String.join("\n", jiraComments(key))).doesNotContain("call facilities");
    }

    @Test
    void doneSolvesTheTicketAndReopeningItMovesTheIssueBack() {
        ZendeskTicket t = zendesk().createTicket(TicketDraft.of("Status", "Please fix"));
        String key = issueOf(t);

        env.sandbox.admin().transition(key, "Done");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                zendesk().ticket(t.id()).orElseThrow().status() == ZendeskStatus.SOLVED);

        zendesk().updateTicket(t.id(), TicketUpdate.none().withStatus(ZendeskStatus.OPEN));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                env.sandbox.admin().issue(key).path("fields").path("status").path("name").asText().equals("To Do"));
        // and stays there: the reopen does not bounce back
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() ->
                zendesk().ticket(t.id()).orElseThrow().status() == ZendeskStatus.OPEN
                        && env.sandbox.admin().issue(key).path("fields").path("status").path("name").asText()
                        .equals("To Do"));
    }

    private List<String> jiraComments(String key) {
        JsonNode issue = env.sandbox.admin().issue(key);
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode c : issue.path("fields").path("comment").path("comments")) {
            out.add(plain(c.path("body")));
        }
        return out;
    }

    /** The text of an ADF document (v3) or a wiki string. */
    static String plain(JsonNode body) {
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
        if (n.path("type").asText().equals("hardBreak")) {
            b.append('\n');
        }
        for (JsonNode c : n.path("content")) {
            collect(c, b);
        }
        if (n.path("type").asText().equals("paragraph")) {
            b.append('\n');
        }
    }
}
