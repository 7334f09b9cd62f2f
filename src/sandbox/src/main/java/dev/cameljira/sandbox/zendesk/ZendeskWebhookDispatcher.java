package dev.cameljira.sandbox.zendesk;

import dev.cameljira.sandbox.http.WebhookSender;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends event invocations to Zendesk webhooks through the sandbox's one {@link WebhookSender}, on one background
 * thread, in the order the events happened.
 *
 * <p>Each request is a {@code POST} with {@code Content-Type: application/json}, {@code User-Agent: Zendesk Webhook},
 * {@code X-Zendesk-Account-Id}, {@code X-Zendesk-Webhook-Id}, {@code X-Zendesk-Webhook-Invocation-Id} (the same on
 * every attempt of one invocation), {@code X-Zendesk-Webhook-Signature-Timestamp} and
 * {@code X-Zendesk-Webhook-Signature} = Base64(HMAC-SHA256(secret, timestamp + body)), plus the webhook's
 * authentication and custom headers.
 *
 * <p>Retries follow Zendesk's documented webhook rules, not "retry every failure": a {@code 409} answer, and a
 * {@code 429} or {@code 503} whose {@code Retry-After} is an integer number of seconds below 60, are retried (after a
 * short growing pause, respectively after {@code Retry-After}); so is a connection failure or a request that times
 * out ({@value #REQUEST_TIMEOUT_SECONDS} s, as Zendesk's). At most {@value #MAX_RETRIES} retries per invocation. Every
 * other answer (other 4xx, 500, 502, 504, a 429/503 without a usable {@code Retry-After}) ends the invocation as
 * failed. Zendesk's circuit breaker is not emulated.
 */
final class ZendeskWebhookDispatcher implements AutoCloseable {
    /** Retries after the first attempt, at most. */
    static final int MAX_RETRIES = 3;
    /** A {@code Retry-After} of this many seconds or more is not waited for. */
    static final int RETRY_AFTER_LIMIT_SECONDS = 60;
    static final int REQUEST_TIMEOUT_SECONDS = 12;

    /**
     * Where and how to send one webhook's invocations (a snapshot taken when the event happened).
     *
     * @param webhookId the webhook id
     * @param endpoint  its URL
     * @param secret    its signing secret
     * @param headers   authentication and custom headers
     */
    record Target(String webhookId, URI endpoint, String secret, Map<String, String> headers) {
        /** Neither the secret nor header values (credentials) are shown. */
        @Override
        public String toString() {
            return "Target[" + webhookId + " -> " + endpoint + ", headers " + headers.keySet() + "]";
        }
    }

    /** One invocation: one event to one target, the same invocation id on every attempt. */
    private record Invocation(Target webhook, String eventType, String eventId, String invocationId, byte[] body,
                              ZendeskWebhookDispatcher dispatcher) implements WebhookSender.Delivery {
        @Override
        public URI target() {
            return webhook.endpoint();
        }

        @Override
        public Map<String, String> headers(int attempt) {
            return dispatcher.signedHeaders(webhook, invocationId, body);
        }
    }

    private final Clock clock;
    private final String accountId;
    private final WebhookSender<WebhookDelivery> sender;
    private volatile Duration retryPause = Duration.ofMillis(50);

    ZendeskWebhookDispatcher(Clock clock, String accountId) {
        this.clock = clock;
        this.accountId = accountId;
        this.sender = new WebhookSender<>("zendesk-emulator-webhooks", Duration.ofSeconds(REQUEST_TIMEOUT_SECONDS),
                this::retryDelay, true, new WebhookSender.Recorder<WebhookDelivery>() {
                    @Override
                    public WebhookDelivery finished(WebhookSender.Delivery delivery, WebhookSender.Attempt last) {
                        Invocation i = (Invocation) delivery;
                        return new WebhookDelivery(i.webhook().webhookId(), i.webhook().endpoint(), i.eventType(),
                                i.eventId(), i.invocationId(), last.number(), last.status(), last.delivered());
                    }
                });
    }

    /** The first pause before retrying a 409 or a connection failure (doubling each time). */
    void retryPause(Duration pause) {
        this.retryPause = pause;
    }

    /** Queues one invocation of the event per target. */
    void publish(List<Target> targets, String eventType, String eventId, byte[] body) {
        for (Target target : targets) {
            sender.send(new Invocation(target, eventType, eventId, Ids.ulid(clock), body, this));
        }
    }

    WebhookSender<WebhookDelivery> sender() {
        return sender;
    }

    /** How long to wait before retrying, or null when Zendesk would not retry this answer. */
    private Duration retryDelay(WebhookSender.Attempt last) {
        if (last.number() > MAX_RETRIES) {
            return null;
        }
        int status = last.status();
        if (status == 409 || status == -1) {
            return retryPause.multipliedBy(1L << (last.number() - 1));
        }
        if ((status == 429 || status == 503) && last.retryAfter() != null) {
            try {
                long seconds = Long.parseLong(last.retryAfter().trim());
                return seconds >= 0 && seconds < RETRY_AFTER_LIMIT_SECONDS ? Duration.ofSeconds(seconds) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private Map<String, String> signedHeaders(Target target, String invocationId, byte[] body) {
        String timestamp = ZendeskJson.time(clock.instant());
        Map<String, String> headers = new LinkedHashMap<>(target.headers());
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put("User-Agent", "Zendesk Webhook");
        headers.put("X-Zendesk-Account-Id", accountId);
        headers.put("X-Zendesk-Webhook-Id", target.webhookId());
        headers.put("X-Zendesk-Webhook-Invocation-Id", invocationId);
        headers.put("X-Zendesk-Webhook-Signature-Timestamp", timestamp);
        headers.put("X-Zendesk-Webhook-Signature", signature(target.secret(), timestamp, body));
        return headers;
    }

    /** Base64(HMAC-SHA256(secret, timestamp + body)), Zendesk's webhook signature. */
    static String signature(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Stops the delivery thread; queued invocations are dropped. */
    @Override
    public void close() {
        sender.close();
    }
}
