package dev.cameljira.examples.sync;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.cameljira.jira.state.JdbcStateRepository;
import dev.cameljira.routes.JdbcClaimRepository;
import jakarta.inject.Singleton;
import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.kubernetes.cluster.KubernetesClusterService;
import org.apache.camel.component.kubernetes.cluster.LeaseResourceType;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@link ClusterSettings} to the CamelContext before the syncs are instantiated:
 *
 * <ul>
 *   <li>with a database: binds the component's {@link JdbcStateRepository} (poll cursors, table CAMEL_JIRA_STATE) as
 *   {@value #STATE_REPOSITORY} and camel-sql's {@link JdbcMessageIdRepository} (ids of processed webhook deliveries,
 *   table CAMEL_MESSAGEPROCESSED) as {@value #IDEMPOTENT_REPOSITORY}, which both templates are given (the Jira webhook
 *   route they share takes it from them), and the routes' {@link JdbcClaimRepository} (table CAMEL_JIRA_SYNC_CLAIMS)
 *   as {@value #CLAIM_REPOSITORY}: a replica claims a ticket / incident there while it syncs it, so a webhook on one
 *   replica and the leader's poll never both create its issue;</li>
 *   <li>with a cluster mode: adds the {@link CamelClusterService} that camel-master's {@code master:} asks who leads
 *   ({@link KubernetesClusterService} on a Lease, or {@link FileLockClusterService}), and logs each change of
 *   leadership.</li>
 * </ul>
 *
 * It publishes the template parameters as Camel override properties ({@code jira-sync.leader-election},
 * {@code jira-sync.cluster-namespace}, {@code jira-sync.state-repository}, {@code jira-sync.idempotent-repository},
 * {@code jira-sync.claim-repository}).
 */
@Singleton
public class ClusterSetup {
    static final String STATE_REPOSITORY = "jiraSyncStateRepository";
    static final String IDEMPOTENT_REPOSITORY = "jiraSyncIdempotentRepository";
    /** camel-sql's processor name: one set of ids for both syncs (the ids carry their system: zendesk:..., jira:...). */
    static final String DELIVERIES = "jira-sync";
    static final String CLAIM_REPOSITORY = "jiraSyncClaimRepository";
    /**
     * camel-sql's table with a primary key: camel-sql's own has none, and two replicas inserting the same delivery id at
     * the same instant would both process it.
     */
    static final String CREATE_TABLE = "CREATE TABLE CAMEL_MESSAGEPROCESSED (processorName VARCHAR(255) NOT NULL, "
            + "messageId VARCHAR(100) NOT NULL, createdAt TIMESTAMP, PRIMARY KEY (processorName, messageId))";

    /** FileLockClusterService: look every second, a leader silent for 3 s is stale (Camel's defaults: 10 s and 50 s). */
    static final long FILE_LOCK_INTERVAL_MS = 1000;
    static final int FILE_LOCK_STALE_AFTER_INTERVALS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(ClusterSetup.class);

    private volatile ClusterSettings settings = ClusterSettings.single();
    private volatile DataSource dataSource;
    private volatile CamelClusterService cluster;
    private volatile CamelClusterView view;
    private volatile String member;
    private volatile Boolean leader;
    private volatile Instant leaderSince;

    /**
     * Binds what the settings ask for and answers the template parameters to publish.
     *
     * @throws IllegalStateException naming the variables to check when the database cannot be reached
     */
    Properties configure(CamelContext context, ClusterSettings s) {
        settings = s;
        Properties values = new Properties();
        values.put("jira-sync.leader-election", String.valueOf(s.leaderElection()));
        values.put("jira-sync.cluster-namespace", ClusterSettings.POLLERS);
        values.put("jira-sync.state-repository", "");
        values.put("jira-sync.idempotent-repository", "");
        values.put("jira-sync.claim-repository", "");
        s.database().ifPresent(db -> {
            DataSource ds = dataSource(db);
            check(ds, db);
            dataSource = ds;
            JdbcStateRepository cursors = new JdbcStateRepository(ds);
            cursors.start();
            context.getRegistry().bind(STATE_REPOSITORY, StateRepository.class, cursors);
            JdbcMessageIdRepository deliveries = deliveries(ds, db);
            context.getRegistry().bind(IDEMPOTENT_REPOSITORY, IdempotentRepository.class, deliveries);
            values.put("jira-sync.state-repository", STATE_REPOSITORY);
            values.put("jira-sync.idempotent-repository", IDEMPOTENT_REPOSITORY);
            context.getRegistry().bind(CLAIM_REPOSITORY, IdempotentRepository.class, claims(context, ds));
            values.put("jira-sync.claim-repository", CLAIM_REPOSITORY);
        });
        if (s.leaderElection()) {
            cluster = clusterService(s);
            try {
                context.addService(cluster);
            } catch (Exception e) {
                throw new IllegalStateException("cannot add the cluster service: " + e.getMessage(), e);
            }
        }
        if (s.leaderElection() && s.database().isEmpty()) {
            LOG.warn("SYNC_ALLOW_LOCAL_STATE=true: the replicas keep their own poll cursors and webhook delivery ids; a new "
                    + "leader polls from its own cursors");
        }
        LOG.info("Replicas: {}", s.describe());
        return values;
    }

    /** After Camel started: log who leads the pollers, now and whenever it changes. */
    void started() {
        if (cluster == null) {
            return;
        }
        try {
            CamelClusterView v = cluster.getView(ClusterSettings.POLLERS);
            view = v;
            v.addEventListener((CamelClusterEventListener.Leadership) this::leadershipChanged);
        } catch (Exception e) {
            LOG.warn("cannot watch the leadership of the pollers: {}", e.getMessage());
        }
    }

    /** Before Camel stops. */
    void stopping() {
        CamelClusterView v = view;
        view = null;
        if (v != null && cluster != null) {
            try {
                cluster.releaseView(v);
            } catch (Exception e) {
                LOG.debug("releasing the cluster view", e);
            }
        }
    }

    private synchronized void leadershipChanged(CamelClusterView v, CamelClusterMember newLeader) {
        boolean isLeader = v.getLocalMember().isLeader();
        if (leader != null && leader == isLeader) {
            return;
        }
        leader = isLeader;
        if (isLeader) {
            leaderSince = Instant.now();
            LOG.info("Replica {} is now the leader ({}): the pollers run here", member, where());
        } else {
            leaderSince = null;
            LOG.info("Replica {} is not the leader ({}){}", member, where(),
                    newLeader == null ? "" : ": " + newLeader.getId() + " leads");
        }
    }

    private String where() {
        return settings.mode() == ClusterSettings.Mode.KUBERNETES ? "Lease " + settings.leaseName()
                : "lock " + settings.fileRoot() + "/" + ClusterSettings.POLLERS;
    }

    /** What /sync/status shows about the replicas. */
    Map<String, Object> status() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        ClusterSettings s = settings;
        m.put("mode", s.mode().name().toLowerCase(java.util.Locale.ROOT));
        if (s.leaderElection()) {
            m.put("member", member);
            Boolean l = leader;
            m.put("leader", l != null && l);
            if (leaderSince != null) {
                m.put("leaderSince", leaderSince.toString());
            }
            m.put(s.mode() == ClusterSettings.Mode.KUBERNETES ? "lease" : "lock",
                    s.mode() == ClusterSettings.Mode.KUBERNETES ? s.leaseName() : s.fileRoot());
        }
        s.database().ifPresent(d -> m.put("database", d.displayUrl()));
        return m;
    }

    /** The shared database's settings, when there is one. */
    Optional<ClusterSettings.Database> database() {
        return settings.database();
    }

    /** The shared database, when there is one. */
    Optional<DataSource> dataSource() {
        return Optional.ofNullable(dataSource);
    }

    private CamelClusterService clusterService(ClusterSettings s) {
        if (s.mode() == ClusterSettings.Mode.FILE) {
            member = hostName() + "-" + ProcessHandle.current().pid();
            FileLockClusterService f = new FileLockClusterService();
            f.setId(member);
            f.setRoot(s.fileRoot());
            f.setAcquireLockDelay(FILE_LOCK_INTERVAL_MS, TimeUnit.MILLISECONDS);
            f.setAcquireLockInterval(FILE_LOCK_INTERVAL_MS, TimeUnit.MILLISECONDS);
            f.setHeartbeatTimeoutMultiplier(FILE_LOCK_STALE_AFTER_INTERVALS);
            return f;
        }
        // the pod's name: what KubernetesClusterService writes as the Lease's holder and looks for among the pods
        member = Optional.ofNullable(System.getenv("HOSTNAME")).filter(h -> !h.isBlank()).orElseGet(ClusterSetup::hostName);
        KubernetesClusterService k = new KubernetesClusterService();
        k.setId(member);
        k.setPodName(member);
        k.setLeaseResourceType(LeaseResourceType.Lease);
        k.setKubernetesResourceName(s.leasePrefix());
        k.setClusterLabels(s.podLabels());
        k.setLeaseDurationMillis(s.leaseDuration().toMillis());
        k.setRenewDeadlineMillis(s.renewDeadline().toMillis());
        k.setRetryPeriodMillis(s.retryPeriod().toMillis());
        k.setJitterFactor(ClusterSettings.JITTER);
        // the namespace is the pod's own: the client reads KUBERNETES_NAMESPACE (set from the downward API by the
        // generated Deployment) or the service account's namespace file
        return k;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "localhost";
        }
    }

    static DataSource dataSource(ClusterSettings.Database db) {
        if (db.postgres()) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(db.url());
            ds.setUser(db.user());
            ds.setPassword(db.password());
            ds.setApplicationName("jira-sync");
            ds.setConnectTimeout(5);
            ds.setLoginTimeout(10);
            ds.setSocketTimeout(30);
            return ds;
        }
        org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
        ds.setURL(db.url());
        ds.setUser(db.user());
        ds.setPassword(db.password());
        return ds;
    }

    /**
     * camel-sql's repository, its table created here when missing: camel-sql's own creation fails the start of the
     * second of two replicas starting at the same moment on an empty database (the table exists by then).
     */
    private static JdbcMessageIdRepository deliveries(DataSource ds, ClusterSettings.Database db) {
        JdbcMessageIdRepository repo = new JdbcMessageIdRepository(ds, DELIVERIES);
        repo.setCreateString(CREATE_TABLE);
        String exists = repo.getTableExistsString();
        if (!tableExists(ds, exists)) {
            try (Connection c = ds.getConnection(); java.sql.Statement st = c.createStatement()) {
                c.setAutoCommit(true);
                st.execute(repo.getCreateString());
            } catch (SQLException e) {
                if (!tableExists(ds, exists)) {
                    throw new IllegalStateException("cannot create the table " + repo.getTableName() + " in "
                            + db.displayUrl() + " (" + e.getMessage() + "): create it, or grant " + db.user()
                            + " CREATE on the schema", e);
                }
                // another replica created it at the same moment
            }
        }
        repo.setCreateTableIfNotExists(false);
        repo.start();
        return repo;
    }

    /** The claims (table CAMEL_JIRA_SYNC_CLAIMS, created when missing), kept alive until the context stops. */
    private static IdempotentRepository claims(CamelContext context, DataSource ds) {
        JdbcClaimRepository claims = new JdbcClaimRepository(ds);
        try {
            context.addService(claims, true, true);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the claim repository in " + claims.getTable() + ": "
                    + e.getMessage(), e);
        }
        return claims;
    }

    private static boolean tableExists(DataSource ds, String query) {
        try (Connection c = ds.getConnection(); java.sql.Statement st = c.createStatement()) {
            st.executeQuery(query).close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void check(DataSource ds, ClusterSettings.Database db) {
        try (Connection c = ds.getConnection()) {
            c.isValid(5);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to the database SYNC_DB_URL=" + db.displayUrl() + " as "
                    + db.user() + " (" + DatabaseHealth.reason(e) + ": " + e.getMessage() + "): check SYNC_DB_URL, "
                    + "SYNC_DB_USER and SYNC_DB_PASSWORD", e);
        }
    }
}
