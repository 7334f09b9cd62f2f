package dev.cameljira.jira.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.auth.AuthCache;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.entity.mime.HttpMultipartMode;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.impl.auth.BasicAuthCache;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP path to Jira. Every call goes through {@link #send(JiraRequest)}, which sets auth, User-Agent and JSON
 * headers, retries what is safe to retry (429/503 honouring Retry-After or X-RateLimit-Reset; other 5xx and I/O
 * failures with exponential backoff and jitter, for idempotent requests only), and turns error statuses into the
 * typed {@link JiraApiException} hierarchy. Every attempt and every retry wait is reported to the configured
 * {@link JiraCallListener}. Knows nothing of Camel. Thread-safe; backed by a pooled Apache HttpClient 5.
 */
public final class JiraClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JiraClient.class);

    private final JiraClientConfig config;
    private final ObjectMapper mapper;
    private final RetryPolicy retryPolicy;
    private final JiraCallListener listener;
    private final PoolingHttpClientConnectionManager connectionManager;
    private final CloseableHttpClient http;
    /**
     * Shared by all calls (thread-safe): once an authenticating proxy has challenged, later calls answer it up front
     * instead of being sent twice (which would also fail for a one-shot upload stream).
     */
    private final AuthCache authCache = new BasicAuthCache();

    public JiraClient(JiraClientConfig config) {
        this(config, JiraJson.mapper());
    }

    public JiraClient(JiraClientConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
        this.retryPolicy = new RetryPolicy(config.maxRetries(), config.initialRetryDelay(), config.maxRetryDelay(),
                config.clock(), config.random());
        this.listener = JiraCallListener.safe(config.callListener());
        PoolingHttpClientConnectionManagerBuilder cm = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(config.maxConnections())
                .setMaxConnPerRoute(config.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(config.connectTimeout()))
                        .setSocketTimeout(Timeout.of(config.socketTimeout()))
                        .build());
        if (config.sslContext() != null) {
            cm.setTlsSocketStrategy(new DefaultClientTlsStrategy(config.sslContext()));
        }
        this.connectionManager = cm.build();
        HttpClientBuilder hb = HttpClients.custom()
                .setConnectionManager(connectionManager)
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent(config.userAgent())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(config.socketTimeout()))
                        .build());
        if (config.proxyHost() != null) {
            HttpHost proxy = new HttpHost(config.proxyHost(), config.proxyPort());
            hb.setProxy(proxy);
            if (config.proxyUsername() != null) {
                BasicCredentialsProvider creds = new BasicCredentialsProvider();
                String pw = config.proxyPassword() == null ? "" : config.proxyPassword();
                creds.setCredentials(new AuthScope(proxy), new UsernamePasswordCredentials(config.proxyUsername(), pw.toCharArray()));
                hb.setDefaultCredentialsProvider(creds);
            }
        }
        this.http = hb.build();
    }

    public JiraClientConfig config() {
        return config;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** Sends and returns the parsed JSON body (a {@code MissingNode} for an empty body). */
    public JsonNode json(JiraRequest request) {
        JiraResponse r = send(request);
        return JiraJson.parse(mapper, r, request.method() + " " + request.path());
    }

    /**
     * Sends the request, retrying as the class comment describes, and returns a 2xx/3xx response read in full.
     *
     * @throws JiraApiException            Jira answered with an error status (typed by status)
     * @throws JiraOutcomeUnknownException a non-idempotent request failed after being sent
     * @throws JiraTransportException      Jira could not be reached, or the thread was interrupted while waiting
     */
    public JiraResponse send(JiraRequest request) {
        String url = url(request);
        String operationPath = OperationPaths.of(request.path());
        int maxRetries = request.retriesAllowed() ? retryPolicy.maxRetries() : 0;
        int attempt = 0;
        while (true) {
            JiraResponse response;
            long started = System.nanoTime();
            try {
                response = execute(request, url);
            } catch (IOException e) {
                listener.callCompleted(request.method(), operationPath, 0, Duration.ofNanos(System.nanoTime() - started));
                if (certificateRejected(e)) {
                    throw new JiraTransportException(request.method() + " " + url + " failed: the TLS handshake with "
                            + config.baseUri().getHost() + " failed (" + describe(e) + "), so nothing was sent. If Jira's"
                            + " certificate is self-signed or issued by a private CA, trust it through the sslContextParameters"
                            + " option (a trust store that holds it); not retried, since a retry cannot fix it", e);
                }
                boolean notSent = notSent(e);
                boolean canRetry = (notSent || request.isIdempotent()) && repeatable(request);
                if (!notSent && !request.isIdempotent()) {
                    throw new JiraOutcomeUnknownException(request.method() + " " + url + " failed after it was sent ("
                            + describe(e) + "); Jira may or may not have applied it, so it is not retried automatically",
                            e);
                }
                if (!canRetry || attempt >= maxRetries) {
                    throw new JiraTransportException(request.method() + " " + url + viaProxy() + " failed: " + describe(e)
                            + (attempt > 0 ? " (after " + attempt + " retries)" : ""), e);
                }
                attempt++;
                Duration delay = retryPolicy.backoff(attempt);
                LOG.debug("{} {} failed ({}); retry {} of {} in {} ms", request.method(), request.path(), describe(e), attempt,
                        maxRetries, delay.toMillis());
                listener.retryScheduled(request.method(), operationPath, 0, delay, false);
                pause(delay, request, url);
                continue;
            }
            int status = response.status();
            listener.callCompleted(request.method(), operationPath, status, Duration.ofNanos(System.nanoTime() - started));
            if (status < 400) {
                return response;
            }
            Duration requested = retryPolicy.requestedDelay(response.header("Retry-After"), response.header("X-RateLimit-Reset"));
            boolean throttled = status == 429 || status == 503;
            boolean retryable = repeatable(request) && (throttled || (status >= 500 && request.isIdempotent()));
            if (retryable && attempt < maxRetries) {
                Duration delay = throttled && requested != null ? requested : retryPolicy.backoff(attempt + 1);
                if (delay.compareTo(retryPolicy.maxRetryDelay()) <= 0) {
                    attempt++;
                    LOG.debug("{} {} answered {}; retry {} of {} in {} ms", request.method(), request.path(), status, attempt,
                            maxRetries, delay.toMillis());
                    listener.retryScheduled(request.method(), operationPath, status, delay, throttled);
                    pause(delay, request, url);
                    continue;
                }
                throw JiraErrors.toException(request, url, response, mapper, requested, config.auth(), attempt,
                        "Jira asked to wait " + delay.toSeconds() + " s, longer than maxRetryDelay ("
                                + retryPolicy.maxRetryDelay().toSeconds() + " s)");
            }
            throw JiraErrors.toException(request, url, response, mapper, requested, config.auth(), attempt, null);
        }
    }

    private void pause(Duration delay, JiraRequest request, String url) {
        try {
            config.sleeper().sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JiraTransportException("Interrupted while waiting to retry " + request.method() + " " + url, e);
        }
    }

    /** " via HTTP proxy host:port" when a proxy is configured, so a connect failure says which hop failed. */
    private String viaProxy() {
        return config.proxyHost() == null ? "" : " via HTTP proxy " + config.proxyHost() + ":" + config.proxyPort();
    }

    private static boolean repeatable(JiraRequest request) {
        return request.files().stream().allMatch(f -> f.repeatable());
    }

    private static boolean notSent(IOException e) {
        return e instanceof ConnectException || e instanceof HttpHostConnectException || e instanceof ConnectTimeoutException
               || e instanceof UnknownHostException || e instanceof NoRouteToHostException
               || e instanceof SSLHandshakeException || e instanceof SSLPeerUnverifiedException;
    }

    /**
     * The TLS handshake failed because Jira's certificate was not trusted or does not match the host (PKIX path
     * building failed, expired, wrong name): a configuration problem that no retry can fix.
     */
    private static boolean certificateRejected(IOException e) {
        if (e instanceof SSLPeerUnverifiedException) {
            return true;
        }
        if (!(e instanceof SSLHandshakeException)) {
            return false;
        }
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c instanceof CertificateException || c instanceof CertPathBuilderException
                || c instanceof CertPathValidatorException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(IOException e) {
        String type = e.getClass().getSimpleName();
        if (e instanceof InterruptedIOException && !(e instanceof java.net.SocketTimeoutException) && e.getMessage() == null) {
            return type;
        }
        return e.getMessage() == null ? type : type + ": " + e.getMessage();
    }

    private JiraResponse execute(JiraRequest request, String url) throws IOException {
        ClassicRequestBuilder rb = ClassicRequestBuilder.create(request.method()).setUri(url);
        String authHeader = config.auth().authorizationHeader(request.method(), url);
        if (authHeader != null) {
            rb.setHeader("Authorization", authHeader);
        }
        rb.setHeader("Accept", "application/json");
        request.headers().forEach(rb::setHeader);
        if (!request.files().isEmpty()) {
            // the file name goes raw in UTF-8, as browsers and curl send it, which Jira stores as given; EXTENDED mode
            // would percent-encode it (Jira would then store "my%20report.pdf")
            MultipartEntityBuilder mb = MultipartEntityBuilder.create().setMode(HttpMultipartMode.LEGACY)
                    .setCharset(StandardCharsets.UTF_8);
            for (JiraRequest.FilePart f : request.files()) {
                ContentType ct = f.contentType() == null ? ContentType.APPLICATION_OCTET_STREAM : ContentType.parse(f.contentType());
                mb.addBinaryBody(f.fieldName(), f.content().get(), ct, f.fileName());
            }
            rb.setEntity(mb.build());
        } else if (request.body() != null) {
            rb.setEntity(new ByteArrayEntity(mapper.writeValueAsBytes(request.body()), ContentType.APPLICATION_JSON));
        }
        HttpClientContext context = HttpClientContext.create();
        context.setAuthCache(authCache);
        return http.execute(rb.build(), context, resp -> {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (Header h : resp.getHeaders()) {
                headers.computeIfAbsent(h.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h.getValue());
            }
            byte[] body = resp.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(resp.getEntity());
            return new JiraResponse(resp.getCode(), headers, body);
        });
    }

    /** Full URL of a request: base URL + path + encoded query. */
    public String url(JiraRequest request) {
        StringBuilder sb = new StringBuilder(config.baseUrl());
        String path = request.path();
        if (!path.startsWith("/")) {
            sb.append('/');
        }
        sb.append(path);
        char sep = path.contains("?") ? '&' : '?';
        for (Map.Entry<String, List<String>> e : request.query().entrySet()) {
            for (String v : e.getValue()) {
                sb.append(sep).append(encode(e.getKey())).append('=').append(encode(v));
                sep = '&';
            }
        }
        return sb.toString();
    }

    /** Percent-encodes one path segment or query component (spaces as %20). */
    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Converts a value to a JSON tree with this client's mapper. */
    public JsonNode toTree(Object value) {
        return mapper.valueToTree(value);
    }

    public ObjectNode newObject() {
        return mapper.createObjectNode();
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
        connectionManager.close(CloseMode.GRACEFUL);
    }

    /** Number of pooled connections currently leased, for tests of connection hygiene. */
    int leasedConnections() {
        return poolStats().leased();
    }

    /**
     * A snapshot of the connection pool: connections in use, idle ones kept for reuse, callers waiting for one, and the
     * bound ({@code maxConnections}). For monitoring and for checking that every call gives its connection back.
     */
    public PoolStats poolStats() {
        org.apache.hc.core5.pool.PoolStats s = connectionManager.getTotalStats();
        return new PoolStats(s.getLeased(), s.getAvailable(), s.getPending(), s.getMax());
    }

    /**
     * Connection pool counters.
     *
     * @param leased    connections in use by a call right now
     * @param available idle connections kept alive for reuse
     * @param pending   callers waiting for a connection
     * @param max       the pool's bound
     */
    public record PoolStats(int leased, int available, int pending, int max) {
    }

    static <T> Iterator<T> empty() {
        return List.<T>of().iterator();
    }
}
