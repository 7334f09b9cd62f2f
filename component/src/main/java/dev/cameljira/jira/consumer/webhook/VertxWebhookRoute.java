package dev.cameljira.jira.consumer.webhook;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;

import dev.cameljira.jira.consumer.webhook.WebhookRequestHandler.Reply;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.component.platform.http.PlatformHttpConstants;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpEngine;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The direct path of {@code jira:webhook}: when platform-http's engine is Vert.x (plain Camel with
 * {@link VertxPlatformHttpServer}, Camel Quarkus on Quarkus' own router), a route of its own for the webhook path on
 * that {@link VertxPlatformHttpRouter}, handling each request with Vert.x types: no Camel exchange for the HTTP request,
 * no copy of its headers, one exchange per delivery (the JiraEvent's, in the route).
 *
 * <p>On the event loop: the checks on the request line and headers ({@link WebhookRequestHandler#checkHead}) and the
 * body, read up to maxBodySize (or the HTTP server's own, lower limit) and never buffered beyond it. Then, on a Vert.x
 * worker thread ({@code executeBlocking}, unordered, as platform-http does), everything else
 * ({@link WebhookRequestHandler#deliver}: signature, JSON, selection, de-duplication, the route), since a route may
 * block and the idempotent repository may be JDBC; the reply is written back on the event loop. With
 * {@code routeOnEventLoop=true} (routes that never block, the repository in memory) all of it runs on the event loop,
 * the route started there ({@link WebhookRequestHandler#deliverAsync}). A refusal on the
 * request line, headers or size is answered without reading (the rest of) the body, once its bookkeeping (count, log
 * line, the user's listener) has run on a worker too.
 *
 * <p>Only this class touches Vert.x and camel-platform-http-vertx types, which are optional dependencies:
 * {@link JiraWebhookConsumer} loads it only once it has found them on the class path.
 */
final class VertxWebhookRoute implements WebhookTransport {

    /** What {@link #name()} says: a compile-time constant, so the consumer reads it without loading this class. */
    static final String NAME = "Vert.x router";

    /**
     * Quarkus' body limit ({@code quarkus.http.limits.max-body-size}) for a request without Content-Length; Quarkus
     * itself answers 413 to a larger Content-Length before any route runs.
     */
    static final String QUARKUS_MAX_REQUEST_SIZE = "io.quarkus.max-request-size";
    /** After a refusal, the bytes a client may still send (read and dropped) before its connection is closed. */
    static final long DRAIN_LIMIT = 8L << 20;

    private static final Logger LOG = LoggerFactory.getLogger(VertxWebhookRoute.class);
    /** platform-http's path parameters, /a/{b}, in Vert.x Web's syntax /a/:b: the same path matches on both paths. */
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^/}]+)\\}");
    private static final CharSequence TEXT_PLAIN = HttpHeaders.createOptimized("text/plain; charset=utf-8");
    private static final CharSequence ALLOW = HttpHeaders.createOptimized("Allow");
    private static final CharSequence POST = HttpHeaders.createOptimized("POST");
    private static final Reply INTERNAL_ERROR = new Reply(500, "internal error; redeliver later");
    /** An Expect other than 100-continue (the platform-http path's BodyHandler answers it 417 too, uncounted). */
    private static final Reply EXPECTATION_FAILED = new Reply(417, "unsupported Expect: send 100-continue or none");
    /** Arrays cannot be larger: a maxBodySize above this is read up to this. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 16;

    private final WebhookRequestHandler handler;
    /** The HTTP server's own body limit (plain Camel: VertxPlatformHttpServerConfiguration.maxBodySize), else MAX_VALUE. */
    private final long serverLimit;
    private volatile Route route;

    private VertxWebhookRoute(WebhookRequestHandler handler, long serverLimit) {
        this.handler = handler;
        this.serverLimit = serverLimit;
    }

    /**
     * Adds the route for {@code path} to the Vert.x router platform-http uses for this context.
     *
     * @return the open path, or null when platform-http's engine is not Vert.x or its router is not found (then the
     *         caller falls back to a platform-http consumer)
     */
    static WebhookTransport attach(CamelContext camel, String path, WebhookRequestHandler handler) {
        VertxPlatformHttpRouter router = router(camel);
        if (router == null) {
            return null;
        }
        VertxPlatformHttpServer server = router.getServer();
        Long serverMax = server == null ? null : server.getMaxBodySize();
        VertxWebhookRoute r = new VertxWebhookRoute(handler, serverMax == null || serverMax < 0 ? Long.MAX_VALUE : serverMax);
        r.route = router.route(PATH_PARAMETER.matcher(path).replaceAll(":$1")).handler(r::handle);
        return r;
    }

    /**
     * The router platform-http's own consumer would use: only when its engine is Vert.x; looked up by the server's port
     * and then by the name of a server on a dynamic port, as VertxPlatformHttpConsumer does.
     */
    static VertxPlatformHttpRouter router(CamelContext camel) {
        try {
            Component component = camel.getComponent(PlatformHttpConstants.PLATFORM_HTTP_COMPONENT_NAME);
            if (!(component instanceof PlatformHttpComponent platformHttp)
                || !(platformHttp.getEngine() instanceof VertxPlatformHttpEngine engine)) {
                return null;
            }
            VertxPlatformHttpRouter router = VertxPlatformHttpRouter.lookup(camel,
                    VertxPlatformHttpRouter.getRouterNameFromPort(engine.getServerPort()));
            if (router == null) {
                router = VertxPlatformHttpRouter.lookup(camel, VertxPlatformHttpRouter.PLATFORM_HTTP_ROUTER_NAME_ZERO);
            }
            return router;
        } catch (RuntimeException e) {
            // platform-http is not usable as configured: the fallback reports it as platform-http itself does
            LOG.debug("jira:webhook found no Vert.x router for platform-http: {}", e.toString());
            return null;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void close() {
        Route r = route;
        route = null;
        if (r != null) {
            r.remove();
        }
    }

    /** One request, on the event loop. */
    private void handle(RoutingContext ctx) {
        VertxRequest request = new VertxRequest(ctx.request());
        Reply refused = handler.run(() -> handler.checkHead(request));
        long declared = WebhookRequestHandler.contentLength(request);
        long limit = Math.min(Math.min(handler.maxBodySize(), serverLimit), MAX_ARRAY);
        if (refused == null && declared > limit) {
            refused = handler.tooLargeForServer(declared, limit);
        }
        if (refused != null) {
            refuse(ctx, request, refused, 0);
            return;
        }
        if (ctx.get(QUARKUS_MAX_REQUEST_SIZE) instanceof Long quarkusLimit && quarkusLimit >= 0 && quarkusLimit < limit) {
            limit = quarkusLimit;
        }
        // as Vert.x Web's BodyHandler (platform-http's) does, but only once the request line and headers passed: a
        // client that waits for 100 Continue sends no body we would refuse anyway
        String expect = request.header(HttpHeaders.EXPECT.toString());
        if (expect != null && ctx.request().version() != HttpVersion.HTTP_1_0) {
            if (!"100-continue".equalsIgnoreCase(expect)) {
                refuse(ctx, request, EXPECTATION_FAILED, 0);
                return;
            }
            ctx.response().writeContinue();
        }
        request.capture();
        new BodyReader(ctx, request, declared, limit).start();
    }

    /**
     * Answers a refusal without reading (more of) the body: what the client still sends of it is read and dropped (at
     * most {@link #DRAIN_LIMIT} bytes, then the connection is closed), so the connection stays usable and nothing is
     * buffered. Count, log and listener run on a worker first, so they are done when the client has its answer.
     */
    private void refuse(RoutingContext ctx, VertxRequest request, Reply reply, long alreadyRead) {
        HttpServerRequest req = ctx.request();
        if (!req.isEnded()) {
            Drain drain = new Drain(req, alreadyRead);
            req.handler(drain).endHandler(null).exceptionHandler(VertxWebhookRoute::ignore);
            req.resume(); // Quarkus hands requests over paused
        }
        ctx.vertx().executeBlocking(() -> {
            handler.settle(request, reply);
            return null;
        }, false).onComplete(settled -> write(ctx.response(), reply));
    }

    /**
     * Delivers a body received whole: the rest of the handling on a worker, the reply back on the event loop; with
     * routeOnEventLoop all of it on the event loop (a refusal's bookkeeping still on a worker, as it logs and calls the
     * user's listener).
     */
    private void deliver(RoutingContext ctx, VertxRequest request, byte[] body) {
        if (handler.routesOnEventLoop()) {
            CompletableFuture<Reply> replied;
            try {
                replied = handler.deliverAsync(request, body);
            } catch (RuntimeException e) {
                replied = CompletableFuture.failedFuture(e);
            }
            Context eventLoop = ctx.vertx().getOrCreateContext();
            replied.whenComplete((reply, failure) -> {
                if (Vertx.currentContext() != eventLoop) {
                    // an asynchronous route (or a copy's wait) finished elsewhere: answer on the request's event loop
                    eventLoop.runOnContext(v -> answer(ctx, request, reply, failure));
                } else {
                    answer(ctx, request, reply, failure);
                }
            });
            return;
        }
        ctx.vertx().executeBlocking(() -> {
            Reply reply = handler.run(() -> handler.deliver(request, body));
            handler.settle(request, reply);
            return reply;
        }, false).onComplete(done -> {
            if (done.failed()) {
                LOG.warn("jira:webhook could not handle a delivery: {}", done.cause().toString());
            }
            write(ctx.response(), done.succeeded() ? done.result() : INTERNAL_ERROR);
        });
    }

    /** The reply of a delivery handled on the event loop; a refusal's bookkeeping first, on a worker. */
    private void answer(RoutingContext ctx, VertxRequest request, Reply reply, Throwable failure) {
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            LOG.warn("jira:webhook could not handle a delivery: {}", cause.toString());
            write(ctx.response(), INTERNAL_ERROR);
        } else if (reply.rejection() != null) {
            refuse(ctx, request, reply, 0);
        } else {
            write(ctx.response(), reply);
        }
    }

    private static void write(HttpServerResponse response, Reply reply) {
        if (response.ended() || response.closed()) {
            return; // the client went away
        }
        response.setStatusCode(reply.status());
        MultiMap headers = response.headers();
        headers.set(HttpHeaders.CONTENT_TYPE, TEXT_PLAIN);
        if (reply.status() == 405) {
            headers.set(ALLOW, POST);
        }
        response.end(reply.reason() + "\n");
    }

    private static void ignore(Throwable t) {
        LOG.debug("jira:webhook request failed while its body arrived: {}", t.toString());
    }

    /** Reads a body into one array up to the limit; past it, answers 413 and drops the rest. */
    private final class BodyReader implements Handler<Buffer> {
        private final RoutingContext ctx;
        private final VertxRequest request;
        private final long limit;
        private byte[] bytes;
        private int size;
        private boolean finished;

        BodyReader(RoutingContext ctx, VertxRequest request, long declared, long limit) {
            this.ctx = ctx;
            this.request = request;
            this.limit = limit;
            // the declared size is within the limit here: one array of the right size, no copies while reading
            this.bytes = new byte[declared >= 0 ? (int) declared : (int) Math.min(8192, limit)];
        }

        void start() {
            HttpServerRequest req = ctx.request();
            req.handler(this).endHandler(v -> end()).exceptionHandler(VertxWebhookRoute::ignore);
            req.resume(); // Quarkus hands requests over paused
            if (req.isEnded()) {
                end(); // a request without a body may have ended before the handlers were set
            }
        }

        @Override
        public void handle(Buffer chunk) {
            if (finished) {
                return;
            }
            int n = chunk.length();
            if ((long) size + n > limit) {
                finished = true;
                bytes = null;
                refuse(ctx, request, handler.tooLargeSoFar(limit), (long) size + n);
                return;
            }
            if (size + n > bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.min(limit, Math.max((long) bytes.length * 2, (long) size + n)));
            }
            chunk.getBytes(0, n, bytes, size);
            size += n;
        }

        private void end() {
            if (finished) {
                return;
            }
            finished = true;
            byte[] body = size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
            bytes = null;
            deliver(ctx, request, body);
        }
    }

    /** Drops what arrives of a refused request's body; closes the connection after {@link #DRAIN_LIMIT} bytes. */
    private static final class Drain implements Handler<Buffer> {
        private final HttpServerRequest req;
        private long dropped;

        Drain(HttpServerRequest req, long alreadyRead) {
            this.req = req;
            this.dropped = alreadyRead;
        }

        @Override
        public void handle(Buffer chunk) {
            dropped += chunk.length();
            if (dropped > DRAIN_LIMIT) {
                req.handler(null);
                if (req.version() == HttpVersion.HTTP_2) {
                    req.response().reset(); // this stream only
                } else {
                    req.connection().close();
                }
            }
        }
    }

    /**
     * A Vert.x request as the checks see it. The headers {@link WebhookRequestHandler#deliver} reads are read on the
     * event loop ({@link #capture}) before it moves to a worker, while the request is hot there.
     */
    private static final class VertxRequest implements WebhookRequest {
        private final HttpServerRequest req;
        private final SocketAddress remote;
        private String[] captured;

        VertxRequest(HttpServerRequest req) {
            this.req = req;
            this.remote = req.remoteAddress();
        }

        /** Reads the headers deliver() needs; on the event loop. */
        void capture() {
            List<String> names = WebhookRequestHandler.DELIVERY_HEADERS;
            String[] values = new String[names.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = live(names.get(i));
            }
            captured = values;
        }

        @Override
        public String method() {
            return req.method().name();
        }

        @Override
        public String header(String name) {
            String[] values = captured;
            if (values != null) {
                List<String> names = WebhookRequestHandler.DELIVERY_HEADERS;
                for (int i = 0; i < values.length; i++) {
                    if (names.get(i).equalsIgnoreCase(name)) {
                        return values[i];
                    }
                }
            }
            return live(name);
        }

        private String live(String name) {
            MultiMap headers = req.headers();
            String value = headers.get(name);
            if (value == null) {
                return null;
            }
            List<String> all = headers.getAll(name);
            return all.size() == 1 ? value : all.toString();
        }

        @Override
        public String remoteAddress() {
            return remote == null ? null : remote.toString();
        }
    }
}
