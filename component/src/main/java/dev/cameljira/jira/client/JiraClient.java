package dev.cameljira.jira.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
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
import java.util.Set;

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
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
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
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.io.ModalCloseable;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP path to Jira. Every call goes through {@link #send(JiraRequest)}, which sets auth, User-Agent and JSON
 * headers, retries what is safe to retry (429/503 honouring Retry-After or X-RateLimit-Reset; other 5xx and I/O
 * failures with exponential backoff and jitter, for idempotent requests only), and turns error statuses into the
 * typed {@link JiraApiException} hierarchy. Every attempt and every retry wait is reported to the configured
 * {@link JiraCallListener}. Binary content (attachments) comes through {@link #download(JiraRequest, long)}: bounded in
 * size, and following redirects itself so that credentials never leave Jira's own origin. Knows nothing of Camel.
 * Thread-safe; backed by a pooled Apache HttpClient 5.
 */
public final class JiraClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JiraClient.class);

    /** The largest download {@link #download(JiraRequest, long)} can hold: the largest Java array. */
    public static final long MAX_DOWNLOAD = Integer.MAX_VALUE - 8;
    /** Redirects a download follows at most. */
    static final int MAX_REDIRECTS = 5;
    /** Bytes of an error or redirect body a download reads at most (Jira's error JSON is small); the rest is dropped. */
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final JiraClientConfig config;
    private final ObjectMapper mapper;
    private final RetryPolicy retryPolicy;
    private final JiraCallListener listener;
    private final PoolingHttpClientConnectionManager connectionManager;
    private final CloseableHttpClient http;
    /** The default request config without redirect handling: downloads follow redirects themselves. */
    private final RequestConfig downloadRequestConfig;
    /**
     * Shared by all calls (thread-safe): once an authenticating proxy has challenged, later calls answer it up front
     * instead of being sent twice (which would also fail for a one-shot upload stream).
     */
    private final AuthCache authCache = new BasicAuthCache();
    /** Whether a proxy may challenge (proxy credentials set): only then does a call carry the shared auth cache. */
    private final boolean proxyAuth;
    /**
     * The Authorization header of every call when the scheme does not sign each request (basic, bearer): built once, not
     * per call; null for no credentials or for OAuth 1.0a, whose header is computed per request.
     */
    private final Header fixedAuthHeader;
    /** Whether the auth scheme signs each request (OAuth 1.0a). */
    private final boolean signsRequests;

    public JiraClient(JiraClientConfig config) {
        this(config, JiraJson.mapper());
    }

    public JiraClient(JiraClientConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
        this.retryPolicy = new RetryPolicy(config.maxRetries(), config.initialRetryDelay(), config.maxRetryDelay(),
                config.clock(), config.random());
        this.listener = JiraCallListener.safe(config.callListener());
        this.signsRequests = config.auth() instanceof JiraAuth.OAuth1;
        String fixedAuth = signsRequests ? null : config.auth().authorizationHeader();
        this.fixedAuthHeader = fixedAuth == null ? null : new CredentialHeader(fixedAuth);
        this.proxyAuth = config.proxyHost() != null && config.proxyUsername() != null;
        // The socket timeout is set once, on each new socket (SocketConfig), and bounds every read of every call on it. Not
        // as ConnectionConfig.socketTimeout or RequestConfig.responseTimeout: HttpClient applies those again on every
        // lease and before every request (two synchronized Socket.setSoTimeout calls per request, in a profile of 8
        // concurrent callers), while nothing here ever changes a socket's timeout afterwards (the TLS handshake restores it).
        PoolingHttpClientConnectionManagerBuilder cm = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(config.maxConnections())
                .setMaxConnPerRoute(config.maxConnections())
                .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(Timeout.of(config.socketTimeout())).build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(config.connectTimeout()))
                        .build());
        if (config.sslContext() != null) {
            cm.setTlsSocketStrategy(new DefaultClientTlsStrategy(config.sslContext()));
        }
        this.connectionManager = cm.build();
        RequestConfig requestConfig = RequestConfig.custom().build();
        // a per-request config replaces the default one as a whole: copy it
        this.downloadRequestConfig = RequestConfig.copy(requestConfig).setRedirectsEnabled(false).build();
        HttpClientBuilder hb = HttpClients.custom()
                .setConnectionManager(connectionManager)
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent(config.userAgent())
                .setDefaultRequestConfig(requestConfig);
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
        return JiraJson.parse(mapper, r, request);
    }

    /**
     * Sends the request, retrying as the class comment describes, and returns a 2xx/3xx response read in full.
     *
     * @throws JiraApiException            Jira answered with an error status (typed by status)
     * @throws JiraOutcomeUnknownException a non-idempotent request failed after being sent
     * @throws JiraTransportException      Jira could not be reached, or the thread was interrupted while waiting
     */
    public JiraResponse send(JiraRequest request) {
        return send(request, -1);
    }

    /**
     * Downloads binary content, such as an attachment, with a GET: like {@link #send(JiraRequest)} (auth, retries of
     * what is safe to retry, typed errors), but holding at most {@code maxBytes} in memory, and answering only with a
     * 2xx response. Redirects are followed here, up to {@value #MAX_REDIRECTS} hops (Jira Cloud answers attachment
     * content with {@code 303 See Other} to Atlassian's media host unless asked not to): the {@code Authorization} header
     * and the request's own headers go only to Jira's own origin (the scheme, host and port of the base URL); a hop to
     * another host gets the redirect URL alone, which carries its own short-lived token. Error messages show such a URL
     * without its query, so the token does not end up in logs.
     *
     * @param maxBytes the most bytes to read, at most {@link #MAX_DOWNLOAD}
     * @throws JiraContentTooLargeException the content is larger than {@code maxBytes}, as announced by
     *                                      {@code Content-Length} (nothing is read then) or found while reading (then
     *                                      reading stops at the limit); the connection is dropped, not drained
     * @throws JiraApiException             an error status, or a redirect that cannot be followed (typed by status)
     * @throws JiraTransportException       Jira (or the redirect's host) could not be reached, after the retries
     */
    public JiraResponse download(JiraRequest request, long maxBytes) {
        if (!"GET".equalsIgnoreCase(request.method())) {
            throw new IllegalArgumentException("a download is a GET, not " + request.method());
        }
        if (maxBytes < 0 || maxBytes > MAX_DOWNLOAD) {
            throw new IllegalArgumentException("maxBytes must be between 0 and " + MAX_DOWNLOAD + ", was " + maxBytes);
        }
        return send(request, maxBytes);
    }

    /** The retry loop; {@code maxBytes} is -1 for an ordinary call, else the limit of a {@link #download}. */
    private JiraResponse send(JiraRequest request, long maxBytes) {
        boolean download = maxBytes >= 0;
        String url = url(request);
        // only a listener needs the operation path (a metric tag): no parsing per call without one
        String operationPath = listener == JiraCallListener.NONE ? null : OperationPaths.of(request.path());
        int maxRetries = request.retriesAllowed() ? retryPolicy.maxRetries() : 0;
        int attempt = 0;
        // the previous attempt was told to wait and did: its retry passes the pacer's back-off
        boolean throttledBefore = false;
        while (true) {
            JiraResponse response;
            String answeredUrl = url;
            JiraContentTooLargeException tooLarge = null;
            try {
                config.pacer().acquire(throttledBefore);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new JiraTransportException("Interrupted while waiting to send " + request.method() + " " + url, e);
            }
            // the clock is read only for a call listener (the attempt's duration), not on every call without one
            long started = listener == JiraCallListener.NONE ? 0 : System.nanoTime();
            try {
                if (download) {
                    Download d = fetch(request, url, maxBytes);
                    response = d.response();
                    answeredUrl = d.url();
                    tooLarge = d.tooLarge();
                } else {
                    response = execute(request, url);
                }
            } catch (IOException e) {
                completed(request, operationPath, 0, started);
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
                throttledBefore = false;
                continue;
            }
            int status = response.status();
            completed(request, operationPath, status, started);
            if (tooLarge != null) {
                throw tooLarge;
            }
            if (status < (download ? 300 : 400)) {
                return response;
            }
            Duration requested = retryPolicy.requestedDelay(response.header("Retry-After"), response.header("X-RateLimit-Reset"));
            boolean throttled = status == 429 || status == 503;
            if (throttled && requested != null) {
                // every client sharing the pacer waits too, rather than each spending a request to learn it
                config.pacer().backOff(requested);
            }
            boolean retryable = repeatable(request) && (throttled || (status >= 500 && request.isIdempotent()));
            if (retryable && attempt < maxRetries) {
                Duration delay = throttled && requested != null ? requested : retryPolicy.backoff(attempt + 1);
                if (delay.compareTo(retryPolicy.maxRetryDelay()) <= 0) {
                    attempt++;
                    LOG.debug("{} {} answered {}; retry {} of {} in {} ms", request.method(), request.path(), status, attempt,
                            maxRetries, delay.toMillis());
                    listener.retryScheduled(request.method(), operationPath, status, delay, throttled);
                    pause(delay, request, url);
                    throttledBefore = throttled && requested != null;
                    continue;
                }
                throw JiraErrors.toException(request, answeredUrl, response, mapper, requested, config.auth(), attempt,
                        "Jira asked to wait " + delay.toSeconds() + " s, longer than maxRetryDelay ("
                                + retryPolicy.maxRetryDelay().toSeconds() + " s)");
            }
            throw JiraErrors.toException(request, answeredUrl, response, mapper, requested, config.auth(), attempt,
                    status < 400 ? "a redirect without a usable Location, or more than " + MAX_REDIRECTS + " redirects" : null);
        }
    }

    /** Reports an attempt to the call listener, if there is one. */
    private void completed(JiraRequest request, String operationPath, int status, long started) {
        if (listener != JiraCallListener.NONE) {
            listener.callCompleted(request.method(), operationPath, status, Duration.ofNanos(System.nanoTime() - started));
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
        // a request made from a parsed URI keeps it: HttpClient asks for the URI several times per call (route, auth
        // path prefix, redirects), and a request built from its parts (ClassicRequestBuilder) re-parses it each time
        HttpUriRequestBase rb = new HttpUriRequestBase(request.method(), URI.create(url));
        Header authHeader = authHeader(request.method(), url);
        if (authHeader != null) {
            rb.setHeader(authHeader);
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
        if (proxyAuth) {
            context.setAuthCache(authCache);
        }
        return http.execute(rb, context, resp -> new JiraResponse(resp.getCode(), headers(resp), readBody(resp.getEntity())));
    }

    /** Bodies up to this size are read straight into an array of the declared {@code Content-Length}. */
    static final int PRESIZED_MAX = 4 << 20;

    /**
     * A response body read in full. With a {@code Content-Length} (an answer neither chunked nor compressed) into one
     * array of that size, where {@code EntityUtils.toByteArray} fills a buffer through a 4 KB scratch array and then
     * copies it: three allocations and two copies of every body (for a search page of 100 issues, half a megabyte
     * each). Without one, or when larger than {@link #PRESIZED_MAX}, as the stream delivers it.
     */
    static byte[] readBody(HttpEntity entity) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        try (InputStream in = entity.getContent()) {
            if (in == null) {
                return new byte[0];
            }
            long declared = entity.getContentLength();
            if (declared < 0 || declared > PRESIZED_MAX) {
                return in.readAllBytes();
            }
            byte[] body = new byte[(int) declared];
            int read = in.readNBytes(body, 0, body.length);
            // HttpClient frames a body by its Content-Length (a shorter one is a ConnectionClosedException while reading)
            return read == body.length ? body : java.util.Arrays.copyOf(body, read);
        }
    }

    /** The Authorization header of a request: the one built at start, or for OAuth 1.0a one signed for this request. */
    private Header authHeader(String method, String url) {
        if (!signsRequests) {
            return fixedAuthHeader;
        }
        String value = config.auth().authorizationHeader(method, url);
        return value == null ? null : new CredentialHeader(value);
    }

    /**
     * What one attempt of a download got: the final response (body empty when too large), the URL that answered (as
     * shown in messages) and, when the content was over the limit, the exception to throw.
     */
    private record Download(JiraResponse response, String url, JiraContentTooLargeException tooLarge) {
    }

    /** One attempt of a download: the GET and the redirects it leads to, each hop with or without credentials. */
    private Download fetch(JiraRequest request, String url, long maxBytes) throws IOException {
        URI target = URI.create(url);
        for (int hop = 0;; hop++) {
            boolean own = sameOrigin(target);
            String shown = own ? target.toString() : withoutQuery(target);
            HttpUriRequestBase get = new HttpUriRequestBase("GET", target);
            get.setConfig(downloadRequestConfig);
            if (own) {
                Header authHeader = authHeader("GET", target.toString());
                if (authHeader != null) {
                    get.setHeader(authHeader);
                }
            }
            get.setHeader("Accept", "*/*");
            if (own) {
                request.headers().forEach(get::setHeader);
            }
            HttpClientContext context = HttpClientContext.create();
            if (proxyAuth) {
                context.setAuthCache(authCache);
            }
            ClassicHttpResponse resp = http.executeOpen(null, get, context);
            boolean consumed = false;
            try {
                int status = resp.getCode();
                HttpEntity entity = resp.getEntity();
                URI next = status >= 300 && status < 400 && hop < MAX_REDIRECTS ? redirectTarget(target, resp) : null;
                if (next != null) {
                    consumed = readAtMost(entity, MAX_ERROR_BODY) != null;
                    LOG.debug("GET {} answered {}; following the redirect to {}{}", shown, status, withoutQuery(next),
                            sameOrigin(next) ? "" : " (another origin: without credentials)");
                    target = next;
                    continue;
                }
                Map<String, List<String>> headers = headers(resp);
                boolean ok = status >= 200 && status < 300;
                long declared = entity == null ? 0 : entity.getContentLength();
                if (ok && declared > maxBytes) {
                    return new Download(new JiraResponse(status, headers, new byte[0]), shown,
                            tooLarge(request, shown, declared, maxBytes));
                }
                byte[] body = readAtMost(entity, ok ? maxBytes : MAX_ERROR_BODY);
                consumed = body != null;
                if (body == null && ok) {
                    return new Download(new JiraResponse(status, headers, new byte[0]), shown,
                            tooLarge(request, shown, -1, maxBytes));
                }
                return new Download(new JiraResponse(status, headers, body == null ? new byte[0] : body), shown, null);
            } finally {
                close(get, resp, consumed);
            }
        }
    }

    /**
     * Where a 3xx response sends a download, or null when it cannot be followed (no Location, not http/https). A relative
     * Location is resolved against the URL that answered.
     */
    private static URI redirectTarget(URI from, ClassicHttpResponse resp) {
        int status = resp.getCode();
        Header location = resp.getFirstHeader("Location");
        if (location == null || !(status == 301 || status == 302 || status == 303 || status == 307 || status == 308)) {
            return null;
        }
        try {
            URI next = from.resolve(location.getValue().strip());
            String scheme = next.getScheme();
            return next.getHost() != null && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) ? next : null;
        } catch (IllegalArgumentException e) {
            LOG.debug("GET {} answered {} with an unusable Location", withoutQuery(from), status);
            return null;
        }
    }

    /** Whether a URL has Jira's own origin: the base URL's scheme, host and port. */
    private boolean sameOrigin(URI target) {
        URI base = config.baseUri();
        return base.getScheme() != null && base.getScheme().equalsIgnoreCase(target.getScheme())
               && base.getHost() != null && base.getHost().equalsIgnoreCase(target.getHost())
               && port(base) == port(target);
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    /** A URL without its query and fragment, for messages about another host (its query may carry a token). */
    private static String withoutQuery(URI u) {
        return u.getScheme() + "://" + u.getRawAuthority() + (u.getRawPath() == null ? "" : u.getRawPath())
               + (u.getRawQuery() == null ? "" : "?...");
    }

    /**
     * The whole body when it has at most {@code max} bytes; null as soon as it has more. The stream is closed only once
     * read to its end: closing it earlier would read (drain) the rest, so the caller drops the connection instead.
     */
    private static byte[] readAtMost(HttpEntity entity, long max) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        long declared = entity.getContentLength();
        if (declared > max) {
            return null;
        }
        InputStream in = entity.getContent();
        if (in == null) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(declared >= 0 ? declared : 8192, 1 << 20));
        byte[] buffer = new byte[16384];
        long total = 0;
        int n;
        while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, max - total + 1))) >= 0) {
            total += n;
            if (total > max) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        in.close();
        return out.toByteArray();
    }

    /**
     * Gives a download's connection back: to the pool when its body was read to the end, else dropped at once, so that
     * an unread (too large) body is not drained first.
     */
    private static void close(HttpUriRequestBase get, ClassicHttpResponse resp, boolean consumed) {
        if (consumed) {
            try {
                resp.close();
                return;
            } catch (IOException e) {
                LOG.debug("closing the response of GET failed: {}", e.toString());
            }
        }
        get.cancel();
        if (resp instanceof ModalCloseable closeable) {
            closeable.close(CloseMode.IMMEDIATE);
        }
    }

    private static JiraContentTooLargeException tooLarge(JiraRequest request, String url, long size, long limit) {
        String what = request.subject() == null ? "The content of GET " + url : capitalize(request.subject());
        return new JiraContentTooLargeException(what + (size >= 0 ? " is " + size + " bytes" : " has more than " + limit
                + " bytes") + ", more than the limit of " + limit + " bytes" + (size >= 0 ? " (Content-Length of GET "
                : " (found while reading GET ") + url + "): not downloaded", size, limit);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * The headers of a response, names lower-cased. Built on first use: a successful call never looks at them (only
     * errors, retries and downloads do), and Jira sends 15 to 25 headers, each a lower-cased name and a list here.
     */
    private static Map<String, List<String>> headers(ClassicHttpResponse resp) {
        return new ResponseHeaders(resp.getHeaders());
    }

    /** A response's headers as a map from lower-cased name to values, built when first read. */
    static final class ResponseHeaders extends java.util.AbstractMap<String, List<String>> {

        private final Header[] headers;
        private Map<String, List<String>> map;

        ResponseHeaders(Header[] headers) {
            this.headers = headers;
        }

        private Map<String, List<String>> map() {
            Map<String, List<String>> m = map;
            if (m == null) {
                m = new LinkedHashMap<>();
                for (Header h : headers) {
                    m.computeIfAbsent(h.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h.getValue());
                }
                map = m;
            }
            return m;
        }

        @Override
        public Set<Entry<String, List<String>>> entrySet() {
            return map().entrySet();
        }

        @Override
        public List<String> get(Object key) {
            return map().get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return map().containsKey(key);
        }

        @Override
        public int size() {
            return map().size();
        }
    }

    /** Full URL of a request: base URL + path + encoded query. */
    public String url(JiraRequest request) {
        StringBuilder sb = new StringBuilder(config.baseUrl());
        String path = request.path();
        if (!path.startsWith("/")) {
            sb.append('/');
        }
        sb.append(path);
        if (request.query().isEmpty()) {
            return sb.toString();
        }
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
        // most values (issue keys, ids, field names) need no encoding: returned as they are, as URLEncoder would, without
        // the buffer it allocates for every value
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'
                  || c == '*')) {
                return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
            }
        }
        return s;
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
