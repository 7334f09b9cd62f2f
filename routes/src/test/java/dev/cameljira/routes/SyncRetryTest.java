package dev.cameljira.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import dev.cameljira.sandbox.zendesk.TicketDraft;
import dev.cameljira.sandbox.zendesk.ZendeskTicket;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Failures that pass: retried with backoff, or handed back to the source while a side is down; nothing is lost. */
class SyncRetryTest extends SyncTestSupport {
    private MockEndpoint dead;

    @BeforeEach
    void start() {
        environment();
        env.instantiate("jira-zendesk-sync", "zendesk-sync", env.params("deadLetterUri", "mock:dead",
                "maximumRedeliveries", "3", "redeliveryDelay", "100ms"));
        env.start();
        dead = env.context.getEndpoint("mock:dead", MockEndpoint.class);
    }


    @Test
    void aFailedCreateIsRetriedAndMakesOneIssue() {
        env.sandbox.admin().faults().failNext("POST", "/rest/api/3/issue", 500, 2);

        ZendeskTicket t = env.sandbox.zendesk().createTicket(TicketDraft.of("Retried", "x"));

        env.awaitTicketKey(t.id());
        assertThat(env.sandbox.admin().issueCount()).isEqualTo(1);
        assertThat(dead.getReceivedCounter()).isZero();
    }

    @Test
    void aPollSyncedSideBySideThatMeetsAnOutageLosesAndRepeatsNoTicket() {
        // the poll's tickets go to 4 workers; Zendesk then fails a stretch of calls: the events that hit it are handed
        // back, the poll stops there, and the next polls take up exactly what is left
        for (int i = 0; i < 24; i++) {
            env.sandbox.zendesk().createTicket(TicketDraft.of("Side by side " + i, "x"));
        }
        env.sandbox.admin().faults().failNext(null, "/api/v2/tickets/", 503, 30);

        await().atMost(Duration.ofSeconds(60)).until(() -> env.sandbox.zendesk().tickets().stream()
                .allMatch(t -> dev.cameljira.routes.engine.SyncEngine.isJiraKey(t.externalId())));
        assertThat(env.monitor().counter("handedBack")).as("the outage was met").isPositive();
        assertThat(env.sandbox.admin().issueCount()).as("one issue per ticket").isEqualTo(24);
        assertThat(env.sandbox.zendesk().tickets().stream().map(ZendeskTicket::externalId).distinct()).hasSize(24);
        assertThat(dead.getReceivedCounter()).isZero();
    }

    @Test
    void whileZendeskIsDownEventsWaitAndArriveWhenItIsBack() {
        ZendeskTicket t = env.sandbox.zendesk().createTicket(TicketDraft.of("Outage", "x"));
        String key = env.awaitTicketKey(t.id());
        // every Zendesk call fails for a while: the Jira comment cannot be copied and is handed back, not dropped
        env.sandbox.admin().faults().failNext(null, "/api/v2/", 503, 40);
        env.sandbox.admin().addComment(key, "Written during the outage");

        await().atMost(Duration.ofSeconds(30)).until(() -> env.monitor().counter("handedBack") > 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> env.sandbox.zendesk().comments(t.id()).stream()
                .anyMatch(c -> c.body().contains("Written during the outage")));
        assertThat(dead.getReceivedCounter()).isZero();
        assertThat(env.sandbox.zendesk().comments(t.id()).stream()
                .filter(c -> c.body().contains("Written during the outage")).count()).isEqualTo(1);
    }
}
