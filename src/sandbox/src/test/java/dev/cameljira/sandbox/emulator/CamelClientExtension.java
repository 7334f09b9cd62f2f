package dev.cameljira.sandbox.emulator;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For tests that drive a real Camel component against an emulator: an {@link EmulatorServerExtension} that also
 * starts a plain Camel context once per test class (after the server) and stops it after the class (before the
 * server). Register it on a {@code static} field with {@code @RegisterExtension}.
 *
 * @param <S> the emulator's test server
 */
public final class CamelClientExtension<S extends EmulatorTestServer<?>> extends EmulatorServerExtension<S> {
    private CamelContext camel;
    private ProducerTemplate template;

    /**
     * @param start starts the test server
     * @param reset brings its emulator back to a known state before each test
     */
    public CamelClientExtension(Callable<S> start, Consumer<S> reset) {
        super(start, reset);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        super.beforeAll(context);
        camel = new DefaultCamelContext();
        camel.start();
        template = camel.createProducerTemplate();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        camel.stop();
        super.afterAll(context);
    }

    /** A producer template of the running Camel context. */
    public ProducerTemplate template() {
        return template;
    }
}
