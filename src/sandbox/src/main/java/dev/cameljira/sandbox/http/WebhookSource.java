package dev.cameljira.sandbox.http;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The webhook side of an emulated product as tests and the sandbox drive it: which URLs receive its events, what
 * happened to each delivery, and waiting until every queued delivery is done. Zendesk and ServiceNow implement it
 * over their {@link WebhookSender}; registering a URL stays product-specific (Zendesk's webhooks have ids,
 * subscriptions and their own secrets, ServiceNow's business rule a shared one).
 *
 * @param <D> the product's delivery record type
 */
public interface WebhookSource<D> {

    /** The sender of this product's webhooks. */
    WebhookSender<D> webhookSender();

    /** The URLs that receive events, in registration order. */
    List<URI> webhooks();

    /** Stops sending events to {@code url}; false when it was not registered. */
    boolean removeWebhook(URI url);

    /** What happened to every delivery so far (finished ones only, in completion order). */
    default List<D> webhookDeliveries() {
        return webhookSender().records();
    }

    /** Waits until every queued delivery has been delivered or given up on; false on timeout. */
    default boolean awaitWebhooks(Duration timeout) throws InterruptedException {
        return webhookSender().awaitIdle(timeout);
    }
}
