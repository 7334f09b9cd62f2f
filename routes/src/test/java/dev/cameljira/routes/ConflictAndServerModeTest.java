package dev.cameljira.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.zendesk.NewComment;
import dev.cameljira.sandbox.zendesk.TicketDraft;
import dev.cameljira.sandbox.zendesk.TicketUpdate;
import dev.cameljira.sandbox.zendesk.ZendeskStatus;
import dev.cameljira.sandbox.zendesk.ZendeskTicket;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both sides changed the same field while the sync was away: the later change wins, once. And Data Center mode. */
class ConflictAndServerModeTest {
    @TempDir
    Path state;
    private JiraSandbox sandbox;
    private CamelContext context;
    /** Moved forward by the test, so "later" does not depend on how fast the test runs. */
    private final MovableClock clock = new MovableClock(Instant.now());

    @AfterEach
    void stop() throws Exception {
        if (context != null) {
            context.close();
        }
        sandbox.close();
    }

    private CamelContext sync() {
        return SyncEnvironment.startZendeskSync(sandbox, state);
    }

    private String awaitKey(ZendeskTicket t) {
        await().atMost(Duration.ofSeconds(20)).until(() ->
                SyncEnvironment.linked(sandbox.zendesk().ticket(t.id()).orElseThrow().externalId()));
        return sandbox.zendesk().ticket(t.id()).orElseThrow().externalId();
    }

    private String status(String key) {
        return sandbox.admin().issue(key).path("fields").path("status").path("name").asText();
    }

    @Test
    void theLaterChangeWinsWhenBothSidesChangedTheStatus() throws Exception {
        sandbox = JiraSandbox.builder().mode(JiraSandbox.Mode.CLOUD).clock(clock).build();
        context = sync();
        ZendeskTicket jiraLater = sandbox.zendesk().createTicket(TicketDraft.of("Jira decides", "x"));
        ZendeskTicket zendeskLater = sandbox.zendesk().createTicket(TicketDraft.of("Zendesk decides", "y"));
        String a = awaitKey(jiraLater);
        String b = awaitKey(zendeskLater);
        context.close();

        // while the sync is away: on ticket a Zendesk changes first, Jira later; on ticket b the other way round
        sandbox.zendesk().updateTicket(jiraLater.id(), TicketUpdate.none().withStatus(ZendeskStatus.PENDING));
        sandbox.admin().transition(b, "Done");
        clock.advance(Duration.ofSeconds(5));
        sandbox.admin().transition(a, "Done");
        sandbox.zendesk().updateTicket(zendeskLater.id(), TicketUpdate.none().withStatus(ZendeskStatus.OPEN));
        clock.advance(Duration.ofSeconds(1));

        context = sync();

        await().atMost(Duration.ofSeconds(20)).until(() ->
                sandbox.zendesk().ticket(jiraLater.id()).orElseThrow().status() == ZendeskStatus.SOLVED
                        && status(b).equals("To Do"));
        // and it stays that way: no ping-pong
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> status(a).equals("Done")
                && sandbox.zendesk().ticket(jiraLater.id()).orElseThrow().status() == ZendeskStatus.SOLVED
                && status(b).equals("To Do")
                && sandbox.zendesk().ticket(zendeskLater.id()).orElseThrow().status() == ZendeskStatus.OPEN);
    }

    @Test
    void dataCenterSpeaksWikiMarkupAndUserNamesAndStillSyncsOnce() throws Exception {
        sandbox = JiraSandbox.start(JiraSandbox.Mode.SERVER);
        context = sync();
        ZendeskTicket t = sandbox.zendesk().createTicket(TicketDraft.of("On Data Center [urgent]", "Printer *on* fire"));
        String key = awaitKey(t);
        JsonNode issue = sandbox.admin().issue(key);
        assertThat(issue.path("fields").path("description").asText()).contains("Printer").contains("fire");

        sandbox.admin().addComment(key, "Checked it");
        sandbox.zendesk().addComment(t.id(), NewComment.publicComment("Thanks [really]"));
        await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.zendesk().comments(t.id()).size() == 3
                && sandbox.admin().issue(key).path("fields").path("comment").path("comments").size() == 2);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() ->
                sandbox.zendesk().comments(t.id()).size() == 3
                        && sandbox.admin().issue(key).path("fields").path("comment").path("comments").size() == 2);
        sandbox.admin().transition(key, "Done");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                sandbox.zendesk().ticket(t.id()).orElseThrow().status() == ZendeskStatus.SOLVED);
    }
}
