package dev.cameljira.examples.quarkus;

import java.util.Optional;

import dev.cameljira.jira.JiraConstants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.builder.RouteBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The routes of the example.
 *
 * <ul>
 *   <li>{@code jira-webhook}: Jira's webhooks arrive on {@code jira.webhook.path} of Quarkus' own HTTP server, signed
 *       with {@code jira.webhook.secret} (unsigned or wrongly signed deliveries get 401 and never reach the route); each
 *       becomes a {@code JiraEvent} handed to {@code direct:jira-event}. With {@code jira.webhook.register=true} the
 *       route registers the webhook in Jira itself for {@code jira.webhook.external-url} and removes it on stop.</li>
 *   <li>{@code jira-event}: records the event in {@link JiraEventLog} and, for an issue created in
 *       {@code jira.project-key}, comments back on it (a minimal triage bot).</li>
 *   <li>{@code create-issue}: {@code direct:create-issue} creates an issue (summary, description... from the body or
 *       the CamelJira* headers; project and issue type default to {@code jira.project-key} and
 *       {@code jira.issue-type}) and returns the created {@code JiraIssue}.</li>
 * </ul>
 *
 * Jira's URL and credentials are set once on the component in application.properties
 * ({@code camel.component.jira.*}), so no endpoint URI carries them.
 */
@ApplicationScoped
public class JiraRoutes extends RouteBuilder {

    /** The comment the triage route adds to each new issue of the project. */
    static final String ACK_COMMENT = "Thanks, we received this issue (acknowledged by the Camel Quarkus jira: example).";

    @Inject
    JiraEventLog eventLog;

    @ConfigProperty(name = "jira.webhook.register", defaultValue = "false")
    boolean registerWebhook;

    @ConfigProperty(name = "jira.webhook.external-url")
    Optional<String> webhookExternalUrl;

    @Override
    public void configure() {
        from(webhookUri())
                .routeId("jira-webhook")
                .log("Jira ${header." + JiraConstants.EVENT_TYPE + "} on ${header." + JiraConstants.ISSUE_KEY
                     + "} (delivery ${header." + JiraConstants.EVENT_ID + "})")
                .to("direct:jira-event");

        from("direct:jira-event")
                .routeId("jira-event")
                .bean(eventLog, "record")
                .filter(simple("${header." + JiraConstants.EVENT_TYPE + "} == 'jira:issue_created'"
                               + " && ${header." + JiraConstants.PROJECT_KEY + "} == ${properties:jira.project-key}"))
                    .setBody(constant(ACK_COMMENT))
                    .to("jira:addComment")
                    .log("Acknowledged ${header." + JiraConstants.ISSUE_KEY + "} with comment ${header."
                         + JiraConstants.COMMENT_ID + "}")
                .end();

        from("direct:create-issue")
                .routeId("create-issue")
                .to("jira:createIssue?projectKey={{jira.project-key}}&issueTypeName={{jira.issue-type}}")
                .log("Created ${header." + JiraConstants.ISSUE_KEY + "}");
    }

    /** The consumer URI; the secret stays a placeholder (and RAW, so any character works). */
    String webhookUri() {
        StringBuilder uri = new StringBuilder("jira:webhook?webhookPath={{jira.webhook.path}}")
                .append("&secret=RAW({{jira.webhook.secret}})");
        if (registerWebhook) {
            String url = webhookExternalUrl.filter(u -> !u.isBlank()).orElseThrow(() -> new IllegalStateException(
                    "jira.webhook.register=true needs jira.webhook.external-url: the address Jira can reach this "
                    + "application's webhook at, e.g. https://integration.example.com/jira/webhook"));
            uri.append("&registerWebhook=true&webhookExternalUrl=RAW(").append(url).append(')');
        }
        return uri.toString();
    }
}
