package dev.cameljira.routes;

import dev.cameljira.routes.engine.SyncRejectedException;
import dev.cameljira.routes.engine.SyncUnavailableException;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteTemplateDefinition;

/**
 * The route templates {@code jira-zendesk-sync} and {@code jira-servicenow-sync}. They are added to every CamelContext
 * that has this jar on its classpath (see {@link JiraSyncTemplatesPlugin}); adding this RouteBuilder again is harmless.
 * Instantiate them from properties ({@code camel.route-template[0].template-id=jira-zendesk-sync}), YAML
 * ({@code templatedRoute}) or Java ({@code TemplatedRouteBuilder}); the parameters are listed in
 * {@link TemplateParameter#ALL}.
 *
 * <p>An instance is the route {@code <routeId>} that applies events to the linked pairs, with its error handling:
 * rejected events (deleted records, unreachable statuses, refused values) go to the dead letter at once; when a side
 * throttles or is down the event is retried with backoff and then handed back to its source (a webhook answers 5xx, a
 * poller keeps its cursor); anything else is retried, then dead-lettered. The routes that feed it are added when it
 * starts: {@code <routeId>-jira-updates} (Jira changes and comments), {@code <routeId>-zendesk-poll} (or
 * {@code -servicenow-poll}), {@code <routeId>-zendesk-webhook} (or {@code -servicenow-webhook}) and the shared Jira
 * webhook route {@code jira-sync-webhook-<path>}.
 */
public class JiraSyncTemplates extends RouteBuilder {

    @Override
    public void configure() {
        for (SyncSystem system : SyncSystem.values()) {
            if (!defined(system.templateId())) {
                template(system);
            }
        }
    }

    private boolean defined(String templateId) {
        try {
            return getContext() instanceof ModelCamelContext m && m.getRouteTemplateDefinition(templateId) != null;
        } catch (RuntimeException e) {
            // the context's model does not exist yet
            return false;
        }
    }

    private void template(SyncSystem system) {
        RouteTemplateDefinition t = routeTemplate(system.templateId())
                .description("Keeps Jira issues in sync with " + system.displayName() + " " + system.recordName() + "s");
        for (TemplateParameter p : TemplateParameter.ALL) {
            if (!p.appliesTo(system)) {
                continue;
            }
            String def = p.defaultFor(system);
            if (def == null) {
                t.templateParameter(p.name(), null, p.description());
            } else {
                t.templateParameter(p.name(), def, p.description());
            }
        }
        t.configure(rtc -> SyncRuntime.configure(rtc, system));
        String runtime = "{{" + SyncRuntime.BEAN + "}}";
        t.from("direct:" + runtime)
                .routePolicyRef(runtime)
                .onException(SyncRejectedException.class)
                    .handled(true)
                    .process("{{" + SyncRuntime.DEAD_LETTER + "}}")
                .end()
                .onException(SyncUnavailableException.class)
                    // the delay of each try is set by the runtime (CamelRedeliveryDelay): redeliveryDelay doubled per
                    // try, at most 60 s, or what the side asked for in Retry-After
                    .maximumRedeliveries("{{maximumRedeliveries}}").redeliveryDelay(1000)
                    .retryAttemptedLogLevel(LoggingLevel.DEBUG).logExhausted(false).logStackTrace(false)
                    .handled(false)
                    .process("{{" + SyncRuntime.HAND_BACK + "}}")
                .end()
                .onException(Exception.class)
                    // the delay of each try is set by the runtime (CamelRedeliveryDelay): redeliveryDelay doubled per
                    // try, at most 60 s, or what the side asked for in Retry-After
                    .maximumRedeliveries("{{maximumRedeliveries}}").redeliveryDelay(1000)
                    .retryAttemptedLogLevel(LoggingLevel.DEBUG).logExhausted(false).logStackTrace(false)
                    .handled(true)
                    .process("{{" + SyncRuntime.DEAD_LETTER + "}}")
                .end()
                .process(runtime);
    }
}
