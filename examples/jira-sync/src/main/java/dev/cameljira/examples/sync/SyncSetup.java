package dev.cameljira.examples.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import dev.cameljira.jira.JiraComponent;
import dev.cameljira.jira.JiraConfiguration;
import io.quarkus.arc.Unremovable;
import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.camel.CamelContext;
import org.apache.camel.component.servicenow.ServiceNowComponent;
import org.apache.camel.component.servicenow.ServiceNowConfiguration;
import org.apache.camel.component.zendesk.ZendeskComponent;
import org.apache.camel.component.zendesk.ZendeskConfiguration;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.quarkus.main.events.AfterStart;
import org.apache.camel.quarkus.main.events.AfterStop;
import org.apache.camel.quarkus.main.events.BeforeConfigure;
import org.apache.camel.quarkus.main.events.BeforeStop;
import org.eclipse.microprofile.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, once, what the syncs talk to, before Camel reads its configuration (Camel Quarkus' {@link BeforeConfigure}
 * event: the CamelContext exists, {@code camel.*} properties and the route templates of application.properties are
 * not applied yet):
 *
 * <ul>
 *   <li>with {@code JIRA_URL}: the systems of the environment variables ({@link SyncConfiguration});</li>
 *   <li>without: the embedded sandbox ({@link EmbeddedSandbox}), started here, with webhook secrets made up here.</li>
 * </ul>
 *
 * <p>It then sets the connections on the jira, zendesk and servicenow components in code (so no credential passes
 * through a property or a log line), publishes the values the {@code camel.route-template[...]} lines of
 * application.properties refer to as {@code {{jira-sync.*}}} (Camel override properties, resolved when the templates
 * are instantiated), and keeps a sync whose other system is not configured from starting. After Camel started, the
 * embedded sandbox is told where to deliver its webhooks and seeded; it stops after Camel.
 */
@Singleton
@Unremovable
public class SyncSetup {
    /** Route ids of the two syncs (the keys of camel.route-template[...] in application.properties). */
    public static final String ZENDESK_SYNC = "zendesk-sync";
    public static final String SERVICENOW_SYNC = "servicenow-sync";

    private static final Logger LOG = LoggerFactory.getLogger(SyncSetup.class);

    @Inject
    Config config;

    @Inject
    SyncMetrics metrics;

    @Inject
    ClusterSetup cluster;

    private volatile SyncConfiguration configuration;
    private volatile EmbeddedSandbox embedded;
    private volatile Optional<String> ownUrl = Optional.empty();
    private volatile List<String> notStarted = List.of();

    void beforeConfigure(@Observes BeforeConfigure event) {
        CamelContext context = event.getCamelContext();
        // the replica settings first: a refused value stops the start before the embedded sandbox is started
        ClusterSettings replicas = ClusterSettings.fromEnvironment(this::get, get("jira.url").isEmpty());
        SyncConfiguration c = resolve();
        configureJira(context, c.jira());
        c.zendesk().ifPresent(z -> configureZendesk(context, z));
        c.serviceNow().ifPresent(s -> configureServiceNow(context, s));

        Properties values = new Properties();
        values.put("jira-sync.project", c.jiraProject());
        values.put("jira-sync.poll-interval", c.pollInterval());
        values.put("jira-sync.since", c.since());
        values.put("jira-sync.state-directory", c.stateDirectory());
        values.put("jira-sync.public-url", c.publicUrl().orElse(""));
        values.put("jira-sync.allow-unsigned", String.valueOf(c.allowUnsigned()));
        values.put("jira-sync.zendesk.webhooks", String.valueOf(c.webhooks() && c.zendesk().isPresent()));
        values.put("jira-sync.servicenow.webhooks", String.valueOf(c.webhooks() && c.serviceNow().isPresent()));
        // the last segment "secret" keeps them masked in Camel's property-placeholder summary
        values.put("jira-sync.jira.secret", orEmpty(c.jira().webhookSecret()));
        values.put("jira-sync.zendesk.secret", c.zendesk().map(z -> orEmpty(z.webhookSecret())).orElse(""));
        values.put("jira-sync.servicenow.secret", c.serviceNow().map(s -> orEmpty(s.webhookSecret())).orElse(""));
        // leader election, shared cursors and delivery ids (ClusterSetup binds the cluster service and repositories)
        values.putAll(cluster.configure(context, replicas));
        configuration = c;
        values.forEach((k, v) -> context.getPropertiesComponent().addOverrideProperty((String) k, (String) v));

        List<String> notStarted = new ArrayList<>();
        if (c.zendesk().isEmpty()) {
            notStarted.add(ZENDESK_SYNC);
            LOG.info("{} not started: ZENDESK_URL is not set (set ZENDESK_URL, ZENDESK_USERNAME and ZENDESK_TOKEN to "
                    + "sync Zendesk tickets)", ZENDESK_SYNC);
        }
        if (c.serviceNow().isEmpty()) {
            notStarted.add(SERVICENOW_SYNC);
            LOG.info("{} not started: SERVICENOW_URL is not set (set SERVICENOW_URL, SERVICENOW_USERNAME and "
                    + "SERVICENOW_PASSWORD to sync ServiceNow incidents)", SERVICENOW_SYNC);
        }
        if (!notStarted.isEmpty()) {
            MainConfigurationProperties main = event.getMain().configure();
            String pattern = main.getAutoStartupExcludePattern();
            main.setAutoStartupExcludePattern((pattern == null || pattern.isBlank() ? "" : pattern + ",")
                    + String.join(",", notStarted));
        }
        if (notStarted.size() == 2) {
            LOG.warn("Nothing to sync: neither ZENDESK_URL nor SERVICENOW_URL is set");
        }
        this.notStarted = List.copyOf(notStarted);
        if (c.webhooks() && c.allowUnsigned()) {
            LOG.warn("SYNC_ALLOW_UNSIGNED=true: webhook deliveries are accepted WITHOUT a signature; for local use only");
        }
    }

    void afterStart(@Observes AfterStart event) {
        metrics.registerKnownSeries(java.util.stream.Stream.of(ZENDESK_SYNC, SERVICENOW_SYNC).filter(this::configured)
                .toList());
        cluster.started();
        EmbeddedSandbox sandbox = embedded;
        if (sandbox != null) {
            ownUrl.ifPresent(sandbox::deliverWebhooksTo);
            sandbox.seed();
        }
        LOG.info("Watch the syncs on the status page: {}/", ownUrl.or(() -> configuration.publicUrl())
                .orElse("http://localhost:" + httpPort()));
    }

    void beforeStop(@Observes BeforeStop event) {
        cluster.stopping();
    }

    void afterStop(@Observes AfterStop event) {
        EmbeddedSandbox sandbox = embedded;
        if (sandbox != null) {
            embedded = null;
            sandbox.close();
        }
    }

    /** What the service talks to (null before Camel is configured). */
    public SyncConfiguration configuration() {
        return configuration;
    }

    /** The embedded sandbox, when the service runs against it. */
    Optional<EmbeddedSandbox> embedded() {
        return Optional.ofNullable(embedded);
    }

    /** Whether the sync with this route id was started (its other system is configured). */
    public boolean configured(String syncRouteId) {
        return !notStarted.contains(syncRouteId);
    }

    private SyncConfiguration resolve() {
        if (get("jira.url").isPresent()) {
            SyncConfiguration c = SyncConfiguration.fromEnvironment(this::get);
            LOG.info("Syncing {}", c.describe());
            return c;
        }
        int port = config.getOptionalValue("sandbox.port", Integer.class).orElse(8089);
        EmbeddedSandbox sandbox = EmbeddedSandbox.start(port);
        embedded = sandbox;
        int httpPort = httpPort();
        if (httpPort > 0) {
            ownUrl = Optional.of("http://127.0.0.1:" + httpPort);
        } else {
            LOG.warn("quarkus.http.port is 0 (a random port): the embedded systems cannot be told where to deliver "
                    + "webhooks before the port is known; polling alone keeps them in sync");
        }
        SyncConfiguration c = sandbox.configuration(SyncConfiguration.project(this::get),
                SyncConfiguration.pollInterval(this::get), ownUrl);
        LOG.info("JIRA_URL is not set: syncing the embedded sandbox (Jira Cloud, Zendesk and ServiceNow emulated at {}; "
                + "Jira user {}, project {}), webhooks {} and polling every {}", sandbox.baseUrl(), c.jira().username(),
                c.jiraProject(), c.webhooks() ? "on" : "off", c.pollInterval());
        return c;
    }

    private int httpPort() {
        String key = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        return config.getOptionalValue(key, Integer.class).orElse(LaunchMode.current() == LaunchMode.TEST ? 8081 : 8080);
    }

    private Optional<String> get(String name) {
        return config.getOptionalValue(name, String.class).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static void configureJira(CamelContext context, SyncConfiguration.Jira jira) {
        JiraConfiguration c = context.getComponent("jira", JiraComponent.class).getConfiguration();
        c.setJiraUrl(jira.url());
        if (jira.pat() != null) {
            c.setAccessToken(jira.pat());
        } else {
            c.setUsername(jira.username());
            c.setApiToken(jira.apiToken());
        }
    }

    private static void configureZendesk(CamelContext context, SyncConfiguration.Zendesk zendesk) {
        ZendeskComponent z = context.getComponent("zendesk", ZendeskComponent.class);
        z.setServerUrl(zendesk.url());
        z.setUsername(zendesk.username());
        z.setToken(zendesk.token());
        // camel-zendesk 4.17 copies the API token to its endpoints only from the component's configuration
        ZendeskConfiguration conf = z.getConfiguration() == null ? new ZendeskConfiguration() : z.getConfiguration();
        conf.setServerUrl(zendesk.url());
        conf.setUsername(zendesk.username());
        conf.setToken(zendesk.token());
        z.setConfiguration(conf);
    }

    private static void configureServiceNow(CamelContext context, SyncConfiguration.ServiceNow sn) {
        ServiceNowComponent s = context.getComponent("servicenow", ServiceNowComponent.class);
        ServiceNowConfiguration conf = s.getConfiguration() == null ? new ServiceNowConfiguration() : s.getConfiguration();
        conf.setApiUrl(sn.apiUrl());
        conf.setUserName(sn.username());
        conf.setPassword(sn.password());
        if (sn.clientId() != null) {
            conf.setOauthClientId(sn.clientId());
            conf.setOauthClientSecret(sn.clientSecret());
            conf.setOauthTokenUrl(sn.oauthTokenUrl());
        }
        s.setConfiguration(conf);
    }
}
