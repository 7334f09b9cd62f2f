package dev.cameljira.jira.consumer.webhook;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
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
 * The HTTP side of {@code jira:webhook}: the checks and the answer for each request on the path, whichever server
 * carries it ({@link VertxWebhookRoute} on the Vert.x router, or this class as the platform-http processor). In order:
 * whether the consumer takes deliveries now (503), method (405), content type (415), size by Content-Length (413) --
 * {@link #checkHead}, on the request line and headers only -- then, given the body, {@link #deliver}: size (413),
 * signature (401), JSON (400), event selection (200, dropped), the delivery id (400), de-duplication by the event id
 * (X-Atlassian-Webhook-Identifier, else the id derived from the payload; 200, dropped), then the route, synchronously
 * on the calling thread ({@link #deliverAsync}: started on it, for routes that never block): 200 when it succeeded,
 * 500 when it failed (so Jira redelivers). The reply is a status and a
 * one-line text; no request header is copied into it and the payload is never echoed. Each refused delivery (401, 400,
 * 405, 413, 415, 503) is counted and logged ({@link WebhookRejections}) and reported to the {@link JiraCallListener}
 * ({@link #settle}).
 */
final class WebhookRequestHandler implements Processor {

    /** Jira's delivery id header (the same for retries and duplicates of one delivery). */
    static final String DELIVERY_ID_HEADER = "X-Atlassian-Webhook-Identifier";
    /**
     * The request headers {@link #deliver} reads: a transport that runs it on another thread than the one that received
     * the request may read them first, while the request is hot in that thread's cache.
     */
    static final List<String> DELIVERY_HEADERS = List.of(WebhookSignature.HEADER, DELIVERY_ID_HEADER);

    private static final Logger LOG = LoggerFactory.getLogger(WebhookRequestHandler.class);
    /** Where Vert.x platform-http puts the client's address. */
    static final String REMOTE_ADDRESS_HEADER = "CamelVertxPlatformHttpRemoteAddress";

    private static final int MAX_DELIVERY_ID_LENGTH = 256;
    private static final Reply PROCESSED = new Reply(200, "ok");
    private static final Reply DUPLICATE = new Reply(200, "duplicate delivery: already processed");
    private static final Reply ROUTE_FAILED = new Reply(500, "the route failed; redeliver later");
    private static final Reply IN_PROGRESS = new Reply(409, "this delivery is being processed; redeliver later");

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

    /** A step of the handling that may wait (for a copy of the delivery in flight) or fail. */
    @FunctionalInterface
    interface Step {
        Reply run() throws InterruptedException;
    }

    private final BooleanSupplier accepting;
    private final Predicate<JiraEvent> route;
    private final Function<JiraEvent, CompletionStage<Boolean>> asyncRoute;
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
     * @param asyncRoute starts routing one event without waiting for it, for {@link #deliverAsync}; null when the route
     *                  always runs on a thread that may block
     * @param signature verifier, or null to accept unsigned deliveries
     * @param listener  told about every refused delivery (null for none)
     * @param rejections counts and logs every refused delivery
     */
    WebhookRequestHandler(BooleanSupplier accepting, Predicate<JiraEvent> route,
                          Function<JiraEvent, CompletionStage<Boolean>> asyncRoute, WebhookEventSelection events,
                          WebhookSignature signature, ObjectMapper reader, long maxBodySize, DeliveryLedger ledger,
                          JiraCallListener listener, WebhookRejections rejections) {
        this.accepting = accepting;
        this.route = route;
        this.asyncRoute = asyncRoute;
        this.events = events;
        this.signature = signature;
        this.reader = reader;
        this.maxBodySize = maxBodySize;
        this.ledger = ledger;
        this.listener = JiraCallListener.safe(listener);
        this.rejections = rejections;
    }

    /** Whether deliveries are to go through {@link #deliverAsync} on the thread that received them (routeOnEventLoop). */
    boolean routesOnEventLoop() {
        return asyncRoute != null;
    }

    /** The largest accepted body in bytes (the endpoint's maxBodySize). */
    long maxBodySize() {
        return maxBodySize;
    }

    /** The platform-http path (the fallback): one request as a Camel exchange, answered in it. */
    @Override
    public void process(Exchange http) {
        Message in = http.getIn();
        WebhookRequest request = new MessageRequest(in);
        Reply reply = run(() -> {
            Reply head = checkHead(request);
            if (head != null) {
                return head;
            }
            byte[] body = in.getBody(byte[].class);
            return deliver(request, body == null ? new byte[0] : body);
        });
        settle(request, reply);
        write(http.getMessage(), reply);
    }

    /**
     * Runs a step of the handling: an interruption (the consumer stopping while a copy waits) answers 503, an
     * unexpected failure 500, so Jira redelivers either.
     */
    Reply run(Step step) {
        try {
            return step.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reply.rejected(503, JiraCallListener.REJECTED_STOPPING, "interrupted; redeliver later");
        } catch (RuntimeException e) {
            LOG.warn("jira:webhook could not handle a delivery: {}", e.toString());
            return new Reply(500, "internal error; redeliver later");
        }
    }

    /**
     * Counts, logs and reports a refused delivery (nothing for other replies). Logs and calls the user's listener, so it
     * runs where blocking is allowed (never on an event loop).
     */
    void settle(WebhookRequest request, Reply reply) {
        if (reply.rejection() != null) {
            rejections.record(reply.status(), reply.rejection(), reply.reason(), request.remoteAddress());
            listener.webhookRejected(reply.rejection());
        }
    }

    /**
     * The checks that need only the request line and headers, in order: the consumer takes deliveries now (503),
     * method (405), content type (415), the declared size (413). CPU only, never blocks.
     *
     * @return the refusal, or null when the body is to be read
     */
    Reply checkHead(WebhookRequest in) {
        if (!accepting.getAsBoolean()) {
            return Reply.rejected(503, JiraCallListener.REJECTED_STOPPING, "not accepting deliveries now; redeliver later");
        }
        String method = in.method();
        if (!"POST".equalsIgnoreCase(method)) {
            return Reply.rejected(405, JiraCallListener.REJECTED_METHOD, "method " + method
                    + " not allowed: Jira webhooks are POSTed");
        }
        String contentType = in.header(Exchange.CONTENT_TYPE);
        if (!isJson(contentType)) {
            return Reply.rejected(415, JiraCallListener.REJECTED_CONTENT_TYPE, contentType == null
                    ? "missing Content-Type: send application/json" : "unsupported Content-Type: send application/json");
        }
        long declared = contentLength(in);
        if (declared > maxBodySize) {
            return tooLarge(declared);
        }
        return null;
    }

    /**
     * The rest, given the body, in order: size (413), signature (401), JSON (400), event selection (200), delivery id
     * (400), de-duplication (200) and the route (200, 500 or 409). Waits on the idempotent repository and runs the
     * route on the calling thread: never call it on an event loop.
     *
     * @throws InterruptedException while waiting for a copy of the delivery still in the route
     */
    Reply deliver(WebhookRequest in, byte[] body) throws InterruptedException {
        Admission a = admit(in, body);
        if (a.reply() != null) {
            return a.reply();
        }
        JiraEvent event = a.event();
        // the delivery id, else the id derived from the payload: the same for every copy of one event
        return reply(ledger.deliver(event.eventId(), () -> route.test(event)));
    }

    /**
     * As {@link #deliver}, without blocking the calling thread (a Vert.x event loop, with routeOnEventLoop): the checks
     * and the de-duplication in memory run on it, the route starts on it and may finish elsewhere (an asynchronous
     * endpoint); a copy of a delivery still in the route is answered once the first has its outcome. Completes with the
     * reply, or exceptionally when the handling failed unexpectedly (answer 500).
     */
    CompletableFuture<Reply> deliverAsync(WebhookRequest in, byte[] body) {
        Admission a = admit(in, body);
        if (a.reply() != null) {
            return CompletableFuture.completedFuture(a.reply());
        }
        JiraEvent event = a.event();
        return ledger.deliverAsync(event.eventId(), () -> asyncRoute.apply(event)).thenApply(WebhookRequestHandler::reply);
    }

    /** A delivery's checks before the route: either the reply that ends it there, or the event to route. */
    private record Admission(Reply reply, JiraEvent event) {
    }

    private Admission admit(WebhookRequest in, byte[] body) {
        if (body.length > maxBodySize) {
            return new Admission(tooLarge(body.length), null);
        }
        if (signature != null) {
            String sig = in.header(WebhookSignature.HEADER);
            if (sig == null || sig.isBlank()) {
                return new Admission(Reply.rejected(401, JiraCallListener.REJECTED_SIGNATURE, "missing "
                        + WebhookSignature.HEADER + " signature"), null);
            }
            if (!signature.verify(sig, body)) {
                return new Admission(Reply.rejected(401, JiraCallListener.REJECTED_SIGNATURE, "invalid "
                        + WebhookSignature.HEADER + " signature"), null);
            }
        }
        JsonNode payload;
        try {
            payload = WebhookPayloads.parse(reader, body);
        } catch (WebhookPayloads.InvalidPayloadException e) {
            return new Admission(Reply.rejected(400, JiraCallListener.REJECTED_MALFORMED, e.getMessage()), null);
        }
        String type = payload.get("webhookEvent").asText();
        if (!events.accepts(type)) {
            return new Admission(new Reply(200, "ignored: event not selected by this endpoint"), null);
        }
        String deliveryId = in.header(DELIVERY_ID_HEADER);
        if (deliveryId != null && !validDeliveryId(deliveryId)) {
            return new Admission(Reply.rejected(400, JiraCallListener.REJECTED_MALFORMED, DELIVERY_ID_HEADER
                    + " must be 1 to " + MAX_DELIVERY_ID_LENGTH + " visible ASCII characters"), null);
        }
        return new Admission(null, WebhookPayloads.toEvent(payload, deliveryId));
    }

    private static Reply reply(DeliveryLedger.Outcome outcome) {
        return switch (outcome) {
            case PROCESSED -> PROCESSED;
            case DUPLICATE -> DUPLICATE;
            case FAILED -> ROUTE_FAILED;
            case IN_PROGRESS -> IN_PROGRESS;
        };
    }

    /** The declared Content-Length, or -1 when absent or not a number (the body's own size is checked then). */
    static long contentLength(WebhookRequest in) {
        String value = in.header("Content-Length");
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    /**
     * Jira's delivery ids are UUIDs: 1 to 256 visible ASCII characters. Anything else (spaces, control characters, a
     * header folded over two lines, which HTTP servers join with a space) is refused rather than kept as a
     * de-duplication key and written to logs.
     */
    static boolean validDeliveryId(String id) {
        if (id.isEmpty() || id.length() > MAX_DELIVERY_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** 413 for a body whose size is known (declared or received whole). */
    Reply tooLarge(long size) {
        return Reply.rejected(413, JiraCallListener.REJECTED_TOO_LARGE, "body of " + size + " bytes exceeds maxBodySize ("
                + maxBodySize + " bytes)");
    }

    /**
     * 413 for a body cut off while it arrived (no Content-Length), once more than {@code limit} bytes came: the limit is
     * maxBodySize, or the HTTP server's own when that is lower.
     */
    Reply tooLargeSoFar(long limit) {
        return Reply.rejected(413, JiraCallListener.REJECTED_TOO_LARGE, "body of more than " + limit + " bytes exceeds "
                + (limit < maxBodySize ? "the HTTP server's body limit" : "maxBodySize") + " (" + limit + " bytes)");
    }

    /** 413 for a declared size within maxBodySize but over the HTTP server's own, lower limit. */
    Reply tooLargeForServer(long size, long serverLimit) {
        return Reply.rejected(413, JiraCallListener.REJECTED_TOO_LARGE, "body of " + size + " bytes exceeds the HTTP "
                + "server's body limit (" + serverLimit + " bytes)");
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semi = contentType.indexOf(';');
        String media = (semi >= 0 ? contentType.substring(0, semi) : contentType).trim().toLowerCase(Locale.ROOT);
        return media.equals("application/json") || (media.startsWith("application/") && media.endsWith("+json"));
    }

    /** A platform-http request: headers as platform-http copied them into the message. */
    private record MessageRequest(Message in) implements WebhookRequest {
        @Override
        public String method() {
            return in.getHeader(Exchange.HTTP_METHOD, String.class);
        }

        @Override
        public String header(String name) {
            return in.getHeader(name, String.class);
        }

        /** Where Vert.x platform-http (plain Camel and Quarkus) puts the client's address; null with other engines. */
        @Override
        public String remoteAddress() {
            Object address = in.getHeader(REMOTE_ADDRESS_HEADER);
            return address == null ? null : address.toString();
        }
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
