package dev.cameljira.sandbox.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.cameljira.sandbox.emulator.TestHttp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A loopback HTTP server standing in for webhook endpoints: any path is an endpoint, every request is recorded
 * (whatever it was answered), and each path answers scripted statuses with headers (then 200).
 */
final class HookServer implements AutoCloseable {

    /**
     * One request received.
     *
     * @param path     the request path
     * @param headers  its headers
     * @param body     its body
     * @param answered the status it was answered with
     * @param nanoTime {@link System#nanoTime()} on arrival
     */
    record Request(String path, Map<String, List<String>> headers, byte[] body, int answered, long nanoTime) {
        /** First value of a header (case-insensitive), or null. */
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        JsonNode json() {
            try {
                return TestHttp.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String type() {
            return json().get("type").asText();
        }
    }

    /** A scripted answer. */
    record Reply(int status, Map<String, String> headers) {
        static Reply of(int status) {
            return new Reply(status, Map.of());
        }

        static Reply retryAfter(int status, String seconds) {
            return new Reply(status, Map.of("Retry-After", seconds));
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, Deque<Reply>> scripts = new HashMap<>();

    HookServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                String path = exchange.getRequestURI().getPath();
                Reply reply;
                synchronized (this) {
                    Deque<Reply> script = scripts.get(path);
                    reply = script == null || script.isEmpty() ? Reply.of(200) : script.poll();
                    requests.add(new Request(path, Map.copyOf(exchange.getRequestHeaders()), body, reply.status(),
                            System.nanoTime()));
                }
                reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
                exchange.sendResponseHeaders(reply.status(), -1);
            }
        });
        server.start();
    }

    /** The URL of an endpoint path, e.g. {@code /a}. */
    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** The next requests to {@code path} get these answers, in order; afterwards 200. */
    synchronized void answer(String path, Reply... replies) {
        scripts.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(replies));
    }

    /** Every request to {@code path}, in arrival order. */
    synchronized List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** The requests to {@code path} that were answered 2xx. */
    synchronized List<Request> delivered(String path) {
        return requests.stream().filter(r -> r.path().equals(path) && r.answered() / 100 == 2).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
