package dev.cameljira.examples.sync;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import dev.cameljira.jira.JiraEndpoint;
import dev.cameljira.jira.JiraHealth;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ServiceStatus;
import org.apache.camel.quarkus.main.events.AfterStart;
import org.apache.camel.component.servicenow.ServiceNowException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.zendesk.client.v2.ZendeskResponseException;
import org.zendesk.client.v2.model.User;

/**
 * Readiness per back-end, by name: {@code jira}, {@code zendesk}, {@code servicenow}, and {@code database} (the
 * replicas' shared database, when SYNC_DB_URL is set; {@link DatabaseHealth}). Each is UP when the system
 * answers an authenticated call, DOWN with {@code reason} (unreachable, unauthorized, forbidden, error) and a
 * {@code message} naming what to check, never a secret. Jira uses the component's own probe ({@link JiraHealth}:
 * {@code GET /rest/api/2/myself}), Zendesk {@code getCurrentUser} through camel-zendesk, ServiceNow a one-row
 * {@code sys_user} query through camel-servicenow. Results are kept for {@code sync.health.cache} (10 s) so probes do
 * not hammer the back-ends, and a probe gives up after {@code sync.health.timeout} (5 s). A system that is not
 * configured is UP with {@code state: not configured} (its sync is not started).
 *
 * <p>Liveness ({@code camel}) is the CamelContext being started.
 */
@ApplicationScoped
public class BackendHealth {
    private static final Clock CLOCK = Clock.systemUTC();

    @Inject
    CamelContext camel;

    @Inject
    SyncSetup setup;

    @Inject
    ClusterSetup cluster;

    @ConfigProperty(name = "sync.health.cache", defaultValue = "10s")
    Duration cacheFor;

    @ConfigProperty(name = "sync.health.timeout", defaultValue = "5s")
    Duration timeout;

    private final ExecutorService probes = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "jira-sync-health-probe");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Probe> cache = new LinkedHashMap<>();
    /** The probe of each back-end under way: callers that find one wait for it instead of starting another. */
    private final Map<String, CompletableFuture<Probe>> running = new LinkedHashMap<>();
    private ProducerTemplate template;

    /** One probe's outcome. */
    record Probe(boolean up, String reason, String message, Map<String, String> data, Instant at) {
        static Probe up(String message, Map<String, String> data) {
            return new Probe(true, "up", message, data, CLOCK.instant());
        }

        static Probe down(String reason, String message) {
            return new Probe(false, reason, message, Map.of(), CLOCK.instant());
        }
    }

    @Produces
    @Readiness
    HealthCheck jira() {
        return () -> respond("jira", this::probeJira);
    }

    @Produces
    @Readiness
    HealthCheck zendesk() {
        return () -> respond("zendesk", this::probeZendesk);
    }

    @Produces
    @Readiness
    HealthCheck servicenow() {
        return () -> respond("servicenow", this::probeServiceNow);
    }

    @Produces
    @Readiness
    HealthCheck database() {
        return () -> respond("database", this::probeDatabase);
    }

    @Produces
    @Liveness
    HealthCheck camelContext() {
        return () -> {
            ServiceStatus status = camel.getStatus();
            HealthCheckResponseBuilder b = HealthCheckResponse.named("camel").status(status == ServiceStatus.Started)
                    .withData("context", status.name());
            for (String sync : List.of(SyncSetup.ZENDESK_SYNC, SyncSetup.SERVICENOW_SYNC)) {
                ServiceStatus s = camel.getRouteController().getRouteStatus(sync);
                b.withData(sync, setup.configured(sync) ? (s == null ? "absent" : s.name()) : "not configured");
            }
            return b.build();
        };
    }

    private HealthCheckResponse respond(String name, Supplier<Probe> probe) {
        Probe p = cached(name, probe);
        HealthCheckResponseBuilder b = HealthCheckResponse.named(name).status(p.up());
        b.withData("reason", p.reason()).withData("message", p.message());
        p.data().forEach(b::withData);
        b.withData("checkedAt", p.at().toString());
        return b.build();
    }

    private Probe cached(String name, Supplier<Probe> probe) {
        CompletableFuture<Probe> f;
        synchronized (cache) {
            Probe last = cache.get(name);
            if (last != null && CLOCK.instant().isBefore(last.at().plus(cacheFor))) {
                return last;
            }
            f = running.computeIfAbsent(name, n -> start(n, probe));
        }
        return await(name, f);
    }

    /**
     * Starts one probe, which caches its outcome and leaves {@link #running} when done. One at a time per back-end: a
     * probe that needs longer than the caller waits (the first one of the zendesk and servicenow clients loads and
     * initialises them, seconds on a small CPU share) goes on, and the probes that come meanwhile (the orchestrator's,
     * every period) wait for it rather than each starting another one on the same CPU.
     */
    private CompletableFuture<Probe> start(String name, Supplier<Probe> probe) {
        CompletableFuture<Probe> f = CompletableFuture.supplyAsync(probe, probes);
        f.whenComplete((p, failure) -> {
            synchronized (cache) {
                running.remove(name, f);
                cache.put(name, p != null ? p : Probe.down("error", name + " probe failed: "
                        + (failure.getCause() != null ? failure.getCause() : failure).getClass().getSimpleName()));
            }
        });
        return f;
    }

    private Probe await(String name, CompletableFuture<Probe> f) {
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Probe.down("unreachable", name + " did not answer within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Probe.down("error", "interrupted");
        } catch (ExecutionException e) {
            return Probe.down("error", name + " probe failed: " + e.getCause().getClass().getSimpleName());
        }
    }

    /**
     * Once Camel has started, probes the back-ends side by side (each on its own thread), so that the first readiness
     * check finds their answers, or waits for the slowest one only, instead of running the four probes one after the
     * other.
     */
    void probeAfterStart(@Observes AfterStart event) {
        Map<String, Supplier<Probe>> all = new LinkedHashMap<>();
        all.put("jira", this::probeJira);
        all.put("zendesk", this::probeZendesk);
        all.put("servicenow", this::probeServiceNow);
        all.put("database", this::probeDatabase);
        synchronized (cache) {
            all.forEach((name, probe) -> running.computeIfAbsent(name, n -> start(n, probe)));
        }
    }

    private Probe probeJira() {
        SyncConfiguration c = setup.configuration();
        if (c == null) {
            return Probe.down("starting", "the service is starting");
        }
        JiraHealth.Status s = JiraHealth.probe(camel.getEndpoint("jira:getIssue", JiraEndpoint.class).getApi());
        if (!s.up()) {
            return Probe.down(s.reason(), s.message());
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put("url", c.jira().url());
        data.put("user", s.user());
        data.put("deployment", s.deployment());
        return Probe.up(s.message(), data);
    }

    private Probe probeZendesk() {
        SyncConfiguration c = setup.configuration();
        if (c == null) {
            return Probe.down("starting", "the service is starting");
        }
        if (c.zendesk().isEmpty()) {
            return notConfigured("ZENDESK_URL", "Zendesk");
        }
        SyncConfiguration.Zendesk z = c.zendesk().get();
        Exchange result = template().request("zendesk:DEFAULT/getCurrentUser", e -> { });
        if (result.getException() == null) {
            User user = result.getMessage().getBody(User.class);
            String who = user == null ? z.username() : user.getName() + " (" + user.getEmail() + ")";
            return Probe.up("Connected to Zendesk at " + z.url() + " as " + who, Map.of("url", z.url(), "user", who));
        }
        Integer status = null;
        for (Throwable t = result.getException(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ZendeskResponseException zr) {
                status = zr.getStatusCode();
                break;
            }
            if (isUnreachable(t)) {
                return Probe.down("unreachable", "Zendesk at " + z.url() + " is unreachable: " + t.getClass().getSimpleName());
            }
        }
        return status == null ? cannotAsk("Zendesk", z.url(), result.getException())
                : byStatus("Zendesk", z.url(), status, "of " + z.username() + " (API token): check ZENDESK_USERNAME and "
                        + "ZENDESK_TOKEN");
    }

    private Probe probeServiceNow() {
        SyncConfiguration c = setup.configuration();
        if (c == null) {
            return Probe.down("starting", "the service is starting");
        }
        if (c.serviceNow().isEmpty()) {
            return notConfigured("SERVICENOW_URL", "ServiceNow");
        }
        SyncConfiguration.ServiceNow sn = c.serviceNow().get();
        Exchange result = template().request("servicenow:servicenow?resource=table&table=sys_user&excludeReferenceLink=true",
                e -> {
                    e.getIn().setHeader("CamelServiceNowAction", "retrieve");
                    e.getIn().setHeader("CamelServiceNowLimit", 1);
                    e.getIn().setHeader("CamelServiceNowFields", "sys_id");
                });
        if (result.getException() == null) {
            return Probe.up("Connected to ServiceNow at " + sn.url() + " as " + sn.username(),
                    Map.of("url", sn.url(), "user", sn.username()));
        }
        String credentials = "of " + sn.username() + ": check SERVICENOW_USERNAME and SERVICENOW_PASSWORD"
                + (sn.clientId() != null ? " (and SERVICENOW_CLIENT_ID / _SECRET)" : "");
        Integer status = null;
        for (Throwable t = result.getException(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ServiceNowException se) {
                status = se.getCode();
                break;
            }
            if (t.getClass().getName().equals("org.apache.cxf.rs.security.oauth2.provider.OAuthServiceException")) {
                // camel-servicenow could not get an OAuth token for the user and client
                return Probe.down("unauthorized", "ServiceNow at " + sn.url() + " refused an OAuth token (" + sn.oauthTokenUrl()
                        + ") " + credentials);
            }
            if (isUnreachable(t)) {
                return Probe.down("unreachable", "ServiceNow at " + sn.url() + " is unreachable: "
                        + t.getClass().getSimpleName());
            }
        }
        return status == null ? cannotAsk("ServiceNow", sn.url(), result.getException())
                : byStatus("ServiceNow", sn.url(), status, credentials);
    }

    private Probe probeDatabase() {
        if (setup.configuration() == null) {
            return Probe.down("starting", "the service is starting");
        }
        return cluster.database().flatMap(db -> cluster.dataSource().map(ds -> DatabaseHealth.probe(ds, db)))
                .orElseGet(() -> new Probe(true, "not-configured", "SYNC_DB_URL is not set: the poll cursors are files in "
                        + "SYNC_STATE_DIRECTORY, webhook delivery ids are kept in memory (one replica)",
                        Map.of("state", "not configured"), CLOCK.instant()));
    }

    /**
     * No HTTP status to go by: names the failure by its innermost exception's type only (camel-zendesk puts the
     * endpoint's options, API token included, in its messages).
     */
    private static Probe cannotAsk(String system, String url, Throwable failure) {
        Throwable innermost = failure;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        return Probe.down("error", system + " at " + url + " could not be asked: " + innermost.getClass().getName());
    }

    private static Probe byStatus(String system, String url, int status, String credentials) {
        return switch (status) {
            case 401 -> Probe.down("unauthorized", system + " at " + url + " rejected the credentials (401) " + credentials);
            case 403 -> Probe.down("forbidden", system + " at " + url + " refused access (403) " + credentials);
            default -> Probe.down("error", system + " at " + url + " answered " + status);
        };
    }

    private static Probe notConfigured(String variable, String system) {
        return new Probe(true, "not-configured", variable + " is not set: the " + system + " sync is not started",
                Map.of("state", "not configured"), CLOCK.instant());
    }

    private static boolean isUnreachable(Throwable t) {
        return t instanceof ConnectException || t instanceof UnknownHostException
                || t instanceof java.net.SocketTimeoutException || t instanceof java.nio.channels.ClosedChannelException
                || (t instanceof IOException && t.getCause() == null);
    }

    private synchronized ProducerTemplate template() {
        if (template == null) {
            template = camel.createProducerTemplate();
        }
        return template;
    }

    @PreDestroy
    void close() {
        probes.shutdownNow();
    }
}
