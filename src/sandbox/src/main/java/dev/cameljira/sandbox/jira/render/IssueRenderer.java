package dev.cameljira.sandbox.jira.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.cameljira.sandbox.http.Json;
import dev.cameljira.sandbox.jira.model.Attachment;
import dev.cameljira.sandbox.jira.model.Component;
import dev.cameljira.sandbox.jira.model.CustomField;
import dev.cameljira.sandbox.jira.model.Issue;
import dev.cameljira.sandbox.jira.model.IssueLink;
import dev.cameljira.sandbox.jira.store.JiraStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders issues field by field through a registry of {@link SystemField}s (plus the catalog's custom fields), so
 * that {@code fields=} selections, {@code /field} and create-meta all see the same list.
 */
public final class IssueRenderer {

    /** How a system field's value is rendered; null means "leave the field out". */
    @FunctionalInterface
    public interface Render {
        JsonNode render(Issue issue, View view, RenderOptions options);
    }

    /**
     * A system field.
     *
     * @param id          field id
     * @param name        display name
     * @param navigable   rendered by {@code *navigable}
     * @param orderable   can be set on create/edit screens
     * @param schemaType  JSON schema type of {@code /field}
     * @param schemaItems item type for arrays
     * @param cloudOnly   exists on Jira Cloud only (not rendered nor listed on Server)
     * @param render      value renderer
     */
    public record SystemField(String id, String name, boolean navigable, boolean orderable, String schemaType,
            String schemaItems, boolean cloudOnly, Render render) {
    }

    /** Render limits: comments and change histories embedded in an issue (20 in search results). */
    public record RenderOptions(int commentCap, int historyCap) {
        public static final RenderOptions FULL = new RenderOptions(Integer.MAX_VALUE, 100);
        public static final RenderOptions SEARCH = new RenderOptions(20, 20);
    }

    private final JiraStore store;
    private final Renderer r;
    private final ActivityRenderer activity;
    private final Map<String, SystemField> systemFields = new LinkedHashMap<>();

    public IssueRenderer(JiraStore store, Renderer renderer, ActivityRenderer activity) {
        this.store = store;
        this.r = renderer;
        this.activity = activity;
        register();
    }

    private void add(String id, String name, boolean navigable, boolean orderable, String type, String items, Render render) {
        systemFields.put(id, new SystemField(id, name, navigable, orderable, type, items, false, render));
    }

    private void addCloudOnly(String id, String name, String type, Render render) {
        systemFields.put(id, new SystemField(id, name, true, false, type, null, true,
                (i, v, o) -> v.cloud() ? render.render(i, v, o) : null));
    }

    private void register() {
        add("summary", "Summary", true, true, "string", null, (i, v, o) -> TextNode.valueOf(i.summary()));
        add("description", "Description", true, true, "string", null, (i, v, o) -> r.richText(i.description(), v));
        add("issuetype", "Issue Type", true, true, "issuetype", null, (i, v, o) -> r.issueType(i.issueType(), v));
        add("project", "Project", true, true, "project", null, (i, v, o) -> r.projectRef(i.project(), v));
        add("status", "Status", true, false, "status", null, (i, v, o) -> r.status(i.status(), v));
        add("priority", "Priority", true, true, "priority", null, (i, v, o) -> r.priority(i.priority(), v));
        add("assignee", "Assignee", true, true, "user", null, (i, v, o) -> r.user(i.assignee(), v));
        add("reporter", "Reporter", true, true, "user", null, (i, v, o) -> r.user(i.reporter(), v));
        add("creator", "Creator", true, false, "user", null, (i, v, o) -> r.user(i.creator(), v));
        add("labels", "Labels", true, true, "array", "string", (i, v, o) -> labels(i));
        add("components", "Components", true, true, "array", "component", (i, v, o) -> components(i, v));
        add("created", "Created", true, false, "datetime", null, (i, v, o) -> r.timeNode(i.created()));
        add("updated", "Updated", true, false, "datetime", null, (i, v, o) -> r.timeNode(i.updated()));
        add("resolution", "Resolution", true, false, "resolution", null, (i, v, o) -> r.resolution(i.resolution(), v));
        add("resolutiondate", "Resolved", true, false, "datetime", null, (i, v, o) -> r.timeNode(i.resolutionDate()));
        add("statuscategorychangedate", "Status Category Changed", true, false, "datetime", null,
                (i, v, o) -> r.timeNode(i.statusCategoryChangeDate()));
        add("duedate", "Due date", true, true, "date", null,
                (i, v, o) -> i.dueDate() == null ? NullNode.instance : TextNode.valueOf(i.dueDate().toString()));
        add("parent", "Parent", true, true, "issuelink", null, this::parent);
        add("subtasks", "Sub-tasks", true, false, "array", "issuelinks", (i, v, o) -> subtasks(i, v));
        add("issuelinks", "Linked Issues", true, false, "array", "issuelinks", (i, v, o) -> links(i, v));
        add("attachment", "Attachment", true, false, "array", "attachment", (i, v, o) -> attachments(i, v));
        add("comment", "Comment", false, false, "comments-page", null, this::comments);
        add("worklog", "Log Work", false, false, "array", "worklog",
                (i, v, o) -> activity.worklogPage(i.worklogs(), 0, Math.max(20, i.worklogs().size()), v));
        add("watches", "Watchers", true, false, "watches", null, (i, v, o) -> watches(i, v));
        add("timespent", "Time Spent", true, false, "number", null, (i, v, o) -> timeSpent(i));
        add("aggregatetimespent", "Σ Time Spent", true, false, "number", null, (i, v, o) -> timeSpent(i));
        add("timetracking", "Time tracking", false, false, "timetracking", null, (i, v, o) -> timeTracking(i));
        // estimates are not modelled: no original/remaining estimate, so workratio is Jira's -1 ("no estimate")
        add("timeoriginalestimate", "Original Estimate", true, false, "number", null, (i, v, o) -> NullNode.instance);
        add("aggregatetimeoriginalestimate", "Σ Original Estimate", true, false, "number", null, (i, v, o) -> NullNode.instance);
        add("timeestimate", "Remaining Estimate", true, false, "number", null, (i, v, o) -> NullNode.instance);
        add("aggregatetimeestimate", "Σ Remaining Estimate", true, false, "number", null, (i, v, o) -> NullNode.instance);
        add("progress", "Progress", true, false, "progress", null, (i, v, o) -> progress(i));
        add("aggregateprogress", "Σ Progress", true, false, "progress", null, (i, v, o) -> progress(i));
        add("workratio", "Work Ratio", true, false, "number", null, (i, v, o) -> LongNode.valueOf(-1));
        addCloudOnly("issuerestriction", "Restrict to", "issuerestriction", (i, v, o) -> issueRestriction());
        add("fixVersions", "Fix versions", true, true, "array", "version", (i, v, o) -> VersionViews.issueField(i.fixVersions(), v));
        add("versions", "Affects versions", true, true, "array", "version", (i, v, o) -> VersionViews.issueField(i.affectsVersions(), v));
        add("environment", "Environment", true, false, "string", null, (i, v, o) -> NullNode.instance);
        add("security", "Security Level", true, false, "securitylevel", null, (i, v, o) -> NullNode.instance);
        add("lastViewed", "Last Viewed", true, false, "datetime", null, (i, v, o) -> NullNode.instance);
        add("votes", "Votes", true, false, "votes", null, (i, v, o) -> votes(i, v));
    }

    /** The registered system fields, in rendering order. */
    public Map<String, SystemField> systemFields() {
        return Collections.unmodifiableMap(systemFields);
    }

    /**
     * Renders an issue.
     *
     * @param selection which fields; {@link FieldSelection#isEmpty()} renders {@code {"id"}} only
     * @param expand    lower-cased expand options (changelog, names, renderedfields)
     */
    public ObjectNode issue(Issue issue, View view, FieldSelection selection, Set<String> expand, RenderOptions options) {
        ObjectNode n = Json.object();
        if (selection.isEmpty() && expand.isEmpty()) {
            n.put("id", String.valueOf(issue.id()));
            return n;
        }
        n.put("expand", "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations");
        n.put("id", String.valueOf(issue.id()));
        n.put("self", view.api() + "/issue/" + issue.id());
        n.put("key", issue.key());
        ObjectNode fields = n.putObject("fields");
        for (SystemField f : systemFields.values()) {
            if (selection.selects(f.id(), f.navigable())) {
                JsonNode value = f.render().render(issue, view, options);
                if (value != null) {
                    fields.set(f.id(), value);
                }
            }
        }
        for (CustomField cf : store.catalog().customFields()) {
            if (selection.selects(cf.id(), true)) {
                JsonNode value = issue.customFields().get(cf.id());
                fields.set(cf.id(), value == null ? NullNode.instance : value.deepCopy());
            }
        }
        if (expand.contains("renderedfields")) {
            n.set("renderedFields", renderedFields(issue, view, fields));
        }
        if (expand.contains("names")) {
            ObjectNode names = n.putObject("names");
            for (SystemField f : systemFields.values()) {
                if (fields.has(f.id())) {
                    names.put(f.id(), f.name());
                }
            }
            for (CustomField cf : store.catalog().customFields()) {
                if (fields.has(cf.id())) {
                    names.put(cf.id(), cf.name());
                }
            }
        }
        if (expand.contains("changelog")) {
            n.set("changelog", activity.changelogExpand(issue.changelog(), options.historyCap(), view));
        }
        return n;
    }

    /** A compact issue ({@code id, key, self, fields{summary,status,priority,issuetype}}) as links and sub-tasks show it. */
    public ObjectNode issueRef(Issue issue, View view) {
        ObjectNode n = Json.object();
        n.put("id", String.valueOf(issue.id()));
        n.put("key", issue.key());
        n.put("self", view.api() + "/issue/" + issue.id());
        ObjectNode f = n.putObject("fields");
        f.put("summary", issue.summary());
        f.set("status", r.status(issue.status(), view));
        f.set("priority", r.priority(issue.priority(), view));
        f.set("issuetype", r.issueType(issue.issueType(), view));
        return n;
    }

    /** A link as {@code GET /issueLink/{id}} returns it. */
    public ObjectNode link(IssueLink link, View view) {
        ObjectNode n = Json.object();
        n.put("id", String.valueOf(link.id()));
        n.put("self", view.api() + "/issueLink/" + link.id());
        n.set("type", r.linkType(link.type(), view));
        store.issue(link.sourceIssueId()).ifPresent(i -> n.set("inwardIssue", issueRef(i, view)));
        store.issue(link.destinationIssueId()).ifPresent(i -> n.set("outwardIssue", issueRef(i, view)));
        return n;
    }

    private JsonNode labels(Issue issue) {
        ArrayNode arr = Json.array();
        issue.labels().forEach(arr::add);
        return arr;
    }

    private JsonNode components(Issue issue, View view) {
        ArrayNode arr = Json.array();
        for (Component c : issue.components()) {
            arr.add(r.component(c, view));
        }
        return arr;
    }

    private JsonNode parent(Issue issue, View view, RenderOptions options) {
        if (issue.parentId() == null) {
            return null;
        }
        return store.issue(issue.parentId()).<JsonNode>map(p -> issueRef(p, view)).orElse(null);
    }

    private JsonNode subtasks(Issue issue, View view) {
        ArrayNode arr = Json.array();
        for (Issue sub : store.subtasks(issue)) {
            arr.add(issueRef(sub, view));
        }
        return arr;
    }

    private JsonNode links(Issue issue, View view) {
        ArrayNode arr = Json.array();
        for (IssueLink link : store.links(issue)) {
            ObjectNode n = arr.addObject();
            n.put("id", String.valueOf(link.id()));
            n.put("self", view.api() + "/issueLink/" + link.id());
            n.set("type", r.linkType(link.type(), view));
            if (link.sourceIssueId() == issue.id()) {
                store.issue(link.destinationIssueId()).ifPresent(o -> n.set("outwardIssue", issueRef(o, view)));
            } else {
                store.issue(link.sourceIssueId()).ifPresent(o -> n.set("inwardIssue", issueRef(o, view)));
            }
        }
        return arr;
    }

    private JsonNode attachments(Issue issue, View view) {
        ArrayNode arr = Json.array();
        for (Attachment a : issue.attachments()) {
            arr.add(activity.attachment(a, view));
        }
        return arr;
    }

    private JsonNode comments(Issue issue, View view, RenderOptions options) {
        int total = issue.comments().size();
        int cap = Math.min(total, options.commentCap());
        ObjectNode page = activity.commentPage(issue.comments(), 0, cap, view);
        page.put("self", view.api() + "/issue/" + issue.id() + "/comment");
        return page;
    }

    private JsonNode watches(Issue issue, View view) {
        ObjectNode n = Json.object();
        n.put("self", view.api() + "/issue/" + issue.key() + "/watchers");
        n.put("watchCount", issue.watchers().size());
        n.put("isWatching", false);
        return n;
    }

    private JsonNode votes(Issue issue, View view) {
        ObjectNode n = Json.object();
        n.put("self", view.api() + "/issue/" + issue.key() + "/votes");
        n.put("votes", issue.voters().size());
        n.put("hasVoted", false);
        return n;
    }

    private static JsonNode timeSpent(Issue issue) {
        long spent = issue.timeSpentSeconds();
        return issue.worklogs().isEmpty() ? NullNode.instance : LongNode.valueOf(spent);
    }

    /** {@code {progress, total[, percent]}}: time spent out of spent + remaining (no estimates: total = spent). */
    private static JsonNode progress(Issue issue) {
        long spent = issue.worklogs().isEmpty() ? 0 : issue.timeSpentSeconds();
        ObjectNode n = Json.object();
        n.put("progress", spent);
        n.put("total", spent);
        if (spent > 0) {
            n.put("percent", 100);
        }
        return n;
    }

    /** Cloud's issue-level security restriction: none. */
    private static JsonNode issueRestriction() {
        ObjectNode n = Json.object();
        n.putObject("issuerestrictions");
        n.put("shouldDisplay", false);
        return n;
    }

    private static JsonNode timeTracking(Issue issue) {
        ObjectNode n = Json.object();
        if (!issue.worklogs().isEmpty()) {
            n.put("timeSpent", Durations.format(issue.timeSpentSeconds()));
            n.put("timeSpentSeconds", issue.timeSpentSeconds());
        }
        return n;
    }

    /** Jira's rendered date-time ({@code 28/Nov/26 10:15 AM}) and date ({@code 28/Nov/26}). */
    private static final java.time.format.DateTimeFormatter RENDERED_TIME =
            java.time.format.DateTimeFormatter.ofPattern("dd/MMM/yy h:mm a", java.util.Locale.ENGLISH);
    private static final java.time.format.DateTimeFormatter RENDERED_DATE =
            java.time.format.DateTimeFormatter.ofPattern("dd/MMM/yy", java.util.Locale.ENGLISH);

    /**
     * {@code renderedFields}: every rendered field as Jira's wiki renderer shows it (rich text as HTML, comment bodies
     * as HTML, dates as {@code 28/Nov/26 10:15 AM}), null for the fields it does not render.
     */
    private ObjectNode renderedFields(Issue issue, View view, ObjectNode fields) {
        ObjectNode rendered = Json.object();
        for (var it = fields.fieldNames(); it.hasNext(); ) {
            String id = it.next();
            JsonNode value = switch (id) {
                case "description" -> html(issue.description(), view);
                case "environment" -> fields.get(id).isNull() ? NullNode.instance : TextNode.valueOf("");
                case "created" -> renderedTime(issue.created());
                case "updated" -> renderedTime(issue.updated());
                case "resolutiondate" -> renderedTime(issue.resolutionDate());
                case "statuscategorychangedate" -> renderedTime(issue.statusCategoryChangeDate());
                case "duedate" -> issue.dueDate() == null ? NullNode.instance
                        : TextNode.valueOf(RENDERED_DATE.format(issue.dueDate()));
                case "comment" -> renderedComments(issue, view, (ObjectNode) fields.get(id));
                case "attachment" -> Json.array();
                default -> NullNode.instance;
            };
            rendered.set(id, value);
        }
        return rendered;
    }

    private JsonNode html(dev.cameljira.sandbox.jira.model.RichText text, View view) {
        return text == null ? NullNode.instance : TextNode.valueOf(text.html(view.baseUrl(), view.cloud()));
    }

    private JsonNode renderedTime(java.time.Instant at) {
        return at == null ? NullNode.instance : TextNode.valueOf(RENDERED_TIME.format(at.atZone(r.zone())));
    }

    private JsonNode renderedComments(Issue issue, View view, ObjectNode page) {
        ObjectNode copy = page.deepCopy();
        Map<String, dev.cameljira.sandbox.jira.model.Comment> byId = new LinkedHashMap<>();
        issue.comments().forEach(c -> byId.put(String.valueOf(c.id()), c));
        for (JsonNode c : copy.path("comments")) {
            var comment = byId.get(c.path("id").asText());
            if (comment != null) {
                ObjectNode o = (ObjectNode) c;
                o.set("body", html(comment.body(), view));
                o.set("created", renderedTime(comment.created()));
                o.set("updated", renderedTime(comment.updated()));
            }
        }
        return copy;
    }
}
