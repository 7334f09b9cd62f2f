package dev.cameljira.jira.consumer.webhook;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Options of the {@code jira:webhook} consumer: where it listens, whether it registers its own Jira admin webhook,
 * which events it takes, how deliveries are verified, bounded and de-duplicated, and the backup poll that catches
 * what webhooks missed. The JQL filter of the registration and of the backup poll is the endpoint's {@code jql}.
 */
@UriParams
public class JiraWebhookConfiguration implements Cloneable {

    /** Issue and comment events: what {@code events} selects by default. */
    public static final String DEFAULT_EVENTS = "jira:issue_created,jira:issue_updated,jira:issue_deleted,"
                                                + "comment_created,comment_updated,comment_deleted";

    @UriParam(label = "consumer,webhook", defaultValue = "/jira/webhook",
              description = "Path the webhook is served on, on platform-http's HTTP server: where its engine is Vert.x (plain "
                            + "Camel with camel-platform-http-vertx, Camel Quarkus on Quarkus' own HTTP server) as a route of "
                            + "its own on that Vert.x router, else through a platform-http consumer.")
    private String webhookPath = "/jira/webhook";
    @UriParam(label = "consumer,webhook", defaultValue = "false",
              description = "Register a Jira admin webhook (/rest/webhooks/1.0/webhook) for webhookExternalUrl when the route "
                            + "starts, reusing an existing registration for the same URL. Needs jiraUrl and the credentials of a "
                            + "user with the Jira Administrators global permission. When false the endpoint only receives "
                            + "(register the webhook by hand in Jira's admin console); jiraUrl is then not needed.")
    private boolean registerWebhook;
    @UriParam(label = "consumer,webhook",
              description = "The address Jira can reach this endpoint at, e.g. https://integration.example.com/jira/webhook "
                            + "(needed with registerWebhook=true).")
    private String webhookExternalUrl;
    @UriParam(label = "consumer,webhook", defaultValue = "true",
              description = "Remove the webhook this endpoint registered when the route stops (registerWebhook=true).")
    private boolean unregisterOnStop = true;
    @UriParam(label = "consumer,webhook", defaultValue = DEFAULT_EVENTS,
              description = "Comma-separated events to take, e.g. jira:issue_created,comment_created; a trailing * selects a "
                            + "family (worklog_*, jira:issue_*), * alone all. Registered with Jira when registerWebhook=true; "
                            + "other events that arrive are acknowledged (200) and dropped.")
    private String events = DEFAULT_EVENTS;
    @UriParam(label = "consumer,webhook,security", secret = true,
              description = "Shared secret of the webhook: deliveries must carry X-Hub-Signature: sha256=<HMAC-SHA256 of the "
                            + "body>, else they are refused with 401. Registered with Jira when registerWebhook=true. "
                            + "Required: a missing or blank secret stops the route from starting unless allowUnsigned=true.")
    private String secret;
    @UriParam(label = "consumer,webhook,security", defaultValue = "false",
              description = "Accept unsigned deliveries when no secret is set (for local use only: anyone who can reach the "
                            + "path can then inject events). Without it a missing or blank secret (an empty Kubernetes "
                            + "Secret, an empty .env line) stops the route from starting. A secret that is set is always "
                            + "checked.")
    private boolean allowUnsigned;
    @UriParam(label = "consumer,webhook", defaultValue = "1048576",
              description = "Largest accepted body in bytes; larger deliveries get 413. (The HTTP server's own limit, "
                            + "e.g. quarkus.http.limits.max-body-size, applies first.)")
    private long maxBodySize = 1_048_576;
    @UriParam(label = "consumer,webhook", defaultValue = "64",
              description = "Deepest accepted JSON nesting; deeper payloads get 400.")
    private int maxJsonDepth = 64;
    @UriParam(label = "consumer,webhook",
              description = "Where delivery ids (X-Atlassian-Webhook-Identifier, else the eventId derived from the payload) "
                            + "are remembered to drop Jira's redeliveries: any Camel IdempotentRepository, e.g. a JDBC one "
                            + "shared by several replicas. Default: in memory, the last 50,000 ids. An id is kept only once "
                            + "the route succeeded; with reconcileInterval each delivery also keeps its issue version.")
    private IdempotentRepository idempotentRepository;
    @UriParam(label = "consumer,webhook,advanced", defaultValue = "false",
              description = "Check, de-duplicate and route each delivery on the Vert.x event loop that received it, with no "
                            + "hand-off to a worker thread: less CPU and latency per delivery, for routes that never block "
                            + "(e.g. that hand the event to seda, Kafka or another asynchronous endpoint; the reply waits "
                            + "for the route, asynchronous parts included). A route that blocks (a synchronous call to Jira, "
                            + "a database, a sleep) would stall every request of that event loop: leave it false then. "
                            + "Needs the default in-memory idempotentRepository (or a MemoryIdempotentRepository) and "
                            + "platform-http's Vert.x engine (plain Camel with camel-platform-http-vertx, Camel Quarkus); "
                            + "elsewhere the route starts on platform-http's worker thread as usual.")
    private boolean routeOnEventLoop;
    @UriParam(label = "consumer,webhook", defaultValue = "0", javaType = "java.time.Duration",
              description = "Backup poll (milliseconds or a duration such as 6h; 0 = off): searches the issues updated since the "
                            + "previous run (the endpoint's jql applies) and emits what the webhooks missed as "
                            + "jira:issue_created / jira:issue_updated events with source RECONCILE, de-duplicated against the "
                            + "webhooks already received. Needs jiraUrl and credentials.")
    private long reconcileInterval;
    @UriParam(label = "consumer,webhook", defaultValue = "Camel jira:webhook",
              description = "Name of the webhook registered in Jira (registerWebhook=true).")
    private String webhookName = "Camel jira:webhook";

    /** Whether this consumer talks to Jira at all (registration or reconcile), so jiraUrl is needed. */
    public boolean needsJira() {
        return registerWebhook || reconcileInterval > 0;
    }

    public String getWebhookPath() {
        return webhookPath;
    }

    public void setWebhookPath(String webhookPath) {
        this.webhookPath = webhookPath;
    }

    public boolean isRegisterWebhook() {
        return registerWebhook;
    }

    public void setRegisterWebhook(boolean registerWebhook) {
        this.registerWebhook = registerWebhook;
    }

    public String getWebhookExternalUrl() {
        return webhookExternalUrl;
    }

    public void setWebhookExternalUrl(String webhookExternalUrl) {
        this.webhookExternalUrl = webhookExternalUrl;
    }

    public boolean isUnregisterOnStop() {
        return unregisterOnStop;
    }

    public void setUnregisterOnStop(boolean unregisterOnStop) {
        this.unregisterOnStop = unregisterOnStop;
    }

    public String getEvents() {
        return events;
    }

    public void setEvents(String events) {
        this.events = events;
    }

    public String getSecret() {
        return secret;
    }

    public void setSecret(String secret) {
        this.secret = secret;
    }

    public boolean isAllowUnsigned() {
        return allowUnsigned;
    }

    public void setAllowUnsigned(boolean allowUnsigned) {
        this.allowUnsigned = allowUnsigned;
    }

    public long getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(long maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public int getMaxJsonDepth() {
        return maxJsonDepth;
    }

    public void setMaxJsonDepth(int maxJsonDepth) {
        this.maxJsonDepth = maxJsonDepth;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public boolean isRouteOnEventLoop() {
        return routeOnEventLoop;
    }

    public void setRouteOnEventLoop(boolean routeOnEventLoop) {
        this.routeOnEventLoop = routeOnEventLoop;
    }

    public long getReconcileInterval() {
        return reconcileInterval;
    }

    public void setReconcileInterval(long reconcileInterval) {
        this.reconcileInterval = reconcileInterval;
    }

    public String getWebhookName() {
        return webhookName;
    }

    public void setWebhookName(String webhookName) {
        this.webhookName = webhookName;
    }

    public JiraWebhookConfiguration copy() {
        try {
            return (JiraWebhookConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "JiraWebhookConfiguration[webhookPath=" + webhookPath + ", registerWebhook=" + registerWebhook
               + ", webhookExternalUrl=" + webhookExternalUrl + ", events=" + events + ", secret="
               + (secret == null ? "none" : "xxxxxx") + ", allowUnsigned=" + allowUnsigned + ", routeOnEventLoop=" + routeOnEventLoop + ", reconcileInterval="
               + reconcileInterval + "]";
    }
}
