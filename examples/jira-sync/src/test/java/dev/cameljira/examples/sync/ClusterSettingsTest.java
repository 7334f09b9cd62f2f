package dev.cameljira.examples.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** How SYNC_CLUSTER and SYNC_DB_* become the replica settings, and what is refused, naming the variable to fix. */
class ClusterSettingsTest {

    private static ClusterSettings read(Map<String, String> env) {
        return ClusterSettings.fromEnvironment(k -> Optional.ofNullable(env.get(k)), false);
    }

    private static Map<String, String> database() {
        Map<String, String> env = new HashMap<>();
        env.put("sync.db.url", "jdbc:postgresql://postgres:5432/jira_sync?sslmode=require&password=in-the-url");
        env.put("sync.db.user", "jira_sync");
        env.put("sync.db.password", "db-secret");
        return env;
    }

    @Test
    void byDefaultOneReplicaKeepsItsStateInFiles() {
        ClusterSettings s = read(Map.of());

        assertThat(s.mode()).isEqualTo(ClusterSettings.Mode.NONE);
        assertThat(s.leaderElection()).isFalse();
        assertThat(s.database()).isEmpty();
        assertThat(s.describe()).contains("one replica").contains("cursors in files");
    }

    @Test
    void kubernetesWithADatabaseElectsOnTheLeaseWithCamelsTimings() {
        Map<String, String> env = database();
        env.put("sync.cluster", "kubernetes");

        ClusterSettings s = read(env);

        assertThat(s.leaderElection()).isTrue();
        assertThat(s.leaseName()).isEqualTo("jira-sync-pollers");
        assertThat(s.podLabels()).containsExactly(Map.entry("app.kubernetes.io/name", "jira-sync"));
        assertThat(s.leaseDuration()).isEqualTo(Duration.ofSeconds(15));
        assertThat(s.renewDeadline()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.retryPeriod()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.database().orElseThrow().user()).isEqualTo("jira_sync");
        // a JDBC URL may carry a password in its parameters: logs and status show it without them
        assertThat(s.database().orElseThrow().displayUrl()).isEqualTo("jdbc:postgresql://postgres:5432/jira_sync");
        assertThat(s.toString() + s.describe()).doesNotContain("db-secret").doesNotContain("in-the-url");
    }

    @Test
    void theLeaseNameLabelsAndTimingsCanBeChanged() {
        Map<String, String> env = database();
        env.put("sync.cluster", "kubernetes");
        env.put("sync.cluster.lease", "jira-sync-eu");
        env.put("sync.cluster.labels", "app=jira-sync, tier=integration");
        env.put("sync.cluster.lease-duration", "30s");
        env.put("sync.cluster.renew-deadline", "20s");
        env.put("sync.cluster.retry-period", "5s");

        ClusterSettings s = read(env);

        assertThat(s.leaseName()).isEqualTo("jira-sync-eu-pollers");
        assertThat(s.podLabels()).containsEntry("app", "jira-sync").containsEntry("tier", "integration");
        assertThat(s.leaseDuration()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aClusterWithoutASharedDatabaseIsRefusedUnlessAllowed() {
        Map<String, String> env = new HashMap<>();
        env.put("sync.cluster", "file");
        env.put("sync.cluster.root", "/var/lib/jira-sync/cluster");
        assertThatThrownBy(() -> read(env)).hasMessageContaining("SYNC_CLUSTER is 'file' but SYNC_DB_URL is not set")
                .hasMessageContaining("own poll cursors").hasMessageContaining("SYNC_ALLOW_LOCAL_STATE=true");

        env.put("sync.allow-local-state", "true");
        assertThat(read(env).mode()).isEqualTo(ClusterSettings.Mode.FILE);
    }

    @Test
    void wrongValuesAreNamedByTheirVariables() {
        assertThatThrownBy(() -> read(Map.of("sync.cluster", "zookeeper")))
                .hasMessageContaining("SYNC_CLUSTER is 'zookeeper'; allowed: none").hasMessageContaining("kubernetes")
                .hasMessageContaining("file");

        Map<String, String> noRoot = database();
        noRoot.put("sync.cluster", "file");
        assertThatThrownBy(() -> read(noRoot)).hasMessageContaining("SYNC_CLUSTER_ROOT is not set");

        Map<String, String> mysql = database();
        mysql.put("sync.db.url", "jdbc:mysql://db/jira?password=x");
        assertThatThrownBy(() -> read(mysql)).hasMessageContaining("SYNC_DB_URL is 'jdbc:mysql://db/jira'")
                .hasMessageNotContaining("password=x");

        Map<String, String> noUser = database();
        noUser.remove("sync.db.user");
        assertThatThrownBy(() -> read(noUser)).hasMessageContaining("SYNC_DB_USER is not");

        assertThatThrownBy(() -> read(Map.of("sync.db.password", "orphan")))
                .hasMessageContaining("SYNC_DB_PASSWORD is set but SYNC_DB_URL is not").hasMessageNotContaining("orphan");

        Map<String, String> lease = database();
        lease.put("sync.cluster", "kubernetes");
        lease.put("sync.cluster.lease", "Jira_Sync");
        assertThatThrownBy(() -> read(lease)).hasMessageContaining("SYNC_CLUSTER_LEASE is 'Jira_Sync'");

        Map<String, String> timings = database();
        timings.put("sync.cluster", "kubernetes");
        timings.put("sync.cluster.renew-deadline", "20s");
        assertThatThrownBy(() -> read(timings)).hasMessageContaining("SYNC_CLUSTER_LEASE_DURATION (15s) must be longer "
                + "than SYNC_CLUSTER_RENEW_DEADLINE (20s)");
        timings.put("sync.cluster.renew-deadline", "2s");
        assertThatThrownBy(() -> read(timings)).hasMessageContaining("SYNC_CLUSTER_RENEW_DEADLINE (2s) must be longer "
                + "than 1.2 x SYNC_CLUSTER_RETRY_PERIOD (2s)");

        Map<String, String> labels = database();
        labels.put("sync.cluster.labels", "app");
        assertThatThrownBy(() -> read(labels)).hasMessageContaining("SYNC_CLUSTER_LABELS is 'app'");

        assertThatThrownBy(() -> read(Map.of("sync.allow-local-state", "yes")))
                .hasMessageContaining("SYNC_ALLOW_LOCAL_STATE is 'yes'; allowed: true, false");
    }

    @Test
    void theEmbeddedSandboxCannotBeSharedByReplicas() {
        Map<String, String> env = database();
        env.put("sync.cluster", "kubernetes");
        assertThatThrownBy(() -> ClusterSettings.fromEnvironment(k -> Optional.ofNullable(env.get(k)), true))
                .hasMessageContaining("SYNC_CLUSTER is 'kubernetes' but JIRA_URL is not");
        assertThatThrownBy(() -> ClusterSettings.fromEnvironment(k -> Optional.ofNullable(database().get(k)), true))
                .hasMessageContaining("SYNC_DB_URL is set but JIRA_URL is not");
    }
}
