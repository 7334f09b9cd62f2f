package dev.cameljira.sandbox.servicenow;

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
 * Sends events to webhook targets on one background thread, in the order they happened. Each POST is retried on a
 * connection failure, 408, 429 or 5xx answer, with a growing pause, up to {@link #MAX_ATTEMPTS} attempts.
 */
final class WebhookDispatcher implements AutoCloseable {
    static final int MAX_ATTEMPTS = 4;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(50);

    /** One event ready to send. */
    record Event(String type, String id, byte[] body) {
    }

    private final List<URI> targets = new CopyOnWriteArrayList<>();
    private final List<WebhookDelivery> deliveries = new ArrayList<>();
    private HttpClient client;
    private final ExecutorService executor;
    private final BiFunction<URI, byte[], Map<String, String>> headers;
    private int pending;

    /**
     * @param threadName name of the delivery thread
     * @param headers    extra headers per delivery (target, body) -> headers, e.g. a signature
     */
    WebhookDispatcher(String threadName, BiFunction<URI, byte[], Map<String, String>> headers) {
        this.headers = headers;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    void addTarget(URI url) {
        String scheme = url.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("A webhook URL must be http(s), got: " + url);
        }
        targets.add(url);
    }

    boolean removeTarget(URI url) {
        return targets.remove(url);
    }

    List<URI> targets() {
        return List.copyOf(targets);
    }

    void publish(Event event) {
        for (URI target : targets) {
            synchronized (this) {
                pending++;
            }
            executor.execute(() -> deliver(target, event));
        }
    }

    synchronized List<WebhookDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    synchronized void clearDeliveries() {
        deliveries.clear();
    }

    /** Waits until every published event has been delivered or has given up; false on timeout. */
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
                deliveries.add(new WebhookDelivery(target, event.type(), event.id(), attempts, status, delivered));
                pending--;
                notifyAll();
            }
        }
    }

    private int post(URI target, Event event) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(event.body()));
        headers.apply(target, event.body()).forEach(request::header);
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

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
