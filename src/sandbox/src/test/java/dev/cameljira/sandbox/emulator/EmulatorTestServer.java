package dev.cameljira.sandbox.emulator;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * A JDK HttpServer on a free loopback port with an emulator mounted at its contexts, as the sandbox server does.
 * Each emulator's tests subclass it to name the emulator and its contexts.
 *
 * @param <E> the emulator
 */
public abstract class EmulatorTestServer<E extends HttpHandler & AutoCloseable> implements AutoCloseable {
    /** The emulator being served. */
    public final E emulator;
    private final HttpServer server;

    /**
     * Starts serving {@code emulator} at each context path (e.g. {@code /api/v2/}).
     *
     * @param emulator the emulator, closed with this server
     * @param contexts the context paths to mount it at
     */
    protected EmulatorTestServer(E emulator, String... contexts) throws IOException {
        this.emulator = emulator;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        for (String context : contexts) {
            server.createContext(context, emulator);
        }
        server.start();
    }

    /** The server root, e.g. http://127.0.0.1:PORT. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A client for this server sending {@code authorization} (null for none). */
    public TestHttp http(String authorization) {
        return new TestHttp(baseUrl(), authorization);
    }

    /** Stops the server, then the emulator. */
    @Override
    public void close() {
        server.stop(0);
        try {
            emulator.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("closing " + emulator.getClass().getSimpleName() + " failed", e);
        }
    }
}
