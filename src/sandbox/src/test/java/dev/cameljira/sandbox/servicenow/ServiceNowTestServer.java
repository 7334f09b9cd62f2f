package dev.cameljira.sandbox.servicenow;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;

/** A JDK HttpServer on a free loopback port with the emulator at /api/now/ and /oauth_token.do. */
final class ServiceNowTestServer implements AutoCloseable {
    final ServiceNowEmulator emulator;
    private final HttpServer server;

    ServiceNowTestServer() throws IOException {
        this(Clock.systemUTC());
    }

    ServiceNowTestServer(Clock clock) throws IOException {
        emulator = new ServiceNowEmulator(clock);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/now/", emulator);
        server.createContext("/oauth_token.do", emulator);
        server.start();
    }

    /** The instance root, e.g. http://127.0.0.1:PORT. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        emulator.close();
    }
}
