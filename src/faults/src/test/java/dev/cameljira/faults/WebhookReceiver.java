package dev.cameljira.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.model.JiraEvent;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A CamelContext serving one signed {@code jira:webhook} route (default options but the secret) over platform-http on
 * 127.0.0.1 with a free port, a client that delivers the way Jira does (HMAC-SHA256 in {@code X-Hub-Signature}, an
 * {@code X-Atlassian-Webhook-Identifier}), a raw socket for what no HTTP client sends, and a count of what reached the
 * route per delivery id.
 */
final class WebhookReceiver implements AutoCloseable {

    static final String PATH = "/faults/jira-webhook";
    static final String SIGNATURE = "X-Hub-Signature";
    static final String DELIVERY_ID = "X-Atlassian-Webhook-Identifier";

    private final CamelContext context = new DefaultCamelContext();
    private final VertxPlatformHttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, AtomicInteger> routedById = new ConcurrentHashMap<>();
    private final List<String> routedKeys = new CopyOnWriteArrayList<>();

    WebhookReceiver(String options) throws Exception {
        VertxPlatformHttpServerConfiguration conf = new VertxPlatformHttpServerConfiguration();
        conf.setBindHost("127.0.0.1");
        conf.setBindPort(0);
        server = new VertxPlatformHttpServer(conf);
        context.addService(server);
        String uri = "jira:webhook?webhookPath=" + PATH + "&secret=RAW(" + SuiteSecrets.WEBHOOK_SECRET + ")"
                     + (options.isEmpty() ? "" : "&" + options);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("faults-webhook").process(e -> {
                    String id = e.getIn().getHeader(JiraConstants.EVENT_ID, String.class);
                    routedById.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                    JiraEvent event = e.getIn().getBody(JiraEvent.class);
                    routedKeys.add(String.valueOf(event.issueKey()));
                });
            }
        });
        context.start();
    }

    CamelContext context() {
        return context;
    }

    /** Deliveries routed, per delivery id. */
    Map<String, AtomicInteger> routedById() {
        return routedById;
    }

    /** Issue keys of the events routed, in order. */
    List<String> routedKeys() {
        return List.copyOf(routedKeys);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getPort() + PATH);
    }

    int port() {
        return server.getPort();
    }

    static String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SuiteSecrets.WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An issue event as Jira sends it, {@code padding} characters of description added. */
    static byte[] event(String key, int padding) {
        return ("{\"timestamp\":1764900000000,\"webhookEvent\":\"jira:issue_updated\",\"issue_event_type_name\":\"issue_generic\","
                + "\"issue\":{\"id\":\"" + Math.abs(key.hashCode()) + "\",\"key\":\"" + key + "\",\"fields\":{\"project\":{\"key\":\"FLT\"},"
                + "\"summary\":\"Fault suite " + key + "\",\"description\":\"" + "d".repeat(padding) + "\"}},"
                + "\"changelog\":{\"id\":\"" + Math.abs(key.hashCode()) + "\",\"items\":[{\"field\":\"status\",\"fromString\":\"To Do\","
                + "\"toString\":\"Done\"}]}}").getBytes(StandardCharsets.UTF_8);
    }

    /** A signed POST of {@code body} with the delivery id, as Jira sends it. */
    HttpRequest.Builder signed(byte[] body, String deliveryId) {
        return HttpRequest.newBuilder(uri()).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("User-Agent", "Atlassian Webhook HTTP Client")
                .header(SIGNATURE, sign(body))
                .header(DELIVERY_ID, deliveryId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    HttpResponse<String> deliver(byte[] body, String deliveryId) {
        return send(signed(body, deliveryId).build());
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

    /**
     * Writes {@code head} (request line and headers, CRLF-separated, without the blank line), a blank line and
     * {@code body} on a fresh connection, and returns the status code of the answer, or -1 when the server closed the
     * connection without one.
     */
    int raw(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder statusLine = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                statusLine.append((char) c);
            }
            String line = statusLine.toString().trim();
            if (!line.startsWith("HTTP/1.")) {
                return -1;
            }
            return Integer.parseInt(line.split(" ")[1]);
        }
    }

    /** The request line and headers of a signed delivery of {@code body}, for {@link #raw}. */
    String rawHead(byte[] body, String deliveryId, String... extraHeaderLines) {
        StringBuilder b = new StringBuilder("POST " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1:" + port()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\n" + SIGNATURE + ": " + sign(body) + "\r\n" + DELIVERY_ID + ": " + deliveryId + "\r\nConnection: close");
        for (String line : extraHeaderLines) {
            b.append("\r\n").append(line);
        }
        return b.toString();
    }

    @Override
    public void close() {
        SuiteSecrets.endpoints(context);
        context.stop();
    }
}
