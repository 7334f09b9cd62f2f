package dev.cameljira.routes;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameljira.routes.engine.SyncEvent;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks one webhook delivery from Zendesk or ServiceNow before anything is routed: JSON content type, size, the HMAC
 * signature over the raw bytes (constant-time compare), well-formed JSON. A refused delivery gets its status (401
 * signature, 400 malformed, 413 too large, 415 content type) and a one-line reason, is counted by reason and logged at
 * most every ten seconds per reason, without payload or secret. An accepted one leaves a {@link SyncEvent} as the body
 * (or nothing, for events the sync does not use) and its event id in {@link #EVENT_ID}.
 *
 * <ul>
 *   <li>Zendesk: {@code X-Zendesk-Webhook-Signature} = Base64(HMAC-SHA256(secret, timestamp + body)) with the timestamp
 *   of {@code X-Zendesk-Webhook-Signature-Timestamp}.</li>
 *   <li>ServiceNow: {@code X-ServiceNow-Signature: sha256=}Base64(HMAC-SHA256(secret, body)), event id in
 *   {@code X-ServiceNow-Event-Id}.</li>
 * </ul>
 */
final class WebhookReceiver implements Processor {
    /** Exchange property: true when the delivery was accepted and carries an event. */
    static final String ACCEPTED = "JiraSyncWebhookAccepted";
    /** Header with the delivery's event id (for the idempotent consumer). */
    static final String EVENT_ID = "JiraSyncEventId";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);
    private static final long MAX_BODY = 1_048_576;
    private static final Duration LOG_EVERY = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
    }

    private final SyncSystem system;
    private final byte[] secret;
    private final Function<JsonNode, SyncEvent> convert;
    private final SyncMonitor monitor;
    private final Clock clock;
    private final Map<String, Instant> lastLogged = new ConcurrentHashMap<>();

    WebhookReceiver(SyncSystem system, String secret, Function<JsonNode, SyncEvent> convert, SyncMonitor monitor,
                    Clock clock) {
        this.system = system;
        this.secret = secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
        this.convert = convert;
        this.monitor = monitor;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        exchange.setProperty(ACCEPTED, false);
        String contentType = exchange.getIn().getHeader(Exchange.CONTENT_TYPE, "", String.class).toLowerCase(Locale.ROOT);
        if (!contentType.contains("json")) {
            reject(exchange, 415, "content-type", "Content-Type must be application/json");
            return;
        }
        byte[] body = exchange.getIn().getBody(byte[].class);
        if (body == null) {
            body = new byte[0];
        }
        if (body.length > MAX_BODY) {
            reject(exchange, 413, "too-large", "body larger than " + MAX_BODY + " bytes");
            return;
        }
        if (secret != null && !signatureValid(exchange, body)) {
            reject(exchange, 401, "signature", "missing or invalid signature");
            return;
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (Exception e) {
            reject(exchange, 400, "malformed", "body is not valid JSON");
            return;
        }
        if (json == null || !json.isObject()) {
            reject(exchange, 400, "malformed", "body is not a JSON object");
            return;
        }
        SyncEvent event = convert.apply(json);
        String eventId = system == SyncSystem.SERVICENOW
                ? exchange.getIn().getHeader("X-ServiceNow-Event-Id", json.path("id").asText(null), String.class)
                : json.path("id").asText(null);
        if (eventId == null || eventId.isBlank()) {
            eventId = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(body));
        }
        clearHeaders(exchange);
        exchange.getIn().setHeader(EVENT_ID, system.key() + ":" + eventId);
        exchange.getIn().setBody(event);
        exchange.setProperty(ACCEPTED, event != null);
    }

    private boolean signatureValid(Exchange exchange, byte[] body) {
        String given;
        byte[] signed;
        if (system == SyncSystem.ZENDESK) {
            given = exchange.getIn().getHeader("X-Zendesk-Webhook-Signature", String.class);
            String timestamp = exchange.getIn().getHeader("X-Zendesk-Webhook-Signature-Timestamp", String.class);
            if (given == null || timestamp == null) {
                return false;
            }
            byte[] ts = timestamp.getBytes(StandardCharsets.UTF_8);
            signed = new byte[ts.length + body.length];
            System.arraycopy(ts, 0, signed, 0, ts.length);
            System.arraycopy(body, 0, signed, ts.length, body.length);
        } else {
            given = exchange.getIn().getHeader("X-ServiceNow-Signature", String.class);
            if (given == null || !given.startsWith("sha256=")) {
                return false;
            }
            given = given.substring("sha256=".length());
            signed = body;
        }
        byte[] expected = Base64.getEncoder().encode(hmac(signed));
        return MessageDigest.isEqual(expected, given.trim().getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] hmac(byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void reject(Exchange exchange, int status, String reason, String text) {
        monitor.webhookRejected(system.key(), reason);
        Instant now = clock.instant();
        Instant last = lastLogged.get(reason);
        if (last == null || !now.isBefore(last.plus(LOG_EVERY))) {
            lastLogged.put(reason, now);
            LOG.warn("{} webhook delivery refused ({} {}): {}", system.displayName(), status, reason, text);
        }
        clearHeaders(exchange);
        exchange.getIn().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getIn().setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
        exchange.getIn().setBody(text);
    }

    /** Request headers (the signature among them) must not be echoed in the reply. */
    private static void clearHeaders(Exchange exchange) {
        exchange.getIn().removeHeaders("*");
    }
}
