package dev.cameljira.sandbox;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A local JDK HTTP server receiving webhook POSTs; answers scripted statuses (then 200). */
final class WebhookReceiver implements AutoCloseable {

    /** One received request. */
    record Received(String path, Headers headers, byte[] body) {
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final Deque<Integer> script = new ArrayDeque<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders(), body));
            int status;
            synchronized (script) {
                status = script.isEmpty() ? 200 : script.poll();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next responses' statuses, in order. */
    void respondWith(int... statuses) {
        synchronized (script) {
            for (int s : statuses) {
                script.add(s);
            }
        }
    }

    /** Waits for the next request (fails after 10 s). */
    Received next() throws InterruptedException {
        Received r = received.poll(10, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no webhook delivery arrived");
        }
        return r;
    }

    /** Takes the next request for an event, skipping others. */
    Received nextEvent(String event) throws InterruptedException {
        while (true) {
            Received r = next();
            if (new String(r.body(), java.nio.charset.StandardCharsets.UTF_8).contains("\"webhookEvent\":\"" + event + "\"")) {
                return r;
            }
        }
    }

    void clear() {
        received.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
