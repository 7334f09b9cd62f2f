package dev.cameljira.sandbox.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.Json;
import dev.cameljira.sandbox.jira.model.ChangeItem;
import dev.cameljira.sandbox.jira.model.Comment;
import dev.cameljira.sandbox.jira.model.Issue;
import dev.cameljira.sandbox.jira.model.IssueLink;
import dev.cameljira.sandbox.jira.model.Project;
import dev.cameljira.sandbox.jira.model.User;
import dev.cameljira.sandbox.jira.model.Worklog;
import dev.cameljira.sandbox.jira.render.ActivityRenderer;
import dev.cameljira.sandbox.jira.render.FieldSelection;
import dev.cameljira.sandbox.jira.render.IssueRenderer;
import dev.cameljira.sandbox.jira.render.Renderer;
import dev.cameljira.sandbox.jira.render.View;
import dev.cameljira.sandbox.jira.store.JiraStore;
import java.util.List;
import java.util.Set;

/**
 * Builds webhook bodies with the field paths of real Jira captures: {@code timestamp, webhookEvent,
 * issue_event_type_name, user, issue{id,self,key,fields}, changelog{id,items}, comment, worklog, issueLink, project}.
 * Like real Jira, payloads use REST v2 representations (wiki strings, {@code /rest/api/2} self links).
 */
public final class WebhookPayloads {

    /** System fields holding a user, whose Cloud change items carry {@code tmpFromAccountId}/{@code tmpToAccountId}. */
    private static final Set<String> USER_FIELDS = Set.of("assignee", "reporter");

    private final JiraStore store;
    private final Renderer renderer;
    private final ActivityRenderer activity;
    private final IssueRenderer issues;

    public WebhookPayloads(JiraStore store, Renderer renderer, ActivityRenderer activity, IssueRenderer issues) {
        this.store = store;
        this.renderer = renderer;
        this.activity = activity;
        this.issues = issues;
    }

    private View view() {
        return new View(store.baseUrl(), 2, store.cloud());
    }

    private ObjectNode base(String event) {
        ObjectNode n = Json.object();
        n.put("timestamp", store.now().toEpochMilli());
        n.put("webhookEvent", event);
        return n;
    }

    /** {@code jira:issue_*}: the full issue, the acting user and (for changes) the changelog. */
    public ObjectNode issue(String event, String typeName, Issue issue, User user, Long historyId, List<ChangeItem> items,
            Comment comment) {
        View view = view();
        ObjectNode n = base(event);
        if (typeName != null) {
            n.put("issue_event_type_name", typeName);
        }
        n.set("user", renderer.user(user, view));
        n.set("issue", issues.issue(issue, view, FieldSelection.ALL, Set.of(), IssueRenderer.RenderOptions.SEARCH));
        ((ObjectNode) n.get("issue")).remove("expand");
        if (items != null && !items.isEmpty()) {
            ObjectNode changelog = n.putObject("changelog");
            changelog.put("id", String.valueOf(historyId));
            changelog.set("items", activity.items(items, view));
            if (view.cloud()) {
                addTmpAccountIds(changelog.withArray("items"));
            }
        }
        if (comment != null) {
            n.set("comment", activity.comment(comment, view));
        }
        return n;
    }

    /**
     * Jira Cloud's webhook change items of user fields also carry {@code tmpFromAccountId} / {@code tmpToAccountId}
     * (the accountIds, like {@code from} / {@code to}; null for an unset side), a remnant of the GDPR migration that
     * the captures show and consumers may read. The REST changelog ({@code ChangeDetails}, closed schema) has not.
     */
    private static void addTmpAccountIds(ArrayNode items) {
        for (JsonNode item : items) {
            if (USER_FIELDS.contains(item.path("fieldId").asText())) {
                ObjectNode o = (ObjectNode) item;
                o.set("tmpFromAccountId", item.path("from").deepCopy());
                o.set("tmpToAccountId", item.path("to").deepCopy());
            }
        }
    }

    /** {@code comment_*}: the comment and a compact issue. */
    public ObjectNode comment(String event, Issue issue, Comment comment) {
        View view = view();
        ObjectNode n = base(event);
        n.set("comment", activity.comment(comment, view));
        n.set("issue", compactIssue(issue, view));
        return n;
    }

    /** {@code worklog_*}: the worklog. */
    public ObjectNode worklog(String event, Worklog worklog) {
        ObjectNode n = base(event);
        n.set("worklog", activity.worklog(worklog, view()));
        return n;
    }

    /** {@code issuelink_*}: {@code issueLink{id, sourceIssueId, destinationIssueId, issueLinkType, systemLink}}. */
    public ObjectNode link(String event, IssueLink link) {
        ObjectNode n = base(event);
        ObjectNode l = n.putObject("issueLink");
        l.put("id", link.id());
        l.put("sourceIssueId", link.sourceIssueId());
        l.put("destinationIssueId", link.destinationIssueId());
        ObjectNode type = l.putObject("issueLinkType");
        type.put("id", Long.parseLong(link.type().id()));
        type.put("name", link.type().name());
        type.put("outwardName", link.type().outward());
        type.put("inwardName", link.type().inward());
        type.put("isSubTaskLinkType", false);
        type.put("isSystemLinkType", false);
        l.put("systemLink", false);
        return n;
    }

    /** {@code project_*}: the project with its lead. */
    public ObjectNode project(String event, Project project) {
        ObjectNode n = base(event);
        n.set("project", renderer.webhookProject(project, view()));
        return n;
    }

    private ObjectNode compactIssue(Issue issue, View view) {
        ObjectNode n = Json.object();
        n.put("id", String.valueOf(issue.id()));
        n.put("self", view.api() + "/issue/" + issue.id());
        n.put("key", issue.key());
        ObjectNode f = n.putObject("fields");
        f.put("summary", issue.summary());
        f.set("issuetype", renderer.issueType(issue.issueType(), view));
        f.set("project", renderer.projectRef(issue.project(), view));
        f.set("assignee", renderer.user(issue.assignee(), view));
        f.set("priority", renderer.priority(issue.priority(), view));
        f.set("status", renderer.status(issue.status(), view));
        return n;
    }
}
