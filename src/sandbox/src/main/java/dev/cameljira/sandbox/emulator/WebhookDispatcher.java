package dev.cameljira.sandbox.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;

/**
 * Sends an emulator's events to its webhook targets on one background thread, in the order they happened. Each POST
 * ({@code Content-Type: application/json} plus the emulator's own headers) is retried on a connection failure, 408,
 * 429 or 5xx answer, with a growing pause, up to {@link #MAX_ATTEMPTS} attempts; what happened is recorded as the
 * emulator's delivery record type.
 *
 * <p>Unlike {@code dev.cameljira.sandbox.webhook.WebhookDispatcher} (Jira registrations with filters, Atlassian
 * headers, one record per attempt), targets here are bare URLs and each event gets one record with its attempt count.
 *
 * @param <D> the delivery record type
 */
public final class WebhookDispatcher<D> implements AutoCloseable {
    /** Attempts per event and target, first one included. */
    public static final int MAX_ATTEMPTS = 4;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(50);

    /**
     * One event ready to send.
     *
     * @param type the event type
     * @param id   the event id
     * @param body the JSON body
     */
    public record Event(String type, String id, byte[] body) {
    }

    /** The extra headers of one POST: they may depend on the target (a per-target secret) and the event (its id). */
    @FunctionalInterface
    public interface EventHeaders {
        /**
         * @param target the webhook URL
         * @param event  the event being sent (the same object on every attempt)
         * @return headers to add to the POST
         */
        Map<String, String> of(URI target, Event event);
    }

    /** Makes the record of one finished delivery. */
    @FunctionalInterface
    public interface DeliveryRecorder<D> {
        /**
         * @param target     the webhook URL
         * @param eventType  the event type
         * @param eventId    the event id
         * @param attempts   how many POSTs were made
         * @param lastStatus HTTP status of the last attempt, or -1 when it failed before a response
         * @param delivered  whether a 2xx answer was received
         * @return the record
         */
        D record(URI target, String eventType, String eventId, int attempts, int lastStatus, boolean delivered);
    }

    private final List<URI> targets = new CopyOnWriteArrayList<>();
    private final List<D> deliveries = new ArrayList<>();
    private HttpClient client;
    private final ExecutorService executor;
    private final EventHeaders headers;
    private final DeliveryRecorder<D> recorder;
    private int pending;

    /**
     * @param threadName name of the delivery thread
     * @param headers    extra headers per delivery (target, body) -> headers, e.g. a signature
     * @param recorder   makes the record of each finished delivery
     */
    public WebhookDispatcher(String threadName, BiFunction<URI, byte[], Map<String, String>> headers,
                             DeliveryRecorder<D> recorder) {
        this(threadName, (EventHeaders) (target, event) -> headers.apply(target, event.body()), recorder);
    }

    /**
     * A dispatcher whose headers may depend on the event too (its id, to repeat on retries).
     *
     * @param threadName name of the delivery thread
     * @param headers    extra headers per delivery, computed on every attempt from the target and the event
     * @param recorder   makes the record of each finished delivery
     * @param <D>        the delivery record type
     * @return the dispatcher
     */
    public static <D> WebhookDispatcher<D> withEventHeaders(String threadName, EventHeaders headers,
                                                            DeliveryRecorder<D> recorder) {
        return new WebhookDispatcher<>(threadName, headers, recorder);
    }

    private WebhookDispatcher(String threadName, EventHeaders headers, DeliveryRecorder<D> recorder) {
        this.headers = headers;
        this.recorder = recorder;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Sends every future event to {@code url} too; it must be http(s). */
    public void addTarget(URI url) {
        String scheme = url.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("A webhook URL must be http(s), got: " + url);
        }
        targets.add(url);
    }

    /** Stops sending to {@code url}; false when it was not a target. */
    public boolean removeTarget(URI url) {
        return targets.remove(url);
    }

    /** The current targets. */
    public List<URI> targets() {
        return List.copyOf(targets);
    }

    /** Queues {@code event} for every current target. */
    public void publish(Event event) {
        for (URI target : targets) {
            synchronized (this) {
                pending++;
            }
            executor.execute(() -> deliver(target, event));
        }
    }

    /** The records of finished deliveries, in completion order. */
    public synchronized List<D> deliveries() {
        return List.copyOf(deliveries);
    }

    /** Forgets the delivery records. */
    public synchronized void clearDeliveries() {
        deliveries.clear();
    }

    /** Waits until every published event has been delivered or has given up; false on timeout. */
    public synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
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

    private void deliver(URI target, Event event) {
        int attempts = 0;
        int status = -1;
        boolean delivered = false;
        try {
            Duration pause = FIRST_PAUSE;
            while (attempts < MAX_ATTEMPTS && !delivered) {
                if (attempts > 0) {
                    Thread.sleep(pause.toMillis());
                    pause = pause.multipliedBy(4);
                }
                attempts++;
                status = post(target, event);
                delivered = status / 100 == 2;
                if (!delivered && !retryable(status)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (this) {
                deliveries.add(recorder.record(target, event.type(), event.id(), attempts, status, delivered));
                pending--;
                notifyAll();
            }
        }
    }

    private int post(URI target, Event event) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(event.body()));
        headers.of(target, event).forEach(request::header);
        try {
            return client().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Created on first use: most emulators never send a webhook. Only the delivery thread calls it. */
    private HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2)).build();
        }
        return client;
    }

    private static boolean retryable(int status) {
        return status == -1 || status == 408 || status == 429 || status >= 500;
    }

    /** Stops the delivery thread; queued events are dropped. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
