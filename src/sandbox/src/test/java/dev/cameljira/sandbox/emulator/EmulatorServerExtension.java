package dev.cameljira.sandbox.emulator;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts an emulator's test server once per test class, closes it after the class, and brings the emulator back to
 * a known state before each test. Register it on a {@code static} field with {@code @RegisterExtension}; its
 * callbacks run before the class's own {@code @BeforeAll} and {@code @BeforeEach} methods.
 *
 * @param <S> the emulator's test server
 */
public class EmulatorServerExtension<S extends EmulatorTestServer<?>>
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
    private final Callable<S> start;
    private final Consumer<S> reset;
    private S server;

    /**
     * @param start starts the test server
     * @param reset brings its emulator back to a known state before each test
     */
    public EmulatorServerExtension(Callable<S> start, Consumer<S> reset) {
        this.start = start;
        this.reset = reset;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = start.call();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        reset.accept(server);
    }

    /** The running test server. */
    public S server() {
        return server;
    }
}
