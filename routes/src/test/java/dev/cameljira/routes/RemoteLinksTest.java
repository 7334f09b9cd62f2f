package dev.cameljira.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.cameljira.jira.model.JiraRemoteLink;
import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.zendesk.TicketDraft;
import dev.cameljira.sandbox.zendesk.ZendeskTicket;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With one replica the remote link of a new issue (the ticket shown in Jira) is added after the creations, not between
 * them; it is never lost: one still waiting when the sync stops is added by the next start.
 */
class RemoteLinksTest {
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

    private CamelContext startSync() {
        return SyncEnvironment.startZendeskSync(sandbox, state);
    }

    private String awaitKey(long ticket) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                dev.cameljira.routes.engine.SyncEngine.isJiraKey(sandbox.zendesk().ticket(ticket).orElseThrow().externalId()));
        return sandbox.zendesk().ticket(ticket).orElseThrow().externalId();
    }

    private List<?> remoteLinks(String key) {
        return context.createProducerTemplate().requestBodyAndHeader("jira:getRemoteLinks", null,
                "CamelJiraIssueKey", key, List.class);
    }

    private SyncMonitor monitor() {
        return context.getRegistry().lookupByNameAndType(SyncMonitor.BEAN_NAME, SyncMonitor.class);
    }

    @Test
    void everyNewIssueGetsItsRemoteLinkAfterTheCreations() {
        sandbox = JiraSandbox.start(JiraSandbox.Mode.CLOUD);
        context = startSync();
        List<ZendeskTicket> tickets = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tickets.add(sandbox.zendesk().createTicket(TicketDraft.of("Linked " + i, "x")));
        }
        for (ZendeskTicket t : tickets) {
            String key = awaitKey(t.id());
            await().atMost(Duration.ofSeconds(30)).until(() -> remoteLinks(key).size() == 1);
            JiraRemoteLink link = (JiraRemoteLink) remoteLinks(key).get(0);
            assertThat(link.url()).endsWith("/tickets/" + t.id());
            assertThat(link.title()).startsWith("Zendesk #" + t.id() + ": Linked ");
        }
        assertThat(monitor().counter("remoteLinks.deferred")).isEqualTo(5);
        assertThat(monitor().counter("remoteLinks.added")).isEqualTo(5);
    }

    @Test
    void aRemoteLinkStillWaitingWhenTheSyncStopsIsAddedByTheNextStart() throws Exception {
        sandbox = JiraSandbox.start(JiraSandbox.Mode.CLOUD);
        // Jira refuses remote links for now (503: try again later)
        sandbox.admin().faults().failNext("POST", "/rest/api/3/issue/DEMO-1/remotelink", 503, 10_000);
        context = startSync();
        ZendeskTicket t = sandbox.zendesk().createTicket(TicketDraft.of("Waiting", "x"));
        String key = awaitKey(t.id());
        await().atMost(Duration.ofSeconds(20)).until(() -> monitor().counter("jira.calls.503") > 0);
        context.close();

        sandbox.admin().faults().reset();
        context = startSync();

        await().atMost(Duration.ofSeconds(30)).until(() -> remoteLinks(key).size() == 1);
        assertThat(monitor().counter("remoteLinks.added")).isEqualTo(1);
        assertThat(sandbox.admin().issueCount()).isEqualTo(1);
    }
}
