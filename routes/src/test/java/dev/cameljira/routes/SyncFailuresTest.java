package dev.cameljira.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.cameljira.sandbox.zendesk.TicketDraft;
import dev.cameljira.sandbox.zendesk.TicketUpdate;
import dev.cameljira.sandbox.zendesk.ZendeskStatus;
import dev.cameljira.sandbox.zendesk.ZendeskTicket;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Unmapped values, unreachable statuses and deleted records: reported with their reason, never retried forever. */
class SyncFailuresTest extends SyncTestSupport {
    private MockEndpoint dead;

    @BeforeEach
    void start() {
        environment();
        env.instantiate("jira-zendesk-sync", "zendesk-sync", env.params("deadLetterUri", "mock:dead",
                "statusMap", "To Do:open,Done:solved,In Progress:hold,*:pending,To Do:*"));
        env.start();
        dead = env.context.getEndpoint("mock:dead", MockEndpoint.class);
    }


    @Test
    void anUnmappedStatusGoesToTheDefaultAndIsReportedOnce() {
        ZendeskTicket t = env.sandbox.zendesk().createTicket(TicketDraft.of("Unmapped", "x"));
        String key = env.awaitTicketKey(t.id());
        // no pair for Jira's "Done"... there is; "In Progress" has one too: use a status the map lacks on the way back
        env.sandbox.zendesk().updateTicket(t.id(), TicketUpdate.none().withStatus(ZendeskStatus.PENDING));
        await().atMost(Duration.ofSeconds(20)).until(() -> env.jiraStatus(key).equals("To Do")
                && env.monitor().counter("unmapped") >= 1);
        env.sandbox.zendesk().updateTicket(t.id(), TicketUpdate.none().withStatus(ZendeskStatus.OPEN));
        env.sandbox.zendesk().updateTicket(t.id(), TicketUpdate.none().withStatus(ZendeskStatus.PENDING));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(8)).until(() -> env.monitor().snapshot().unmapped()
                .stream().filter(e -> e.text().contains("'Zendesk pending'")).count() == 1);
        assertThat(env.monitor().snapshot().unmapped()).anySatisfy(e ->
                assertThat(e.text()).contains("statusMap").contains("pending").contains("To Do"));
    }

    @Test
    void aStatusNoTransitionReachesIsDeadLetteredWithItsReasonAndTheOtherFieldsStillSync() throws Exception {
        ZendeskTicket t = env.sandbox.zendesk().createTicket(TicketDraft.of("Unreachable", "x"));
        String key = env.awaitTicketKey(t.id());
        env.sandbox.admin().transition(key, "Done");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                env.sandbox.zendesk().ticket(t.id()).orElseThrow().status() == ZendeskStatus.SOLVED);

        // hold maps to In Progress, which the sandbox workflow cannot reach from Done
        env.sandbox.zendesk().updateTicket(t.id(), TicketUpdate.none().withStatus(ZendeskStatus.HOLD)
                .withSubject("Unreachable, renamed"));

        await().atMost(Duration.ofSeconds(20)).until(() -> dead.getReceivedCounter() == 1);
        Exchange failed = dead.getReceivedExchanges().get(0);
        assertThat(failed.getIn().getHeader(SyncRuntime.FAILURE_REASON, String.class))
                .contains("In Progress").contains(key);
        assertThat(failed.getIn().getHeader(SyncRuntime.FAILURE_LINK, String.class))
                .isEqualTo("Jira " + key + " <-> Zendesk #" + t.id());
        assertThat(env.sandbox.admin().issue(key).path("fields").path("summary").asText())
                .isEqualTo("Unreachable, renamed");
        assertThat(env.jiraStatus(key)).isEqualTo("Done");
        // reported once: later polls do not deliver it again
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> dead.getReceivedCounter() == 1);
    }

    @Test
    void aDeletedIssueIsReportedNotRetriedForever() throws Exception {
        ZendeskTicket t = env.sandbox.zendesk().createTicket(TicketDraft.of("Doomed", "x"));
        String key = env.awaitTicketKey(t.id());
        env.context.createProducerTemplate().sendBodyAndHeader("jira:deleteIssue", null, "CamelJiraIssueKey", key);

        env.sandbox.zendesk().updateTicket(t.id(), TicketUpdate.none().withStatus(ZendeskStatus.SOLVED));

        await().atMost(Duration.ofSeconds(20)).until(() -> dead.getReceivedCounter() >= 1);
        assertThat(dead.getReceivedExchanges().get(0).getIn().getHeader(SyncRuntime.FAILURE_REASON, String.class))
                .contains(key).contains("no longer exists");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> dead.getReceivedCounter() == 1);
        List<SyncMonitor.Failure> failures = env.monitor().snapshot().failures();
        assertThat(failures).singleElement().satisfies(f -> {
            assertThat(f.deadLettered()).isTrue();
            assertThat(f.direction()).isEqualTo("to-jira");
        });
    }

    @Test
    void aDeletedTicketIsReportedWhenJiraChanges() {
        ZendeskTicket t = env.sandbox.zendesk().createTicket(TicketDraft.of("Vanishing", "x"));
        String key = env.awaitTicketKey(t.id());
        // the ticket is linked before its sync ends (its comments are read next): deleting it inside that window
        // would make the creation itself report the deleted ticket, which is not what this test is about
        await().atMost(Duration.ofSeconds(20)).until(() -> env.context.getInflightRepository().size() == 0);
        env.sandbox.zendesk().deleteTicket(t.id());

        env.sandbox.admin().updateIssue(key, Map.of("summary", "Vanishing, renamed"));

        await().atMost(Duration.ofSeconds(20)).until(() -> dead.getReceivedCounter() >= 1);
        assertThat(dead.getReceivedExchanges().get(0).getIn().getHeader(SyncRuntime.FAILURE_REASON, String.class))
                .contains("Zendesk #" + t.id()).contains("no longer exists");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> dead.getReceivedCounter() == 1);
    }
}
