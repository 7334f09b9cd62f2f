package dev.cameljira.sandbox.zendesk;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The account's webhooks with their signing secrets and credentials. Every method is synchronized.
 */
final class WebhookRegistry {

    /**
     * How a webhook authenticates its requests. {@code headerValue} is a credential: never shown or logged.
     *
     * @param type        {@code basic_auth}, {@code bearer_token} or {@code api_key}
     * @param headerName  the header it adds
     * @param headerValue the header's value
     */
    record Authentication(String type, String headerName, String headerValue) {
        static Authentication basic(String username, String password) {
            return new Authentication("basic_auth", "Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }

        static Authentication bearer(String token) {
            return new Authentication("bearer_token", "Authorization", "Bearer " + token);
        }

        static Authentication apiKey(String name, String value) {
            return new Authentication("api_key", name, value);
        }

        @Override
        public String toString() {
            return "Authentication[" + type + ", " + headerName + "]";
        }
    }

    /**
     * Everything a client sets on a webhook.
     *
     * @param name           name
     * @param description    description or null
     * @param endpoint       URL
     * @param httpMethod     HTTP method
     * @param requestFormat  json, xml or form_encoded
     * @param active         status
     * @param subscriptions  subscriptions
     * @param authentication credentials or null
     * @param customHeaders  extra headers
     */
    record Settings(String name, String description, URI endpoint, String httpMethod, String requestFormat,
                    boolean active, List<String> subscriptions, Authentication authentication,
                    Map<String, String> customHeaders) {
        Settings {
            subscriptions = List.copyOf(subscriptions);
            customHeaders = customHeaders == null ? Map.of() : Map.copyOf(customHeaders);
        }
    }

    /** A webhook with its position in creation order (the key of list cursors). */
    record Listed(ZendeskWebhook webhook, long sequence) {
    }

    private static final class Entry {
        ZendeskWebhook webhook;
        Settings settings;
        String secret;
        long sequence;
    }

    private final Clock clock;
    private final Map<String, Entry> webhooks = new LinkedHashMap<>();
    private long nextSequence = 1;

    WebhookRegistry(Clock clock) {
        this.clock = clock;
    }

    synchronized ZendeskWebhook create(Settings settings, long actorId, String secret) {
        Entry entry = new Entry();
        Instant now = now();
        String id = Ids.ulid(clock);
        entry.settings = settings;
        entry.sequence = nextSequence++;
        entry.secret = secret == null ? Ids.secret() : secret;
        entry.webhook = webhook(id, settings, actorId, now, now);
        webhooks.put(id, entry);
        return entry.webhook;
    }

    synchronized List<ZendeskWebhook> list() {
        return webhooks.values().stream().map(e -> e.webhook).toList();
    }

    synchronized List<Listed> listed() {
        return webhooks.values().stream().map(e -> new Listed(e.webhook, e.sequence)).toList();
    }

    synchronized Optional<ZendeskWebhook> get(String id) {
        return Optional.ofNullable(webhooks.get(id)).map(e -> e.webhook);
    }

    /** The settings of a webhook (404 when unknown). */
    synchronized Settings settings(String id) {
        return entry(id).settings;
    }

    /** Replaces a webhook's settings; its connection method (events or triggers) cannot change. */
    synchronized ZendeskWebhook update(String id, Settings settings) {
        Entry entry = entry(id);
        boolean wasTriggers = entry.webhook.isTriggerConnected();
        boolean isTriggers = settings.subscriptions().contains(ZendeskWebhook.CONDITIONAL_TICKET_EVENTS);
        if (wasTriggers != isTriggers) {
            throw WebhookJson.invalid("subscriptions: a webhook's connection method (event subscriptions or "
                    + "conditional_ticket_events) cannot be changed");
        }
        entry.settings = settings;
        entry.webhook = webhook(id, settings, entry.webhook.createdBy(), entry.webhook.createdAt(), now());
        return entry.webhook;
    }

    synchronized void delete(String id) {
        entry(id);
        webhooks.remove(id);
    }

    synchronized String secret(String id) {
        return entry(id).secret;
    }

    synchronized String resetSecret(String id) {
        Entry entry = entry(id);
        entry.secret = Ids.secret();
        return entry.secret;
    }

    /** Removes every webhook calling {@code endpoint}; false when there was none. */
    synchronized boolean removeByEndpoint(URI endpoint) {
        return webhooks.values().removeIf(e -> e.webhook.endpoint().equals(endpoint));
    }

    /** Snapshots of the webhooks that receive this event type now. */
    synchronized List<ZendeskWebhookDispatcher.Target> targets(String eventType) {
        List<ZendeskWebhookDispatcher.Target> targets = new ArrayList<>();
        for (Entry e : webhooks.values()) {
            if (!e.webhook.receives(eventType)) {
                continue;
            }
            Map<String, String> headers = new LinkedHashMap<>(e.settings.customHeaders());
            Authentication auth = e.settings.authentication();
            if (auth != null) {
                headers.put(auth.headerName(), auth.headerValue());
            }
            targets.add(new ZendeskWebhookDispatcher.Target(e.webhook.id(), e.webhook.endpoint(), e.secret,
                    headers));
        }
        return targets;
    }

    private Entry entry(String id) {
        Entry entry = webhooks.get(id);
        if (entry == null) {
            throw ApiException.errors(404, "WebhookNotFound", "Webhook not found",
                    "No webhook with id " + id);
        }
        return entry;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static ZendeskWebhook webhook(String id, Settings s, long createdBy, Instant createdAt,
                                          Instant updatedAt) {
        return new ZendeskWebhook(id, s.name(), s.description(), s.endpoint(), s.httpMethod(), s.requestFormat(),
                s.active(), s.subscriptions(), s.authentication() == null ? null : s.authentication().type(),
                s.customHeaders(), createdBy, createdAt, updatedAt);
    }
}
