package dev.cameljira.sandbox.zendesk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.cameljira.sandbox.http.HttpError;
import dev.cameljira.sandbox.http.ExchangeHandler;
import dev.cameljira.sandbox.http.Router;
import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.Json;
import dev.cameljira.sandbox.http.WebhookSender;
import dev.cameljira.sandbox.http.WebhookSource;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An offline, stateful emulator of Zendesk Support's REST API ({@code /api/v2}), good enough for the real
 * camel-zendesk component (Zendesk Java client) and for event webhooks. Mount it on a JDK {@code HttpServer} for the
 * paths {@code /api/v2/} and {@code /attachments/} (content URLs); clients use the server's root URL (e.g.
 * {@code http://127.0.0.1:PORT}) as their Zendesk URL. Inside {@code JiraSandbox} both are mounted already.
 *
 * <p><b>Endpoints.</b> Tickets (create, show, show_many, list with {@code external_id}, update with comments, tags,
 * custom fields, safe_update, delete; the bulk create_many, update_many and destroy_many, done at once and reported
 * through {@code job_statuses}; the tags endpoints; a user's requested / assigned / CC'd tickets; side-loads
 * {@code include=users,groups,organizations}), ticket comments (public and private, with attachments; cursor and
 * offset pagination, page links back to the host the client addressed), ticket audits (one per write that changed a
 * ticket or added a comment, the same audit the write answered with: Comment, Create and Change events), users (list,
 * show, show_many, me, search, create, update with suspension, soft delete, create_or_update, e-mail identities),
 * ticket fields (the system fields, custom fields added by admins), {@code search.json}, {@code search/count} and
 * {@code search/export} (a subset, see {@code ZendeskSearch}), the incremental ticket and user exports (cursor-based
 * and time-based), uploads and attachments, and the Webhooks API. Errors use Zendesk's shapes (404 RecordNotFound,
 * 422 RecordInvalid with details, 401 "Couldn't authenticate you", 403 Forbidden; the Webhooks API answers
 * {@code {"errors": [{"code", "title", "detail"}]}}). A ticket update
 * changes only the members present in the JSON: an absent member is left alone, an explicit {@code null} clears a
 * nullable field (priority, type, external_id, assignee_id, group_id, due_at).
 *
 * <p><b>Authentication.</b> Basic {@code email/token:API_TOKEN}, Basic {@code email:password}, or
 * {@code Bearer TOKEN}. The account starts with an admin agent ({@link #AGENT_EMAIL}, API token
 * {@link #AGENT_API_TOKEN}, password {@link #AGENT_PASSWORD}, OAuth token {@link #AGENT_OAUTH_TOKEN}) and an
 * end-user {@link #CUSTOMER_EMAIL}. Deleted and suspended users cannot sign in; the seeded admin is the account
 * owner, whom nobody may delete, suspend or demote.
 *
 * <p><b>Uploads and attachments.</b> {@code POST /api/v2/uploads?filename=NAME[&token=TOKEN]} with the raw file as body
 * and its MIME type as {@code Content-Type} (a generic {@code application/binary} or {@code application/octet-stream}
 * gives way to the type the file name's extension names) answers 201 {@code {"upload": {"token", "attachment",
 * "attachments"}}}; passing {@code token} adds the file to that upload. A ticket create or update whose
 * {@code comment.uploads} names the token attaches the files to that comment; comments then list them in
 * {@code attachments}
 * ({@code id, file_name, content_url, mapped_content_url, content_type, size, url, inline, deleted, thumbnails, ...}).
 * A token can be used once and expires {@link #UPLOAD_TOKEN_LIFETIME} (60 minutes, as Zendesk documents) after the
 * upload, on the emulator's clock; an unknown, used or expired token in a comment is a 422 RecordInvalid (details under
 * {@code uploads}) and nothing changes; a comment with uploads but no body is a 422. A file larger than
 * {@link #MAX_UPLOAD_BYTES} (50 MB) is a 413; a missing {@code filename} a 400. {@code DELETE /api/v2/uploads/{token}}
 * removes an unused upload (204). {@code GET /api/v2/attachments/{id}} shows one. Content URLs look like Zendesk's,
 * {@code {base}/attachments/token/{random}/?name={file}}, and serve the bytes with the file's {@code Content-Type} to
 * any authenticated user (like an account with private attachments enabled); files never attached are gone once their
 * token expired.
 *
 * <p><b>Webhooks.</b> Admins manage webhooks through the Webhooks API: {@code POST /api/v2/webhooks}
 * ({@code {"webhook": {name, endpoint, http_method, request_format, status, subscriptions[, description,
 * authentication, custom_headers]}}} -> 201), {@code GET /api/v2/webhooks} (cursor paging: {@code webhooks, meta,
 * links}; {@code filter[name_contains]}, {@code filter[status]}, {@code page[size|after|before]}),
 * {@code GET|PUT|PATCH|DELETE /api/v2/webhooks/{id}} (PUT/PATCH/DELETE answer 204; PATCH is a JSON merge patch),
 * {@code GET /api/v2/webhooks/{id}/signing_secret} ({@code {"signing_secret": {"algorithm": "SHA256", "secret"}}})
 * and {@code POST .../signing_secret} (a new secret, 201). Each webhook gets its own random signing secret.
 * A webhook subscribed to event types ({@code zen:event-type:ticket.created}, {@code ...status_changed},
 * {@code ...comment_added}, {@code ...attachment_linked_to_comment}, ...; see {@code ZendeskWebhookEvents}) must use
 * POST and json and receives, while active, exactly the events it subscribed to as Zendesk event JSON
 * ({@code {"type", "account_id", "id", "time", "zendesk_event_version", "subject", "detail": {ticket}, "event"}}).
 * A webhook subscribed to {@code conditional_ticket_events} is meant for triggers and automations, which the
 * emulator does not have: it receives nothing. The connection method of a webhook cannot change.
 *
 * <p>Deliveries are asynchronous, one invocation per event and webhook, in order, with the headers
 * {@code X-Zendesk-Account-Id}, {@code X-Zendesk-Webhook-Id}, {@code X-Zendesk-Webhook-Invocation-Id} (kept across
 * retries), {@code X-Zendesk-Webhook-Signature-Timestamp} and {@code X-Zendesk-Webhook-Signature} =
 * Base64(HMAC-SHA256(secret, timestamp + body)), plus the webhook's authentication ({@code basic_auth},
 * {@code bearer_token}, {@code api_key}) and custom headers. Retries as Zendesk documents them: a 409 answer, a 429 or
 * 503 with a {@code Retry-After} below 60 seconds (waited for), a connection failure or a 12-second timeout are
 * retried up to {@link #WEBHOOK_MAX_RETRIES} times; any other failure (e.g. 500, 400) is not retried. Zendesk's
 * circuit breaker is not emulated. {@link #addWebhook(URI)} keeps the old shortcut: an active webhook subscribed to
 * every event the emulator fires, signed with {@link #WEBHOOK_SIGNING_SECRET}.
 *
 * <p>Thread-safe. The admin methods ({@code createTicket}, {@code tickets}, ...) act as the seeded agent and fire
 * webhooks like API calls do; they throw {@link IllegalArgumentException} for invalid input and
 * {@link NoSuchElementException} for unknown ids. Secrets and credentials are never logged.
 */
public final class ZendeskEmulator implements HttpHandler, WebhookSource<WebhookDelivery>, AutoCloseable {
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
    /** Signing secret of webhooks registered with {@link #addWebhook(URI)}. */
    public static final String WEBHOOK_SIGNING_SECRET = "sandbox-zendesk-webhook-secret";
    /** The account id sent as {@code X-Zendesk-Account-Id} and in event payloads. */
    public static final String ACCOUNT_ID = "1";
    /** How long an upload token can be used after the upload (Zendesk: 60 minutes). */
    public static final Duration UPLOAD_TOKEN_LIFETIME = Duration.ofMinutes(60);
    /** The largest file an upload accepts (Zendesk: 50 MB). */
    public static final int MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
    /** Retries of one webhook invocation, at most (after the first attempt). */
    public static final int WEBHOOK_MAX_RETRIES = ZendeskWebhookDispatcher.MAX_RETRIES;

    private static final ExchangeHandler HTTP = new ExchangeHandler("application/json; charset=utf-8",
            "Basic realm=\"Web Password\"", description -> new ApiException(500, "InternalError", description));

    private final ZendeskStore store;
    private final ZendeskAuth auth;
    private final Router router = new Router(ApiException::methodNotAllowed, ApiException::unknownEndpoint);
    private final WebhookRegistry webhooks;
    private final JobStatuses jobs = new JobStatuses();
    private final TicketFields ticketFields;
    private final ZendeskWebhookDispatcher dispatcher;
    private final Object writeLock = new Object();
    private volatile String baseUrl;
    private volatile String lastRequestBaseUrl = "http://127.0.0.1";
    private volatile long agentId;
    private volatile long customerId;

    /** An emulator on the system UTC clock. */
    public ZendeskEmulator() {
        this(Clock.systemUTC());
    }

    /** An emulator whose timestamps (and upload expiry) come from {@code clock} (truncated to seconds). */
    public ZendeskEmulator(Clock clock) {
        this.store = new ZendeskStore(clock);
        this.ticketFields = new TicketFields(clock);
        this.auth = new ZendeskAuth(store);
        this.webhooks = new WebhookRegistry(clock);
        this.dispatcher = new ZendeskWebhookDispatcher(clock, ACCOUNT_ID);
        new TicketsResource(store, this::write, jobs).register(router);
        new JobStatusesResource(jobs).register(router);
        new UsersResource(store).register(router);
        new TicketFieldsResource(ticketFields, store).register(router);
        new SearchResource(store).register(router);
        new IncrementalResource(store).register(router);
        new UploadsResource(store).register(router);
        new WebhooksResource(webhooks).register(router);
        seed();
    }

    private void seed() {
        ZendeskUser agent = store.createUser(AGENT_NAME, AGENT_EMAIL, ZendeskRole.ADMIN, null);
        store.addApiToken(agent.id(), AGENT_API_TOKEN);
        store.setPassword(agent.id(), AGENT_PASSWORD);
        store.addOAuthToken(agent.id(), AGENT_OAUTH_TOKEN);
        store.accountOwner(agent.id());
        agentId = agent.id();
        customerId = store.createUser("Sandbox Customer", CUSTOMER_EMAIL, ZendeskRole.END_USER, null).id();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        boolean oversized = isOversizedUpload(exchange);
        if (oversized) {
            // read and dropped, not kept in memory; left open so that the exchange can still be served
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
        }
        HTTP.serve(exchange, request -> {
            lastRequestBaseUrl = request.baseUrl();
            if (oversized) {
                throw ApiException.tooLarge("Uploads are limited to " + MAX_UPLOAD_BYTES + " bytes (50 MB)");
            }
            String path = request.path();
            ApiRequest routed = path.endsWith(".json") ? request.withPath(path.substring(0, path.length() - 5)) : request;
            return router.dispatch(routed, request.method(), auth.authenticate(request));
        });
    }

    /** An upload whose declared {@code Content-Length} is over the limit (answered 413 without reading it in). */
    private static boolean isOversizedUpload(HttpExchange exchange) {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (!"POST".equalsIgnoreCase(exchange.getRequestMethod()) || length == null
                || !exchange.getRequestURI().getPath().matches("/api/v2/uploads(?:\\.json)?")) {
            return false;
        }
        try {
            return Long.parseLong(length.trim()) > MAX_UPLOAD_BYTES;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Runs one write and queues its webhook events under one lock, so events leave in the order of writes. */
    private TicketMutation write(Supplier<TicketMutation> operation) {
        synchronized (writeLock) {
            TicketMutation m = operation.get();
            if (m.changedAnything()) {
                for (ObjectNode event : ZendeskWebhookEvents.from(m, id -> store.user(id).orElse(null),
                        baseUrl())) {
                    String type = event.get("type").asText();
                    dispatcher.publish(webhooks.targets(type), type, event.get("id").asText(), Json.bytes(event));
                }
            }
            return m;
        }
    }

    // ------------------------------------------------------------------------------------------ admin API

    /**
     * Sets the root URL that absolute URLs in webhook payloads (attachment {@code content_url}s) start with, e.g.
     * {@code http://127.0.0.1:8089}. Unset, the emulator uses the root URL of the last request it served.
     */
    public void baseUrl(String url) {
        this.baseUrl = url == null ? null : url.replaceAll("/+$", "");
    }

    /** The root URL of absolute URLs in webhook payloads (see {@link #baseUrl(String)}). */
    public String baseUrl() {
        String configured = baseUrl;
        return configured != null ? configured : lastRequestBaseUrl;
    }

    /** The seeded admin agent ({@link #AGENT_EMAIL}), the account owner. */
    public ZendeskUser agent() {
        return store.user(agentId).orElseThrow();
    }

    /** The seeded end-user ({@link #CUSTOMER_EMAIL}), as it is now (it may have been changed or deleted). */
    public ZendeskUser customer() {
        return store.user(customerId).orElseThrow();
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

    /** All users, deleted ones ({@code active} false) included. */
    public List<ZendeskUser> users() {
        return store.users();
    }

    /** A user's identities (its e-mail addresses; none once deleted), oldest first. */
    public List<ZendeskIdentity> identities(long userId) {
        return store.identities(userId);
    }

    /** One user. */
    public Optional<ZendeskUser> user(long id) {
        return store.user(id);
    }

    /**
     * Adds a custom ticket field, as {@code POST /api/v2/ticket_fields} does; tickets then carry its value as
     * {@code custom_fields: [{"id": field.id(), "value": ...}]}.
     *
     * @param type  text, textarea, checkbox, date, integer, decimal or regexp (use the other overload for tagger and
     *              multiselect)
     * @param title the field's title (clients look fields up by it)
     */
    public ZendeskTicketField addTicketField(String type, String title) {
        return addTicketField(type, title, Map.of());
    }

    /**
     * Adds a custom drop-down ({@code tagger}) or {@code multiselect} ticket field with its options, name -> value
     * in order (pass a {@code LinkedHashMap} to keep the order).
     */
    public ZendeskTicketField addTicketField(String type, String title, Map<String, String> options) {
        return admin(() -> ticketFields.add(type, title, null, false, new java.util.LinkedHashMap<>(options)));
    }

    /** The ticket fields: the system fields, then the custom ones, by position. */
    public List<ZendeskTicketField> ticketFields() {
        return ticketFields.all();
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

    /**
     * Adds a comment (public or private) as its author, or the seeded agent when it names none. Upload tokens in
     * {@link NewComment#uploads()} attach their files.
     */
    public ZendeskComment addComment(long ticketId, NewComment comment) {
        long actorId = comment.authorId() == null ? agent().id() : comment.authorId();
        updateTicket(ticketId, TicketUpdate.none().withComment(comment), actorId);
        List<ZendeskComment> all = store.comments(ticketId);
        return all.get(all.size() - 1);
    }

    /** Uploads {@code files} (one upload token) and adds the comment with them attached (fires webhooks). */
    public ZendeskComment addComment(long ticketId, NewComment comment, NewAttachment... files) {
        List<String> tokens = new ArrayList<>(comment.uploads());
        if (files.length > 0) {
            String token = null;
            for (NewAttachment file : files) {
                token = upload(token, file).token();
            }
            tokens.add(token);
        }
        return addComment(ticketId, comment.withUploads(tokens));
    }

    /** Uploads a file into a new upload, as {@code POST /api/v2/uploads} does; returns the upload. */
    public ZendeskUpload upload(NewAttachment file) {
        return upload(null, file);
    }

    /** Adds a file to an existing upload ({@code token}), or to a new one when {@code token} is null. */
    public ZendeskUpload upload(String token, NewAttachment file) {
        return admin(() -> store.upload(token, file.fileName(), file.contentType(), file.content()));
    }

    /** The files attached to a ticket's comments, oldest comment first. */
    public List<ZendeskAttachment> attachments(long ticketId) {
        return store.ticketAttachments(ticketId);
    }

    /** One attachment (attached, or uploaded and not yet expired). */
    public Optional<ZendeskAttachment> attachment(long attachmentId) {
        return store.attachment(attachmentId);
    }

    /** A copy of an attachment's bytes. */
    public byte[] attachmentContent(long attachmentId) {
        return store.content(attachmentId).orElseThrow(() -> new NoSuchElementException(
                "No Zendesk attachment with id " + attachmentId));
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

    /**
     * Registers an active webhook calling {@code url} for every ticket event the emulator fires, signed with
     * {@link #WEBHOOK_SIGNING_SECRET}; returns its id.
     */
    public String addWebhook(URI url) {
        return addWebhook(url, WEBHOOK_SIGNING_SECRET);
    }

    /**
     * Registers an active webhook calling {@code url} for every ticket event the emulator fires, signed with
     * {@code signingSecret}; returns its id.
     */
    public String addWebhook(URI url, String signingSecret) {
        return addWebhook(url, signingSecret, ZendeskWebhookEvents.EMITTED);
    }

    /**
     * Registers an active webhook calling {@code url} for the given event types (e.g.
     * {@code zen:event-type:ticket.comment_added}), signed with {@code signingSecret} (null: a random one);
     * returns its id. The same rules as {@code POST /api/v2/webhooks} apply.
     */
    public String addWebhook(URI url, String signingSecret, List<String> subscriptions) {
        return admin(() -> {
            ObjectNode w = Json.object().put("name", "Sandbox webhook " + url)
                    .put("endpoint", url.toString()).put("http_method", "POST").put("request_format", "json")
                    .put("status", "active");
            subscriptions.forEach(w.putArray("subscriptions")::add);
            return webhooks.create(WebhookJson.parse(w, null, false), agent().id(), signingSecret).id();
        });
    }

    /** The signing secret of a webhook. */
    public String webhookSecret(String webhookId) {
        return admin(() -> webhooks.secret(webhookId));
    }

    /** One webhook. */
    public Optional<ZendeskWebhook> webhook(String webhookId) {
        return webhooks.get(webhookId);
    }

    /** All webhooks, in creation order. */
    public List<ZendeskWebhook> webhookRegistrations() {
        return webhooks.list();
    }

    /** Deletes every webhook calling {@code url}; false when there was none. */
    @Override
    public boolean removeWebhook(URI url) {
        return webhooks.removeByEndpoint(url);
    }

    /** The endpoints of all webhooks, in creation order. */
    @Override
    public List<URI> webhooks() {
        return webhooks.list().stream().map(ZendeskWebhook::endpoint).toList();
    }

    /**
     * The first pause before retrying a 409 answer or a failed connection (doubled for each further retry; default
     * 50 ms). Zendesk does not document its pause; a {@code Retry-After} is always honoured as sent.
     */
    public void webhookRetryPause(Duration pause) {
        dispatcher.retryPause(pause);
    }

    /**
     * Forgets all tickets, users, custom ticket fields, uploads, job statuses and delivery records and re-seeds the
     * account; webhooks (and their secrets) stay registered.
     */
    public void reset() {
        synchronized (writeLock) {
            store.clear();
            ticketFields.clear();
            jobs.clear();
            dispatcher.sender().clearRecords();
            seed();
        }
    }

    @Override
    public WebhookSender<WebhookDelivery> webhookSender() {
        return dispatcher.sender();
    }

    /** Stops the webhook delivery thread. */
    @Override
    public void close() {
        dispatcher.close();
    }

    private static <T> T admin(Supplier<T> operation) {
        return HttpError.asAdminCall("Zendesk", operation);
    }
}
