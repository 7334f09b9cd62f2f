package dev.cameljira.sandbox.zendesk;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends event invocations to Zendesk webhooks on one background thread, in the order the events happened.
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

    private record Outcome(int status, String retryAfter) {
    }

    private final Clock clock;
    private final String accountId;
    private final ExecutorService executor;
    private final List<WebhookDelivery> deliveries = new ArrayList<>();
    private volatile Duration retryPause = Duration.ofMillis(50);
    private HttpClient client;
    private int pending;

    ZendeskWebhookDispatcher(Clock clock, String accountId) {
        this.clock = clock;
        this.accountId = accountId;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "zendesk-emulator-webhooks");
            t.setDaemon(true);
            return t;
        });
    }

    /** The first pause before retrying a 409 or a connection failure (doubling each time). */
    void retryPause(Duration pause) {
        this.retryPause = pause;
    }

    /** Queues one invocation of the event per target. */
    void publish(List<Target> targets, String eventType, String eventId, byte[] body) {
        for (Target target : targets) {
            String invocationId = Ids.ulid(clock);
            synchronized (this) {
                pending++;
            }
            executor.execute(() -> deliver(target, eventType, eventId, invocationId, body));
        }
    }

    synchronized List<WebhookDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    synchronized void clearDeliveries() {
        deliveries.clear();
    }

    synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    private void deliver(Target target, String eventType, String eventId, String invocationId, byte[] body) {
        int attempts = 0;
        int status = -1;
        boolean delivered = false;
        try {
            while (true) {
                attempts++;
                Outcome outcome = post(target, invocationId, body);
                status = outcome.status();
                delivered = status / 100 == 2;
                Duration wait = delivered || attempts > MAX_RETRIES ? null : retryDelay(outcome, attempts);
                if (wait == null) {
                    break;
                }
                if (!wait.isZero()) {
                    Thread.sleep(wait.toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (this) {
                deliveries.add(new WebhookDelivery(target.webhookId(), target.endpoint(), eventType, eventId,
                        invocationId, attempts, status, delivered));
                pending--;
                notifyAll();
            }
        }
    }

    /** How long to wait before retrying, or null when Zendesk would not retry this answer. */
    private Duration retryDelay(Outcome outcome, int attempts) {
        int status = outcome.status();
        if (status == 409 || status == -1) {
            return retryPause.multipliedBy(1L << (attempts - 1));
        }
        if ((status == 429 || status == 503) && outcome.retryAfter() != null) {
            try {
                long seconds = Long.parseLong(outcome.retryAfter().trim());
                return seconds >= 0 && seconds < RETRY_AFTER_LIMIT_SECONDS ? Duration.ofSeconds(seconds) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private Outcome post(Target target, String invocationId, byte[] body) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.endpoint())
                .timeout(Duration.ofSeconds(REQUEST_TIMEOUT_SECONDS))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signedHeaders(target, invocationId, body).forEach(request::header);
        try {
            HttpResponse<Void> response = client().send(request.build(), HttpResponse.BodyHandlers.discarding());
            return new Outcome(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null));
        } catch (IOException e) {
            return new Outcome(-1, null); // connection failure or timeout
        }
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

    /** Created on first use; only the delivery thread calls it. */
    private HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(REQUEST_TIMEOUT_SECONDS)).build();
        }
        return client;
    }

    /** Stops the delivery thread; queued invocations are dropped. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
