package dev.cameljira.sandbox.zendesk;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;

/** A JDK HttpServer on a free loopback port with the emulator mounted at /api/v2/, as the sandbox server does. */
final class ZendeskTestServer implements AutoCloseable {
    final ZendeskEmulator emulator;
    private final HttpServer server;

    ZendeskTestServer() throws IOException {
        this(Clock.systemUTC());
    }

    ZendeskTestServer(Clock clock) throws IOException {
        emulator = new ZendeskEmulator(clock);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v2/", emulator);
        server.start();
    }

    /** The base URL clients are configured with (they append /api/v2 themselves). */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        emulator.close();
    }
}
