package dev.cameljira.examples.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A tiny forward HTTP proxy on a free loopback port, standing in for a company's egress proxy: it relays absolute-URI
 * requests ({@code GET http://host:port/path HTTP/1.1}, what a client sends to a proxy for an http:// target) and,
 * with credentials, answers requests without the right {@code Proxy-Authorization: Basic ...} with 407 and
 * {@code Proxy-Authenticate}. CONNECT (https:// targets) is refused with 405: the sandbox speaks plain HTTP.
 *
 * <p>Every request it sees is logged as {@code "<status> <method> <absolute URI>"} (never a header value), and every
 * request it relays carries {@link #RELAY_HEADER}, so the target can tell relayed calls from direct ones.
 */
final class LoopbackProxy implements AutoCloseable {
    static final String RELAY_HEADER = "X-Relayed-By";

    /** Hop-by-hop headers, and the ones java.net.http sets itself: not copied either way. */
    private static final Set<String> NOT_COPIED = Set.of("connection", "keep-alive", "proxy-authorization",
            "proxy-authenticate", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host",
            "content-length", "expect");

    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(8);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .proxy(HttpClient.Builder.NO_PROXY).connectTimeout(Duration.ofSeconds(5)).build();
    private final String expectedAuthorization;
    private final List<String> log = new CopyOnWriteArrayList<>();

    private LoopbackProxy(String user, String password) throws IOException {
        this.expectedAuthorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", this::handle);
        server.setExecutor(workers);
        server.start();
    }

    /** A proxy that relays everything. */
    static LoopbackProxy open() throws IOException {
        return new LoopbackProxy(null, null);
    }

    /** A proxy that relays only requests authenticated as {@code user}/{@code password} (Basic). */
    static LoopbackProxy authenticating(String user, String password) throws IOException {
        return new LoopbackProxy(user, password);
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** What the proxy saw, in order: {@code "407 GET http://127.0.0.1:1234/rest/api/2/serverInfo"}. */
    List<String> log() {
        return List.copyOf(log);
    }

    private void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        URI target = ex.getRequestURI();
        try (ex) {
            if ("CONNECT".equals(method) || !target.isAbsolute()) {
                answer(ex, 405, method, target, "this proxy relays absolute-URI http:// requests only");
                return;
            }
            if (expectedAuthorization != null
                    && !expectedAuthorization.equals(ex.getRequestHeaders().getFirst("Proxy-Authorization"))) {
                ex.getResponseHeaders().add("Proxy-Authenticate", "Basic realm=\"egress\"");
                answer(ex, 407, method, target, "proxy authentication required");
                return;
            }
            relay(ex, method, target);
        }
    }

    private void relay(HttpExchange ex, String method, URI target) throws IOException {
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readAllBytes();
        }
        HttpRequest.Builder out = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, List<String>> h : ex.getRequestHeaders().entrySet()) {
            if (!NOT_COPIED.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                h.getValue().forEach(v -> out.header(h.getKey(), v));
            }
        }
        out.header(RELAY_HEADER, "loopback-proxy");
        HttpResponse<byte[]> in;
        try {
            in = client.send(out.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer(ex, 502, method, target, "interrupted");
            return;
        } catch (IOException e) {
            answer(ex, 502, method, target, "target unreachable");
            return;
        }
        in.headers().map().forEach((name, values) -> {
            if (!NOT_COPIED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                values.forEach(v -> ex.getResponseHeaders().add(name, v));
            }
        });
        byte[] responseBody = in.body();
        log.add(in.statusCode() + " " + method + " " + target);
        boolean noBody = "HEAD".equals(method) || in.statusCode() == 204 || in.statusCode() == 304;
        ex.sendResponseHeaders(in.statusCode(), noBody || responseBody.length == 0 ? -1 : responseBody.length);
        if (!noBody && responseBody.length > 0) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(responseBody);
            }
        }
    }

    private void answer(HttpExchange ex, int status, String method, URI target, String reason) throws IOException {
        log.add(status + " " + method + " " + target);
        byte[] text = (reason + "\n").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=UTF-8");
        ex.sendResponseHeaders(status, text.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(text);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
