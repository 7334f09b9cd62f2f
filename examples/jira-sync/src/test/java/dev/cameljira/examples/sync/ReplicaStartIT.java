package dev.cameljira.examples.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import dev.cameljira.sandbox.SandboxUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service refuses to start as a replica it cannot be: a cluster without a shared database, or a
 * database it cannot reach. Each time the output names the variables to fix, and never the password.
 */
class ReplicaStartIT {
    private static final String DB_PASSWORD = "it-unreachable-db-password";

    @TempDir
    Path workDir;

    private static Map<String, String> jira() {
        Map<String, String> env = new HashMap<>();
        // nothing is called before the refusal: the address only has to be well-formed
        env.put("JIRA_URL", "http://127.0.0.1:9");
        env.put("JIRA_USERNAME", SandboxUsers.ADMIN_EMAIL);
        env.put("JIRA_API_TOKEN", SandboxUsers.ADMIN_TOKEN);
        return env;
    }

    @Test
    void aClusterWithoutASharedDatabaseDoesNotStart() throws Exception {
        Map<String, String> env = jira();
        env.put("SYNC_CLUSTER", "file");
        env.put("SYNC_CLUSTER_ROOT", workDir.resolve("cluster").toString());

        try (AppProcess app = AppProcess.start(workDir, env)) {
            assertThat(app.awaitExit(Duration.ofSeconds(60))).isNotZero();
            assertThat(app.output()).contains("SYNC_CLUSTER is 'file' but SYNC_DB_URL is not set")
                    .contains("SYNC_ALLOW_LOCAL_STATE=true");
        }
    }

    @Test
    void anUnreachableDatabaseStopsTheStartNamingWhatToCheck() throws Exception {
        Map<String, String> env = jira();
        env.put("SYNC_CLUSTER", "file");
        env.put("SYNC_CLUSTER_ROOT", workDir.resolve("cluster").toString());
        env.put("SYNC_DB_URL", "jdbc:postgresql://127.0.0.1:" + FreeHttpPort.freePort() + "/jira_sync");
        env.put("SYNC_DB_USER", "jira_sync");
        env.put("SYNC_DB_PASSWORD", DB_PASSWORD);

        try (AppProcess app = AppProcess.start(workDir, env)) {
            assertThat(app.awaitExit(Duration.ofSeconds(60))).isNotZero();
            assertThat(app.output()).contains("cannot connect to the database SYNC_DB_URL=jdbc:postgresql://127.0.0.1:")
                    .contains("(unreachable:").contains("check SYNC_DB_URL, SYNC_DB_USER and SYNC_DB_PASSWORD")
                    .doesNotContain(DB_PASSWORD);
        }
    }
}
