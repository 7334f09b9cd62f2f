package dev.cameljira.sandbox.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** A loopback HTTP endpoint that records webhook POSTs and answers with scripted statuses (then 200). */
public final class WebhookReceiver implements AutoCloseable {
    /**
     * One received request.
     *
     * @param headers the request headers
     * @param body    the body
     * @param json    the body parsed
     */
    public record Received(Map<String, List<String>> headers, byte[] body, JsonNode json) {
        /** First value of a header (case-insensitive), or null. */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private final List<Received> requests = new ArrayList<>();
    private final ConcurrentLinkedQueue<Integer> script = new ConcurrentLinkedQueue<>();
    private final AtomicInteger attempts = new AtomicInteger();

    /** Starts listening on a free loopback port. */
    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                attempts.incrementAndGet();
                Integer status = script.poll();
                int answer = status == null ? 200 : status;
                Received request = new Received(Map.copyOf(exchange.getRequestHeaders()), body,
                        TestHttp.MAPPER.readTree(body));
                synchronized (received) {
                    requests.add(request);
                    if (answer / 100 == 2) {
                        received.add(request);
                    }
                }
                exchange.sendResponseHeaders(answer, -1);
            }
        });
        server.start();
    }

    /** The next requests are answered with these statuses, in order; afterwards 200. */
    public void answerNext(Integer... statuses) {
        script.addAll(List.of(statuses));
    }

    /** The URL to register as a webhook. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    /** Requests answered 2xx, in arrival order. */
    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Every request so far (retries included), whatever it was answered, in arrival order. */
    public List<Received> requests() {
        synchronized (received) {
            return List.copyOf(requests);
        }
    }

    /** Every request so far, whatever it was answered. */
    public int attempts() {
        return attempts.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
