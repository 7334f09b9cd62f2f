package dev.cameljira.jira.consumer.poll;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.cameljira.jira.model.JiraEvent;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The end of a test route: records what the route received (body, headers, batch properties) and can fail chosen
 * events, as a route that throws would. Thread-safe.
 */
final class PollingRecorder implements Processor {

    /** One exchange the route completed. */
    record Delivery(JiraEvent event, Map<String, Object> headers, int batchIndex, int batchSize, boolean batchComplete) {
    }

    private final List<Delivery> delivered = new ArrayList<>();
    private final List<JiraEvent> failed = new ArrayList<>();
    private volatile Predicate<JiraEvent> failWhen = e -> false;

    /** Events for which the route throws (until changed). */
    void failWhen(Predicate<JiraEvent> predicate) {
        this.failWhen = predicate;
    }

    @Override
    public void process(Exchange exchange) {
        JiraEvent event = exchange.getMessage().getBody(JiraEvent.class);
        if (failWhen.test(event)) {
            synchronized (this) {
                failed.add(event);
            }
            throw new IllegalStateException("route failure injected by the test for " + event);
        }
        Delivery d = new Delivery(event, new HashMap<>(exchange.getMessage().getHeaders()),
                exchange.getProperty(Exchange.BATCH_INDEX, Integer.class), exchange.getProperty(Exchange.BATCH_SIZE, Integer.class),
                Boolean.TRUE.equals(exchange.getProperty(Exchange.BATCH_COMPLETE, Boolean.class)));
        synchronized (this) {
            delivered.add(d);
        }
    }

    synchronized List<Delivery> deliveries() {
        return List.copyOf(delivered);
    }

    synchronized List<JiraEvent> events() {
        return delivered.stream().map(Delivery::event).toList();
    }

    synchronized List<JiraEvent> failures() {
        return List.copyOf(failed);
    }

    /** Forgets what was recorded so far and fails nothing any more. */
    synchronized void clear() {
        delivered.clear();
        failed.clear();
        failWhen = e -> false;
    }
}
