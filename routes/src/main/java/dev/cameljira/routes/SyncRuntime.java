package dev.cameljira.routes;

import java.io.File;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.cameljira.routes.engine.Failures;
import dev.cameljira.routes.engine.JiraEvents;
import dev.cameljira.routes.engine.JiraSide;
import dev.cameljira.routes.engine.OtherSide;
import dev.cameljira.routes.engine.PollCursor;
import dev.cameljira.routes.engine.SyncEngine;
import dev.cameljira.routes.engine.SyncEvent;
import dev.cameljira.routes.engine.SyncFailedException;
import dev.cameljira.routes.engine.SyncRejectedException;
import dev.cameljira.routes.engine.SyncUnavailableException;
import dev.cameljira.routes.servicenow.ServiceNowEvents;
import dev.cameljira.routes.servicenow.ServiceNowSide;
import dev.cameljira.routes.zendesk.ZendeskEvents;
import dev.cameljira.routes.zendesk.ZendeskSide;
import dev.cameljira.jira.model.JiraEvent;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExtendedStartupListener;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.apache.camel.RouteTemplateContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.servicenow.ServiceNowComponent;
import org.apache.camel.component.zendesk.ZendeskComponent;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.RoutePolicySupport;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.zendesk.client.v2.model.Ticket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance of a sync template: validates its parameters when the template is instantiated, builds the sync engine
 * when the route starts, and adds the event-source routes that feed it (Jira's webhook and pollers, the other side's
 * webhook and poller), which start, stop and go away with the sync's route.
 *
 * <p>Bound as local template beans: the runtime itself (the route's processor and route policy), the dead-letter and
 * hand-back processors and the redelivery policy.
 */
public final class SyncRuntime extends RoutePolicySupport implements Processor {
    static final String BEAN = "jiraSyncRuntime";
    static final String DEAD_LETTER = "jiraSyncDeadLetter";
    static final String HAND_BACK = "jiraSyncHandBack";
    /** Registry name of an optional dev.cameljira.jira.client.JiraCallListener given to the Jira endpoints. */
    static final String CALL_LISTENER = "jiraSyncCallListener";
    /** Header of dead-lettered events: the reason. */
    public static final String FAILURE_REASON = "JiraSyncFailureReason";
    /** Header of dead-lettered events: the pair, e.g. "Jira DEMO-7 <-> Zendesk #12". */
    public static final String FAILURE_LINK = "JiraSyncLink";

    private static final Logger LOG = LoggerFactory.getLogger(SyncRuntime.class);
    private static final Duration POLL_OVERLAP = Duration.ofSeconds(90);
    /** Page size of the sync's Jira poller: Jira's largest page of full issues. */
    static final int JIRA_PAGE = 100;

    private final SyncSettings settings;
    private final Clock clock;
    private CamelContext context;
    private SyncMonitor monitor;
    private ProducerTemplate producer;
    private String routeId;
    private Endpoint input;
    private SyncEngine engine;
    private OtherSide other;
    private StateRepository<String, String> state;
    private String stateBean;
    private String idempotentBean;
    private final List<String> companions = new ArrayList<>();
    private final AtomicBoolean installed = new AtomicBoolean();
    private volatile boolean running;

    private SyncRuntime(SyncSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The template's configure step: checks the parameters and binds this sync's beans. */
    static void configure(RouteTemplateContext rtc, SyncSystem system) {
        CamelContext ctx = rtc.getCamelContext();
        Map<String, Object> params = new java.util.HashMap<>();
        rtc.getParameters().forEach((k, v) -> params.put(k, v instanceof String s ? ctx.resolvePropertyPlaceholders(s) : v));
        SyncSettings settings = SyncSettings.from(system, params);
        if (settings.webhooks() && settings.allowUnsignedWebhooks()) {
            LOG.warn("{}: webhooks accepted WITHOUT signature check (allowUnsignedWebhooks=true): for local use only",
                    system.templateId());
        }
        if (settings.webhooks()) {
            JiraWebhookHub.of(ctx).announce(settings);
        }
        Clock clock = ctx.getRegistry().findSingleByType(Clock.class);
        SyncRuntime runtime = new SyncRuntime(settings, clock != null ? clock : Clock.systemUTC());
        rtc.bind(BEAN, SyncRuntime.class, runtime);
        rtc.bind(DEAD_LETTER, Processor.class, (Processor) runtime::deadLetter);
        rtc.bind(HAND_BACK, Processor.class, (Processor) runtime::handBack);
    }

    /** This sync's settings. */
    public SyncSettings settings() {
        return settings;
    }

    // ------------------------------------------------------------------------------------------ lifecycle

    @Override
    public void onInit(Route route) {
        this.routeId = route.getRouteId();
        this.input = route.getEndpoint();
        this.context = route.getCamelContext();
    }

    @Override
    public void onStart(Route route) {
        try {
            if (engine == null) {
                buildEngine();
            }
            engine.start();
            running = true;
            if (installed.compareAndSet(false, true)) {
                if (context.isStarted()) {
                    install();
                } else {
                    context.addStartupListener(new ExtendedStartupListener() {
                        @Override
                        public void onCamelContextStarted(CamelContext ctx, boolean alreadyStarted) {
                        }

                        @Override
                        public void onCamelContextFullyStarted(CamelContext ctx, boolean alreadyStarted) throws Exception {
                            install();
                        }
                    });
                }
            } else {
                for (String id : companions) {
                    if (context.getRouteController().getRouteStatus(id) != ServiceStatus.Started) {
                        context.getRouteController().startRoute(id);
                    }
                }
                if (settings.webhooks()) {
                    JiraWebhookHub.of(context).attach(this);
                }
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(routeId + ": cannot start the sync: " + e.getMessage(), e);
        }
    }

    @Override
    public void onStop(Route route) {
        running = false;
        if (engine != null) {
            engine.stop();
        }
        stopPollWorkers();
        if (settings.webhooks()) {
            JiraWebhookHub.of(context).detach(this);
        }
        if (context.isStopping()) {
            return;
        }
        for (String id : companions) {
            try {
                context.getRouteController().stopRoute(id);
            } catch (Exception e) {
                LOG.warn("{}: could not stop {}: {}", routeId, id, e.getMessage());
            }
        }
    }

    @Override
    public void onRemove(Route route) {
        if (context.isStopping()) {
            return;
        }
        for (String id : companions) {
            try {
                context.getRouteController().stopRoute(id);
                context.removeRoute(id);
            } catch (Exception e) {
                LOG.warn("{}: could not remove {}: {}", routeId, id, e.getMessage());
            }
        }
    }

    private void buildEngine() throws Exception {
        monitor = context.getRegistry().lookupByNameAndType(SyncMonitor.BEAN_NAME, SyncMonitor.class);
        if (monitor == null) {
            synchronized (SyncRuntime.class) {
                monitor = context.getRegistry().lookupByNameAndType(SyncMonitor.BEAN_NAME, SyncMonitor.class);
                if (monitor == null) {
                    monitor = new SyncMonitor(clock);
                    context.getRegistry().bind(SyncMonitor.BEAN_NAME, SyncMonitor.class, monitor);
                }
            }
        }
        monitor.addListeners(context.getRegistry().findByType(SyncListener.class));
        producer = context.createProducerTemplate();
        producer.start();
        String jiraUri = jiraUri();
        stateBean = stateRepository();
        @SuppressWarnings("unchecked")
        StateRepository<String, String> repo = context.getRegistry().lookupByNameAndType(stateBean, StateRepository.class);
        state = repo;
        idempotentBean = idempotentRepository();
        Instant newSince = newSince();
        JiraSide jira = new JiraSide(producer, jiraUri, settings.jiraProject(),
                SyncEngine.propertyKey(settings.system()), clock);
        other = settings.system() == SyncSystem.ZENDESK
                ? new ZendeskSide(producer, settings, zendeskBaseUrl(), clock, new dev.cameljira.routes.zendesk.ZendeskContent(
                        producer, (ZendeskComponent) context.getComponent(settings.otherComponent()), zendeskBaseUrl(),
                        settings.maxAttachmentSize()))
                : new ServiceNowSide(producer, settings, serviceNowBaseUrl(), clock);
        IdempotentRepository claims = settings.claimRepository() == null ? null : context.getRegistry()
                .lookupByNameAndType(bean("claimRepository", settings.claimRepository(), IdempotentRepository.class),
                        IdempotentRepository.class);
        // as Camel's idempotent consumer does with its repository (JdbcClaimRepository keeps its claims alive once started)
        org.apache.camel.support.service.ServiceHelper.startService(claims);
        engine = new SyncEngine(routeId, settings, jira, other, monitor, clock, newSince, claims);
        engine.deferRemoteLinks(state);
        LOG.info("{} started: Jira {} <-> {} ({}, {}, poll every {}{})", routeId, settings.jiraProject(),
                settings.system().displayName(), settings.direction().name().toLowerCase().replace('_', '-'),
                settings.webhooks() ? "webhooks + polling" : "polling", settings.pollInterval(),
                (settings.leaderElection() ? ", pollers on the leader" : "")
                        + (claims != null ? ", pairs claimed in " + settings.claimRepository() : ""));
    }

    /**
     * How the sync's Jira endpoints are addressed: {@code <component>:<operation>?callListener=#...&} so their calls are
     * counted (the component's own listener still hears them).
     */
    private String jiraUri() {
        String name = CALL_LISTENER + "-" + settings.jiraComponent();
        synchronized (SyncRuntime.class) {
            if (context.getRegistry().lookupByName(name) == null) {
                dev.cameljira.jira.client.JiraCallListener configured = null;
                if (context.getComponent(settings.jiraComponent()) instanceof dev.cameljira.jira.JiraComponent j) {
                    configured = j.getConfiguration().getCallListener();
                }
                context.getRegistry().bind(name, dev.cameljira.jira.client.JiraCallListener.class,
                        new MonitorCallListener(monitor, configured));
            }
        }
        return settings.jiraComponent() + ":%s?callListener=#" + name;
    }

    /** The cut-off for "new" records: stored at the first start, from the since parameter. */
    private Instant newSince() {
        String key = routeId + ".since";
        String stored = state.getState(key);
        if (stored != null) {
            return Instant.parse(stored);
        }
        Instant now = clock.instant();
        String since = settings.since();
        Instant value;
        if (since.equals("now")) {
            value = now;
        } else if (since.startsWith("-")) {
            value = now.minus(SyncSettings.parseDuration(since.substring(1)));
        } else {
            value = Instant.parse(since);
        }
        // Zendesk and ServiceNow times have second precision: a record created in the second the sync started counts
        value = value.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        state.setState(key, value.toString());
        return value;
    }

    /** The registry name a parameter gives ({@code name} or {@code #name}), checked to hold a bean of {@code type}. */
    private String bean(String parameter, String value, Class<?> type) {
        String name = value.startsWith("#") ? value.substring(1) : value;
        if (context.getRegistry().lookupByNameAndType(name, type) == null) {
            throw new IllegalArgumentException(settings.system().templateId() + ": parameter '" + parameter + "' names '"
                    + name + "', but the registry has no " + type.getSimpleName() + " by that name");
        }
        return name;
    }

    private String stateRepository() throws Exception {
        if (settings.stateRepository() != null) {
            return bean("stateRepository", settings.stateRepository(), StateRepository.class);
        }
        String name = "jiraSyncState-" + routeId;
        if (context.getRegistry().lookupByName(name) == null) {
            File dir = new File(settings.stateDirectory());
            if (!dir.isDirectory() && !dir.mkdirs()) {
                throw new IllegalArgumentException(settings.system().templateId() + ": parameter 'stateDirectory': "
                        + "cannot create folder " + dir.getAbsolutePath());
            }
            FileStateRepository repo = FileStateRepository.fileStateRepository(new File(dir, routeId + ".state"));
            repo.start();
            context.getRegistry().bind(name, StateRepository.class, repo);
        }
        return name;
    }

    private String idempotentRepository() {
        if (settings.idempotentRepository() != null) {
            return bean("idempotentRepository", settings.idempotentRepository(), IdempotentRepository.class);
        }
        String name = "jiraSyncDeliveries";
        synchronized (SyncRuntime.class) {
            if (context.getRegistry().lookupByName(name) == null) {
                context.getRegistry().bind(name, IdempotentRepository.class,
                        MemoryIdempotentRepository.memoryIdempotentRepository(50_000));
            }
        }
        return name;
    }

    /**
     * camel-zendesk 4.17 copies serverUrl, username, password and oauthToken from the component to its endpoints, but
     * not the API token: {@code camel.component.zendesk.token} alone ends in 401s. Put it in the component's shared
     * configuration, which the endpoints do read.
     */
    static void shareZendeskToken(ZendeskComponent z) {
        if (z.getToken() == null) {
            return;
        }
        org.apache.camel.component.zendesk.ZendeskConfiguration conf = z.getConfiguration();
        if (conf == null) {
            conf = new org.apache.camel.component.zendesk.ZendeskConfiguration();
            z.setConfiguration(conf);
        }
        if (conf.getToken() == null) {
            conf.setToken(z.getToken());
        }
    }

    private String zendeskBaseUrl() {
        String url = null;
        if (context.getComponent(settings.otherComponent()) instanceof ZendeskComponent z) {
            shareZendeskToken(z);
            url = z.getServerUrl();
            if (url == null && z.getConfiguration() != null) {
                url = z.getConfiguration().getServerUrl();
            }
        }
        if (url == null) {
            throw new IllegalArgumentException(settings.system().templateId() + ": the '" + settings.otherComponent()
                    + "' component has no serverUrl: set camel.component." + settings.otherComponent()
                    + ".server-url (https://your-account.zendesk.com)");
        }
        return url.replaceAll("/+$", "").replaceAll("/api/v2$", "");
    }

    private String serviceNowBaseUrl() {
        if (context.getComponent(settings.otherComponent()) instanceof ServiceNowComponent c
                && c.getConfiguration() != null && c.getConfiguration().getApiUrl() != null) {
            return c.getConfiguration().getApiUrl().replaceAll("/+$", "").replaceAll("/api$", "");
        }
        return "https://" + settings.servicenowInstance() + ".service-now.com";
    }

    // ------------------------------------------------------------------------------------------ event sources

    private void install() throws Exception {
        SyncSettings s = settings;
        String pollerPrefix = s.leaderElection() ? "master:" + s.clusterNamespace() + ":" : "";
        long delay = s.pollInterval().toMillis();
        String inputUri = input.getEndpointUri();
        List<String> ids = new ArrayList<>();
        RouteBuilder sources = new RouteBuilder() {
            @Override
            public void configure() {
                String jql = JiraWebhookHub.enc("project = \"" + s.jiraProject() + "\"");
                String errors = "jiraSyncPollErrors-" + routeId;
                if (context.getRegistry().lookupByName(errors) == null) {
                    context.getRegistry().bind(errors, org.apache.camel.spi.ExceptionHandler.class,
                            new QuietPollErrors(routeId, clock));
                }
                String common = "jql=" + jql + "&exceptionHandler=#" + errors
                        + "&callListener=#" + CALL_LISTENER + "-" + s.jiraComponent()
                        + "&stateRepository=#" + stateBean + "&delay=" + delay
                        + "&initialDelay=" + Math.min(delay, 1000) + "&since=" + JiraWebhookHub.enc(s.since());
                if (s.direction().fromJira()) {
                    // one poller for the changes and the comments: one search per page of the window, where two pollers
                    // paged the same issues twice; pages of 100 (Jira's largest for full issues), as a burst of new
                    // issues (each in the window for a minute or two) is re-read every poll
                    String updates = routeId + "-jira-updates";
                    boolean comments = s.syncComments() != SyncSettings.CommentScope.NONE;
                    from(pollerPrefix + s.jiraComponent() + ":updatedIssues?" + common + "&stateKey=" + updates
                            + "&maxResults=" + JIRA_PAGE + "&includeComments=" + comments
                            + "&watchedFields=summary,status,priority,assignee" + (s.syncAttachments() ? ",attachment" : ""))
                            .routeId(updates)
                            // a failure is the sync's own, already reported: the poller keeps its cursor, logs one line
                            .errorHandler(noErrorHandler())
                            .process(e -> fromJira(e, "jira-updates"));
                    ids.add(updates);
                }
                if (s.direction().toJira()) {
                    String poller = routeId + "-" + s.system().key() + "-poll";
                    from(pollerPrefix + "scheduler:" + poller + "?delay=" + delay + "&initialDelay="
                            + Math.min(delay, 1000))
                            .routeId(poller)
                            .onException(Exception.class).handled(true)
                                .process(e -> pollFailed(poller, e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)))
                            .end()
                            .process(e -> pollOther(e, poller));
                    ids.add(poller);
                    if (s.webhooks()) {
                        String hook = routeId + "-" + s.system().key() + "-webhook";
                        WebhookReceiver receiver = new WebhookReceiver(s.system(),
                                s.allowUnsignedWebhooks() && s.otherWebhookSecret() == null ? null : s.otherWebhookSecret(),
                                s.system() == SyncSystem.ZENDESK ? ZendeskEvents::of : ServiceNowEvents::of, monitor, clock);
                        // muteException: a failure answers a bare 500 (the sender redelivers), never a stack trace
                        from("platform-http:" + s.otherWebhookPath() + "?httpMethodRestrict=POST&muteException=true")
                                .routeId(hook)
                                .errorHandler(noErrorHandler())
                                .process(receiver)
                                .filter(exchangeProperty(WebhookReceiver.ACCEPTED).isEqualTo(true))
                                    .idempotentConsumer(header(WebhookReceiver.EVENT_ID))
                                        .idempotentRepository(idempotentBean).removeOnFailure(true)
                                        .process(e -> received(e, s.system().key(), "webhook"))
                                        .to(inputUri)
                                    .end()
                                    .process(e -> {
                                        e.getIn().removeHeaders("*");
                                        e.getIn().setBody("ok");
                                    })
                                .end();
                        ids.add(hook);
                    }
                }
            }
        };
        context.addRoutes(sources);
        companions.addAll(ids);
        if (s.webhooks() && s.direction().fromJira()) {
            JiraWebhookHub.of(context).attach(this);
        }
        LOG.debug("{}: event sources {}", routeId, companions);
    }

    private void received(Exchange e, String origin, String source) {
        SyncEvent ev = e.getIn().getBody(SyncEvent.class);
        monitor.eventReceived(routeId, origin, source, ev == null ? null : ev.describe(settings.system().displayName()));
    }

    /** A Jira poller's event: hand it to the sync (its failure keeps the poller's cursor where it is). */
    private void fromJira(Exchange e, String poller) {
        SyncEvent ev = JiraEvents.of(e.getIn().getBody(JiraEvent.class));
        if (ev != null) {
            accept(ev);
        }
        monitor.polled(routeId, poller, Duration.ZERO);
    }

    /** Hands an event to the sync's route and waits for it: an event it could not take fails the caller. */
    void accept(SyncEvent event) {
        if (!running) {
            throw new SyncUnavailableException(routeId + " is not running", null, null);
        }
        monitor.eventReceived(routeId, event.origin() == SyncEvent.Origin.JIRA ? "jira" : settings.system().key(),
                event.source().name().toLowerCase(), event.describe(settings.system().displayName()));
        Exchange done = producer.send(input, ex -> ex.getIn().setBody(event));
        if (done.getException() != null) {
            Throwable t = done.getException();
            throw t instanceof RuntimeException r ? r : new org.apache.camel.RuntimeCamelException(t);
        }
    }

    @SuppressWarnings("unchecked")
    private void pollOther(Exchange exchange, String poller) {
        PollCursor cursor = new PollCursor(state, poller, POLL_OVERLAP, engineSince());
        Instant from = cursor.from();
        Instant latestAllowed = clock.instant().minusSeconds(61);
        List<SyncEvent> events = new ArrayList<>();
        if (settings.system() == SyncSystem.ZENDESK) {
            // Zendesk wants the start of an export at least a minute old; the overlap and the cursor absorb it
            Instant start = from.isAfter(latestAllowed) ? latestAllowed : from;
            Exchange r = producer.request(settings.otherComponent() + ":DEFAULT/getTicketsIncrementally",
                    ex -> ex.getIn().setHeader("CamelZendesk.startTime", java.util.Date.from(start)));
            if (r.getException() != null) {
                throw Failures.unwrap(r.getException()) instanceof RuntimeException re ? re
                        : new org.apache.camel.RuntimeCamelException(r.getException());
            }
            Iterable<?> tickets = r.getMessage().getBody(Iterable.class);
            if (tickets != null) {
                for (Object t : tickets) {
                    events.add(ZendeskEvents.of((Ticket) t));
                }
            }
        } else {
            ServiceNowPolling.fetch((ServiceNowSide) other, from, events);
            if (settings.syncAttachments()) {
                ServiceNowPolling.fetchAttachments((ServiceNowSide) other, from, events);
            }
        }
        handleAll(cursor.fresh(events, clock.instant()), cursor);
        monitor.polled(routeId, settings.system().key(), Duration.between(cursor.watermark(), clock.instant()).isNegative()
                ? Duration.ZERO : Duration.between(cursor.watermark(), clock.instant()));
    }

    /**
     * Hands a poll's events (oldest first) to the sync, {@code concurrency} records side by side: the events of one
     * record in order on one worker, the cursor moved past an event only once it and every older one succeeded (those
     * done ahead are remembered, so neither a failure nor a stop repeats or loses one). After the first failure no
     * further event starts; it is rethrown once the running ones are over, and the next poll picks up from there.
     */
    private void handleAll(List<SyncEvent> events, PollCursor cursor) {
        int workers = Math.min(settings.concurrency(), events.size());
        if (workers <= 1) {
            for (SyncEvent ev : events) {
                accept(ev);
                cursor.done(ev.id(), ev.updatedAt());
            }
            return;
        }
        Map<String, List<Integer>> byRecord = new java.util.LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            byRecord.computeIfAbsent(events.get(i).id(), k -> new ArrayList<>()).add(i);
        }
        boolean[] succeeded = new boolean[events.size()];
        int[] prefix = {0};
        java.util.concurrent.atomic.AtomicReference<RuntimeException> failure = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.ExecutorService pool = pollWorkers();
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        for (List<Integer> record : byRecord.values()) {
            running.add(pool.submit(() -> {
                for (int i : record) {
                    if (failure.get() != null) {
                        return;
                    }
                    SyncEvent ev = events.get(i);
                    try {
                        accept(ev);
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                        return;
                    }
                    synchronized (succeeded) {
                        succeeded[i] = true;
                        int before = prefix[0];
                        while (prefix[0] < succeeded.length && succeeded[prefix[0]]) {
                            prefix[0]++;
                        }
                        cursor.done(ev.id(), ev.updatedAt(), prefix[0] > before ? events.get(prefix[0] - 1).updatedAt() : null);
                    }
                }
            }));
        }
        boolean interrupted = false;
        for (java.util.concurrent.Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                interrupted = true;
                failure.compareAndSet(null, new SyncUnavailableException(routeId + ": poll interrupted", null, e));
            } catch (java.util.concurrent.ExecutionException e) {
                failure.compareAndSet(null, new org.apache.camel.RuntimeCamelException(e.getCause()));
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private java.util.concurrent.ExecutorService pollWorkers;

    /** The workers of {@link #handleAll}, made on first use and shut down when the sync stops. */
    private synchronized java.util.concurrent.ExecutorService pollWorkers() {
        if (pollWorkers == null) {
            pollWorkers = context.getExecutorServiceManager().newFixedThreadPool(this, routeId + "-workers",
                    settings.concurrency());
        }
        return pollWorkers;
    }

    private synchronized void stopPollWorkers() {
        if (pollWorkers != null) {
            context.getExecutorServiceManager().shutdown(pollWorkers);
            pollWorkers = null;
        }
    }

    private final Map<String, String> lastPollFailure = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Instant> lastPollFailureAt = new java.util.concurrent.ConcurrentHashMap<>();

    /** Logs a failed poll; the same failure again within a minute only at DEBUG. */
    private void pollFailed(String poller, Throwable t) {
        String reason = t == null ? "unknown" : Failures.reason(t);
        Instant now = clock.instant();
        Instant last = lastPollFailureAt.get(poller);
        if (!reason.equals(lastPollFailure.get(poller)) || last == null || now.isAfter(last.plusSeconds(60))) {
            lastPollFailure.put(poller, reason);
            lastPollFailureAt.put(poller, now);
            LOG.warn("{}: poll stopped, resumes at the next poll: {}", poller, reason);
        } else {
            LOG.debug("{}: poll stopped again: {}", poller, reason);
        }
    }

    private Instant engineSince() {
        String stored = state.getState(routeId + ".since");
        return stored == null ? clock.instant() : Instant.parse(stored);
    }

    // ------------------------------------------------------------------------------------------ processing

    /** The sync route's processor: one event. */
    @Override
    public void process(Exchange exchange) {
        SyncEvent event = exchange.getIn().getBody(SyncEvent.class);
        if (event == null) {
            return;
        }
        try {
            engine.handle(event);
        } catch (RuntimeException e) {
            // the next try waits redeliveryDelay doubled per try (at most 60 s), or as long as the side asked
            int tries = exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
            long delay = Math.min(60_000, settings.redeliveryDelay().toMillis() << Math.min(tries, 16));
            Duration wait = Failures.retryAfter(e);
            if (wait != null) {
                delay = Math.min(Math.max(wait.toMillis(), 1), 60_000);
                monitor.rateLimited(Failures.system(e, settings.system()), wait);
            }
            exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, delay);
            if (e instanceof dev.cameljira.routes.engine.SyncException) {
                throw e;
            }
            // the cause kept is the innermost one: camel-zendesk's own wrapper lists the endpoint's properties, token
            // included, and must not reach a log through a stack trace
            Throwable cause = Failures.unwrap(e);
            switch (Failures.classify(e)) {
                case REJECTED -> throw new SyncRejectedException(Failures.isNotFound(e)
                        ? link(event) + " no longer exists (deleted?): " + Failures.reason(e) : Failures.reason(e),
                        link(event), cause);
                case UNAVAILABLE -> throw new SyncUnavailableException(Failures.reason(e), link(event), cause);
                default -> throw new SyncFailedException(Failures.reason(e), link(event), cause);
            }
        }
    }

    private String link(SyncEvent e) {
        return e.origin() == SyncEvent.Origin.JIRA ? "Jira " + e.id() : other.describe(e.id());
    }

    private String direction(SyncEvent e) {
        return e == null ? "unknown" : e.origin() == SyncEvent.Origin.JIRA ? "from-jira" : "to-jira";
    }

    /** After the last try (or at once for a rejected event): report, log, and send to deadLetterUri. */
    private void deadLetter(Exchange exchange) {
        exchange.getIn().removeHeader(Exchange.REDELIVERY_DELAY);
        Throwable t = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        SyncEvent event = exchange.getIn().getBody(SyncEvent.class);
        String reason = t == null ? "unknown failure" : Failures.reason(t);
        String link = t instanceof dev.cameljira.routes.engine.SyncException x && x.getLink() != null ? x.getLink()
                : event == null ? "" : link(event);
        monitor.failed(routeId, direction(event), reason, link, true);
        LOG.warn("{}: dead letter: {} [{}] (event {})", routeId, reason, link, event == null ? "?" : event.eventId());
        if (!settings.deadLetterUri().equals("log")) {
            Map<String, Object> headers = new java.util.HashMap<>();
            headers.put(FAILURE_REASON, reason);
            headers.put(FAILURE_LINK, link);
            headers.put("JiraSyncEventId", event == null ? null : event.eventId());
            headers.put("JiraSyncRoute", routeId);
            producer.sendBodyAndHeaders(settings.deadLetterUri(), event, headers);
        }
    }

    /** A side stayed unavailable through every try: the event goes back to its source to be delivered again. */
    private void handBack(Exchange exchange) {
        Throwable t = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        SyncEvent event = exchange.getIn().getBody(SyncEvent.class);
        String reason = t == null ? "unavailable" : Failures.reason(t);
        monitor.failed(routeId, direction(event), reason, event == null ? "" : link(event), false);
        LOG.warn("{}: {} [{}]; the event will be delivered again", routeId, reason, event == null ? "" : link(event));
    }

    /** The ids of the routes that feed this sync. */
    public List<String> eventSourceRoutes() {
        return List.copyOf(companions);
    }

    /** Ids used by tests and the status page. */
    public String routeId() {
        return routeId;
    }

    static Set<String> beanNames() {
        return Set.of(BEAN, DEAD_LETTER, HAND_BACK);
    }
}
