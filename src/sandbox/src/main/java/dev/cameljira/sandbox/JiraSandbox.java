package dev.cameljira.sandbox;

import com.sun.net.httpserver.HttpServer;
import dev.cameljira.sandbox.http.LenientFront;
import dev.cameljira.sandbox.http.Router;
import dev.cameljira.sandbox.jira.JiraContext;
import dev.cameljira.sandbox.jira.JiraRoutes;
import dev.cameljira.sandbox.jira.search.SearchService;
import dev.cameljira.sandbox.jira.store.JiraStore;
import dev.cameljira.sandbox.servicenow.ServiceNowEmulator;
import dev.cameljira.sandbox.spec.JiraSpecValidator;
import dev.cameljira.sandbox.webhook.WebhookDispatcher;
import dev.cameljira.sandbox.webhook.WebhookRegistry;
import dev.cameljira.sandbox.zendesk.ZendeskEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running, stateful emulator of Jira Cloud or Jira Data Center, plus Zendesk and ServiceNow emulators, on one local
 * port. Jira lives at the root ({@code /rest/api/...}), Zendesk at {@code /api/v2/...},
 * ServiceNow at {@code /api/now/...}.
 *
 * <pre>{@code
 * try (JiraSandbox jira = JiraSandbox.start(JiraSandbox.Mode.CLOUD)) {
 *     String key = jira.admin().createIssue("DEMO", "Task", "Hello");
 *     // call jira.baseUrl() + "/rest/api/3/issue/" + key with admin@example.com:sandbox-admin-token
 * }
 * }</pre>
 */
public final class JiraSandbox implements AutoCloseable {

    /** Which Jira to emulate. */
    public enum Mode {
        /** Jira Cloud: REST v3 (ADF) and v2, accountIds, token-paged {@code /search/jql}. */
        CLOUD,
        /** Jira Data Center / Server 10.3: REST v2 only, user names and keys, {@code /search} with startAt/total. */
        SERVER
    }

    static {
        // the JDK server writes headers and body separately: without TCP_NODELAY keep-alive clients stall on delayed ACKs
        // (~40 ms per response). The JDK reads the property once, when the JVM's first HttpServer is created: if
        // anything created one before this class was initialized (a webhook receiver, say), this comes too late, so
        // test JVMs and embedding applications should set it at startup (-Dsun.net.httpserver.nodelay=true).
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Mode mode;
    private final HttpServer server;
    private final LenientFront front;
    private final ExecutorService executor;
    private final WebhookDispatcher dispatcher;
    private final SandboxAdmin admin;
    private final ZendeskEmulator zendesk;
    private final ServiceNowEmulator serviceNow;
    private final String baseUrl;
    private final int port;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private JiraSandbox(Builder b) {
        this.mode = b.mode;
        JiraStore store = new JiraStore(b.mode, b.clock, b.zone);
        SearchService search = new SearchService(store);
        Faults faults = new Faults();
        WebhookRegistry registry = new WebhookRegistry(search);
        this.dispatcher = new WebhookDispatcher(registry, b.webhookRetryDelay, b.webhookMaxAttempts, faults::duplicateWebhooks);
        JiraContext ctx = new JiraContext(store, dispatcher);
        Router router = JiraRoutes.create(ctx, search, registry);
        RequestJournal journal = new RequestJournal(b.journalCapacity);
        List<String> violations = SandboxAdmin.newViolationList();
        JiraSpecValidator validator = b.validateAgainstSpec ? validator(b.mode) : null;
        this.zendesk = new ZendeskEmulator(b.clock);
        this.serviceNow = new ServiceNowEmulator(b.clock);
        faults.answerWith(serviceNow.faultAnswers());
        this.admin = new SandboxAdmin(ctx, faults, journal, violations, dispatcher);
        AtomicInteger threadNo = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(b.threads, r -> {
            Thread t = new Thread(r, "jira-sandbox-http-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            // the JDK server refuses request targets java.net.URI refuses (raw ^, |, {, ", ...) with its own 400: it
            // listens on loopback only, behind a front on the public port that encodes those characters (LenientFront)
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        } catch (IOException e) {
            executor.shutdownNow();
            dispatcher.close();
            zendesk.close();
            serviceNow.close();
            throw new UncheckedIOException("cannot bind the sandbox's HTTP server to the loopback address", e);
        }
        server.createContext("/", new SandboxHttpHandler(store, router, faults, journal, validator, violations, zendesk, serviceNow));
        server.setExecutor(executor);
        server.start();
        try {
            this.front = LenientFront.start(new InetSocketAddress(b.host, b.port), 1024, server.getAddress(),
                    "jira-sandbox-front");
        } catch (IOException e) {
            server.stop(0);
            executor.shutdownNow();
            dispatcher.close();
            zendesk.close();
            serviceNow.close();
            throw new UncheckedIOException("cannot bind the sandbox to " + b.host + ":" + b.port, e);
        }
        this.port = front.port();
        String host = b.host.contains(":") ? "[" + b.host + "]" : b.host;
        this.baseUrl = "http://" + host + ":" + port;
        store.baseUrl(baseUrl);
        zendesk.baseUrl(baseUrl);
    }

    /**
     * The validator of the mode. Missing oracles abort the calling test (skipped), or fail it under CI: see
     * {@link dev.cameljira.sandbox.spec.Oracles#require(String)}.
     */
    private static JiraSpecValidator validator(Mode mode) {
        return mode == Mode.CLOUD ? JiraSpecValidator.cloud() : JiraSpecValidator.dataCenter();
    }

    /** A builder with defaults: Cloud, 127.0.0.1, a free port, UTC, system clock, no spec validation. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts a sandbox on a free port with defaults. */
    public static JiraSandbox start(Mode mode) {
        return builder().mode(mode).build();
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The bound port. */
    public int port() {
        return port;
    }

    /** The emulated deployment. */
    public Mode mode() {
        return mode;
    }

    /** Seeding, faults and inspection. */
    public SandboxAdmin admin() {
        return admin;
    }

    /**
     * The Zendesk emulator mounted at {@code /api/v2/} and {@code /attachments/token/} (content URLs), same clock as
     * Jira; use its API to seed and inspect.
     */
    public ZendeskEmulator zendesk() {
        return zendesk;
    }

    /** The ServiceNow emulator mounted at {@code /api/now/} and {@code /oauth_token.do} (same clock as Jira). */
    public ServiceNowEmulator serviceNow() {
        return serviceNow;
    }

    /** Stops the server and the webhook dispatcher (idempotent). */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        front.close();
        server.stop(0);
        executor.shutdownNow();
        dispatcher.close();
        zendesk.close();
        serviceNow.close();
    }

    @Override
    public String toString() {
        return "JiraSandbox[" + mode + " " + baseUrl + "]";
    }

    /** Builds and starts a {@link JiraSandbox}. */
    public static final class Builder {
        private Mode mode = Mode.CLOUD;
        private int port;
        private String host = "127.0.0.1";
        private boolean validateAgainstSpec;
        private ZoneId zone = ZoneId.of("UTC");
        private Clock clock;
        private Duration webhookRetryDelay = Duration.ofMillis(300);
        private int webhookMaxAttempts = 5;
        private int journalCapacity = 10_000;
        private int threads = Math.max(16, Runtime.getRuntime().availableProcessors() * 8);

        private Builder() {
        }

        /** Cloud (default) or Server. */
        public Builder mode(Mode value) {
            this.mode = Objects.requireNonNull(value, "mode");
            return this;
        }

        /** Port to bind; 0 (default) picks a free one. */
        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + value);
            }
            this.port = value;
            return this;
        }

        /** Address to bind (default 127.0.0.1). */
        public Builder host(String value) {
            this.host = Objects.requireNonNull(value, "host");
            return this;
        }

        /** Validate every Jira request and response against Atlassian's OpenAPI spec; see {@link SandboxAdmin#specViolations()}. */
        public Builder validateAgainstSpec(boolean value) {
            this.validateAgainstSpec = value;
            return this;
        }

        /** The users' (and JQL's) time zone, default UTC. */
        public Builder zone(ZoneId value) {
            this.zone = Objects.requireNonNull(value, "zone");
            return this;
        }

        /** The clock for every timestamp (default: system clock in the zone). */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Delay before the first webhook retry (the n-th retry waits n times as long); default 300 ms. */
        public Builder webhookRetryDelay(Duration value) {
            if (value == null || value.isNegative()) {
                throw new IllegalArgumentException("webhookRetryDelay must be >= 0");
            }
            this.webhookRetryDelay = value;
            return this;
        }

        /** Delivery attempts per webhook event in total, first try included (default 5). */
        public Builder webhookMaxAttempts(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("webhookMaxAttempts must be >= 1, was " + value);
            }
            this.webhookMaxAttempts = value;
            return this;
        }

        /** How many exchanges {@link SandboxAdmin#requests()} keeps (oldest dropped first); default 10,000. */
        public Builder journalCapacity(int value) {
            this.journalCapacity = Math.max(0, value);
            return this;
        }

        /** HTTP worker threads (default max(16, 8 x cores)). */
        public Builder threads(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("threads must be >= 1, was " + value);
            }
            this.threads = value;
            return this;
        }

        /** Starts the sandbox. */
        public JiraSandbox build() {
            if (clock == null) {
                clock = Clock.system(zone);
            }
            return new JiraSandbox(this);
        }
    }
}
