package dev.cameljira.sandbox.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.Json;
import dev.cameljira.sandbox.jira.model.Issue;
import dev.cameljira.sandbox.jira.service.EventPublisher;
import dev.cameljira.sandbox.jql.JqlQuery;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to registered webhooks, asynchronously: one POST per registration and event, signed with
 * {@code X-Hub-Signature: sha256=...} when the registration has a secret, identified by
 * {@code X-Atlassian-Webhook-Identifier}; non-2xx answers and connection errors are retried with
 * {@code X-Atlassian-Webhook-Retry: n} (bounded attempts, delay growing linearly).
 */
public final class WebhookDispatcher implements EventPublisher, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookRegistry registry;
    private final Duration retryDelay;
    private final int maxAttempts;
    private final BooleanSupplier duplicate;
    private final ScheduledExecutorService executor;
    private final HttpClient client;
    private final List<WebhookDelivery> deliveries = Collections.synchronizedList(new ArrayList<>());

    private record Pending(WebhookRegistration registration, String identifier, String event, String url, byte[] body) {
    }

    /**
     * @param registry    registrations
     * @param retryDelay  delay before the first retry (the n-th retry waits n times as long)
     * @param maxAttempts attempts in total, first try included
     * @param duplicate   whether every delivery is sent twice (same identifier)
     */
    public WebhookDispatcher(WebhookRegistry registry, Duration retryDelay, int maxAttempts, BooleanSupplier duplicate) {
        this.registry = registry;
        this.retryDelay = retryDelay;
        this.maxAttempts = maxAttempts;
        this.duplicate = duplicate;
        ScheduledThreadPoolExecutor ex = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "jira-sandbox-webhooks");
            t.setDaemon(true);
            return t;
        });
        ex.setRemoveOnCancelPolicy(true);
        this.executor = ex;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    }

    public WebhookRegistry registry() {
        return registry;
    }

    @Override
    public void publish(String webhookEvent, Issue issue, Supplier<ObjectNode> payload) {
        ObjectNode built = null;
        for (WebhookRegistration reg : registry.all()) {
            if (!reg.wants(webhookEvent) || !passesFilter(reg, issue)) {
                continue;
            }
            if (built == null) {
                built = payload.get();
            }
            byte[] body = reg.excludeBody() ? new byte[0] : Json.bytes(built);
            Pending p = new Pending(reg, UUID.randomUUID().toString(), webhookEvent, substitute(reg.url(), built), body);
            try {
                executor.execute(() -> attempt(p, 0));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                LOG.debug("sandbox closed: webhook {} not delivered", p.identifier());
            }
        }
    }

    private boolean passesFilter(WebhookRegistration reg, Issue issue) {
        if (issue == null || reg.jqlFilter() == null) {
            return true;
        }
        try {
            Optional<JqlQuery> q = registry.filter(reg);
            return q.isEmpty() || registry.search().matches(q.get(), issue, null);
        } catch (UnsupportedOperationException e) {
            return true;
        } catch (RuntimeException e) {
            LOG.warn("webhook {} filter could not be evaluated: {}", reg.id(), e.getMessage());
            return false;
        }
    }

    private void attempt(Pending p, int retry) {
        boolean ok = send(p, retry);
        if (duplicate.getAsBoolean()) {
            ok = send(p, retry) || ok;
        }
        if (!ok && retry + 1 < maxAttempts && !executor.isShutdown()) {
            long delay = retryDelay.toMillis() * (retry + 1);
            try {
                executor.schedule(() -> attempt(p, retry + 1), delay, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                LOG.debug("sandbox closed: webhook {} not retried", p.identifier());
            }
        }
    }

    private boolean send(Pending p, int retry) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/json; charset=UTF-8"));
        headers.put("User-Agent", List.of("Atlassian Webhook HTTP Client"));
        headers.put("X-Atlassian-Webhook-Identifier", List.of(p.identifier()));
        headers.put("X-Atlassian-Webhook-Flow", List.of(retry == 0 ? "Primary" : "Secondary"));
        if (retry > 0) {
            headers.put("X-Atlassian-Webhook-Retry", List.of(String.valueOf(retry)));
        }
        if (p.registration().secret() != null) {
            headers.put("X-Hub-Signature", List.of("sha256=" + hmac(p.registration().secret(), p.body())));
        }
        int status;
        String error = null;
        try {
            HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(p.url())).timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(p.body()));
            headers.forEach((k, v) -> {
                if (!k.equals("User-Agent")) {
                    rb.header(k, v.get(0));
                }
            });
            rb.header("User-Agent", "Atlassian Webhook HTTP Client");
            HttpResponse<Void> response = client.send(rb.build(), HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
        } catch (IOException | IllegalArgumentException e) {
            status = -1;
            error = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
            error = "interrupted";
        }
        deliveries.add(new WebhookDelivery(p.identifier(), p.registration().id(), p.event(), p.url(), retry, headers, p.body(),
                status, error));
        return status >= 200 && status < 300;
    }

    /** Hex HMAC-SHA256 of the body with the secret. */
    public static String hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String substitute(String url, JsonNode payload) {
        if (!url.contains("${")) {
            return url;
        }
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("issue.id", payload.path("issue").path("id").asText(null));
        vars.put("issue.key", payload.path("issue").path("key").asText(null));
        JsonNode project = payload.has("project") ? payload.get("project") : payload.path("issue").path("fields").path("project");
        vars.put("project.id", project.path("id").asText(null));
        vars.put("project.key", project.path("key").asText(null));
        vars.put("comment.id", payload.path("comment").path("id").asText(null));
        vars.put("worklog.id", payload.path("worklog").path("id").asText(null));
        String result = url;
        for (Map.Entry<String, String> e : vars.entrySet()) {
            if (e.getValue() != null) {
                result = result.replace("${" + e.getKey() + "}", URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            }
        }
        return result;
    }

    /** Every attempt so far, in order. */
    public List<WebhookDelivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    public void clearDeliveries() {
        deliveries.clear();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
