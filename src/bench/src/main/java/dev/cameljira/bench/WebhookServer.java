package dev.cameljira.bench;

import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameljira.jira.consumer.webhook.WebhookPayloads;
import dev.cameljira.jira.consumer.webhook.WebhookSignature;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;

/**
 * One variant of the webhook ingest benchmark in its own JVM, serving {@code POST /jira/webhook} on 127.0.0.1 (free
 * port); prints {@code READY port=N} once it serves:
 * <ul>
 *   <li>{@code jira}: {@code from("jira:webhook?secret=...&routeOnEventLoop=true")} (verify, parse, de-duplicate) to a
 *   no-op processor, on plain Camel's Vert.x platform-http server (where jira:webhook adds its own route to the server's
 *   Vert.x router); the no-op route never blocks, so it runs on the event loop, as the bare handler does;</li>
 *   <li>{@code jira-worker}: the same in jira:webhook's default mode, the route on a Vert.x worker thread (for routes that
 *   may block);</li>
 *   <li>{@code vertx}: a bare Vert.x handler (one server instance per core on the port) doing the same work by hand: the same HMAC check
 *   ({@link WebhookSignature}), a Jackson tree parse with the same limits, the event type and issue key read, and the
 *   delivery id de-duplicated in the same kind of in-memory LRU store (Camel's MemoryIdempotentRepository);</li>
 *   <li>{@code ceiling}: a platform-http route answering 204 to everything, what Camel's HTTP layer costs alone;</li>
 *   <li>{@code vertx204}: the bare Vert.x servers answering 204 to everything after reading the body, what Vert.x costs
 *   alone: next to {@code ceiling} it says what Camel's HTTP layer adds; {@code jira} serves its path on the Vert.x router
 *   directly and keeps only that layer's hand-off to a worker thread.</li>
 * </ul>
 */
public final class WebhookServer {

    static final String PATH = "/jira/webhook";

    private WebhookServer() {
    }

    public static void main(String[] args) throws Exception {
        String variant = args[0];
        String secret = args[1];
        switch (variant) {
            case "jira", "jira-worker", "ceiling" -> {
                CamelContext camel = new DefaultCamelContext();
                VertxPlatformHttpServerConfiguration conf = new VertxPlatformHttpServerConfiguration();
                conf.setBindHost("127.0.0.1");
                conf.setBindPort(0);
                VertxPlatformHttpServer server = new VertxPlatformHttpServer(conf);
                camel.addService(server);
                camel.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        if (variant.startsWith("jira")) {
                            // the no-op route never blocks: what routeOnEventLoop is for; jira-worker: the default mode
                            from("jira:webhook?webhookPath=" + PATH + "&secret=RAW(" + secret + ")"
                                 + (variant.equals("jira") ? "&routeOnEventLoop=true" : "")).routeId("webhook")
                                    .process(ex -> {
                                        // the no-op route: a user's route would start here
                                    });
                        } else {
                            from("platform-http:" + PATH).routeId("ceiling")
                                    .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(204)).setBody(constant(""));
                        }
                    }
                });
                camel.start();
                Child.say("READY", "port", server.getPort());
                Child.awaitStdinClosed();
                camel.close();
            }
            case "vertx", "vertx204" -> {
                Vertx vertx = Vertx.vertx();
                WebhookSignature signature = new WebhookSignature(secret);
                ObjectMapper reader = WebhookPayloads.reader(64);
                MemoryIdempotentRepository seen = (MemoryIdempotentRepository) MemoryIdempotentRepository
                        .memoryIdempotentRepository(50_000);
                seen.start();
                int port;
                try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                    port = free.getLocalPort();
                }
                // one server instance runs on one event loop: as Vert.x applications scale, one instance per core on the
                // same port (Vert.x shares it and spreads the connections), so the baseline may use every core as
                // platform-http's worker threads do
                HttpServer server = null;
                for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
                    server = vertx.createHttpServer().requestHandler(variant.equals("vertx") ? req -> handle(req, signature, reader, seen)
                            : req -> req.body().onSuccess(b -> req.response().setStatusCode(204).end()))
                            .listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
                }
                Child.say("READY", "port", server.actualPort());
                Child.awaitStdinClosed();
                vertx.close();
            }
            default -> throw new IllegalArgumentException("unknown webhook variant '" + variant + "': jira, jira-worker, vertx, ceiling or vertx204");
        }
    }

    private static void handle(HttpServerRequest req, WebhookSignature signature, ObjectMapper reader,
                               MemoryIdempotentRepository seen) {
        if (req.method() != HttpMethod.POST || !PATH.equals(req.path())) {
            req.response().setStatusCode(405).end();
            return;
        }
        String contentType = req.getHeader("Content-Type");
        if (contentType == null || !contentType.startsWith("application/json")) {
            req.response().setStatusCode(415).end();
            return;
        }
        req.body().onSuccess(buffer -> {
            byte[] body = buffer.getBytes();
            String sig = req.getHeader(WebhookSignature.HEADER);
            if (sig == null || !signature.verify(sig, body)) {
                req.response().setStatusCode(401).end("invalid signature\n");
                return;
            }
            JsonNode payload;
            try {
                payload = reader.readTree(body);
            } catch (Exception e) {
                req.response().setStatusCode(400).end("malformed JSON\n");
                return;
            }
            JsonNode type = payload == null ? null : payload.get("webhookEvent");
            if (type == null) {
                req.response().setStatusCode(400).end("no webhookEvent\n");
                return;
            }
            String issueKey = payload.path("issue").path("key").asText(null);
            String id = req.getHeader("X-Atlassian-Webhook-Identifier");
            if (id != null && !seen.add(id)) {
                req.response().setStatusCode(200).end("duplicate delivery: already processed\n");
                return;
            }
            // the no-op "route": the event type and issue key are what a user's handler would act on
            if (issueKey == null && type.asText().isEmpty()) {
                req.response().setStatusCode(400).end();
                return;
            }
            req.response().setStatusCode(200).putHeader("Content-Type", "text/plain; charset=utf-8").end("ok\n");
        });
    }
}
