package dev.cameljira.examples.quarkus;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.cameljira.jira.JiraConstants;
import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.camel.builder.RouteBuilder;

/**
 * A test route on Quarkus' HTTP server: {@code jira:webhook?routeOnEventLoop=true}, for routes that never block, records
 * each delivery's id and whether it ran on a Vert.x event loop.
 */
@ApplicationScoped
public class EventLoopWebhookRoute extends RouteBuilder {

    static final String PATH = "/jira/webhook-on-event-loop";

    private final List<String> routed = new CopyOnWriteArrayList<>();

    /** "delivery id|on event loop" per routed delivery (a method: a CDI client proxy does not forward field reads). */
    public List<String> routed() {
        return List.copyOf(routed);
    }

    @Override
    public void configure() {
        from("jira:webhook?webhookPath=" + PATH + "&secret=RAW({{jira.webhook.secret}})&routeOnEventLoop=true")
                .routeId("jira-webhook-event-loop")
                .process(e -> routed.add(e.getIn().getHeader(JiraConstants.EVENT_ID, String.class) + "|"
                                         + Context.isOnEventLoopThread()));
    }
}
