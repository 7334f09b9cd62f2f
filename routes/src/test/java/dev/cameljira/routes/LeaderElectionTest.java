package dev.cameljira.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.zendesk.TicketDraft;
import dev.cameljira.sandbox.zendesk.ZendeskTicket;
import org.apache.camel.CamelContext;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas with leaderElection=true and a shared cursor store: only the leader polls; when it goes, the other
 * takes over from the same cursors and nothing is synced twice.
 */
class LeaderElectionTest {
    @TempDir
    Path dir;
    private JiraSandbox sandbox;
    private CamelContext a;
    private CamelContext b;

    @AfterEach
    void stop() throws Exception {
        for (CamelContext c : new CamelContext[] {a, b}) {
            if (c != null) {
                c.close();
            }
        }
        sandbox.close();
    }

    private CamelContext replica(String name, StateRepository<String, String> shared) throws Exception {
        CamelContext ctx = SyncEnvironment.newContext(sandbox);
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setId(name);
        cluster.setRoot(dir.resolve("cluster").toString());
        cluster.setAcquireLockDelay(100, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(200, TimeUnit.MILLISECONDS);
        ctx.addService(cluster);
        ctx.getRegistry().bind("sharedState", StateRepository.class, shared);
        SyncEnvironment env = new SyncEnvironment(sandbox, dir, ctx);
        env.instantiate("jira-zendesk-sync", "zendesk-sync", env.params("leaderElection", "true",
                "stateRepository", "sharedState", "pollInterval", "300ms"));
        ctx.start();
        return ctx;
    }

    private static long polls(CamelContext ctx) {
        SyncMonitor m = ctx.getRegistry().lookupByNameAndType(SyncMonitor.BEAN_NAME, SyncMonitor.class);
        return m == null ? 0 : m.snapshot().polls().size();
    }

    @Test
    void onlyTheLeaderPollsAndTheOtherTakesOver() throws Exception {
        sandbox = JiraSandbox.start(JiraSandbox.Mode.CLOUD);
        MemoryStateRepository shared = new MemoryStateRepository();
        a = replica("a", shared);
        b = replica("b", shared);

        ZendeskTicket first = sandbox.zendesk().createTicket(TicketDraft.of("Before failover", "x"));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                SyncEnvironment.linked(sandbox.zendesk().ticket(first.id()).orElseThrow().externalId()));
        await().atMost(Duration.ofSeconds(10)).until(() -> polls(a) + polls(b) > 0);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> polls(a) == 0 ^ polls(b) == 0);

        CamelContext leader = polls(a) > 0 ? a : b;
        CamelContext follower = leader == a ? b : a;
        leader.close();
        if (leader == a) {
            a = null;
        } else {
            b = null;
        }

        ZendeskTicket second = sandbox.zendesk().createTicket(TicketDraft.of("After failover", "y"));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                SyncEnvironment.linked(sandbox.zendesk().ticket(second.id()).orElseThrow().externalId()));
        await().atMost(Duration.ofSeconds(5)).until(() -> polls(follower) > 0);
        assertThat(sandbox.admin().issueCount()).isEqualTo(2);
    }
}
