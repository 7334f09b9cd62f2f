package dev.cameljira.sandbox.emulator;

import java.net.URI;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For webhook tests: before each test it starts a fresh emulator test server and a {@link WebhookReceiver} and
 * registers the receiver's URL with the emulator; after the test it closes both. Register it on an instance field
 * with {@code @RegisterExtension}.
 *
 * @param <S> the emulator's test server
 */
public final class WebhookTestExtension<S extends EmulatorTestServer<?>>
        implements BeforeEachCallback, AfterEachCallback {
    private final Callable<S> start;
    private final BiConsumer<S, URI> subscribe;
    private S server;
    private WebhookReceiver receiver;

    /**
     * @param start     starts the test server
     * @param subscribe registers a webhook URL with its emulator
     */
    public WebhookTestExtension(Callable<S> start, BiConsumer<S, URI> subscribe) {
        this.start = start;
        this.subscribe = subscribe;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        server = start.call();
        receiver = new WebhookReceiver();
        subscribe.accept(server, receiver.url());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        receiver.close();
        server.close();
    }

    /** This test's server. */
    public S server() {
        return server;
    }

    /** This test's webhook receiver, registered with the emulator. */
    public WebhookReceiver receiver() {
        return receiver;
    }
}
