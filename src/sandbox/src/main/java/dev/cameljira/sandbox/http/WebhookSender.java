package dev.cameljira.sandbox.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every emulated product's webhooks: POSTs on one background thread, each retried as the product's
 * {@link RetryPolicy} says, with the product's headers computed per attempt, and recorded as the product's delivery
 * type. Jira, Zendesk and ServiceNow differ only in those three parts (Atlassian's identifier and retry headers with
 * linear retries; Zendesk's signed invocations retried on 409 or a short {@code Retry-After}; ServiceNow's signed
 * outbound REST retried on 5xx), which they pass in.
 *
 * <p>An {@code ordered} sender waits out a retry pause on its thread, so a later event never overtakes an earlier
 * one (Zendesk and ServiceNow send in the order events happened); otherwise a retry is scheduled and later events go
 * ahead (Jira). Credentials in headers are never logged.
 *
 * @param <D> the product's delivery record type
 */
public final class WebhookSender<D> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);

    /** One event to send to one target, possibly in several attempts. */
    public interface Delivery {
        /** Where to POST. */
        URI target();

        /** The body, the same on every attempt. */
        byte[] body();

        /**
         * The headers of one attempt ({@code Content-Type} included).
         *
         * @param attempt 1 for the first POST, 2 for the first retry, ...
         */
        Map<String, String> headers(int attempt);
    }

    /**
     * The outcome of one POST.
     *
     * @param number     1 for the first POST, 2 for the first retry, ...
     * @param status     the HTTP status, or -1 when no answer came (connection failure, timeout)
     * @param retryAfter the answer's {@code Retry-After}, or null
     * @param error      what failed when no answer came, or null
     * @param headers    the headers sent
     */
    public record Attempt(int number, int status, String retryAfter, String error, Map<String, String> headers) {
        /** Whether the target answered 2xx. */
        public boolean delivered() {
            return status / 100 == 2;
        }
    }

    /** When to try again. */
    @FunctionalInterface
    public interface RetryPolicy {
        /** The pause before the next attempt after {@code last} failed, or null to give up. */
        Duration next(Attempt last);

        /**
         * Up to {@code maxAttempts} attempts in all, retrying connection failures, 408, 429 and 5xx; the n-th retry
         * waits {@code first} times {@code growth^(n-1)}.
         */
        static RetryPolicy transientFailures(int maxAttempts, Duration first, long growth) {
            return last -> {
                int s = last.status();
                boolean retryable = s == -1 || s == 408 || s == 429 || s >= 500;
                if (!retryable || last.number() >= maxAttempts) {
                    return null;
                }
                long factor = 1;
                for (int i = 1; i < last.number(); i++) {
                    factor *= growth;
                }
                return first.multipliedBy(factor);
            };
        }
    }

    /** Makes the product's records of a delivery. */
    public interface Recorder<D> {
        /** A record of one attempt, or null when the product records whole deliveries only. */
        default D attempted(Delivery delivery, Attempt attempt) {
            return null;
        }

        /** A record of the finished delivery ({@code last} is its last attempt), or null. */
        default D finished(Delivery delivery, Attempt last) {
            return null;
        }
    }

    private final ScheduledThreadPoolExecutor executor;
    private final String threadName;
    private final Duration timeout;
    private final RetryPolicy policy;
    private final boolean ordered;
    private final Recorder<D> recorder;
    private final List<D> records = new ArrayList<>();
    private volatile BooleanSupplier duplicate = () -> false;
    private HttpClient client;
    private int pending;

    /**
     * @param threadName name of the delivery thread
     * @param timeout    how long one POST may take
     * @param policy     when to retry
     * @param ordered    whether a retry pause holds back later deliveries
     * @param recorder   makes the records
     */
    public WebhookSender(String threadName, Duration timeout, RetryPolicy policy, boolean ordered,
                         Recorder<D> recorder) {
        this.threadName = threadName;
        this.timeout = timeout;
        this.policy = policy;
        this.ordered = ordered;
        this.recorder = recorder;
        this.executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    /** Makes every attempt POST twice (the same headers), as a target must tolerate: on while the supplier says so. */
    public WebhookSender<D> duplicates(BooleanSupplier whether) {
        this.duplicate = whether;
        return this;
    }

    /** Queues {@code delivery}; dropped (logged at DEBUG) once the sender is closed. */
    public void send(Delivery delivery) {
        synchronized (this) {
            pending++;
        }
        try {
            executor.execute(() -> attempt(delivery, 1));
        } catch (RejectedExecutionException e) {
            LOG.debug("{} closed: a webhook to {} was not sent", threadName, delivery.target());
            done();
        }
    }

    /** The records so far, in the order they were made. */
    public synchronized List<D> records() {
        return List.copyOf(records);
    }

    /** Forgets the records. */
    public synchronized void clearRecords() {
        records.clear();
    }

    /** Waits until every queued delivery has been delivered or given up on; false on timeout. */
    public synchronized boolean awaitIdle(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (pending > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    private void attempt(Delivery delivery, int number) {
        Attempt last = post(delivery, number);
        if (duplicate.getAsBoolean()) {
            Attempt copy = post(delivery, number);
            last = copy.delivered() ? copy : last;
        }
        Duration pause = last.delivered() ? null : policy.next(last);
        if (pause == null) {
            finish(delivery, last);
            return;
        }
        if (ordered) {
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                finish(delivery, last);
                return;
            }
            attempt(delivery, number + 1);
            return;
        }
        try {
            executor.schedule(() -> attempt(delivery, number + 1), pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("{} closed: a webhook to {} was not retried", threadName, delivery.target());
            finish(delivery, last);
        }
    }

    private Attempt post(Delivery delivery, int number) {
        Map<String, String> headers = delivery.headers(number);
        Attempt attempt;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(delivery.target()).timeout(timeout)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
            headers.forEach(request::header);
            HttpResponse<Void> response = client().send(request.build(), HttpResponse.BodyHandlers.discarding());
            attempt = new Attempt(number, response.statusCode(),
                    response.headers().firstValue("Retry-After").orElse(null), null, headers);
        } catch (IOException | IllegalArgumentException e) {
            attempt = new Attempt(number, -1, null, e.toString(), headers);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            attempt = new Attempt(number, -1, null, "interrupted", headers);
        }
        D record = recorder.attempted(delivery, attempt);
        if (record != null) {
            synchronized (this) {
                records.add(record);
            }
        }
        return attempt;
    }

    private void finish(Delivery delivery, Attempt last) {
        D record = recorder.finished(delivery, last);
        synchronized (this) {
            if (record != null) {
                records.add(record);
            }
        }
        done();
    }

    private synchronized void done() {
        pending--;
        notifyAll();
    }

    /** Created on first use: most emulators never send a webhook. Only the delivery thread calls it. */
    private HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2)).build();
        }
        return client;
    }

    /** Stops the delivery thread; queued deliveries are dropped. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
