package dev.cameljira.examples.producer;

import java.util.List;

import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.model.AddCommentRequest;
import dev.cameljira.jira.model.CreateIssueRequest;
import dev.cameljira.jira.model.JiraIssue;
import org.apache.camel.builder.RouteBuilder;

/**
 * The jira: producer in Java DSL. Reusable routes, one per operation, each taking a typed request or headers:
 *
 * <ul>
 *   <li>{@code direct:create-issue}: body {@link CreateIssueRequest} -> the created {@link JiraIssue};</li>
 *   <li>{@code direct:open-issues}: header {@code CamelJiraJql} -> logs every match, fetching
 *       {@code demo.page-size} issues per Jira call while the splitter streams through them;</li>
 *   <li>{@code direct:move}: headers {@code CamelJiraIssueKey}, {@code CamelJiraTransition} (a transition or status
 *       name) and optionally {@code CamelJiraComment} -> the issue in its new status;</li>
 *   <li>{@code direct:comment}: body {@link AddCommentRequest} -> the created comment.</li>
 * </ul>
 *
 * and {@code demo}, run once at start: it files one Bug per entry of {@code demo.summaries}, lists the open ones,
 * starts work on the first, comments on it and resolves it. Jira's URL and credentials are set on the component
 * (application.properties), so no endpoint URI carries them.
 */
public class IssueRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:create-issue").routeId("create-issue")
                .to("jira:createIssue")
                .log("created ${body.key}: ${body.summary} (${body.priority})");

        from("direct:open-issues").routeId("open-issues")
                .to("jira:searchIssues?maxResults={{demo.page-size}}&fields=summary,status,priority")
                // a lazy iterator: the next page is fetched when the splitter has consumed this one
                .split(body()).streaming()
                    .log("open: ${body.key} [${body.status}] ${body.summary}")
                .end();

        from("direct:move").routeId("move")
                .to("jira:transitionIssue")
                .log("${body.key} is now ${body.status}");

        from("direct:comment").routeId("comment")
                .to("jira:addComment")
                .log("commented on ${header.CamelJiraIssueKey} (comment ${header.CamelJiraCommentId})");

        from("timer:demo?repeatCount=1&delay={{demo.delay}}").routeId("demo")
                // 1. one Bug per summary, labelled so the search below finds exactly these
                .split(simple("{{demo.summaries}}"), ";").stopOnException()
                    .process(e -> e.getIn().setBody(CreateIssueRequest.of(
                                    e.getContext().resolvePropertyPlaceholders("{{jira.project}}"), "Bug",
                                    e.getIn().getBody(String.class).trim())
                            .withDescription("Reported by the **camel-jira** Java producer example.\n\n"
                                             + "- found by: monitoring\n- impact: one floor")
                            .withPriority("High")
                            .withLabels(List.of(e.getContext().resolvePropertyPlaceholders("{{demo.label}}")))))
                    .to("direct:create-issue")
                    .filter(simple("${exchangeProperty.CamelSplitIndex} == 0"))
                        // a route variable: the split's sub-exchanges share it with the exchange that runs on
                        .setVariable("route:demo:first", simple("${body.key}"))
                    .end()
                .end()
                // 2. what is open, page by page
                .setHeader(JiraConstants.JQL, simple("project = {{jira.project}} AND labels = {{demo.label}}"
                                                     + " AND statusCategory != Done ORDER BY created ASC"))
                .to("direct:open-issues")
                // 3. work on the first one: start, comment, resolve
                .removeHeaders("CamelJira*")
                .setHeader(JiraConstants.ISSUE_KEY, variable("route:demo:first"))
                .setHeader(JiraConstants.TRANSITION, constant("In Progress"))
                .setHeader(JiraConstants.COMMENT, constant("On it: the *on-call* engineer is looking."))
                .to("direct:move")
                .removeHeader(JiraConstants.COMMENT)
                .process(e -> e.getIn().setBody(AddCommentRequest.of(e.getVariable("route:demo:first", String.class),
                        "Root cause: a loose cable. Fixed.")))
                .to("direct:comment")
                .setHeader(JiraConstants.TRANSITION, constant("Done"))
                .to("direct:move")
                .log("demo finished: ${header.CamelJiraIssueKey} is ${body.status}");
    }
}
