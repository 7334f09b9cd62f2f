package dev.cameljira.examples.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The claims two replicas take on a ticket before syncing it, in the shared database the way {@link ClusterSetup} sets
 * them up from SYNC_DB_*: what one holds the other is refused until it is released. (Simultaneous claims and the
 * take-over of a dead replica's claim: the routes' PostgresStateTest.)
 */
class ClaimRepositoryIT {
    private SharedDatabase db;
    private final List<CamelContext> replicas = new ArrayList<>();

    @BeforeEach
    void database() {
        db = SharedDatabase.start("ClaimRepositoryIT");
    }

    @AfterEach
    void stop() throws Exception {
        for (CamelContext c : replicas) {
            c.close();
        }
        db.close();
    }

    private IdempotentRepository replica() {
        CamelContext context = new DefaultCamelContext();
        replicas.add(context);
        Map<String, String> env = Map.of("sync.db.url", db.url(), "sync.db.user", db.user(),
                "sync.db.password", SharedDatabase.PASSWORD);
        ClusterSettings settings = ClusterSettings.fromEnvironment(name -> Optional.ofNullable(env.get(name)), false);
        Properties values = new ClusterSetup().configure(context, settings);
        assertThat(values).containsEntry("jira-sync.claim-repository", ClusterSetup.CLAIM_REPOSITORY);
        context.start();
        return context.getRegistry().lookupByNameAndType(ClusterSetup.CLAIM_REPOSITORY, IdempotentRepository.class);
    }

    @Test
    void aPairClaimedByOneReplicaIsRefusedToTheOtherUntilReleased() throws Exception {
        IdempotentRepository a = replica();
        IdempotentRepository b = replica();

        String key = "claim:servicenow:9d385017c611228701d22104cc95c371";
        assertThat(a.add(key)).as("first claim").isTrue();
        assertThat(b.add(key)).as("held by the other replica").isFalse();
        assertThat(b.contains(key)).isTrue();
        assertThat(db.count("SELECT COUNT(*) FROM CAMEL_JIRA_SYNC_CLAIMS WHERE CLAIM_KEY = '" + key + "'")).isEqualTo(1);
        assertThat(a.remove(key)).isTrue();
        assertThat(b.add(key)).as("released").isTrue();
    }
}
