package dev.cameljira.sandbox.zendesk;

import java.net.URI;

/**
 * What happened to one invocation: one event sent to one webhook, with its retries.
 *
 * @param webhookId    the webhook's id
 * @param target       the webhook's endpoint
 * @param eventType    the event type, e.g. {@code zen:event-type:ticket.created}
 * @param eventId      the event id (the same for every webhook that received the event)
 * @param invocationId the {@code X-Zendesk-Webhook-Invocation-Id} (the same on every attempt of the invocation)
 * @param attempts     how many requests were made
 * @param lastStatus   HTTP status of the last attempt, or -1 when it failed before a response (connection, timeout)
 * @param delivered    true once a 2xx answer was received
 */
public record WebhookDelivery(String webhookId, URI target, String eventType, String eventId, String invocationId,
                              int attempts, int lastStatus, boolean delivered) {
}
