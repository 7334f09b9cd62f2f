package dev.cameljira.sandbox.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.Json;
import dev.cameljira.sandbox.http.WebhookSender;
import dev.cameljira.sandbox.jira.model.Issue;
import dev.cameljira.sandbox.jira.service.EventPublisher;
import dev.cameljira.sandbox.jql.JqlQuery;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers Jira events to registered webhooks, asynchronously through the sandbox's one {@link WebhookSender}: one POST
 * per registration and event, signed with {@code X-Hub-Signature: sha256=...} when the registration has a secret,
 * identified by {@code X-Atlassian-Webhook-Identifier}; non-2xx answers and connection errors are retried with
 * {@code X-Atlassian-Webhook-Retry: n} (bounded attempts, delay growing linearly). Every attempt is recorded.
 */
public final class WebhookDispatcher implements EventPublisher, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookRegistry registry;
    private final WebhookSender<WebhookDelivery> sender;

    /** One event for one registration: the same identifier and body on every attempt. */
    private record Pending(WebhookRegistration registration, String identifier, String event, String url, byte[] body)
            implements WebhookSender.Delivery {
        @Override
        public URI target() {
            return URI.create(url);
        }

        @Override
        public Map<String, String> headers(int attempt) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json; charset=UTF-8");
            headers.put("User-Agent", "Atlassian Webhook HTTP Client");
            headers.put("X-Atlassian-Webhook-Identifier", identifier);
            headers.put("X-Atlassian-Webhook-Flow", attempt == 1 ? "Primary" : "Secondary");
            if (attempt > 1) {
                headers.put("X-Atlassian-Webhook-Retry", String.valueOf(attempt - 1));
            }
            if (registration.secret() != null) {
                headers.put("X-Hub-Signature", "sha256=" + hmac(registration.secret(), body));
            }
            return headers;
        }
    }

    /**
     * @param registry    registrations
     * @param retryDelay  delay before the first retry (the n-th retry waits n times as long)
     * @param maxAttempts attempts in total, first try included
     * @param duplicate   whether every delivery is sent twice (same identifier)
     */
    public WebhookDispatcher(WebhookRegistry registry, Duration retryDelay, int maxAttempts, BooleanSupplier duplicate) {
        this.registry = registry;
        WebhookSender.RetryPolicy linear = last -> last.number() < maxAttempts
                ? retryDelay.multipliedBy(last.number()) : null;
        this.sender = new WebhookSender<>("jira-sandbox-webhooks", Duration.ofSeconds(10), linear, false,
                new WebhookSender.Recorder<WebhookDelivery>() {
                    @Override
                    public WebhookDelivery attempted(WebhookSender.Delivery delivery, WebhookSender.Attempt attempt) {
                        Pending p = (Pending) delivery;
                        Map<String, List<String>> sent = new LinkedHashMap<>();
                        attempt.headers().forEach((k, v) -> sent.put(k, List.of(v)));
                        return new WebhookDelivery(p.identifier(), p.registration().id(), p.event(), p.url(),
                                attempt.number() - 1, sent, p.body(), attempt.status(), attempt.error());
                    }
                }).duplicates(duplicate);
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
            sender.send(new Pending(reg, UUID.randomUUID().toString(), webhookEvent, substitute(reg.url(), built), body));
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
        return sender.records();
    }

    public void clearDeliveries() {
        sender.clearRecords();
    }

    /** Waits until every queued delivery has been delivered or given up on; false on timeout. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return sender.awaitIdle(timeout);
    }

    @Override
    public void close() {
        sender.close();
    }
}
