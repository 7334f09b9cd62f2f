package dev.cameljira.jira.consumer.webhook;

import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameljira.jira.client.JiraCallListener;
import dev.cameljira.jira.model.JiraEvent;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of {@code jira:webhook}, run by platform-http for each request on the path. In order: method (405),
 * content type (415), size (413), signature (401), JSON (400), event selection (200, dropped), de-duplication by the
 * event id (X-Atlassian-Webhook-Identifier, else the id derived from the payload; 200, dropped), then the route,
 * synchronously on the request's thread: 200 when it succeeded, 500 when it failed (so Jira redelivers). The reply is a
 * status and a one-line text; every request header is removed from it and the payload is never echoed. Each refused
 * delivery (401, 400, 405, 413, 415, 503) is counted and logged ({@link WebhookRejections}) and reported to the
 * {@link JiraCallListener}.
 */
final class WebhookRequestHandler implements Processor {

    /** Jira's delivery id header (the same for retries and duplicates of one delivery). */
    static final String DELIVERY_ID_HEADER = "X-Atlassian-Webhook-Identifier";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookRequestHandler.class);
    /** Where Vert.x platform-http puts the client's address. */
    static final String REMOTE_ADDRESS_HEADER = "CamelVertxPlatformHttpRemoteAddress";

    private static final int MAX_DELIVERY_ID_LENGTH = 256;

    /**
     * One reply: status, a short reason, and for a refused delivery the {@link JiraCallListener} rejection reason
     * ({@code method}, {@code content-type}, ...), else null.
     */
    record Reply(int status, String reason, String rejection) {
        Reply(int status, String reason) {
            this(status, reason, null);
        }

        static Reply rejected(int status, String rejection, String reason) {
            return new Reply(status, reason, rejection);
        }
    }

    private final BooleanSupplier accepting;
    private final Predicate<JiraEvent> route;
    private final WebhookEventSelection events;
    private final WebhookSignature signature;
    private final ObjectMapper reader;
    private final long maxBodySize;
    private final DeliveryLedger ledger;
    private final JiraCallListener listener;
    private final WebhookRejections rejections;

    /**
     * @param accepting whether deliveries are taken now (the consumer started, not suspended, not stopping)
     * @param route     routes one event; true when the route succeeded
     * @param signature verifier, or null to accept unsigned deliveries
     * @param listener  told about every refused delivery (null for none)
     * @param rejections counts and logs every refused delivery
     */
    WebhookRequestHandler(BooleanSupplier accepting, Predicate<JiraEvent> route, WebhookEventSelection events,
                          WebhookSignature signature, ObjectMapper reader, long maxBodySize, DeliveryLedger ledger,
                          JiraCallListener listener, WebhookRejections rejections) {
        this.accepting = accepting;
        this.route = route;
        this.events = events;
        this.signature = signature;
        this.reader = reader;
        this.maxBodySize = maxBodySize;
        this.ledger = ledger;
        this.listener = JiraCallListener.safe(listener);
        this.rejections = rejections;
    }

    @Override
    public void process(Exchange http) {
        Reply reply;
        try {
            reply = handle(http.getIn());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply = Reply.rejected(503, JiraCallListener.REJECTED_STOPPING, "interrupted; redeliver later");
        } catch (RuntimeException e) {
            LOG.warn("jira:webhook could not handle a delivery: {}", e.toString());
            reply = new Reply(500, "internal error; redeliver later");
        }
        if (reply.rejection() != null) {
            rejections.record(reply.status(), reply.rejection(), reply.reason(), remoteAddress(http.getIn()));
            listener.webhookRejected(reply.rejection());
        }
        write(http.getMessage(), reply);
    }

    /** The client's address as the HTTP server tells it (Vert.x platform-http, in plain Camel and Quarkus), or null. */
    private static String remoteAddress(Message in) {
        Object address = in.getHeader(REMOTE_ADDRESS_HEADER);
        return address == null ? null : address.toString();
    }

    Reply handle(Message in) throws InterruptedException {
        if (!accepting.getAsBoolean()) {
            return Reply.rejected(503, JiraCallListener.REJECTED_STOPPING, "not accepting deliveries now; redeliver later");
        }
        String method = in.getHeader(Exchange.HTTP_METHOD, String.class);
        if (!"POST".equalsIgnoreCase(method)) {
            return Reply.rejected(405, JiraCallListener.REJECTED_METHOD, "method " + method
                    + " not allowed: Jira webhooks are POSTed");
        }
        String contentType = in.getHeader(Exchange.CONTENT_TYPE, String.class);
        if (!isJson(contentType)) {
            return Reply.rejected(415, JiraCallListener.REJECTED_CONTENT_TYPE, contentType == null
                    ? "missing Content-Type: send application/json" : "unsupported Content-Type: send application/json");
        }
        Long declared = in.getHeader("Content-Length", Long.class);
        if (declared != null && declared > maxBodySize) {
            return tooLarge(declared);
        }
        byte[] body = in.getBody(byte[].class);
        if (body == null) {
            body = new byte[0];
        }
        if (body.length > maxBodySize) {
            return tooLarge(body.length);
        }
        if (signature != null) {
            String sig = in.getHeader(WebhookSignature.HEADER, String.class);
            if (sig == null || sig.isBlank()) {
                return Reply.rejected(401, JiraCallListener.REJECTED_SIGNATURE, "missing " + WebhookSignature.HEADER
                        + " signature");
            }
            if (!signature.verify(sig, body)) {
                return Reply.rejected(401, JiraCallListener.REJECTED_SIGNATURE, "invalid " + WebhookSignature.HEADER
                        + " signature");
            }
        }
        JsonNode payload;
        try {
            payload = WebhookPayloads.parse(reader, body);
        } catch (WebhookPayloads.InvalidPayloadException e) {
            return Reply.rejected(400, JiraCallListener.REJECTED_MALFORMED, e.getMessage());
        }
        String type = payload.get("webhookEvent").asText();
        if (!events.accepts(type)) {
            return new Reply(200, "ignored: event not selected by this endpoint");
        }
        String deliveryId = in.getHeader(DELIVERY_ID_HEADER, String.class);
        if (deliveryId != null && (deliveryId.isBlank() || deliveryId.length() > MAX_DELIVERY_ID_LENGTH)) {
            return Reply.rejected(400, JiraCallListener.REJECTED_MALFORMED, DELIVERY_ID_HEADER + " must be 1 to "
                    + MAX_DELIVERY_ID_LENGTH + " characters");
        }
        JiraEvent event = WebhookPayloads.toEvent(payload, deliveryId);
        // the delivery id, else the id derived from the payload: the same for every copy of one event
        DeliveryLedger.Outcome outcome = ledger.deliver(event.eventId(), () -> route.test(event));
        return switch (outcome) {
            case PROCESSED -> new Reply(200, "ok");
            case DUPLICATE -> new Reply(200, "duplicate delivery: already processed");
            case FAILED -> new Reply(500, "the route failed; redeliver later");
            case IN_PROGRESS -> new Reply(409, "this delivery is being processed; redeliver later");
        };
    }

    private Reply tooLarge(long size) {
        return Reply.rejected(413, JiraCallListener.REJECTED_TOO_LARGE, "body of " + size + " bytes exceeds maxBodySize ("
                + maxBodySize + " bytes)");
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semi = contentType.indexOf(';');
        String media = (semi >= 0 ? contentType.substring(0, semi) : contentType).trim().toLowerCase(Locale.ROOT);
        return media.equals("application/json") || (media.startsWith("application/") && media.endsWith("+json"));
    }

    private static void write(Message out, Reply reply) {
        out.getHeaders().clear();
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, reply.status());
        out.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
        if (reply.status() == 405) {
            out.setHeader("Allow", "POST");
        }
        out.setBody(reply.reason() + "\n");
    }
}
