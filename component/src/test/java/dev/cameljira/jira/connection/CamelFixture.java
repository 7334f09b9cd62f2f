package dev.cameljira.jira.connection;

import java.util.Map;

import dev.cameljira.jira.JiraComponent;
import dev.cameljira.jira.JiraEndpoint;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A started CamelContext whose jira component has no shared options: every test says on the endpoint URI (or the
 * component configuration it is handed) how to connect, so each test gets fresh endpoints, clients and caches.
 */
final class CamelFixture implements AutoCloseable {

    /** Adds beans, routes or component options before the context starts. */
    @FunctionalInterface
    interface Setup {
        void apply(CamelContext context, JiraComponent jira) throws Exception;
    }

    private final CamelContext context;
    private final ProducerTemplate template;

    private CamelFixture(CamelContext context) {
        this.context = context;
        this.template = context.createProducerTemplate();
    }

    static CamelFixture start() {
        return start((c, j) -> {
        });
    }

    static CamelFixture start(Setup setup) {
        CamelContext context = new DefaultCamelContext();
        try {
            JiraComponent jira = new JiraComponent();
            context.addComponent("jira", jira);
            setup.apply(context, jira);
            context.start();
        } catch (Exception e) {
            context.stop();
            throw new IllegalStateException("cannot start the test CamelContext: " + e, e);
        }
        return new CamelFixture(context);
    }

    CamelContext context() {
        return context;
    }

    /** Sends a message and returns the exchange, its exception included (not thrown). */
    Exchange send(String uri, Object body, Map<String, Object> headers) {
        return template.send(uri, ex -> {
            ex.getIn().setBody(body);
            if (headers != null) {
                ex.getIn().getHeaders().putAll(headers);
            }
        });
    }

    /** Sends a message and returns the result body; fails the test with the exchange's exception. */
    Object call(String uri, Object body, Map<String, Object> headers) {
        Exchange ex = send(uri, body, headers);
        if (ex.getException() != null) {
            throw new AssertionError("exchange failed: " + ex.getException(), ex.getException());
        }
        return ex.getMessage().getBody();
    }

    /** The (started) jira endpoint of a URI, for its client. */
    JiraEndpoint endpoint(String uri) {
        return context.getEndpoint(uri, JiraEndpoint.class);
    }

    @Override
    public void close() {
        template.stop();
        context.stop();
    }
}
