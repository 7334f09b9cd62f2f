package dev.cameljira.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.zendesk.NewComment;
import dev.cameljira.sandbox.zendesk.TicketDraft;
import dev.cameljira.sandbox.zendesk.ZendeskComment;
import dev.cameljira.sandbox.zendesk.ZendeskTicket;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas that both work on the same tickets at the same moment (here: both poll, each from its own cursors, the
 * harshest case of a webhook on one pod and the leader's poll on another) with a shared {@code claimRepository}: every
 * ticket gets one issue, every comment one copy. Jira and Zendesk answer 30 ms late, so without the claim the two
 * replicas overlap on most tickets and create issues and comments twice.
 */
class ReplicaClaimsTest {
    private static final int TICKETS = 8;

    @TempDir
    Path dir;
    private JiraSandbox sandbox;
    private final List<CamelContext> replicas = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (CamelContext c : replicas) {
            c.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private SyncEnvironment replica(String name, IdempotentRepository claims) {
        CamelContext ctx = SyncEnvironment.newContext(sandbox);
        ctx.getRegistry().bind("sharedClaims", IdempotentRepository.class, claims);
        SyncEnvironment env = new SyncEnvironment(sandbox, dir.resolve(name), ctx);
        env.instantiate("jira-zendesk-sync", "zendesk-sync", env.params("pollInterval", "300ms",
                "claimRepository", "sharedClaims"));
        replicas.add(ctx);
        ctx.start();
        return env;
    }

    @Test
    void twoReplicasOnTheSameTicketsCreateEachIssueAndCopyEachCommentOnce() {
        sandbox = JiraSandbox.start(JiraSandbox.Mode.CLOUD);
        sandbox.admin().faults().latency(Duration.ofMillis(30));
        IdempotentRepository claims = MemoryIdempotentRepository.memoryIdempotentRepository(1000);
        SyncEnvironment env = replica("a", claims);
        replica("b", claims);

        List<ZendeskTicket> tickets = new ArrayList<>();
        for (int i = 0; i < TICKETS; i++) {
            tickets.add(sandbox.zendesk().createTicket(TicketDraft.of("Replica race " + i, "Seen by both")));
        }
        List<String> keys = new ArrayList<>();
        for (ZendeskTicket t : tickets) {
            keys.add(env.awaitTicketKey(t.id()));
        }
        for (int i = 0; i < TICKETS; i++) {
            sandbox.zendesk().addComment(tickets.get(i).id(), NewComment.publicComment("Customer reply " + i));
            sandbox.admin().addComment(keys.get(i), "Agent reply " + i);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> allCopied(env, tickets, keys));
        // both replicas poll a few more times: nothing changes any more
        List<Integer> settled = counts(env, tickets, keys);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> counts(env, tickets, keys).equals(settled));

        assertThat(sandbox.admin().issueCount()).as("issues").isEqualTo(TICKETS);
        for (int i = 0; i < TICKETS; i++) {
            assertThat(env.issuesLabelled("zendesk-" + tickets.get(i).id())).as("issues of ticket %s", i)
                    .containsExactly(keys.get(i));
            String customer = "Customer reply " + i;
            String agent = "Agent reply " + i;
            assertThat(env.jiraComments(keys.get(i))).as("comments of %s", keys.get(i))
                    .filteredOn(c -> c.contains(customer)).hasSize(1);
            assertThat(sandbox.zendesk().comments(tickets.get(i).id())).extracting(ZendeskComment::body)
                    .as("comments of ticket %s", i).filteredOn(b -> b.contains(agent)).hasSize(1);
        }
    }

    /** Every comment copied to the other side (2 on each issue, 3 on each ticket), or more. */
    private boolean allCopied(SyncEnvironment env, List<ZendeskTicket> tickets, List<String> keys) {
        for (int i = 0; i < TICKETS; i++) {
            if (env.jiraComments(keys.get(i)).size() < 2 || sandbox.zendesk().comments(tickets.get(i).id()).size() < 3) {
                return false;
            }
        }
        return true;
    }

    private List<Integer> counts(SyncEnvironment env, List<ZendeskTicket> tickets, List<String> keys) {
        List<Integer> counts = new ArrayList<>();
        counts.add(sandbox.admin().issueCount());
        for (int i = 0; i < TICKETS; i++) {
            counts.add(env.jiraComments(keys.get(i)).size());
            counts.add(sandbox.zendesk().comments(tickets.get(i).id()).size());
        }
        return counts;
    }
}
