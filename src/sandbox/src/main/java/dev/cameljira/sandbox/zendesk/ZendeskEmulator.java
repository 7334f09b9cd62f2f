package dev.cameljira.sandbox.zendesk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.cameljira.sandbox.emulator.EmulatorException;
import dev.cameljira.sandbox.emulator.ExchangeHandler;
import dev.cameljira.sandbox.emulator.Router;
import dev.cameljira.sandbox.emulator.WebhookDispatcher;
import dev.cameljira.sandbox.http.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An offline, stateful emulator of Zendesk Support's REST API ({@code /api/v2}), good enough for the real
 * camel-zendesk component (Zendesk Java client) and for event webhooks. Mount it on a JDK {@code HttpServer} for the
 * path {@code /api/v2/}; clients use the server's root URL (e.g. {@code http://127.0.0.1:PORT}) as their Zendesk URL.
 *
 * <p>Endpoints: tickets (create, show, show_many, list with {@code external_id}, update with comments, tags,
 * custom fields, safe_update, delete), ticket comments (public and private, cursor and offset pagination), users
 * (list, show, show_many, me, search, create), {@code search.json} (a subset, see {@code ZendeskSearch}), and the
 * incremental ticket exports (cursor-based and time-based). Errors use Zendesk's shapes (404 RecordNotFound,
 * 422 RecordInvalid with details, 401 "Couldn't authenticate you").
 *
 * <p>Authentication: Basic {@code email/token:API_TOKEN}, Basic {@code email:password}, or {@code Bearer TOKEN}.
 * The account starts with an admin agent ({@link #AGENT_EMAIL}, API token {@link #AGENT_API_TOKEN}, password
 * {@link #AGENT_PASSWORD}, OAuth token {@link #AGENT_OAUTH_TOKEN}) and an end-user {@link #CUSTOMER_EMAIL}.
 *
 * <p>Webhooks: every ticket create, field change, comment and deletion is POSTed to each URL registered with
 * {@link #addWebhook(URI)} as Zendesk event-webhook JSON ({@code {"type": "zen:event-type:ticket.created", "id",
 * "time", "subject", "detail": {ticket}, "event": {...}}}), one request per event, asynchronously and in order, with
 * retries; each carries Zendesk's {@code X-Zendesk-Webhook-Signature} (HMAC-SHA256 of timestamp + body with
 * {@link #WEBHOOK_SIGNING_SECRET}, Base64) and {@code X-Zendesk-Webhook-Signature-Timestamp}.
 *
 * <p>Thread-safe. The admin methods ({@code createTicket}, {@code tickets}, ...) act as the seeded agent and fire
 * webhooks like API calls do; they throw {@link IllegalArgumentException} for invalid input and
 * {@link NoSuchElementException} for unknown ids.
 */
public final class ZendeskEmulator implements HttpHandler, AutoCloseable {
    /** E-mail of the seeded admin agent. */
    public static final String AGENT_EMAIL = "agent@example.com";
    /** Display name of the seeded admin agent. */
    public static final String AGENT_NAME = "Sandbox Agent";
    /** API token of the seeded agent (Basic {@code agent@example.com/token:sandbox-zendesk-token}). */
    public static final String AGENT_API_TOKEN = "sandbox-zendesk-token";
    /** Password of the seeded agent (Basic {@code agent@example.com:sandbox-zendesk-password}). */
    public static final String AGENT_PASSWORD = "sandbox-zendesk-password";
    /** OAuth access token of the seeded agent ({@code Authorization: Bearer sandbox-zendesk-oauth-token}). */
    public static final String AGENT_OAUTH_TOKEN = "sandbox-zendesk-oauth-token";
    /** E-mail of the seeded end-user. */
    public static final String CUSTOMER_EMAIL = "customer@example.com";
    /** Secret the webhook signatures are made with. */
    public static final String WEBHOOK_SIGNING_SECRET = "sandbox-zendesk-webhook-secret";

    private static final ExchangeHandler HTTP = new ExchangeHandler("application/json; charset=utf-8",
            "Basic realm=\"Web Password\"", description -> new ApiException(500, "InternalError", description));

    private final ZendeskStore store;
    private final ZendeskAuth auth;
    private final Router<ZendeskUser> router = new Router<>("(?:\\.json)?", ApiException::methodNotAllowed,
            ApiException::unknownEndpoint);
    private final WebhookDispatcher<WebhookDelivery> webhooks;
    private final Object writeLock = new Object();

    /** An emulator on the system UTC clock. */
    public ZendeskEmulator() {
        this(Clock.systemUTC());
    }

    /** An emulator whose timestamps come from {@code clock} (truncated to seconds, as Zendesk's). */
    public ZendeskEmulator(Clock clock) {
        this.store = new ZendeskStore(clock);
        this.auth = new ZendeskAuth(store);
        this.webhooks = new WebhookDispatcher<>("zendesk-emulator-webhooks", (target, body) -> signature(clock, body),
                WebhookDelivery::new);
        new TicketsResource(store, this::write).register(router);
        new UsersResource(store).register(router);
        new SearchResource(store).register(router);
        new IncrementalResource(store).register(router);
        seed();
    }

    private void seed() {
        ZendeskUser agent = store.createUser(AGENT_NAME, AGENT_EMAIL, ZendeskRole.ADMIN, null);
        store.addApiToken(agent.id(), AGENT_API_TOKEN);
        store.setPassword(agent.id(), AGENT_PASSWORD);
        store.addOAuthToken(agent.id(), AGENT_OAUTH_TOKEN);
        store.createUser("Sandbox Customer", CUSTOMER_EMAIL, ZendeskRole.END_USER, null);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        HTTP.serve(exchange, request -> router.dispatch(request, request.method(), auth.authenticate(request)));
    }

    /** Runs one write and queues its webhook events under one lock, so events leave in the order of writes. */
    private TicketMutation write(Supplier<TicketMutation> operation) {
        synchronized (writeLock) {
            TicketMutation m = operation.get();
            if (m.changedAnything()) {
                for (ObjectNode event : ZendeskWebhookEvents.from(m, id -> store.user(id).orElse(null))) {
                    webhooks.publish(new WebhookDispatcher.Event(event.get("type").asText(), event.get("id").asText(),
                            Json.bytes(event)));
                }
            }
            return m;
        }
    }

    private static Map<String, String> signature(Clock clock, byte[] body) {
        String timestamp = ZendeskJson.time(clock.instant());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(WEBHOOK_SIGNING_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            String signature = Base64.getEncoder().encodeToString(mac.doFinal(body));
            return Map.of("X-Zendesk-Webhook-Signature", signature,
                    "X-Zendesk-Webhook-Signature-Timestamp", timestamp,
                    "User-Agent", "Zendesk Webhook");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    // ------------------------------------------------------------------------------------------ admin API

    /** The seeded admin agent ({@link #AGENT_EMAIL}). */
    public ZendeskUser agent() {
        return store.userByEmail(AGENT_EMAIL).orElseThrow();
    }

    /** The seeded end-user ({@link #CUSTOMER_EMAIL}). */
    public ZendeskUser customer() {
        return store.userByEmail(CUSTOMER_EMAIL).orElseThrow();
    }

    /** Creates a user; the e-mail must be unused. */
    public ZendeskUser createUser(String name, String email, ZendeskRole role) {
        return admin(() -> store.createUser(name, email, role, null));
    }

    /** Lets a user authenticate with Basic {@code email/token:token}. */
    public void addApiToken(long userId, String token) {
        admin(() -> {
            store.addApiToken(userId, token);
            return null;
        });
    }

    /** Lets a user authenticate with Basic {@code email:password}. */
    public void setPassword(long userId, String password) {
        admin(() -> {
            store.setPassword(userId, password);
            return null;
        });
    }

    /** Lets a user authenticate with {@code Bearer token}. */
    public void addOAuthToken(long userId, String token) {
        admin(() -> {
            store.addOAuthToken(userId, token);
            return null;
        });
    }

    /** All users. */
    public List<ZendeskUser> users() {
        return store.users();
    }

    /** One user. */
    public Optional<ZendeskUser> user(long id) {
        return store.user(id);
    }

    /** Creates a ticket as the seeded agent (fires webhooks). */
    public ZendeskTicket createTicket(TicketDraft draft) {
        return admin(() -> write(() -> store.createTicket(draft, agent()))).after();
    }

    /** Creates a ticket with a subject and a public description, as the seeded agent. */
    public ZendeskTicket createTicket(String subject, String description) {
        return createTicket(TicketDraft.of(subject, description));
    }

    /** Updates a ticket as the seeded agent (fires webhooks). */
    public ZendeskTicket updateTicket(long ticketId, TicketUpdate update) {
        return updateTicket(ticketId, update, agent().id());
    }

    /** Updates a ticket as the given user, e.g. an end-user replying (fires webhooks). */
    public ZendeskTicket updateTicket(long ticketId, TicketUpdate update, long actorId) {
        ZendeskUser actor = store.user(actorId).orElseThrow(() -> new NoSuchElementException(
                "No Zendesk user with id " + actorId));
        return admin(() -> write(() -> store.updateTicket(ticketId, update, actor))).after();
    }

    /** Adds a comment (public or private) as its author, or the seeded agent when it names none. */
    public ZendeskComment addComment(long ticketId, NewComment comment) {
        long actorId = comment.authorId() == null ? agent().id() : comment.authorId();
        updateTicket(ticketId, TicketUpdate.none().withComment(comment), actorId);
        List<ZendeskComment> all = store.comments(ticketId);
        return all.get(all.size() - 1);
    }

    /** Soft-deletes a ticket (fires {@code ticket.soft_deleted}). */
    public void deleteTicket(long ticketId) {
        admin(() -> write(() -> store.deleteTicket(ticketId, agent())));
    }

    /** Live tickets by ascending id (soft-deleted ones excluded). */
    public List<ZendeskTicket> tickets() {
        return store.tickets();
    }

    /** One live ticket. */
    public Optional<ZendeskTicket> ticket(long id) {
        return store.ticket(id);
    }

    /** The comments of a ticket, oldest first (the first one is the description). */
    public List<ZendeskComment> comments(long ticketId) {
        return store.comments(ticketId);
    }

    /** Sends every future ticket event to {@code url} (http or https). */
    public void addWebhook(URI url) {
        webhooks.addTarget(url);
    }

    /** Stops sending events to {@code url}; false when it was not registered. */
    public boolean removeWebhook(URI url) {
        return webhooks.removeTarget(url);
    }

    /** The registered webhook URLs. */
    public List<URI> webhooks() {
        return webhooks.targets();
    }

    /** What happened to every event sent so far (completed deliveries only, in completion order). */
    public List<WebhookDelivery> webhookDeliveries() {
        return webhooks.deliveries();
    }

    /** Waits until every queued webhook event has been delivered or given up on; false on timeout. */
    public boolean awaitWebhooks(Duration timeout) throws InterruptedException {
        return webhooks.awaitIdle(timeout);
    }

    /** Forgets all tickets, users and delivery records and re-seeds the account; webhook URLs stay registered. */
    public void reset() {
        synchronized (writeLock) {
            store.clear();
            webhooks.clearDeliveries();
            seed();
        }
    }

    /** Stops the webhook delivery thread. */
    @Override
    public void close() {
        webhooks.close();
    }

    private static <T> T admin(Supplier<T> operation) {
        return EmulatorException.asAdminCall("Zendesk", operation);
    }
}
