package dev.cameljira.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.zendesk.NewComment;
import dev.cameljira.sandbox.zendesk.TicketDraft;
import dev.cameljira.sandbox.zendesk.TicketUpdate;
import dev.cameljira.sandbox.zendesk.ZendeskComment;
import dev.cameljira.sandbox.zendesk.ZendeskEmulator;
import dev.cameljira.sandbox.zendesk.ZendeskPriority;
import dev.cameljira.sandbox.zendesk.ZendeskStatus;
import dev.cameljira.sandbox.zendesk.ZendeskTicket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** jira-zendesk-sync with polling alone (no webhook, nothing but URLs and credentials), end to end. */
class ZendeskSyncPollingTest extends SyncTestSupport {

    @BeforeEach
    void start() {
        environment();
        env.instantiate("jira-zendesk-sync", "zendesk-sync", env.params());
        env.start();
    }


    private ZendeskEmulator zendesk() {
        return env.sandbox.zendesk();
    }

    @Test
    void aNewTicketBecomesOneIssueWithItsFieldsAndLinksOnBothSides() {
        ZendeskTicket t = zendesk().createTicket(TicketDraft.of("Printer on fire", "It smokes a lot.")
                .withPriority(ZendeskPriority.HIGH).withTags("hardware", "floor 3"));

        String key = env.awaitTicketKey(t.id());

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
        String key = env.awaitTicketKey(t.id());

        env.sandbox.admin().addComment(key, "We are on it.");
        await().atMost(Duration.ofSeconds(20)).until(() -> zendesk().comments(t.id()).size() == 2);
        ZendeskComment copied = zendesk().comments(t.id()).get(1);
        assertThat(copied.body()).startsWith("Sandbox Admin (Jira): We are on it.");
        assertThat(copied.isPublic()).isTrue();

        zendesk().addComment(t.id(), NewComment.publicComment("Thanks, it is still smoking."));
        zendesk().addComment(t.id(), NewComment.privateNote("Internal: call facilities."));
        await().atMost(Duration.ofSeconds(20)).until(() -> env.jiraComments(key).size() == 2);
        assertThat(env.jiraComments(key).get(1)).contains("(Zendesk): Thanks, it is still smoking.");

        // nothing echoes back, nothing is copied twice, the private note stays in Zendesk
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() ->
                zendesk().comments(t.id()).size() == 4 && env.jiraComments(key).size() == 2);
        assertThat(String.join("\n", env.jiraComments(key))).doesNotContain("call facilities");
    }

    @Test
    void doneSolvesTheTicketAndReopeningItMovesTheIssueBack() {
        ZendeskTicket t = zendesk().createTicket(TicketDraft.of("Status", "Please fix"));
        String key = env.awaitTicketKey(t.id());

        env.sandbox.admin().transition(key, "Done");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                zendesk().ticket(t.id()).orElseThrow().status() == ZendeskStatus.SOLVED);

        zendesk().updateTicket(t.id(), TicketUpdate.none().withStatus(ZendeskStatus.OPEN));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                env.jiraStatus(key).equals("To Do"));
        // and stays there: the reopen does not bounce back
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() ->
                zendesk().ticket(t.id()).orElseThrow().status() == ZendeskStatus.OPEN
                        && env.jiraStatus(key).equals("To Do"));
    }
}
