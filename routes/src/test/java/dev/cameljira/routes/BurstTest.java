package dev.cameljira.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.zendesk.TicketDraft;
import dev.cameljira.sandbox.zendesk.ZendeskTicket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1,000 tickets created in a burst while Jira allows 50 requests a second: 1,000 issues, none twice, none lost, and fewer
 * Jira requests than tickets (the creations of records synced side by side are sent in bulk).
 */
class BurstTest {
    private static final int TICKETS = 1000;

    @TempDir
    Path state;
    private SyncEnvironment env;

    @BeforeEach
    void start() {
        env = new SyncEnvironment(JiraSandbox.builder().mode(JiraSandbox.Mode.CLOUD).journalCapacity(20_000).build(), state);
        env.sandbox.admin().faults().rateLimit("/rest/", 50);
        env.instantiate("jira-zendesk-sync", "zendesk-sync", env.params("pollInterval", "3s"));
        env.start();
    }

    @AfterEach
    void stop() {
        env.close();
    }

    @Test
    void everyTicketGetsExactlyOneIssue() {
        for (int i = 0; i < TICKETS; i++) {
            env.sandbox.zendesk().createTicket(TicketDraft.of("Burst " + i, "Ticket number " + i));
        }

        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).until(() ->
                env.sandbox.zendesk().tickets().stream().allMatch(t -> SyncEngineKeys.isKey(t.externalId())));

        List<ZendeskTicket> tickets = env.sandbox.zendesk().tickets();
        assertThat(tickets).hasSize(TICKETS);
        Set<String> keys = new HashSet<>();
        for (ZendeskTicket t : tickets) {
            assertThat(keys.add(t.externalId())).as("issue %s linked twice", t.externalId()).isTrue();
            JsonNode issue = env.sandbox.admin().issue(t.externalId());
            assertThat(issue.path("fields").path("labels")).extracting(JsonNode::asText).contains("zendesk-" + t.id());
            assertThat(issue.path("fields").path("summary").asText()).isEqualTo(t.subject());
        }
        assertThat(env.sandbox.admin().issueCount()).isEqualTo(TICKETS);
        SyncMonitor monitor = env.context.getRegistry().lookupByNameAndType(SyncMonitor.BEAN_NAME, SyncMonitor.class);
        assertThat(monitor.counter("jira.calls.429")).as("Jira throttled the burst").isPositive();
        assertThat(monitor.counter("links")).isEqualTo(TICKETS);
        List<dev.cameljira.sandbox.spec.HttpExchangeRecord> creations = env.sandbox.admin().requests().stream()
                .filter(r -> r.method().equals("POST") && r.status() == 201
                        && (r.path().endsWith("/issue") || r.path().endsWith("/issue/bulk"))).toList();
        assertThat(creations).as("creations made side by side go to Jira in bulk: fewer create requests than tickets")
                .hasSizeLessThan(TICKETS).anyMatch(r -> r.path().endsWith("/issue/bulk"));
        assertThat(monitor.snapshot().failures()).isEmpty();
    }

    /** Key check shared with the engine's rule. */
    static final class SyncEngineKeys {
        static boolean isKey(String s) {
            return dev.cameljira.routes.engine.SyncEngine.isJiraKey(s);
        }
    }
}
