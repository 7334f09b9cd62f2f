package dev.cameljira.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import dev.cameljira.sandbox.zendesk.TicketDraft;
import dev.cameljira.sandbox.zendesk.ZendeskTicket;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

/**
 * The label search before a create (crash safety: an earlier attempt may have created the issue without writing its key
 * to the ticket) runs whenever an earlier attempt is possible, and only then: not for a ticket created after the sync
 * started, on one replica, that the sync has not tried before.
 */
class CreateSearchTest extends SyncTestSupport {

    /** Label searches the sandbox received for the ticket's link label. */
    private long searchesFor(ZendeskTicket t) {
        String label = "zendesk-" + t.id();
        return env.sandbox.admin().requests().stream()
                .filter(r -> r.path().contains("/search"))
                .filter(r -> (r.query() + " " + new String(r.requestBody(), StandardCharsets.UTF_8)).contains(label))
                .count();
    }

    /** Tickets carry second-precision times; the engine counts a ticket as its own one second after its start. */
    private void pastTheSkewAllowance() {
        syncStartedSecondsAgo(3);
    }

    @Test
    void aTicketCreatedAfterTheStartIsCreatedWithoutSearching() throws Exception {
        environment();
        pastTheSkewAllowance();
        env.instantiate("jira-zendesk-sync", "zendesk-sync", env.params());
        env.start();

        ZendeskTicket t = env.sandbox.zendesk().createTicket(TicketDraft.of("Fresh", "x"));
        env.awaitTicketKey(t.id());

        assertThat(searchesFor(t)).isZero();
        assertThat(env.monitor().counter("create.searchSkipped")).isEqualTo(1);
        assertThat(env.sandbox.admin().issueCount()).isEqualTo(1);
    }

    @Test
    void aTicketOlderThanTheStartIsSearchedFirstAndItsIssueAdopted() throws Exception {
        environment();
        // a previous run created the issue (it carries the ticket's label) and died before writing the key
        ZendeskTicket t = env.sandbox.zendesk().createTicket(TicketDraft.of("Older", "x"));
        String orphan = env.sandbox.admin().createIssue("DEMO", "Task", "Older",
                java.util.Map.of("labels", java.util.List.of("zendesk-" + t.id())));
        env.instantiate("jira-zendesk-sync", "zendesk-sync", env.params());
        env.start();

        assertThat(env.awaitTicketKey(t.id())).isEqualTo(orphan);
        assertThat(searchesFor(t)).isEqualTo(1);
        assertThat(env.sandbox.admin().issueCount()).isEqualTo(1);
    }

    @Test
    void aRetryAfterALostCreateAnswerSearchesAndMakesNoSecondIssue() throws Exception {
        environment();
        pastTheSkewAllowance();
        env.instantiate("jira-zendesk-sync", "zendesk-sync", env.params("redeliveryDelay", "200ms"));
        env.start();
        // Jira creates the issue, the answer never arrives: the retry must find it by its label
        env.sandbox.admin().faults().dropResponseNext("POST", "/rest/api/3/issue", 1);

        ZendeskTicket t = env.sandbox.zendesk().createTicket(TicketDraft.of("Lost answer", "x"));
        env.awaitTicketKey(t.id());

        assertThat(env.sandbox.admin().issueCount()).as("one issue, adopted by the retry").isEqualTo(1);
        assertThat(searchesFor(t)).isEqualTo(1);
        assertThat(env.monitor().counter("create.searchSkipped")).isEqualTo(1);
    }

    @Test
    void withSharedClaimsEveryCreateSearches() throws Exception {
        environment();
        pastTheSkewAllowance();
        env.context.getRegistry().bind("claims", IdempotentRepository.class,
                MemoryIdempotentRepository.memoryIdempotentRepository());
        env.instantiate("jira-zendesk-sync", "zendesk-sync", env.params("claimRepository", "claims"));
        env.start();

        ZendeskTicket t = env.sandbox.zendesk().createTicket(TicketDraft.of("Replicas", "x"));
        env.awaitTicketKey(t.id());

        assertThat(searchesFor(t)).isEqualTo(1);
        assertThat(env.monitor().counter("create.searchSkipped")).isZero();
    }
}
