package dev.cameljira.jira.consumer.webhook;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the tests that post deliveries straight to receive-only {@code jira:webhook} routes (no Jira behind them):
 * one CamelContext per class, serving the routes of {@link #routes} over a platform-http server on 127.0.0.1 with a
 * free port ({@link WebhookHttp#bind}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WebhookReceiverTestSupport {

    protected CamelContext context;
    protected WebhookHttp http;

    /** The routes under test, added before the context starts. */
    protected abstract void routes(RouteBuilder builder) throws Exception;

    @BeforeAll
    void startReceiver() throws Exception {
        context = new DefaultCamelContext();
        http = WebhookHttp.bind(context);
        RouteBuilder.addRoutes(context, this::routes);
        context.start();
    }

    @AfterAll
    void stopReceiver() {
        if (context != null) {
            context.stop();
        }
    }
}
