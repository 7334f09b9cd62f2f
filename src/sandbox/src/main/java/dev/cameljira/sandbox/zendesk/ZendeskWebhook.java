package dev.cameljira.sandbox.zendesk;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A webhook registration as the Webhooks API shows it. Its signing secret and authentication credentials are kept
 * apart ({@link ZendeskEmulator#webhookSecret(String)}) and never appear here.
 *
 * @param id                 the webhook id (a 26-character ULID-like string, as Zendesk's)
 * @param name               name
 * @param description        description, may be null
 * @param endpoint           the URL it calls
 * @param httpMethod         {@code POST} for event subscriptions
 * @param requestFormat      {@code json} for event subscriptions
 * @param active             status {@code active} (true) or {@code inactive}
 * @param subscriptions      event types ({@code zen:event-type:ticket.created}, ...) or {@code conditional_ticket_events}
 * @param authenticationType {@code basic_auth}, {@code bearer_token}, {@code api_key}, or null for none
 * @param customHeaders      extra headers sent with every request
 * @param createdBy          the user who created it
 * @param createdAt          creation time
 * @param updatedAt          last change
 */
public record ZendeskWebhook(String id, String name, String description, URI endpoint, String httpMethod,
                             String requestFormat, boolean active, List<String> subscriptions,
                             String authenticationType, Map<String, String> customHeaders, long createdBy,
                             Instant createdAt, Instant updatedAt) {

    /** The subscription that connects a webhook to triggers and automations instead of events. */
    public static final String CONDITIONAL_TICKET_EVENTS = "conditional_ticket_events";

    /** Defensive copies. */
    public ZendeskWebhook {
        subscriptions = List.copyOf(subscriptions);
        customHeaders = customHeaders == null ? Map.of() : Map.copyOf(customHeaders);
    }

    /** Whether an event of this type is sent to it now: active and subscribed to the type. */
    public boolean receives(String eventType) {
        return active && subscriptions.contains(eventType);
    }

    /** Whether it is connected to triggers/automations ({@code conditional_ticket_events}) rather than events. */
    public boolean isTriggerConnected() {
        return subscriptions.contains(CONDITIONAL_TICKET_EVENTS);
    }
}
