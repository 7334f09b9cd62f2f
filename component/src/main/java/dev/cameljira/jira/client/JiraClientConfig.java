package dev.cameljira.jira.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

import javax.net.ssl.SSLContext;

/**
 * Everything the {@link JiraClient} needs: where Jira is, how to authenticate, timeouts, pool, proxy, TLS and retry
 * bounds. Immutable; build with {@link #builder(String)}. {@link #toString()} never shows secrets.
 */
public final class JiraClientConfig {

    private final URI baseUri;
    private final JiraAuth auth;
    private final String userAgent;
    private final Duration connectTimeout;
    private final Duration socketTimeout;
    private final int maxConnections;
    private final String proxyHost;
    private final int proxyPort;
    private final String proxyUsername;
    private final String proxyPassword;
    private final SSLContext sslContext;
    private final int maxRetries;
    private final Duration initialRetryDelay;
    private final Duration maxRetryDelay;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RequestPacer pacer;
    private final DoubleSupplier random;
    private final JiraCallListener callListener;

    private JiraClientConfig(Builder b) {
        this.baseUri = b.baseUri;
        this.auth = b.auth;
        this.userAgent = b.userAgent;
        this.connectTimeout = b.connectTimeout;
        this.socketTimeout = b.socketTimeout;
        this.maxConnections = b.maxConnections;
        this.proxyHost = b.proxyHost;
        this.proxyPort = b.proxyPort;
        this.proxyUsername = b.proxyUsername;
        this.proxyPassword = b.proxyPassword;
        this.sslContext = b.sslContext;
        this.maxRetries = b.maxRetries;
        this.initialRetryDelay = b.initialRetryDelay;
        this.maxRetryDelay = b.maxRetryDelay;
        this.clock = b.clock;
        if (b.pacer != null || b.sleeper == Sleeper.SYSTEM) {
            this.sleeper = b.sleeper;
            this.pacer = b.pacer != null ? b.pacer : new RequestPacer(0);
        } else {
            // an injected sleeper (a test's, which records instead of sleeping): the client's own pacer reads a clock that
            // moves by what was slept, so a wait it recorded counts as waited
            java.util.concurrent.atomic.AtomicLong slept = new java.util.concurrent.atomic.AtomicLong();
            Sleeper inner = b.sleeper;
            this.sleeper = d -> {
                inner.sleep(d);
                slept.addAndGet(d.toNanos());
            };
            this.pacer = new RequestPacer(0, () -> System.nanoTime() + slept.get(), this.sleeper);
        }
        this.random = b.random;
        this.callListener = b.callListener;
    }

    /**
     * @param baseUrl Jira's base URL, e.g. {@code https://your-domain.atlassian.net} or
     *                {@code https://jira.example.com/jira}; a trailing slash is ignored
     */
    public static Builder builder(String baseUrl) {
        return new Builder(baseUrl);
    }

    public URI baseUri() {
        return baseUri;
    }

    /** Base URL without a trailing slash. */
    public String baseUrl() {
        String s = baseUri.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    public JiraAuth auth() {
        return auth;
    }

    public String userAgent() {
        return userAgent;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration socketTimeout() {
        return socketTimeout;
    }

    public int maxConnections() {
        return maxConnections;
    }

    public String proxyHost() {
        return proxyHost;
    }

    public int proxyPort() {
        return proxyPort;
    }

    public String proxyUsername() {
        return proxyUsername;
    }

    String proxyPassword() {
        return proxyPassword;
    }

    public SSLContext sslContext() {
        return sslContext;
    }

    public int maxRetries() {
        return maxRetries;
    }

    public Duration initialRetryDelay() {
        return initialRetryDelay;
    }

    public Duration maxRetryDelay() {
        return maxRetryDelay;
    }

    public Clock clock() {
        return clock;
    }

    public Sleeper sleeper() {
        return sleeper;
    }

    /** Spaces this client's requests, shared with the other clients of the same Jira site and user (see {@link RequestPacer}). */
    public RequestPacer pacer() {
        return pacer;
    }

    public DoubleSupplier random() {
        return random;
    }

    /** Hears about every attempt and retry wait ({@link JiraCallListener#NONE} unless set). */
    public JiraCallListener callListener() {
        return callListener;
    }

    @Override
    public String toString() {
        return "JiraClientConfig[baseUrl=" + baseUrl() + ", auth=" + auth + ", proxy="
               + (proxyHost == null ? "none" : proxyHost + ":" + proxyPort) + ", maxRetries=" + maxRetries + "]";
    }

    /** Builder with sensible defaults: 10 s connect, 60 s socket timeout, 20 connections, 3 retries, 60 s max delay. */
    public static final class Builder {
        private static final java.util.regex.Pattern USER_INFO = java.util.regex.Pattern.compile("//[^/?#\\s]*@");
        private final URI baseUri;
        private JiraAuth auth = JiraAuth.anonymous();
        private String userAgent = "camel-jira-connector";
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration socketTimeout = Duration.ofSeconds(60);
        private int maxConnections = 20;
        private String proxyHost;
        private int proxyPort = -1;
        private String proxyUsername;
        private String proxyPassword;
        private SSLContext sslContext;
        private int maxRetries = 3;
        private Duration initialRetryDelay = Duration.ofMillis(500);
        private Duration maxRetryDelay = Duration.ofSeconds(60);
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private RequestPacer pacer;
        private DoubleSupplier random;
        private JiraCallListener callListener = JiraCallListener.NONE;

        private Builder(String baseUrl) {
            if (baseUrl == null || baseUrl.isBlank()) {
                throw new JiraInvalidInputException("jiraUrl is required: the base URL of Jira, e.g. https://your-domain.atlassian.net");
            }
            URI uri;
            try {
                uri = URI.create(baseUrl.trim());
            } catch (IllegalArgumentException e) {
                throw new JiraInvalidInputException(redactUserInfo("jiraUrl '" + baseUrl + "' is not a valid URL: " + e.getMessage()));
            }
            if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
                || uri.getHost() == null) {
                throw new JiraInvalidInputException(redactUserInfo("jiraUrl '" + baseUrl
                                                                   + "' must be an absolute http(s) URL, e.g. https://your-domain.atlassian.net"));
            }
            if (uri.getUserInfo() != null) {
                throw new JiraInvalidInputException("jiraUrl must not carry credentials; use username with apiToken/password, or accessToken");
            }
            this.baseUri = uri;
        }

        public Builder auth(JiraAuth auth) {
            this.auth = Objects.requireNonNull(auth);
            return this;
        }

        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        public Builder connectTimeout(Duration d) {
            this.connectTimeout = positive(d, "connectTimeout");
            return this;
        }

        public Builder socketTimeout(Duration d) {
            this.socketTimeout = positive(d, "socketTimeout");
            return this;
        }

        public Builder maxConnections(int n) {
            if (n < 1) {
                throw new JiraInvalidInputException("maxConnections must be at least 1, was " + n);
            }
            this.maxConnections = n;
            return this;
        }

        public Builder proxy(String host, int port) {
            this.proxyHost = host;
            this.proxyPort = port;
            return this;
        }

        public Builder proxyCredentials(String username, String password) {
            this.proxyUsername = username;
            this.proxyPassword = password;
            return this;
        }

        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }

        public Builder maxRetries(int n) {
            if (n < 0) {
                throw new JiraInvalidInputException("maxRetries must be 0 or more, was " + n);
            }
            this.maxRetries = n;
            return this;
        }

        public Builder initialRetryDelay(Duration d) {
            this.initialRetryDelay = positive(d, "initialRetryDelay");
            return this;
        }

        public Builder maxRetryDelay(Duration d) {
            this.maxRetryDelay = positive(d, "maxRetryDelay");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper);
            return this;
        }

        /**
         * The pacer this client shares with the other clients of the same Jira site and user (the jira: component keeps
         * one per site and credentials); default: one of its own, not paced, backing off as Jira asks.
         */
        public Builder pacer(RequestPacer pacer) {
            this.pacer = pacer;
            return this;
        }

        public Builder random(DoubleSupplier random) {
            this.random = random;
            return this;
        }

        /** Metrics hook: told about every attempt (retries included) and every retry wait; null for none. */
        public Builder callListener(JiraCallListener listener) {
            this.callListener = listener == null ? JiraCallListener.NONE : listener;
            return this;
        }

        public JiraClientConfig build() {
            if (proxyHost != null && (proxyPort < 1 || proxyPort > 65535)) {
                throw new JiraInvalidInputException("proxyPort must be between 1 and 65535 when proxyHost is set, was " + proxyPort);
            }
            return new JiraClientConfig(this);
        }

        /** Masks credentials written into a URL ({@code https://me:secret@host} -> {@code https://***@host}). */
        private static String redactUserInfo(String text) {
            return USER_INFO.matcher(text).replaceAll("//***@");
        }

        private static Duration positive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new JiraInvalidInputException(name + " must be a positive duration, was " + d);
            }
            return d;
        }
    }
}
