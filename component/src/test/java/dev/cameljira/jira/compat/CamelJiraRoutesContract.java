package dev.cameljira.jira.compat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.jira.model.JiraComment;
import dev.cameljira.jira.model.JiraIssue;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routes written exactly as Apache camel-jira users wrote them - camel-jira's operation names, {@code jiraUrl} /
 * {@code username} / {@code password} in the URI, camel-jira's header names with their Java types (Long IssueTypeId,
 * Integer IssueTransitionId, ...), the body as description / comment / file - run against the sandbox, which must end
 * up in the state camel-jira would have left. Results are read with Simple expressions as camel-jira users read
 * {@code Issue.getKey()} ({@code ${body.key}}).
 */
abstract class CamelJiraRoutesContract extends CamelJiraCompatSupport {

    /** Seeded ids of the sandbox (as a camel-jira user knows the ids of their Jira): issue type Bug, priority Low. */
    private static final long BUG_TYPE_ID = 10002L;
    private static final int LOW_PRIORITY_ID = 4;
    /** The sandbox workflow's "Start Progress" transition (To Do -> In Progress). */
    private static final int START_PROGRESS = 11;

    @TempDir
    Path tmp;

    @Override
    protected void addRoutes(CamelContext context) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:addIssue")
                        .to(camelJiraUri("addIssue"))
                        .setHeader("createdKey", simple("${body.key}"))
                        .setHeader("createdSummary", simple("${body.summary}"))
                        .log("created ${body.key}: ${body.summary}");
                from("direct:AddIssue")
                        .to("jira:AddIssue?jiraUrl=" + sandbox.baseUrl() + "&username=" + login() + "&password=RAW(" + secret() + ")");
                from("direct:fetchIssue")
                        .to(camelJiraUri("fetchIssue"))
                        .setHeader("fetchedKey", simple("${body.key}"))
                        .setHeader("fetchedSummary", simple("${body.summary}"))
                        .setHeader("fetchedStatus", simple("${body.status}"))
                        .setHeader("fetchedDescription", simple("${body.description}"));
                from("direct:updateIssue").to(camelJiraUri("updateIssue"));
                from("direct:deleteIssue").to(camelJiraUri("deleteIssue"));
                from("direct:addComment").to(camelJiraUri("addComment"));
                from("direct:fetchComments")
                        .to(camelJiraUri("fetchComments"))
                        .setHeader("commentCount", simple("${body.size}"))
                        .setHeader("firstComment", simple("${body[0].body}"));
                from("direct:attach").to(camelJiraUri("attach"));
                from("direct:watchers").to(camelJiraUri("watchers"));
                from("direct:addIssueLink").to(camelJiraUri("addIssueLink"));
                from("direct:addWorkLog").to(camelJiraUri("addWorkLog"));
                from("direct:transitionIssue").to(camelJiraUri("transitionIssue"));
            }
        });
    }

    private Exchange run(String route, Object body, Map<String, Object> headers) {
        return succeeded(send("direct:" + route, body, headers), route);
    }

    // ---- issues ------------------------------------------------------------------------------------------------

    @Test
    void addIssueWithCamelJiraHeadersAndTheBodyAsDescription() {
        Map<String, Object> h = headers("ProjectKey", "DEMO", "IssueTypeName", "Task", "IssueSummary", "Demo Bug jira",
                "IssuePriorityName", "High", "IssueComponents", "Backend,Frontend", "IssueWatchersAdd", userRef());
        h.put(isCloud() ? "IssueAssigneeId" : "IssueAssignee", userRef());
        Exchange ex = run("addIssue", "My jira description", h);

        String key = ex.getMessage().getHeader("createdKey", String.class);
        assertThat(key).as("${body.key} of the created issue").startsWith("DEMO-");
        assertThat(ex.getMessage().getHeader("createdSummary")).as("${body.summary}").isEqualTo("Demo Bug jira");
        assertThat(ex.getMessage().getBody(JiraIssue.class).key()).isEqualTo(key);

        JsonNode f = sandbox.admin().issue(key).path("fields");
        assertThat(f.at("/issuetype/name").asText()).isEqualTo("Task");
        assertThat(f.at("/priority/name").asText()).isEqualTo("High");
        assertThat(f.path("components").findValuesAsText("name")).containsExactlyInAnyOrder("Backend", "Frontend");
        assertThat(text(f.path("description"))).isEqualTo("My jira description");
        assertThat(f.at(isCloud() ? "/assignee/accountId" : "/assignee/name").asText()).isEqualTo(userRef());
        assertThat(watcherIds(key)).contains(userRef());
    }

    @Test
    void addIssueWithNumericTypeAndPriorityIds() {
        Exchange ex = run("addIssue", "Typed ids", headers("ProjectKey", "DEMO", "IssueTypeId", BUG_TYPE_ID,
                "IssueSummary", "Numeric ids", "IssuePriorityId", LOW_PRIORITY_ID));
        JsonNode f = sandbox.admin().issue(ex.getMessage().getHeader("createdKey", String.class)).path("fields");
        assertThat(f.at("/issuetype/id").asText()).isEqualTo(String.valueOf(BUG_TYPE_ID));
        assertThat(f.at("/issuetype/name").asText()).isEqualTo("Bug");
        assertThat(f.at("/priority/name").asText()).isEqualTo("Low");
    }

    @Test
    void upperCaseOperationNameAndRawPasswordAsInTheKamelets() {
        Exchange ex = run("AddIssue", "Body", headers("ProjectKey", "DEMO", "IssueTypeName", "Task", "IssueSummary", "Capital A"));
        JiraIssue issue = ex.getMessage().getBody(JiraIssue.class);
        assertThat(sandbox.admin().issue(issue.key()).at("/fields/summary").asText()).isEqualTo("Capital A");
    }

    @Test
    void fetchIssueResultIsReadWithSimple() {
        String key = sandbox.admin().createIssue("DEMO", "Task", "Fetched the camel-jira way",
                Map.of("description", "Seeded description"));
        Exchange ex = run("fetchIssue", null, headers("IssueKey", key));
        assertThat(ex.getMessage().getHeader("fetchedKey")).isEqualTo(key);
        assertThat(ex.getMessage().getHeader("fetchedSummary")).isEqualTo("Fetched the camel-jira way");
        assertThat(ex.getMessage().getHeader("fetchedStatus")).isEqualTo("To Do");
        assertThat(ex.getMessage().getHeader("fetchedDescription")).isEqualTo("Seeded description");
    }

    @Test
    void updateIssueTakesHeadersAndTheBodyAsNewDescription() {
        String key = seedIssue("Before update");
        run("updateIssue", "New description", headers("IssueKey", key, "IssueSummary", "After update",
                "IssuePriorityId", (long) LOW_PRIORITY_ID, "IssueComponents", "Frontend"));
        JsonNode f = sandbox.admin().issue(key).path("fields");
        assertThat(f.path("summary").asText()).isEqualTo("After update");
        assertThat(f.at("/priority/name").asText()).isEqualTo("Low");
        assertThat(f.path("components").findValuesAsText("name")).containsExactly("Frontend");
        assertThat(text(f.path("description"))).isEqualTo("New description");
    }

    @Test
    void deleteIssueRemovesIt() {
        String key = seedIssue("To be deleted");
        run("deleteIssue", null, headers("IssueKey", key));
        assertThat(restStatus("/issue/" + key)).isEqualTo(404);
    }

    @Test
    void transitionIssueWithIntegerTransitionIdAndBodyComment() {
        String key = seedIssue("To be started");
        run("transitionIssue", "Started from Camel", headers("IssueKey", key, "IssueTransitionId", START_PROGRESS));
        assertThat(sandbox.admin().issue(key).at("/fields/status/name").asText()).isEqualTo("In Progress");
        assertThat(commentTexts(key)).containsExactly("Started from Camel");
    }

    // ---- comments, attachments, watchers, links, worklogs -----------------------------------------------------

    @Test
    void addCommentTakesTheBodyAsText() {
        String key = seedIssue("Commented");
        run("addComment", "A comment from camel-jira", headers("IssueKey", key));
        assertThat(commentTexts(key)).containsExactly("A comment from camel-jira");
    }

    @Test
    void fetchCommentsReturnsTheCommentsInOrder() {
        String key = seedIssue("With comments");
        sandbox.admin().addComment(key, "first");
        sandbox.admin().addComment(key, "second");
        Exchange ex = run("fetchComments", null, headers("IssueKey", key));
        @SuppressWarnings("unchecked")
        List<JiraComment> comments = ex.getMessage().getBody(List.class);
        assertThat(comments).extracting(JiraComment::body).containsExactly("first", "second");
        assertThat(ex.getMessage().getHeader("commentCount", Integer.class)).isEqualTo(2);
        assertThat(ex.getMessage().getHeader("firstComment")).isEqualTo("first");
    }

    @Test
    void attachSendsTheFileBody() throws Exception {
        String key = seedIssue("With attachment");
        File file = tmp.resolve("report.txt").toFile();
        Files.writeString(file.toPath(), "printer log\n", StandardCharsets.UTF_8);
        run("attach", file, headers("IssueKey", key));
        JsonNode attachments = sandbox.admin().issue(key).at("/fields/attachment");
        assertThat(attachments).hasSize(1);
        assertThat(attachments.get(0).path("filename").asText()).isEqualTo("report.txt");
        assertThat(new String(download(attachments.get(0).path("content").asText()), StandardCharsets.UTF_8))
                .isEqualTo("printer log\n");
    }

    @Test
    void watchersAddsThenRemoves() {
        String key = seedIssue("Watched");
        Exchange ex = run("watchers", "unchanged body", headers("IssueKey", key, "IssueWatchersAdd", userRef()));
        assertThat(watcherIds(key)).contains(userRef());
        assertThat(ex.getMessage().getBody()).as("camel-jira left the body as it was").isEqualTo("unchanged body");

        run("watchers", null, headers("IssueKey", key, "IssueWatchersRemove", userRef()));
        assertThat(watcherIds(key)).doesNotContain(userRef());
    }

    @Test
    void addIssueLinkLinksParentToChildWithTheBodyAsComment() {
        String parent = seedIssue("Parent");
        String child = seedIssue("Child");
        run("addIssueLink", "linked by Camel", headers("ParentIssueKey", parent, "ChildIssueKey", child, "linkType", "Blocks"));

        JsonNode links = sandbox.admin().issue(child).at("/fields/issuelinks");
        assertThat(links).hasSize(1);
        assertThat(links.get(0).at("/type/name").asText()).isEqualTo("Blocks");
        assertThat(links.get(0).at("/inwardIssue/key").asText())
                .as("camel-jira sent the parent as inwardIssue and the child as outwardIssue").isEqualTo(parent);
        List<String> comments = new java.util.ArrayList<>(commentTexts(parent));
        comments.addAll(commentTexts(child));
        assertThat(comments).as("Jira adds the link's comment to one of the two issues").containsExactly("linked by Camel");
    }

    @Test
    void addWorkLogTakesMinutesSpentAndTheBodyAsComment() {
        String key = seedIssue("Worked on");
        run("addWorkLog", "Replaced the toner", headers("IssueKey", key, "minutesSpent", 90));
        JsonNode worklogs = restGet("/issue/" + key + "/worklog").path("worklogs");
        assertThat(worklogs).hasSize(1);
        assertThat(worklogs.get(0).path("timeSpentSeconds").asLong()).isEqualTo(90 * 60L);
        assertThat(text(worklogs.get(0).path("comment"))).isEqualTo("Replaced the toner");
    }
}
