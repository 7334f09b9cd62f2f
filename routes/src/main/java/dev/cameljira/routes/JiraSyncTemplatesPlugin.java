package dev.cameljira.routes;

import org.apache.camel.CamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.spi.ContextServicePlugin;
import org.apache.camel.support.LifecycleStrategySupport;

/**
 * Makes the sync templates available in every CamelContext that has this jar on its classpath (Java ServiceLoader, read
 * by Camel while it builds the context): it binds {@link JiraSyncTemplates} as a RoutesBuilder bean, which Camel Main
 * (and so YAML {@code templatedRoute}s and {@code camel.route-template[n]} properties) adds before the routes, and adds
 * the templates when the context initializes if nothing else did. Plain Java code that instantiates a template before
 * starting the context adds {@code new JiraSyncTemplates()} itself.
 */
public final class JiraSyncTemplatesPlugin implements ContextServicePlugin {
    /** Registry name of the templates' RoutesBuilder. */
    public static final String BEAN_NAME = "jiraSyncTemplates";

    @Override
    public void load(CamelContext camelContext) {
        if (camelContext.getRegistry().lookupByName(BEAN_NAME) == null) {
            camelContext.getRegistry().bind(BEAN_NAME, new JiraSyncTemplates());
        }
        camelContext.addLifecycleStrategy(new LifecycleStrategySupport() {
            @Override
            public void onContextInitializing(CamelContext context) {
                if (context instanceof ModelCamelContext m
                        && m.getRouteTemplateDefinition(SyncSystem.ZENDESK.templateId()) == null) {
                    try {
                        context.addRoutes(new JiraSyncTemplates());
                    } catch (Exception e) {
                        throw new IllegalStateException("cannot add the jira sync route templates: " + e.getMessage(), e);
                    }
                }
            }
        });
    }
}
