package dev.cameljira.sandbox.zendesk;

import java.net.URI;

/**
 * What happened to one event sent to one webhook target.
 *
 * @param target     the webhook URL
 * @param eventType  the event type, e.g. {@code zen:event-type:ticket.created}
 * @param eventId    the event id (the same for every target of that event)
 * @param attempts   how many POSTs were made
 * @param lastStatus HTTP status of the last attempt, or -1 when it failed before a response
 * @param delivered  true once a 2xx answer was received
 */
public record WebhookDelivery(URI target, String eventType, String eventId, int attempts, int lastStatus,
                              boolean delivered) {
}
