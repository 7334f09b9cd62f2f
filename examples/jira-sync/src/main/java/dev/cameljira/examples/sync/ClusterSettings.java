package dev.cameljira.examples.sync;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the service runs as several replicas, read once at start from the environment (or the property names:
 * {@code SYNC_CLUSTER} is {@code sync.cluster}). Every check names the variable to fix; {@code toString()} never shows
 * the database password.
 *
 * <ul>
 *   <li>{@code SYNC_CLUSTER}: {@code none} (one replica, the default), {@code kubernetes} (the pollers run on the
 *   holder of a coordination.k8s.io Lease, Camel's {@code KubernetesClusterService}) or {@code file} (the holder of a
 *   file lock in {@code SYNC_CLUSTER_ROOT}, Camel's {@code FileLockClusterService}: replicas on one host, tests).
 *   Webhooks are received by every replica in any mode.</li>
 *   <li>{@code SYNC_DB_URL}, {@code SYNC_DB_USER}, {@code SYNC_DB_PASSWORD}: the database the replicas share their poll
 *   cursors and the ids of processed webhook deliveries in (PostgreSQL; H2 in server mode for one host).</li>
 * </ul>
 *
 * A cluster without a shared database is refused unless {@code SYNC_ALLOW_LOCAL_STATE=true}: each replica would keep its
 * own cursors, so a new leader would start from its own stale ones.
 *
 * @param mode            SYNC_CLUSTER
 * @param fileRoot        SYNC_CLUSTER_ROOT (file mode): the folder of the lock files, the same for every replica
 * @param leasePrefix     SYNC_CLUSTER_LEASE (kubernetes mode): the Lease is named {@code <prefix>-pollers}
 * @param podLabels       SYNC_CLUSTER_LABELS (kubernetes mode): the labels of the replicas' pods
 * @param leaseDuration   SYNC_CLUSTER_LEASE_DURATION (kubernetes mode)
 * @param renewDeadline   SYNC_CLUSTER_RENEW_DEADLINE (kubernetes mode)
 * @param retryPeriod     SYNC_CLUSTER_RETRY_PERIOD (kubernetes mode)
 * @param database        the shared database; empty: cursors in files, delivery ids in memory
 * @param allowLocalState SYNC_ALLOW_LOCAL_STATE: accept a cluster without a shared database
 */
public record ClusterSettings(Mode mode, String fileRoot, String leasePrefix, Map<String, String> podLabels,
                              Duration leaseDuration, Duration renewDeadline, Duration retryPeriod,
                              Optional<Database> database, boolean allowLocalState) {

    /** SYNC_CLUSTER's values. */
    public enum Mode {
        NONE, KUBERNETES, FILE;

        String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The shared database.
     *
     * @param url      SYNC_DB_URL, a JDBC URL: {@code jdbc:postgresql://host:5432/db} or {@code jdbc:h2:tcp://host:port/db}
     * @param user     SYNC_DB_USER
     * @param password SYNC_DB_PASSWORD; may be empty (trust or certificate authentication)
     */
    public record Database(String url, String user, String password) {
        /** The URL without its parameters (a JDBC URL may carry a password in them): for logs and status. */
        public String displayUrl() {
            return url.replaceAll("[?;].*$", "");
        }

        boolean postgres() {
            return url.startsWith("jdbc:postgresql:");
        }

        @Override
        public String toString() {
            return "Database[" + displayUrl() + ", user " + user + "]";
        }
    }

    /** Camel cluster namespace of the pollers: one leader for the pollers of both syncs. */
    public static final String POLLERS = "pollers";

    static final String DEFAULT_LEASE_PREFIX = "jira-sync";
    static final String DEFAULT_POD_LABELS = "app.kubernetes.io/name=jira-sync";
    /** KubernetesClusterService's jitter factor (its default): retries wait retryPeriod times 1 to 1.2. */
    static final double JITTER = 1.2;

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");
    private static final Pattern LABEL = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_./]*)=([-A-Za-z0-9_.]*)");
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    /** One replica: no leader election, cursors in files. */
    public static ClusterSettings single() {
        return new ClusterSettings(Mode.NONE, null, DEFAULT_LEASE_PREFIX, Map.of(), Duration.ofSeconds(15),
                Duration.ofSeconds(10), Duration.ofSeconds(2), Optional.empty(), false);
    }

    /** Whether the pollers run on the leader only. */
    public boolean leaderElection() {
        return mode != Mode.NONE;
    }

    /** The name of the Lease of the pollers' leader (kubernetes mode): {@code <SYNC_CLUSTER_LEASE>-pollers}. */
    public String leaseName() {
        return leasePrefix + "-" + POLLERS;
    }

    /**
     * Reads the cluster and database variables.
     *
     * @param get      looks up a property by its name ({@code sync.cluster}); blank values count as absent
     * @param embedded true when the service runs against its embedded sandbox (no JIRA_URL)
     * @throws IllegalArgumentException naming the environment variables to fix
     */
    public static ClusterSettings fromEnvironment(Function<String, Optional<String>> get, boolean embedded) {
        Function<String, String> v = name -> get.apply(name).map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
        String modeText = Optional.ofNullable(v.apply("sync.cluster")).orElse("none");
        Mode mode = switch (modeText.toLowerCase(Locale.ROOT)) {
            case "none" -> Mode.NONE;
            case "kubernetes" -> Mode.KUBERNETES;
            case "file" -> Mode.FILE;
            default -> throw new IllegalArgumentException("SYNC_CLUSTER is '" + modeText + "'; allowed: none (one replica), "
                    + "kubernetes (pollers on the holder of a Lease), file (pollers on the holder of a lock in "
                    + "SYNC_CLUSTER_ROOT)");
        };

        Optional<Database> database = Optional.empty();
        String url = v.apply("sync.db.url");
        if (url != null) {
            if (!url.startsWith("jdbc:postgresql://") && !url.startsWith("jdbc:h2:")) {
                throw new IllegalArgumentException("SYNC_DB_URL is '" + new Database(url, "", "").displayUrl()
                        + "'; expected a PostgreSQL JDBC URL such as jdbc:postgresql://postgres:5432/jira_sync (or "
                        + "jdbc:h2:tcp://host:port/name, an H2 server, for one host)");
            }
            String user = v.apply("sync.db.user");
            if (user == null) {
                throw new IllegalArgumentException("SYNC_DB_URL is set but SYNC_DB_USER is not: set it to the database "
                        + "user (and SYNC_DB_PASSWORD to its password)");
            }
            String password = v.apply("sync.db.password");
            database = Optional.of(new Database(url, user, password == null ? "" : password));
        } else {
            for (String other : new String[] {"sync.db.user", "sync.db.password"}) {
                if (v.apply(other) != null) {
                    throw new IllegalArgumentException(SyncConfiguration.env(other) + " is set but SYNC_DB_URL is not: "
                            + "set SYNC_DB_URL to the JDBC URL of the shared database");
                }
            }
        }

        boolean allowLocalState = bool(v, "sync.allow-local-state");
        if (embedded && (mode != Mode.NONE || database.isPresent())) {
            throw new IllegalArgumentException((mode != Mode.NONE ? "SYNC_CLUSTER is '" + mode.value() + "'"
                    : "SYNC_DB_URL is set") + " but JIRA_URL is not: without JIRA_URL every replica runs its own embedded "
                    + "sandbox, which cannot be shared; set JIRA_URL and the other systems' variables (or unset "
                    + (mode != Mode.NONE ? "SYNC_CLUSTER" : "SYNC_DB_URL") + " for the embedded demo)");
        }
        if (mode != Mode.NONE && database.isEmpty() && !allowLocalState) {
            throw new IllegalArgumentException("SYNC_CLUSTER is '" + mode.value() + "' but SYNC_DB_URL is not set: each "
                    + "replica would keep its own poll cursors and webhook delivery ids, so a new leader would poll from "
                    + "its own stale cursors and a redelivery to another replica would not be recognised; set SYNC_DB_URL, "
                    + "SYNC_DB_USER and SYNC_DB_PASSWORD (PostgreSQL), or SYNC_ALLOW_LOCAL_STATE=true to accept it");
        }

        String root = v.apply("sync.cluster.root");
        if (mode == Mode.FILE && root == null) {
            throw new IllegalArgumentException("SYNC_CLUSTER is 'file' but SYNC_CLUSTER_ROOT is not set: set it to a folder "
                    + "every replica reaches (the same for all; local disk, the lock is an OS file lock)");
        }
        String lease = Optional.ofNullable(v.apply("sync.cluster.lease")).orElse(DEFAULT_LEASE_PREFIX);
        if (!NAME.matcher(lease).matches() || lease.length() > 240) {
            throw new IllegalArgumentException("SYNC_CLUSTER_LEASE is '" + lease + "'; expected a Kubernetes name "
                    + "(lower-case letters, digits and '-'), e.g. jira-sync: the Lease is named <SYNC_CLUSTER_LEASE>-pollers");
        }
        Map<String, String> labels = labels(Optional.ofNullable(v.apply("sync.cluster.labels")).orElse(DEFAULT_POD_LABELS));
        Duration leaseDuration = duration(v, "sync.cluster.lease-duration", "15s");
        Duration renewDeadline = duration(v, "sync.cluster.renew-deadline", "10s");
        Duration retryPeriod = duration(v, "sync.cluster.retry-period", "2s");
        if (mode == Mode.KUBERNETES) {
            if (leaseDuration.compareTo(renewDeadline) <= 0) {
                throw new IllegalArgumentException("SYNC_CLUSTER_LEASE_DURATION (" + text(leaseDuration) + ") must be "
                        + "longer than SYNC_CLUSTER_RENEW_DEADLINE (" + text(renewDeadline) + ")");
            }
            if (renewDeadline.toMillis() <= JITTER * retryPeriod.toMillis()) {
                throw new IllegalArgumentException("SYNC_CLUSTER_RENEW_DEADLINE (" + text(renewDeadline) + ") must be "
                        + "longer than 1.2 x SYNC_CLUSTER_RETRY_PERIOD (" + text(retryPeriod) + ")");
            }
        }
        return new ClusterSettings(mode, root, lease, labels, leaseDuration, renewDeadline, retryPeriod, database,
                allowLocalState);
    }

    /** One line for the log. */
    public String describe() {
        String state = database.map(d -> "cursors and delivery ids in " + d.displayUrl() + " (user " + d.user() + ")")
                .orElse("cursors in files, delivery ids in memory");
        return switch (mode) {
            case NONE -> "one replica (SYNC_CLUSTER=none): pollers and webhooks here; " + state;
            case FILE -> "several replicas (SYNC_CLUSTER=file): webhooks on every replica, pollers on the holder of the "
                    + "lock in " + fileRoot + "; " + state;
            case KUBERNETES -> "several replicas (SYNC_CLUSTER=kubernetes): webhooks on every replica, pollers on the "
                    + "holder of the Lease " + leaseName() + " (pods labelled " + podLabels + ", lease " + text(leaseDuration)
                    + ", renew deadline " + text(renewDeadline) + ", retry every " + text(retryPeriod) + "); " + state;
        };
    }

    @Override
    public String toString() {
        return "ClusterSettings[" + mode.value() + (mode == Mode.FILE ? " " + fileRoot : "")
                + (mode == Mode.KUBERNETES ? " lease " + leaseName() : "") + ", " + database.map(Object::toString)
                .orElse("no database") + (allowLocalState ? ", local state allowed" : "") + "]";
    }

    private static boolean bool(Function<String, String> v, String name) {
        String s = v.apply(name);
        if (s == null || s.equalsIgnoreCase("false")) {
            return false;
        }
        if (s.equalsIgnoreCase("true")) {
            return true;
        }
        throw new IllegalArgumentException(SyncConfiguration.env(name) + " is '" + s + "'; allowed: true, false");
    }

    private static Duration duration(Function<String, String> v, String name, String def) {
        String s = Optional.ofNullable(v.apply(name)).orElse(def);
        Matcher m = DURATION.matcher(s.toLowerCase(Locale.ROOT));
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException(SyncConfiguration.env(name) + " is '" + s + "'; expected a positive duration "
                    + "such as " + def + " or 500ms");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2) == null ? "ms" : m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofMillis(n);
        };
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            Matcher m = LABEL.matcher(pair.trim());
            if (!m.matches()) {
                throw new IllegalArgumentException("SYNC_CLUSTER_LABELS is '" + text + "'; expected name=value pairs "
                        + "separated by commas, e.g. " + DEFAULT_POD_LABELS);
            }
            labels.put(m.group(1), m.group(2));
        }
        return java.util.Collections.unmodifiableMap(labels);
    }

    static String text(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
