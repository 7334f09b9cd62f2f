package dev.cameljira.jira.consumer.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.model.JiraEvent;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.awaitility.Awaitility;

/**
 * Test plumbing for the webhook consumer: a Vert.x platform-http server on 127.0.0.1 with a free port (the way plain
 * Camel serves platform-http), a loopback HTTP client that sends deliveries the way Jira does, and a recorder of what
 * reached a route.
 *
 * <p>Which of the consumer's two paths serves the webhooks: its own route on the server's Vert.x router (the default),
 * or, with {@code -Dwebhook.transport=platform-http} (the component's second surefire run, {@code webhook-platform-http}),
 * the platform-http consumer it falls back to where there is no Vert.x router. Every HTTP test of this package runs on
 * both.
 */
final class WebhookHttp {

    /** {@code Vert.x router} or {@code platform-http}: what every jira:webhook of this test JVM is served by. */
    static final String TRANSPORT = "platform-http".equals(System.getProperty("webhook.transport")) ? "platform-http"
            : "Vert.x router";

    private final VertxPlatformHttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private WebhookHttp(VertxPlatformHttpServer server) {
        this.server = server;
    }

    /** Binds a platform-http server to the (not yet started) context: 127.0.0.1, a free port. */
    static WebhookHttp bind(CamelContext context) throws Exception {
        JiraWebhookConsumer.platformHttpOnly = TRANSPORT.equals("platform-http");
        VertxPlatformHttpServerConfiguration conf = new VertxPlatformHttpServerConfiguration();
        conf.setBindHost("127.0.0.1");
        conf.setBindPort(0);
        VertxPlatformHttpServer server = new VertxPlatformHttpServer(conf);
        context.addService(server);
        return new WebhookHttp(server);
    }

    int port() {
        return server.getPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    HttpClient client() {
        return client;
    }

    /** A POST of {@code body} with Content-Type application/json and the given extra headers (name, value, ...). */
    HttpRequest.Builder post(String path, byte[] body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b;
    }

    /** A delivery as Jira sends it: signed with {@code secret} (unless null), with a delivery id. */
    HttpResponse<String> deliver(String path, String secret, byte[] body, String deliveryId) {
        List<String> h = new ArrayList<>(List.of("X-Atlassian-Webhook-Identifier", deliveryId,
                "User-Agent", "Atlassian Webhook HTTP Client"));
        if (secret != null) {
            h.add(WebhookSignature.HEADER);
            h.add(WebhookSignature.sign(secret, body));
        }
        return send(post(path, body, h.toArray(String[]::new)).build());
    }

    HttpResponse<String> deliver(String path, String secret, String body) {
        return deliver(path, secret, body.getBytes(StandardCharsets.UTF_8), UUID.randomUUID().toString());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request to the webhook failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** What one route received: the event and the headers the consumer set. */
    record Received(JiraEvent event, Map<String, Object> headers) {
        Object header(String name) {
            return headers.get(name);
        }
    }

    /** Records every exchange a route receives. */
    static final class Recorder {
        private final List<Received> received = new CopyOnWriteArrayList<>();

        void record(Exchange exchange) {
            received.add(new Received(exchange.getIn().getBody(JiraEvent.class),
                    new java.util.HashMap<>(exchange.getIn().getHeaders())));
        }

        List<Received> all() {
            return List.copyOf(received);
        }

        void clear() {
            received.clear();
        }

        /** The first event matching, waiting up to 15 s for it (deliveries are asynchronous). */
        Received await(Predicate<Received> match, String what) {
            return Awaitility.await().alias("no " + what + " reached the route; received: " + received.stream()
                            .map(r -> r.event() + "/" + r.header(JiraConstants.EVENT_ID)).toList())
                    .atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20))
                    .until(() -> received.stream().filter(match).findFirst(), Optional::isPresent).orElseThrow();
        }
    }
}
