package dev.cameljira.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.cameljira.sandbox.http.ApiException;
import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.ApiResponse;
import dev.cameljira.sandbox.http.ExchangeHandler;
import dev.cameljira.sandbox.http.Router;
import dev.cameljira.sandbox.jira.JiraAuth;
import dev.cameljira.sandbox.jira.MediaTypes;
import dev.cameljira.sandbox.jira.model.User;
import dev.cameljira.sandbox.jira.render.View;
import dev.cameljira.sandbox.jira.store.JiraStore;
import dev.cameljira.sandbox.spec.HttpExchangeRecord;
import dev.cameljira.sandbox.spec.JiraSpecValidator;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one JDK {@link HttpHandler}: applies faults, hands Zendesk ({@code /api/v2/}, {@code /attachments/token/}) and ServiceNow
 * ({@code /api/now/}, {@code /oauth_token.do}) requests to their emulators, authenticates and routes Jira requests, journals every
 * exchange and (when enabled) validates it against the OpenAPI spec.
 */
final class SandboxHttpHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxHttpHandler.class);

    private final JiraStore store;
    private final Router router;
    private final JiraAuth auth;
    private final Faults faults;
    private final RequestJournal journal;
    private final JiraSpecValidator validator;
    private final List<String> violations;
    private final HttpHandler zendesk;
    private final HttpHandler serviceNow;

    SandboxHttpHandler(JiraStore store, Router router, Faults faults, RequestJournal journal, JiraSpecValidator validator,
            List<String> violations, HttpHandler zendesk, HttpHandler serviceNow) {
        this.store = store;
        this.router = router;
        this.auth = new JiraAuth(store);
        this.faults = faults;
        this.journal = journal;
        this.validator = validator;
        this.violations = violations;
        this.zendesk = zendesk;
        this.serviceNow = serviceNow;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            handleExchange(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.debug("exchange failed", e);
        } finally {
            exchange.close();
        }
    }

    private void handleExchange(HttpExchange exchange) throws IOException, InterruptedException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getRawPath();
        Duration latency = faults.latency();
        if (!latency.isZero()) {
            Thread.sleep(latency.toMillis(), latency.toNanosPart() % 1_000_000);
        }
        HttpHandler external = external(path);
        Faults.Decision decision = faults.before(method, path);
        if (!decision.delay().isZero()) {
            Thread.sleep(decision.delay().toMillis(), decision.delay().toNanosPart() % 1_000_000);
        }
        if (external != null && decision.handled()) {
            external.handle(exchange);
            return;
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, List<String>> query = ApiRequest.parseQuery(exchange.getRequestURI().getRawQuery());
        Map<String, List<String>> requestHeaders = exchange.getRequestHeaders();
        if (decision.drop()) {
            journal.add(new HttpExchangeRecord(method, path, query, requestHeaders, body, 0, Map.of(), new byte[0]));
            return;
        }
        ApiResponse response;
        boolean dropAfter = false;
        if (decision.response() != null) {
            response = decision.response();
        } else {
            response = dispatch(method, path, query, requestHeaders, body);
            dropAfter = decision.dropResponse() || faults.dropResponse(method, path);
        }
        faults.decorate(response);
        HttpExchangeRecord record = new HttpExchangeRecord(method, path, query, requestHeaders, body,
                dropAfter ? 0 : response.status(), response.headers(), dropAfter ? new byte[0] : response.body());
        validate(record);
        journal.add(record);
        if (!dropAfter) {
            if (connectionClose(requestHeaders)) {
                response.header("Connection", "close");
            }
            ExchangeHandler.write(exchange, response);
        }
    }

    private HttpHandler external(String path) {
        if (zendesk != null && (path.startsWith("/api/v2/") || path.startsWith("/attachments/token/"))) {
            return zendesk;
        }
        if (serviceNow != null && (path.startsWith("/api/now/") || path.equals("/api/now")
                || path.startsWith("/oauth_token.do"))) {
            return serviceNow;
        }
        return null;
    }

    private ApiResponse dispatch(String method, String path, Map<String, List<String>> query,
            Map<String, List<String>> headers, byte[] body) {
        try {
            Router.Match match = router.match(method, path);
            if (match.status() == 405) {
                return ApiResponse.empty(405);
            }
            if (match.route() == null) {
                throw ApiException.of(404, "null for uri: " + store.baseUrl() + path);
            }
            int version = apiVersion(match.params().get("version"), path);
            Optional<User> user = auth.authenticate(first(headers, "Authorization"), method, requestUrl(path, headers), query);
            if (user.isEmpty() && !match.route().anonymous()) {
                throw JiraAuth.unauthorized();
            }
            MediaTypes.check(method, match.route().pattern(), headers, body);
            ApiRequest request = new ApiRequest(method, path, match.params(), query, headers, body, user.orElse(null),
                    new View(store.baseUrl(), version, store.cloud()));
            return match.route().handler().handle(request);
        } catch (ApiException e) {
            ApiResponse r = ApiResponse.error(e);
            if (e.status() == 401) {
                r.header("WWW-Authenticate", "Basic realm=\"protected-area\"");
                if (!store.cloud()) {
                    r.header("X-Seraph-LoginReason", "AUTHENTICATED_FAILED");
                }
            }
            return r;
        } catch (RuntimeException e) {
            LOG.warn("sandbox failed on {} {}: {}", method, path, e.toString());
            return ApiResponse.error(ApiException.of(500, "Internal server error: " + e));
        }
    }

    /** The URL the client addressed: its Host header (else the base URL's authority) and the raw path. */
    private String requestUrl(String path, Map<String, List<String>> headers) {
        String host = first(headers, "Host");
        if (host == null || host.isBlank()) {
            URI base = URI.create(store.baseUrl());
            return base.getScheme() + "://" + base.getRawAuthority() + path;
        }
        return URI.create(store.baseUrl()).getScheme() + "://" + host + path;
    }

    private int apiVersion(String version, String path) {
        if (version == null) {
            return 2;
        }
        return switch (version) {
            case "2", "latest" -> 2;
            case "3" -> {
                if (!store.cloud()) {
                    throw ApiException.of(404, "null for uri: " + store.baseUrl() + path);
                }
                yield 3;
            }
            default -> throw ApiException.of(404, "null for uri: " + store.baseUrl() + path);
        };
    }

    private void validate(HttpExchangeRecord record) {
        if (validator == null || !record.path().startsWith("/rest/")) {
            return;
        }
        try {
            for (String v : validator.validate(record)) {
                violations.add(record.method() + " " + record.path() + " -> " + record.status() + ": " + v);
            }
        } catch (RuntimeException e) {
            violations.add(record.method() + " " + record.path() + ": validator failed: " + e);
        }
    }

    /** Whether the client asked to close the connection after this exchange ({@code Connection: close}). */
    static boolean connectionClose(Map<String, List<String>> headers) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase("Connection")) {
                for (String value : e.getValue()) {
                    for (String token : value.split(",")) {
                        if (token.trim().equalsIgnoreCase("close")) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private static String first(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }
}
