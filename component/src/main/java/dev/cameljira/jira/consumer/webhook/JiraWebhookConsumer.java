package dev.cameljira.jira.consumer.webhook;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

import dev.cameljira.jira.JiraEndpoint;
import dev.cameljira.jira.consumer.JiraEventHeaders;
import dev.cameljira.jira.model.JiraEvent;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code jira:webhook} consumer: receives Jira's webhooks on {@code webhookPath} and routes each as a
 * {@link JiraEvent}.
 *
 * <p>How the path is served: when platform-http's engine is Vert.x (plain Camel with camel-platform-http-vertx's
 * {@code VertxPlatformHttpServer}, or Camel Quarkus' platform-http on Quarkus' own HTTP server), the consumer adds its
 * own route for the path to that Vert.x router and handles each request with Vert.x types ({@link VertxWebhookRoute}):
 * one Camel exchange per delivery, the JiraEvent's. Otherwise (another platform-http engine, or no Vert.x on the class
 * path) it serves the path through a {@code platform-http} consumer. Both run the same checks
 * ({@link WebhookRequestHandler}) with the same answers.
 *
 * <p>On start it opens the path, then (with {@code registerWebhook=true}) registers or reuses the Jira admin webhook,
 * and (with {@code reconcileInterval}) schedules the backup poll. Deliveries are checked (method, content type, size,
 * signature, JSON), filtered by {@code events}, de-duplicated by {@code X-Atlassian-Webhook-Identifier} (else the
 * event id derived from the payload) and routed synchronously on a worker thread (never a Vert.x event loop, unless
 * {@code routeOnEventLoop=true} asks for it, for routes that never block): 200 when
 * the route succeeded, 500 when it failed so Jira redelivers. On stop it removes the registration
 * ({@code unregisterOnStop}) and closes the path (404 again).
 */
public class JiraWebhookConsumer extends DefaultConsumer {

    /** Entries the default in-memory repository keeps (ids of the latest deliveries). */
    static final int DEFAULT_REPOSITORY_SIZE = 50_000;
    /** How long a copy of a delivery waits for the first copy still in the route. */
    static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(JiraWebhookConsumer.class);
    /** Whether camel-platform-http-vertx and Vert.x Web (optional dependencies) are on the class path. */
    private static final boolean VERTX_PRESENT = present("org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter")
                                                 && present("io.vertx.ext.web.Router");

    /** For tests: serve through a platform-http consumer even where the Vert.x router is available (the fallback). */
    static volatile boolean platformHttpOnly;

    private WebhookTransport transport;
    private IdempotentRepository ownRepository;
    private WebhookRegistrar registrar;
    private String registrationId;
    private WebhookReconciler reconciler;
    private ScheduledExecutorService reconcileExecutor;
    private volatile WebhookRejections rejections;

    public JiraWebhookConsumer(JiraEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public JiraEndpoint getEndpoint() {
        return (JiraEndpoint) super.getEndpoint();
    }

    private JiraWebhookConfiguration config() {
        return getEndpoint().getWebhookConfiguration();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        JiraWebhookConfiguration c = config();
        String path = validPath(c.getWebhookPath());
        WebhookEventSelection events = WebhookEventSelection.parse(c.getEvents());
        if (c.getMaxBodySize() < 1) {
            throw new IllegalArgumentException("maxBodySize must be at least 1 byte, was " + c.getMaxBodySize());
        }
        if (c.getReconcileInterval() < 0) {
            throw new IllegalArgumentException("reconcileInterval must be 0 (off) or positive, was " + c.getReconcileInterval());
        }
        String externalUrl = c.isRegisterWebhook() ? validExternalUrl(c.getWebhookExternalUrl()) : null;
        boolean signed = c.getSecret() != null && !c.getSecret().isBlank();
        if (!signed && !c.isAllowUnsigned()) {
            throw new IllegalArgumentException("jira:webhook on " + path + ": secret is " + (c.getSecret() == null ? "missing"
                    : "blank") + ", so anyone who can reach the path could inject events. Set secret (the same secret as "
                    + "the Jira webhook's; an empty Kubernetes Secret or .env line counts as blank), or allowUnsigned=true to "
                    + "accept unsigned deliveries (local use only)");
        }
        if (!signed) {
            LOG.warn("jira:webhook on {} accepts UNSIGNED deliveries (allowUnsigned=true): anyone who can reach the path can "
                     + "inject events. For local use only; set secret (and the same secret in Jira).", path);
        }
        boolean reconcile = c.getReconcileInterval() > 0;

        IdempotentRepository repository = c.getIdempotentRepository();
        if (repository == null) {
            repository = MemoryIdempotentRepository.memoryIdempotentRepository(DEFAULT_REPOSITORY_SIZE);
            ownRepository = repository;
        }
        if (c.isRouteOnEventLoop() && !(repository instanceof MemoryIdempotentRepository)) {
            throw new IllegalArgumentException("jira:webhook on " + path + ": routeOnEventLoop=true needs an idempotentRepository "
                    + "that never blocks (the default in-memory one, or a MemoryIdempotentRepository), but "
                    + repository.getClass().getName() + " may block the Vert.x event loop (a database or a remote cache): "
                    + "leave routeOnEventLoop=false with it");
        }
        ServiceHelper.startService(repository);
        DeliveryLedger ledger = new DeliveryLedger(repository, IN_FLIGHT_WAIT);

        rejections = new WebhookRejections(path, Clock.systemUTC(), LOG);
        // only the backup poll reads the issue versions a delivery brought: without it a delivery costs one entry
        Predicate<JiraEvent> route = reconcile ? event -> routeAndRemember(event, ledger) : this::route;
        Function<JiraEvent, CompletionStage<Boolean>> onEventLoop = !c.isRouteOnEventLoop() ? null : reconcile
                ? event -> routeAsync(event).thenApply(ok -> ok && remember(event, ledger)) : this::routeAsync;
        WebhookRequestHandler handler = new WebhookRequestHandler(this::accepting, route, onEventLoop, events,
                signed ? new WebhookSignature(c.getSecret()) : null, WebhookPayloads.reader(c.getMaxJsonDepth()),
                c.getMaxBodySize(), ledger, getEndpoint().getConfiguration().getCallListener(), rejections);
        transport = open(path, handler);
        LOG.info("jira:webhook listening on {} for {} ({}{})", path, events, transport.name(), !c.isRouteOnEventLoop() ? ""
                : VertxWebhookRoute.NAME.equals(transport.name()) ? ", routes on the event loop"
                : ", routeOnEventLoop does not apply: platform-http starts the route on its worker thread");

        try {
            if (c.isRegisterWebhook()) {
                registrar = new WebhookRegistrar(getEndpoint().getApi(), c.getWebhookName(), externalUrl,
                        events.forRegistration(), jql(), signed ? c.getSecret() : null);
                registrationId = registrar.register();
            }
            if (reconcile) {
                startReconcile(events, ledger, c.getReconcileInterval());
            }
        } catch (Exception e) {
            stopHttp();
            stopOwnRepository();
            throw e;
        }
    }

    private void startReconcile(WebhookEventSelection events, DeliveryLedger ledger, long intervalMillis) {
        Clock clock = Clock.systemUTC();
        reconciler = new WebhookReconciler(getEndpoint()::getApi, jql(), events::accepts, ledger, this::route, clock,
                clock.instant());
        reconcileExecutor = getEndpoint().getCamelContext().getExecutorServiceManager()
                .newSingleThreadScheduledExecutor(this, "JiraWebhookReconcile");
        reconcileExecutor.scheduleWithFixedDelay(this::reconcileQuietly, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        LOG.info("jira:webhook backup poll every {} s", intervalMillis / 1000);
    }

    private void reconcileQuietly() {
        try {
            int routed = reconcileNow();
            if (routed > 0) {
                LOG.info("jira:webhook backup poll routed {} event(s) the webhooks had missed", routed);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("jira:webhook backup poll failed (it runs again in {} s): {}", config().getReconcileInterval() / 1000,
                    e.getMessage());
        }
    }

    /**
     * Runs the backup poll now (it also runs every {@code reconcileInterval}): routes the issue changes since the
     * previous run that no webhook delivered.
     *
     * @return the number of events routed
     * @throws IllegalStateException when reconcileInterval is off
     * @throws InterruptedException  while waiting for a copy of an event in flight
     */
    public int reconcileNow() throws InterruptedException {
        WebhookReconciler r = reconciler;
        if (r == null) {
            throw new IllegalStateException("the backup poll is off: set reconcileInterval (e.g. 6h) on " + getEndpoint());
        }
        return r.run();
    }

    /**
     * Deliveries refused since the consumer started, by reason ({@code signature}, {@code malformed}, {@code too-large},
     * {@code content-type}, {@code method}, {@code stopping}; see {@link dev.cameljira.jira.client.JiraCallListener}),
     * e.g. for a gauge; empty before the first refusal or when not started.
     */
    public Map<String, Long> getRejectedDeliveries() {
        WebhookRejections r = rejections;
        return r == null ? Map.of() : r.counts();
    }

    /** The id of the Jira webhook this consumer registered or reuses, or null (registerWebhook=false or not started). */
    public String getRegistrationId() {
        return registrationId;
    }

    @Override
    protected void doStop() throws Exception {
        if (reconcileExecutor != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(reconcileExecutor);
            reconcileExecutor = null;
        }
        reconciler = null;
        if (registrationId != null && config().isUnregisterOnStop()) {
            try {
                registrar.unregister(registrationId);
            } catch (RuntimeException e) {
                LOG.warn("jira:webhook could not remove its Jira webhook {}: {}", registrationId, e.getMessage());
            }
        }
        registrationId = null;
        stopHttp();
        stopOwnRepository();
        super.doStop();
    }

    private void stopOwnRepository() {
        IdempotentRepository r = ownRepository;
        ownRepository = null;
        if (r != null) {
            ServiceHelper.stopAndShutdownService(r);
        }
    }

    /** Opens the path: on platform-http's Vert.x router when there is one, else through a platform-http consumer. */
    private WebhookTransport open(String path, WebhookRequestHandler handler) throws Exception {
        CamelContext camel = getEndpoint().getCamelContext();
        if (VERTX_PRESENT && !platformHttpOnly) {
            // loaded only now: it links against the optional Vert.x classes
            WebhookTransport direct = VertxWebhookRoute.attach(camel, path, handler);
            if (direct != null) {
                return direct;
            }
        }
        Endpoint http = camel.getEndpoint("platform-http:" + path + "?muteException=true");
        Consumer consumer = http.createConsumer(handler);
        ServiceHelper.startService(consumer);
        return new WebhookTransport() {
            @Override
            public String name() {
                return "platform-http";
            }

            @Override
            public void close() {
                ServiceHelper.stopAndShutdownService(consumer);
            }
        };
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, JiraWebhookConsumer.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }

    /** What serves the path now ({@code Vert.x router} or {@code platform-http}), or null when not started. */
    String transportName() {
        WebhookTransport t = transport;
        return t == null ? null : t.name();
    }

    private void stopHttp() {
        WebhookTransport t = transport;
        transport = null;
        if (t != null) {
            t.close();
        }
    }

    /** Routes one event synchronously on the calling thread; true when the route succeeded. */
    boolean route(JiraEvent event) {
        Exchange exchange = createExchange(false);
        try {
            JiraEventHeaders.apply(exchange.getIn(), event);
            getProcessor().process(exchange);
            boolean ok = exchange.getException() == null && !exchange.isRollbackOnly();
            if (!ok) {
                LOG.debug("jira:webhook route failed for {} ({}); Jira will redeliver", event, event.eventId());
            }
            return ok;
        } catch (Exception e) {
            LOG.debug("jira:webhook route failed for {}: {}", event, e.toString());
            return false;
        } finally {
            releaseExchange(exchange, false);
        }
    }

    /**
     * Starts routing one event on the calling thread (routeOnEventLoop) without waiting for asynchronous parts of the
     * route; completes with true when the route succeeded, on the thread that finished it.
     */
    CompletionStage<Boolean> routeAsync(JiraEvent event) {
        Exchange exchange = createExchange(false);
        CompletableFuture<Boolean> routed = new CompletableFuture<>();
        try {
            JiraEventHeaders.apply(exchange.getIn(), event);
            getAsyncProcessor().process(exchange, doneSync -> {
                boolean ok = exchange.getException() == null && !exchange.isRollbackOnly();
                if (!ok) {
                    LOG.debug("jira:webhook route failed for {} ({}); Jira will redeliver", event, event.eventId());
                }
                releaseExchange(exchange, false);
                routed.complete(ok);
            });
        } catch (RuntimeException e) {
            LOG.debug("jira:webhook route failed for {}: {}", event, e.toString());
            releaseExchange(exchange, false);
            routed.complete(false);
        }
        return routed;
    }

    /**
     * Routes a delivered event and remembers its issue version, so the backup poll does not route it again; failing to
     * remember only risks a duplicate from the backup poll, so it does not fail the delivery.
     */
    private boolean routeAndRemember(JiraEvent event, DeliveryLedger ledger) {
        return route(event) && remember(event, ledger);
    }

    /** Remembers a routed event's issue version for the backup poll; always true (see {@link #routeAndRemember}). */
    private static boolean remember(JiraEvent event, DeliveryLedger ledger) {
        String version = WebhookReconciler.versionKey(event.issue());
        if (version != null) {
            try {
                ledger.remember(version);
            } catch (RuntimeException e) {
                LOG.debug("could not remember {} for the backup poll: {}", version, e.toString());
            }
        }
        return true;
    }

    private String jql() {
        String jql = getEndpoint().getConfiguration().getJql();
        return jql == null || jql.isBlank() ? null : jql.trim();
    }

    private static String validPath(String path) {
        if (path == null || path.isBlank() || !path.startsWith("/") || path.contains("?") || path.contains("#")) {
            throw new IllegalArgumentException("webhookPath must be a path starting with '/', e.g. /jira/webhook, was '"
                                               + path + "'");
        }
        return path.trim();
    }

    private static String validExternalUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("registerWebhook=true needs webhookExternalUrl: the address Jira can reach this "
                                               + "endpoint at, e.g. https://integration.example.com/jira/webhook");
        }
        try {
            URI uri = URI.create(url.trim());
            if (uri.isAbsolute() && uri.getHost() != null
                && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                return url.trim();
            }
        } catch (IllegalArgumentException bad) {
            // reported below
        }
        throw new IllegalArgumentException("webhookExternalUrl must be an absolute http(s) URL Jira can reach, e.g. "
                                           + "https://integration.example.com/jira/webhook, was '" + url + "'");
    }

    /** Whether deliveries are taken now: started, not suspended, not stopping. */
    private boolean accepting() {
        return isRunAllowed() && !isSuspendingOrSuspended();
    }
}
