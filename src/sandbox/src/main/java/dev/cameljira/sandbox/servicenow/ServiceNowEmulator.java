package dev.cameljira.sandbox.servicenow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.ApiResponse;
import dev.cameljira.sandbox.http.HttpError;
import dev.cameljira.sandbox.http.ExchangeHandler;
import dev.cameljira.sandbox.http.FaultAnswers;
import dev.cameljira.sandbox.http.Router;
import dev.cameljira.sandbox.http.WebhookSender;
import dev.cameljira.sandbox.http.WebhookSource;
import dev.cameljira.sandbox.http.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An offline, stateful emulator of a ServiceNow instance's Table API, Attachment API and OAuth token endpoint, good
 * enough for the real camel-servicenow component (Basic auth or its OAuth password flow). Mount it on a JDK
 * {@code HttpServer} for {@code /api/now/} and {@code /oauth_token.do}; clients use {@code http://127.0.0.1:PORT/api}
 * as apiUrl and {@code http://127.0.0.1:PORT/oauth_token.do} as oauthTokenUrl.
 *
 * <h2>Tables</h2>
 * {@code incident} (create, read, query, PUT/PATCH, delete, with the stock business rules: INC0010001 numbering,
 * priority from impact and urgency, resolved/closed stamps); read-only {@code sys_user}, {@code sys_user_group}
 * (seeded with {@link #SEEDED_GROUPS}), {@code sys_journal_field} and {@code sys_attachment}. Writing
 * {@code comments} or {@code work_notes} appends a sys_journal_field entry; reading them gives "" with stored
 * values and the journal text with {@code sysparm_display_value=true|all}, as ServiceNow does. Supported
 * parameters: sysparm_query (see {@code EncodedQuery}), sysparm_limit, sysparm_offset, sysparm_fields,
 * sysparm_display_value, sysparm_exclude_reference_link, sysparm_input_display_value,
 * sysparm_suppress_auto_sys_field, sysparm_no_count, sysparm_suppress_pagination_header, name=value filters,
 * X-HTTP-Method-Override, X-no-response-body. Versioned paths /api/now/v1/... and /api/now/v2/... work too (v1
 * answers 404 to an empty list, as documented). Date-times are stored, returned and compared in UTC
 * ({@code sys_created_on>=2026-11-28 10:15:00} is UTC, as on an instance). As on an instance, a query part or
 * name=value filter naming no field of the table is ignored; HEAD is GET without the body; answers are JSON or XML
 * as {@code Accept} asks (406 otherwise); write bodies are JSON (single-quoted strings accepted, only the first of
 * several records written) or XML {@code <request><entry>} (415 for other types); see {@code Representation}.
 *
 * <p>The stock data policy applies: an insert or update that leaves an incident Resolved (6) or Closed (7) without
 * close_code (Resolution code) or close_notes (Resolution notes), sent or stored, is refused with 403
 * {@code {"error": {"message": "Operation Failed", "detail": "Data Policy Exception: \n\tThe following fields are
 * mandatory: Resolution code, Resolution notes"}, "status": "failure"}} and changes nothing. close_code takes the
 * choices of recent releases (Solution provided, Workaround provided, Resolved by caller, ...; see README).
 *
 * <h2>Attachments</h2>
 * {@code POST /api/now/attachment/file?table_name=incident&table_sys_id=&file_name=} (raw body, Content-Type of the
 * file; what camel-servicenow's {@code upload} action sends), {@code POST /api/now/attachment/upload} (multipart),
 * {@code GET /api/now/attachment?sysparm_query=} (metadata list), {@code GET /api/now/attachment/{sys_id}},
 * {@code GET /api/now/attachment/{sys_id}/file} (bytes, with {@code X-Attachment-Metadata}) and
 * {@code DELETE /api/now/attachment/{sys_id}}. Attaching does not modify the incident (as in ServiceNow); files over
 * {@link #setMaxAttachmentSize(long) com.glide.attachment.max_size} (default 1024 MB) are refused with a 400.
 *
 * <h2>Authentication</h2>
 * Basic {@link #ADMIN_USER}:{@link #ADMIN_PASSWORD}, or a Bearer token from {@code POST /oauth_token.do}
 * (grant_type=password or refresh_token, client {@link #OAUTH_CLIENT_ID} / {@link #OAUTH_CLIENT_SECRET}).
 *
 * <h2>Events</h2>
 * Every incident insert, update (including journal entries) and delete, and every attachment upload and delete, is
 * POSTed to each URL given to {@link #addWebhook(URI)} (unsigned) or {@link #addWebhook(URI, String)} (signed),
 * asynchronously, in write order: {@code {"id", "event": "incident.updated", "table", "sys_id", "number", "time",
 * "actor", "changes": [...], "journal": [...], "record": {...}}} (see {@code ServiceNowEvents}; files:
 * {@code "event": "attachment.uploaded|deleted", "attachment": {...}}), with {@value #EVENT_ID_HEADER} = the id (the
 * same on every retry) and, with a secret, {@value #SIGNATURE_HEADER}{@code : sha256=<Base64 HMAC-SHA256 of the raw
 * body>}. Connection errors, 408, 429 and 5xx are retried (4 attempts). ServiceNow itself has no webhooks; this is
 * what an integration gets from a business rule like the following (a sketch from the documented APIs, not run on an
 * instance; table Incident, after insert/update/delete, Advanced):
 * <pre>{@code
 * (function executeRule(current, previous) {
 *     var secret = gs.getProperty('x_jira_sync.webhook.secret');   // a password2 property
 *     var op = current.operation();
 *     var payload = {id: gs.generateGUID(),
 *         event: op == 'insert' ? 'incident.created' : op == 'delete' ? 'incident.deleted' : 'incident.updated',
 *         table: current.getTableName(), sys_id: current.getUniqueValue(), number: current.getValue('number'),
 *         time: new GlideDateTime().getValue(), actor: gs.getUserName(), changes: [], journal: [], record: {}};
 *     // ... fill record (current.getValue per field, getJournalEntry(-1) for comments and work_notes),
 *     // changes (current[field].changes()) and journal (the newest sys_journal_field rows): see README
 *     var body = JSON.stringify(payload);
 *     var message = new sn_ws.RESTMessageV2();
 *     message.setEndpoint(gs.getProperty('x_jira_sync.webhook.url'));
 *     message.setHttpMethod('post');
 *     message.setRequestHeader('Content-Type', 'application/json');
 *     message.setRequestHeader('X-ServiceNow-Event-Id', payload.id);
 *     var mac = new GlideCertificateEncryption().generateMac(GlideStringUtil.base64Encode(secret), 'HmacSHA256', body);
 *     message.setRequestHeader('X-ServiceNow-Signature', 'sha256=' + mac);   // generateMac answers Base64
 *     message.setRequestBody(body);
 *     message.executeAsync();
 * })(current, previous);
 * }</pre>
 *
 * <h2>Faults</h2>
 * In a {@code JiraSandbox}, {@code faults()} answers on ServiceNow paths through {@link #faultAnswers()}: over the
 * rate limit 429 {@code {"error": {"message": "Rate limit exceeded", "detail": "Rate limit of N requests per second
 * for Table API exceeded"}, "status": "failure"}} with Retry-After, X-RateLimit-Limit, X-RateLimit-Reset and
 * X-RateLimit-Rule (camel-servicenow raises {@code ServiceNowException} code 429, message "Status (429)", the body in
 * {@code getAttributes()}).
 *
 * <p>Thread-safe. The admin methods act as {@link #ADMIN_USER} and fire events like API calls; they throw
 * {@link IllegalArgumentException} for invalid input and {@link NoSuchElementException} for unknown sys_ids.
 */
public final class ServiceNowEmulator implements HttpHandler, WebhookSource<WebhookDelivery>, AutoCloseable {
    /** The seeded administrator's user_name. */
    public static final String ADMIN_USER = "admin";
    /** The seeded administrator's display name. */
    public static final String ADMIN_NAME = "System Administrator";
    /** The seeded administrator's password. */
    public static final String ADMIN_PASSWORD = "sandbox-servicenow-password";
    /** The registered OAuth client id. */
    public static final String OAUTH_CLIENT_ID = "sandbox-client";
    /** The registered OAuth client secret. */
    public static final String OAUTH_CLIENT_SECRET = "sandbox-secret";
    /** The header carrying {@code sha256=<Base64 HMAC-SHA256 of the raw body>} on signed webhook deliveries. */
    public static final String SIGNATURE_HEADER = "X-ServiceNow-Signature";
    /** The header carrying the event id: unique per event, the same on every retry and for every target. */
    public static final String EVENT_ID_HEADER = "X-ServiceNow-Event-Id";
    /** The default maximum attachment size (com.glide.attachment.max_size of a stock instance): 1024 MB. */
    public static final long DEFAULT_MAX_ATTACHMENT_SIZE = ServiceNowStore.DEFAULT_MAX_ATTACHMENT_BYTES;
    /** The assignment groups (sys_user_group) every emulator starts with. */
    public static final List<String> SEEDED_GROUPS = List.of("Service Desk", "Network", "Software", "Hardware");

    private static final String AUTH_CHALLENGE = "BASIC realm=\"Service-now\"";
    private static final ExchangeHandler HTTP = new ExchangeHandler("application/json;charset=UTF-8",
            AUTH_CHALLENGE, description -> new ApiException(500, "Internal server error", description));
    /** An attachment's bytes: {@code /api/now[/v1]/attachment/{sys_id}/file}. */
    private static final Pattern FILE_DOWNLOAD = Pattern.compile("/api/now(/v1)?/attachment/[^/]+/file/?");

    private final ServiceNowStore store;
    private final OAuthTokens tokens;
    private final ServiceNowAuth auth;
    private final OAuthResource oauth;
    private final FieldResolver resolver;
    private final RecordRenderer renderer;
    private final RecordInputReader reader;
    private final Router router = new Router(ApiException::methodNotSupported, ApiException::unknownResource);
    private final WebhookSender<WebhookDelivery> webhooks;
    private final List<URI> targets = new CopyOnWriteArrayList<>();
    private final Map<URI, String> secrets = new ConcurrentHashMap<>();
    private final Object writeLock = new Object();
    private final AttachmentResource attachments;

    /** An emulator on the system UTC clock. */
    public ServiceNowEmulator() {
        this(Clock.systemUTC());
    }

    /** An emulator whose timestamps and token expiry come from {@code clock}. */
    public ServiceNowEmulator(Clock clock) {
        this.store = new ServiceNowStore(clock);
        this.tokens = new OAuthTokens(clock);
        this.auth = new ServiceNowAuth(store, tokens);
        this.oauth = new OAuthResource(store, tokens, Map.of(OAUTH_CLIENT_ID, OAUTH_CLIENT_SECRET));
        this.resolver = new FieldResolver(store);
        this.renderer = new RecordRenderer(resolver);
        this.reader = new RecordInputReader(resolver);
        this.webhooks = new WebhookSender<>("servicenow-emulator-webhooks", Duration.ofSeconds(5),
                WebhookSender.RetryPolicy.transientFailures(4, Duration.ofMillis(50), 4), true,
                new WebhookSender.Recorder<WebhookDelivery>() {
                    @Override
                    public WebhookDelivery finished(WebhookSender.Delivery delivery, WebhookSender.Attempt last) {
                        Event e = (Event) delivery;
                        return new WebhookDelivery(e.target(), e.type(), e.id(), last.number(), last.status(),
                                last.delivered());
                    }
                });
        new TableResource(store, this::write).register(router);
        this.attachments = new AttachmentResource(store, this::writeAttachment);
        attachments.register(router);
        seed();
    }

    private void seed() {
        store.createUser(ADMIN_USER, ADMIN_NAME, "admin@example.com", ADMIN_PASSWORD);
        SEEDED_GROUPS.forEach(name -> store.createGroup(name, null));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        HTTP.serve(exchange, this::respond);
    }

    private ApiResponse respond(ApiRequest request) {
        if (request.path().startsWith("/oauth_token.do")) {
            return oauth.token(request);
        }
        String method = request.method();
        if (method.equals("POST")) {
            method = request.headerValue("X-HTTP-Method-Override").map(String::toUpperCase).orElse(method);
        }
        boolean head = method.equals("HEAD");
        String accept = request.headerValue("Accept").orElse(null);
        // a download answers with the file's own type, whatever Accept says
        Optional<Map.Entry<Representation.Format, String>> format = FILE_DOWNLOAD.matcher(request.path()).matches()
                ? Optional.of(Map.entry(Representation.Format.JSON, ApiResponse.JSON))
                : Representation.accepted(accept);
        ApiResponse response;
        try {
            ServiceNowUser user = auth.authenticate(request);
            if (format.isEmpty()) {
                throw Representation.notAcceptable(accept);
            }
            response = router.dispatch(request, head ? "GET" : method, user);
        } catch (HttpError e) {
            response = ApiResponse.error(e);
            if (e.status() == 401) {
                response.header("WWW-Authenticate", AUTH_CHALLENGE);
            }
        }
        if (format.isPresent() && format.get().getKey() == Representation.Format.XML
                && List.of(ApiResponse.JSON).equals(response.headers().get("Content-Type"))) {
            byte[] xml = Representation.xml(response.body());
            response = new ApiResponse(response.status(), response.headers(), xml)
                    .header("Content-Type", format.get().getValue());
        }
        if (head) {
            // HEAD is GET without the body (c_RESTAPI: "use the HEAD methods in place of GET methods")
            response = new ApiResponse(response.status(), response.headers(), new byte[0]);
        }
        return response;
    }

    /** Runs one write and queues its event under one lock, so events leave in the order of writes. */
    private ServiceNowStore.Write write(Supplier<ServiceNowStore.Write> operation) {
        synchronized (writeLock) {
            ServiceNowStore.Write w = operation.get();
            if (w.changedAnything()) {
                ServiceNowUser actor = store.userByName(w.after().get("sys_updated_by"))
                        .orElseGet(() -> store.userByName(ADMIN_USER).orElseThrow());
                ObjectNode event = ServiceNowEvents.of(w, actor, renderer, resolver, "",
                        GlideTime.format(store.now()));
                publish(w.event(), event);
            }
            return w;
        }
    }

    /** Runs one attachment write and queues its event under the write lock. */
    private ServiceNowStore.AttachmentWrite writeAttachment(Supplier<ServiceNowStore.AttachmentWrite> operation) {
        synchronized (writeLock) {
            ServiceNowStore.AttachmentWrite w = operation.get();
            ObjectNode event = ServiceNowEvents.ofAttachment(w, attachments.metadata(w.attachment(), null),
                    GlideTime.format(store.now()));
            publish(w.event(), event);
            return w;
        }
    }

    // ------------------------------------------------------------------------------------------ admin API

    /** The seeded administrator. */
    public ServiceNowUser admin() {
        return store.userByName(ADMIN_USER).orElseThrow();
    }

    /** Adds a sys_user; with a password it can authenticate (Basic or OAuth). */
    public ServiceNowUser createUser(String userName, String name, String email, String password) {
        return store.createUser(userName, name, email, password);
    }

    /** All sys_user records. */
    public List<ServiceNowUser> users() {
        return store.rows(Tables.SYS_USER).stream().map(ServiceNowUser::from).toList();
    }

    /** Adds a sys_user_group (assignment_group references it by sys_id or name). */
    public ServiceNowGroup createGroup(String name, String description) {
        return store.createGroup(name, description);
    }

    /** All sys_user_group records. */
    public List<ServiceNowGroup> groups() {
        return store.rows(Tables.SYS_USER_GROUP).stream().map(ServiceNowGroup::from).toList();
    }

    /**
     * Creates an incident from column values, as {@code POST /api/now/table/incident} would (journal fields append
     * entries, references take sys_ids, names or user names), acting as the administrator.
     */
    public Incident createIncident(Map<String, String> fields) {
        RecordInput input = input(fields, true);
        return Incident.from(admin(() -> write(() -> store.insertIncident(input, admin()))).after());
    }

    /** Creates an incident with just a short description. */
    public Incident createIncident(String shortDescription) {
        return createIncident(Map.of("short_description", shortDescription));
    }

    /** Updates an incident from column values, as {@code PATCH /api/now/table/incident/{sys_id}} would. */
    public Incident updateIncident(String sysId, Map<String, String> fields) {
        RecordInput input = input(fields, false);
        return Incident.from(admin(() -> write(() -> store.updateIncident(sysId, input, admin()))).after());
    }

    /** Adds an additional comment (customer-visible). */
    public JournalEntry addComment(String sysId, String text) {
        requireText(text);
        return lastJournal(updateIncident(sysId, Map.of("comments", text)));
    }

    /** Adds a work note (internal). */
    public JournalEntry addWorkNote(String sysId, String text) {
        requireText(text);
        return lastJournal(updateIncident(sysId, Map.of("work_notes", text)));
    }

    /** Deletes an incident (its journal entries stay, as in ServiceNow). */
    public void deleteIncident(String sysId) {
        admin(() -> write(() -> store.deleteIncident(sysId)));
    }

    /** All incidents in creation order. */
    public List<Incident> incidents() {
        return store.rows(Tables.INCIDENT).stream().map(Incident::from).toList();
    }

    /** One incident by sys_id. */
    public Optional<Incident> incident(String sysId) {
        return store.row(Tables.INCIDENT, sysId).map(Incident::from);
    }

    /** One incident by number (INC0010001). */
    public Optional<Incident> incidentByNumber(String number) {
        return store.rows(Tables.INCIDENT).stream().filter(r -> r.get("number").equals(number)).findFirst()
                .map(Incident::from);
    }

    /** The journal (comments and work notes) of a record, oldest first. */
    public List<JournalEntry> journal(String sysId) {
        return store.journal(sysId).stream().map(JournalEntry::from).toList();
    }

    /**
     * Attaches a file to an incident as the administrator, as {@code POST /api/now/attachment/file} would (size
     * limit, attachment.uploaded event; the incident itself is not modified).
     *
     * @throws NoSuchElementException   for an unknown incident
     * @throws IllegalArgumentException for a blank file name or content type, or a file over the size limit
     */
    public Attachment addAttachment(String incidentSysId, String fileName, String contentType, byte[] content) {
        if (fileName == null || fileName.isBlank() || contentType == null || contentType.isBlank()) {
            throw new IllegalArgumentException("An attachment needs a file name and a content type");
        }
        byte[] bytes = content.clone();
        return Attachment.from(admin(() -> writeAttachment(() -> store.insertAttachment(Tables.INCIDENT,
                incidentSysId, fileName, contentType, bytes, admin(), null))).attachment());
    }

    /** The attachments of a record (an incident's sys_id), oldest first. */
    public List<Attachment> attachments(String recordSysId) {
        return store.attachmentsOf(Tables.INCIDENT, recordSysId).stream().map(Attachment::from).toList();
    }

    /** The bytes of an attachment, by the attachment's sys_id. */
    public Optional<byte[]> attachmentContent(String attachmentSysId) {
        return store.attachmentContent(attachmentSysId);
    }

    /** Deletes an attachment as the administrator (attachment.deleted event). */
    public void deleteAttachment(String attachmentSysId) {
        admin(() -> writeAttachment(() -> store.deleteAttachment(attachmentSysId, admin())));
    }

    /**
     * Sets the instance's com.glide.attachment.max_size, in bytes (default 1024 MB, as on a stock instance), e.g. a
     * few bytes to exercise a sync's handling of a refused upload. Kept by {@link #reset()}.
     */
    public void setMaxAttachmentSize(long bytes) {
        store.maxAttachmentBytes(bytes);
    }

    /**
     * How the sandbox's injected faults (rate limit, failNext) answer on ServiceNow paths: ServiceNow's error body
     * and rate-limit headers. {@code JiraSandbox} registers it; a server of its own has no fault injection.
     */
    public FaultAnswers faultAnswers() {
        return new ServiceNowFaultAnswers();
    }

    /** Makes new OAuth access tokens live this long (default 1799 s), e.g. to exercise a client's refresh. */
    public void setAccessTokenLifetime(Duration lifetime) {
        tokens.accessLifetime(lifetime);
    }

    /**
     * Sends every future event to {@code url} (http or https), unsigned: no {@value #SIGNATURE_HEADER} header. A URL
     * is registered once; registering it again keeps one registration and drops its secret.
     */
    public void addWebhook(URI url) {
        register(url, null);
    }

    /**
     * Sends every future event to {@code url} (http or https), signed with {@code secret}: each POST carries
     * {@value #SIGNATURE_HEADER}{@code : sha256=<Base64 HMAC-SHA256 of the raw body, keyed with the UTF-8 bytes of
     * secret>}, as the business rule in the class comment computes it. Registering a URL again replaces its secret.
     * The secret is never returned, logged or sent.
     *
     * @throws IllegalArgumentException for a blank secret or a URL that is not http(s)
     */
    public void addWebhook(URI url, String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("A webhook secret must not be blank; use addWebhook(url) for unsigned");
        }
        register(url, secret);
    }

    private void register(URI url, String secret) {
        synchronized (secrets) {
            String scheme = url.getScheme();
            if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
                throw new IllegalArgumentException("A webhook URL must be http(s), got: " + url);
            }
            if (!targets.contains(url)) {
                targets.add(url);
            }
            if (secret == null) {
                secrets.remove(url);
            } else {
                secrets.put(url, secret);
            }
        }
    }

    /** Stops sending events to {@code url} and forgets its secret; false when it was not registered. */
    @Override
    public boolean removeWebhook(URI url) {
        synchronized (secrets) {
            secrets.remove(url);
            return targets.remove(url);
        }
    }

    /** The registered webhook URLs. */
    @Override
    public List<URI> webhooks() {
        return List.copyOf(targets);
    }

    /**
     * Forgets every record, attachment, token and delivery record and re-seeds the administrator; webhook URLs and
     * their secrets, the token lifetime and the attachment size limit stay.
     */
    public void reset() {
        synchronized (writeLock) {
            store.clear();
            tokens.clear();
            webhooks.clearRecords();
            seed();
        }
    }

    @Override
    public WebhookSender<WebhookDelivery> webhookSender() {
        return webhooks;
    }

    /** Stops the event delivery thread. */
    @Override
    public void close() {
        webhooks.close();
    }

    /** Queues one event for every registered target. */
    private void publish(String type, ObjectNode event) {
        byte[] body = Json.bytes(event);
        for (URI target : targets) {
            webhooks.send(new Event(target, type, event.get("id").asText(), body, secrets.get(target)));
        }
    }

    /**
     * One event to one target; every attempt carries the event id (the same on retries) and, with a secret, the
     * signature.
     */
    private record Event(URI target, String type, String id, byte[] body, String secret)
            implements WebhookSender.Delivery {
        @Override
        public Map<String, String> headers(int attempt) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            headers.put("User-Agent", "ServiceNow/1.0");
            headers.put(EVENT_ID_HEADER, id);
            if (secret != null) {
                headers.put(SIGNATURE_HEADER, "sha256=" + hmacSha256Base64(secret, body));
            }
            return headers;
        }

        /** The secret is not shown. */
        @Override
        public String toString() {
            return "Event[" + type + " " + id + " -> " + target + "]";
        }
    }

    /** What {@code new GlideCertificateEncryption().generateMac(base64(secret), "HmacSHA256", body)} returns. */
    static String hmacSha256Base64(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private RecordInput input(Map<String, String> fields, boolean insert) {
        Map<String, String> copy = new LinkedHashMap<>(fields);
        byte[] body = Json.bytes(Json.MAPPER.valueToTree(copy));
        return admin(() -> reader.read(Tables.INCIDENT_SCHEMA, body, false, false, insert));
    }

    private static void requireText(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A journal entry needs text");
        }
    }

    private JournalEntry lastJournal(Incident incident) {
        List<JournalEntry> journal = journal(incident.sysId());
        return journal.get(journal.size() - 1);
    }

    private static <T> T admin(Supplier<T> operation) {
        return HttpError.asAdminCall("ServiceNow", operation);
    }
}
