package dev.cameljira.jira.consumer.webhook;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.cameljira.jira.model.JiraEvent;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.PlatformHttpConstants;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.spi.PlatformHttpConsumer;
import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.DefaultExchange;

/**
 * Run by {@link WebhookWithoutVertxTest} in a class loader without Vert.x and camel-platform-http-vertx: a
 * {@code jira:webhook} route on a platform-http engine that is not Vert.x (a stand-in that hands the test the processor
 * platform-http would call per request). Returns what it observed; plain JDK types only, as it crosses class loaders.
 */
public final class NoVertxScenario {

    private NoVertxScenario() {
    }

    public static Map<String, Object> run() throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("vertxLoadable", loadable("io.vertx.core.Vertx"));
        out.put("platformHttpVertxLoadable", loadable("org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter"));
        StandInEngine engine = new StandInEngine();
        List<JiraEvent> routed = new CopyOnWriteArrayList<>();
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind(PlatformHttpConstants.PLATFORM_HTTP_ENGINE_NAME, engine);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("jira:webhook?webhookPath=/no-vertx&secret=no-vertx-secret").routeId("hook")
                            .process(e -> routed.add(e.getIn().getBody(JiraEvent.class)));
                }
            });
            camel.start();
            out.put("transport", ((JiraWebhookConsumer) camel.getRoute("hook").getConsumer()).transportName());
            out.put("path", engine.path);
            byte[] body = "{\"webhookEvent\":\"jira:issue_created\",\"issue\":{\"id\":\"1\",\"key\":\"NV-1\"}}"
                    .getBytes(StandardCharsets.UTF_8);
            out.put("signed", post(camel, engine.processor, body, WebhookSignature.sign("no-vertx-secret", body)));
            out.put("forged", post(camel, engine.processor, body, WebhookSignature.sign("other", body)));
            out.put("routed", routed.stream().map(JiraEvent::issueKey).toList());
        }
        return out;
    }

    private static int post(DefaultCamelContext camel, Processor processor, byte[] body, String signature) throws Exception {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getIn().setHeader(Exchange.HTTP_METHOD, "POST");
        exchange.getIn().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getIn().setHeader(WebhookSignature.HEADER, signature);
        exchange.getIn().setBody(body);
        processor.process(exchange);
        return exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
    }

    private static boolean loadable(String name) {
        try {
            Class.forName(name, false, NoVertxScenario.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** A platform-http engine that is not Vert.x: keeps the processor of the consumer it creates. */
    static final class StandInEngine implements PlatformHttpEngine {
        volatile String path;
        volatile Processor processor;

        @Override
        public PlatformHttpConsumer createConsumer(PlatformHttpEndpoint endpoint, Processor processor) {
            this.path = endpoint.getPath();
            this.processor = processor;
            return new StandInConsumer(endpoint, processor);
        }
    }

    static final class StandInConsumer extends DefaultConsumer implements PlatformHttpConsumer {
        StandInConsumer(PlatformHttpEndpoint endpoint, Processor processor) {
            super(endpoint, processor);
        }

        @Override
        public PlatformHttpEndpoint getEndpoint() {
            return (PlatformHttpEndpoint) super.getEndpoint();
        }
    }
}
