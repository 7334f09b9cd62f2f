package dev.cameljira.examples.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives the application under test a free loopback port chosen before it starts. The embedded mode tells the sandbox
 * where to deliver webhooks before Quarkus' HTTP server is up, so it must know its port in advance (with
 * {@code test-port=0} the port is known only afterwards).
 */
public class FreeHttpPort implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.http.test-port", String.valueOf(freePort()));
    }

    @Override
    public void stop() {
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
