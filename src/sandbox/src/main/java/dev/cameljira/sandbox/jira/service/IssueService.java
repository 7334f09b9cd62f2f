package dev.cameljira.sandbox.jira.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.http.ApiException;
import dev.cameljira.sandbox.http.Json;
import dev.cameljira.sandbox.jira.model.ChangeHistory;
import dev.cameljira.sandbox.jira.model.ChangeItem;
import dev.cameljira.sandbox.jira.model.Issue;
import dev.cameljira.sandbox.jira.model.IssueType;
import dev.cameljira.sandbox.jira.model.Project;
import dev.cameljira.sandbox.jira.model.Resolution;
import dev.cameljira.sandbox.jira.model.RichText;
import dev.cameljira.sandbox.jira.model.Status;
import dev.cameljira.sandbox.jira.model.Transition;
import dev.cameljira.sandbox.jira.model.User;
import dev.cameljira.sandbox.jira.store.Catalog;
import dev.cameljira.sandbox.jira.store.JiraStore;
import dev.cameljira.sandbox.webhook.WebhookPayloads;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Issue create, edit, transition, assign and delete, with Jira's validation, changelog and webhook events. Every
 * public method takes the store's write lock itself.
 */
public final class IssueService {

    private static final Set<String> CREATE_ONLY = Set.of("project", "parent");
    private static final String WORKLOG = "worklog";

    private final JiraStore store;
    private final FieldWriters writers;
    private final History history;
    private final CommentService comments;
    private final EventPublisher events;
    private final WebhookPayloads payloads;
    private final ActivityService activity;

    public IssueService(JiraStore store, FieldWriters writers, History history, CommentService comments,
            EventPublisher events, WebhookPayloads payloads, ActivityService activity) {
        this.store = store;
        this.writers = writers;
        this.history = history;
        this.comments = comments;
        this.events = events;
        this.payloads = payloads;
        this.activity = activity;
    }

    private record Staged<T>(FieldWriter<T> writer, T value) {
        List<ChangeItem> apply(Issue issue, WriteContext ctx) {
            T before = writer.current(issue);
            writer.store(issue, value, ctx);
            return writer.changes(before, value, ctx);
        }
    }

    /** A worklog of {@code update.worklog[{add}]}, validated before anything is written. */
    private record StagedWorklog(Instant started, long seconds, RichText comment, JsonNode visibility) {
    }

    // ---- create ----------------------------------------------------------------------------------------------

    /** Creates an issue from a {@code POST /issue} body. */
    public Issue create(JsonNode body, int apiVersion, User actor) {
        return store.write(() -> createLocked(body, apiVersion, actor));
    }

    /** Creates an issue; the caller holds the write lock. */
    public Issue createLocked(JsonNode body, int apiVersion, User actor) {
        JsonNode fields = body == null ? Json.object() : body.path("fields");
        if (!fields.isObject()) {
            throw ApiException.of(400, "Issue fields are required ('fields' must be an object).");
        }
        Map<String, JsonNode> properties = EntityProperties.parse(body == null ? null : body.get("properties"));
        Map<String, String> errors = new LinkedHashMap<>();
        Project project = project(fields.get("project"), errors);
        IssueType type = null;
        try {
            type = (IssueType) writers.writer("issuetype").orElseThrow().parse(fields.get("issuetype"),
                    new WriteContext(store, apiVersion, project, actor));
        } catch (FieldError e) {
            errors.put(e.field(), e.getMessage());
        }
        if (!fields.has("summary")) {
            errors.put("summary", "You must specify a summary of the issue.");
        }
        if (project == null || type == null) {
            throw ApiException.fields(errors);
        }
        Issue parent = parent(fields.get("parent"), type, errors);
        Instant now = store.now();
        Issue issue = new Issue(0, project.key() + "-0", project, type, Catalog.TO_DO, actor, now);
        WriteContext ctx = new WriteContext(store, apiVersion, project, actor);
        Map<String, Staged<?>> staged = stage(issue, fields, body.path("update"), ctx, errors, true, true);
        List<StagedWorklog> worklogs = stageWorklogs(body.path("update"), apiVersion, errors);
        if (!errors.isEmpty()) {
            throw ApiException.fields(errors);
        }
        issue = new Issue(store.nextIssueId(), project.key() + "-" + project.nextIssueNumber(), project, type, store.initialStatus(), actor, now);
        issue.priority(store.catalog().defaultPriority());
        issue.reporter(actor);
        for (Staged<?> s : staged.values()) {
            s.apply(issue, ctx);
        }
        if (parent != null) {
            issue.parentId(parent.id());
        }
        issue.watchers().add(issue.reporter() == null ? actor : issue.reporter());
        issue.properties().putAll(properties);
        store.addIssue(issue);
        List<ChangeItem> creation = creationItems(issue, ctx);
        Issue created = issue;
        long historyId = store.nextHistoryId();
        events.publish("jira:issue_created", created,
                () -> payloads.issue("jira:issue_created", "issue_created", created, actor, historyId, creation, null));
        addUpdateComments(created, body.path("update"), apiVersion, actor);
        logWork(created, worklogs, actor);
        return issue;
    }

    private List<ChangeItem> creationItems(Issue issue, WriteContext ctx) {
        List<ChangeItem> items = new ArrayList<>();
        if (issue.assignee() != null) {
            items.add(ChangeItem.jira("assignee", null, null, ctx.userId(issue.assignee()), issue.assignee().displayName()));
        }
        if (issue.description() != null) {
            items.add(ChangeItem.jira("description", null, null, null, issue.description().text()));
        }
        if (issue.priority() != null) {
            items.add(ChangeItem.jira("priority", null, null, issue.priority().id(), issue.priority().name()));
        }
        if (issue.reporter() != null) {
            items.add(ChangeItem.jira("reporter", null, null, ctx.userId(issue.reporter()), issue.reporter().displayName()));
        }
        items.add(ChangeItem.jira("status", null, null, issue.status().id(), issue.status().name()));
        items.add(ChangeItem.jira("summary", null, null, null, issue.summary()));
        return items;
    }

    private Project project(JsonNode ref, Map<String, String> errors) {
        String key = FieldWriters.ref(ref, "key", "id");
        if (ref != null && ref.isObject() && ref.hasNonNull("id")) {
            key = ref.get("id").asText();
        }
        Optional<Project> p = store.project(key);
        if (p.isEmpty()) {
            errors.put("project", "Specify a valid project ID or key");
            return null;
        }
        return p.get();
    }

    private Issue parent(JsonNode ref, IssueType type, Map<String, String> errors) {
        if (ref == null || ref.isNull()) {
            if (type.subtask()) {
                errors.put("parent", "Issue type is a sub-task but parent issue key or id not specified.");
            }
            return null;
        }
        Optional<Issue> parent = store.issue(FieldWriters.ref(ref, "key", "id"));
        if (parent.isEmpty()) {
            errors.put("parent", "Could not find issue by id or key.");
            return null;
        }
        if (!type.subtask() || parent.get().issueType().subtask()) {
            errors.put("parent", "Given parent work item does not belong to appropriate hierarchy.");
            return null;
        }
        return parent.get();
    }

    // ---- edit ------------------------------------------------------------------------------------------------

    /** Applies a {@code PUT /issue/{key}} body ({@code fields} and {@code update}). */
    public void edit(String key, JsonNode body, int apiVersion, User actor) {
        store.write(() -> {
            Issue issue = store.requireIssue(key);
            editLocked(issue, body, apiVersion, actor);
            return null;
        });
    }

    /** Edits an issue; the caller holds the write lock. */
    public void editLocked(Issue issue, JsonNode body, int apiVersion, User actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        WriteContext ctx = new WriteContext(store, apiVersion, issue.project(), actor);
        JsonNode fields = body.path("fields");
        JsonNode update = body.path("update");
        if (!fields.isMissingNode() && !fields.isObject()) {
            throw ApiException.of(400, "'fields' must be an object.");
        }
        Map<String, Staged<?>> staged = stage(issue, fields, update, ctx, errors, false, false);
        if (!errors.isEmpty()) {
            throw ApiException.fields(errors);
        }
        if (staged.containsKey("issuetype")) {
            IssueType newType = (IssueType) staged.get("issuetype").value();
            if (newType.subtask() != issue.issueType().subtask()) {
                throw ApiException.field("issuetype", "Issue type can not be changed between sub-task and standard types here.");
            }
        }
        List<ChangeItem> items = new ArrayList<>();
        for (Staged<?> s : staged.values()) {
            items.addAll(s.apply(issue, ctx));
        }
        if (!items.isEmpty()) {
            Instant now = store.now();
            ChangeHistory h = history.record(issue, items, actor, now);
            boolean onlyAssignee = items.stream().allMatch(i -> i.field().equals("assignee"));
            String typeName = onlyAssignee ? "issue_assigned" : "issue_updated";
            events.publish("jira:issue_updated", issue,
                    () -> payloads.issue("jira:issue_updated", typeName, issue, actor, h.id(), h.items(), null));
        }
        addUpdateComments(issue, update, apiVersion, actor);
    }

    /**
     * Parses and validates {@code fields} and {@code update} without writing anything. {@code update.comment} is left to
     * {@link #addUpdateComments}; {@code update.worklog} to {@link #stageWorklogs} where the screen has Log Work
     * ({@code worklogOnScreen}: create, and transitions with a screen), else it is a field that cannot be set.
     */
    private Map<String, Staged<?>> stage(Issue issue, JsonNode fields, JsonNode update, WriteContext ctx,
            Map<String, String> errors, boolean create, boolean worklogOnScreen) {
        Map<String, Staged<?>> staged = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String id = e.getKey();
            if (create && CREATE_ONLY.contains(id)) {
                continue;
            }
            stageOne(staged, issue, id, "set", e.getValue(), ctx, errors);
        }
        if (update.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = update.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("comment") || (worklogOnScreen && e.getKey().equals(WORKLOG))) {
                    continue;
                }
                if (!e.getValue().isArray()) {
                    errors.put(e.getKey(), "Operations for field '" + e.getKey() + "' must be an array.");
                    continue;
                }
                for (JsonNode op : e.getValue()) {
                    for (Iterator<String> ops = op.fieldNames(); ops.hasNext();) {
                        String name = ops.next();
                        stageOne(staged, issue, e.getKey(), name, op.get(name), ctx, errors);
                    }
                }
            }
        }
        return staged;
    }

    private void stageOne(Map<String, Staged<?>> staged, Issue issue, String id, String op, JsonNode value,
            WriteContext ctx, Map<String, String> errors) {
        Optional<FieldWriter<?>> writer = writers.writer(id);
        if (writer.isEmpty()) {
            errors.put(id, FieldError.cannotBeSet(id).getMessage());
            return;
        }
        try {
            staged.put(id, stageTyped(writer.get(), staged, issue, op, value, ctx));
        } catch (FieldError e) {
            errors.put(e.field(), e.getMessage());
        }
    }

    private <T> Staged<T> stageTyped(FieldWriter<T> writer, Map<String, Staged<?>> staged, Issue issue, String op,
            JsonNode value, WriteContext ctx) {
        @SuppressWarnings("unchecked")
        Staged<T> previous = (Staged<T>) staged.get(writer.id());
        T current = previous != null ? previous.value() : writer.current(issue);
        T next = switch (op) {
            case "set" -> writer.parse(value, ctx);
            case "add" -> writer.add(current, writer.parse(asArray(value), ctx));
            case "remove" -> writer.remove(current, writer.parse(asArray(value), ctx));
            default -> throw new FieldError(writer.id(), "The operation '" + op + "' is not supported for field '" + writer.id() + "'.");
        };
        return new Staged<>(writer, next);
    }

    private static JsonNode asArray(JsonNode value) {
        return value != null && value.isArray() ? value : Json.array().add(value);
    }

    /**
     * Validates {@code update.worklog}: only {@code add}, each taking what {@code POST issue/{key}/worklog} takes, errors
     * named as that endpoint names them ({@code timeLogged}) or else after the field.
     */
    private List<StagedWorklog> stageWorklogs(JsonNode update, int apiVersion, Map<String, String> errors) {
        JsonNode ops = update.path(WORKLOG);
        List<StagedWorklog> worklogs = new ArrayList<>();
        if (ops.isMissingNode() || ops.isNull()) {
            return worklogs;
        }
        if (!ops.isArray()) {
            errors.put(WORKLOG, "Operations for field '" + WORKLOG + "' must be an array.");
            return worklogs;
        }
        for (JsonNode op : ops) {
            for (Iterator<String> names = op.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!name.equals("add")) {
                    errors.put(WORKLOG, "The operation '" + name + "' is not supported for field '" + WORKLOG + "'.");
                    continue;
                }
                JsonNode add = op.get(name);
                if (!add.isObject()) {
                    errors.put(WORKLOG, "The worklog to add must be an object.");
                    continue;
                }
                try {
                    long seconds = WorklogInput.requiredSeconds(add);
                    Instant started = WorklogInput.started(add);
                    RichText comment = WorklogInput.comment(add, apiVersion, store);
                    worklogs.add(new StagedWorklog(started, seconds, comment, add.get("visibility")));
                } catch (ApiException e) {
                    e.errors().forEach((field, message) -> errors.put(field.equals("timeLogged") ? field : WORKLOG, message));
                    e.errorMessages().forEach(message -> errors.put(WORKLOG, message));
                }
            }
        }
        return worklogs;
    }

    /** Logs the staged worklogs as {@code POST issue/{key}/worklog} does: same worklog, changelog and events. */
    private void logWork(Issue issue, List<StagedWorklog> worklogs, User actor) {
        for (StagedWorklog w : worklogs) {
            activity.logWorkLocked(issue, w.started() == null ? store.now() : w.started(), w.seconds(), w.comment(),
                    w.visibility(), actor);
        }
    }

    private void addUpdateComments(Issue issue, JsonNode update, int apiVersion, User actor) {
        JsonNode ops = update.path("comment");
        if (!ops.isArray()) {
            return;
        }
        for (JsonNode op : ops) {
            JsonNode add = op.path("add");
            if (add.isObject()) {
                comments.add(issue, comments.body(add.get("body"), apiVersion), add.get("visibility"), actor);
            }
        }
    }

    // ---- transitions -----------------------------------------------------------------------------------------

    /** Transitions available from the issue's current status (call under a lock). */
    public List<Transition> available(Issue issue) {
        return store.catalog().transitions().stream().filter(t -> t.availableFrom(issue.status())).toList();
    }

    /** Performs {@code POST /issue/{key}/transitions}. */
    public void transition(String key, JsonNode body, int apiVersion, User actor) {
        store.write(() -> {
            Issue issue = store.requireIssue(key);
            JsonNode ref = body.path("transition");
            String id = ref.isObject() ? ref.path("id").asText(null) : null;
            if (id == null) {
                throw ApiException.of(400, "Missing 'transition' identifier");
            }
            Transition t = available(issue).stream().filter(x -> x.id().equals(id)).findFirst()
                    .orElseThrow(() -> ApiException.of(400, "Transition id '" + id + "' is not valid for this issue."));
            transitionLocked(issue, t, body, apiVersion, actor);
            return null;
        });
    }

    /** Moves an issue to a status by name, as the admin API does (takes the lock). */
    public void transitionTo(String key, String statusName, User actor) {
        store.write(() -> {
            Issue issue = store.requireIssue(key);
            Transition t = available(issue).stream().filter(x -> x.to().name().equalsIgnoreCase(statusName)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No transition from '" + issue.status().name()
                            + "' to '" + statusName + "' for " + key));
            transitionLocked(issue, t, Json.object(), 2, actor);
            return null;
        });
    }

    private void transitionLocked(Issue issue, Transition t, JsonNode body, int apiVersion, User actor) {
        JsonNode fields = body.path("fields").deepCopy();
        Resolution resolution = null;
        if (fields.isObject() && fields.has("resolution")) {
            JsonNode r = ((com.fasterxml.jackson.databind.node.ObjectNode) fields).remove("resolution");
            if (t.to().category() != Catalog.CATEGORY_DONE) {
                throw ApiException.field("resolution", FieldError.cannotBeSet("resolution").getMessage());
            }
            resolution = store.catalog().resolution(FieldWriters.ref(r, "id", "name"))
                    .orElseThrow(() -> ApiException.field("resolution", "Resolution is not valid."));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        WriteContext ctx = new WriteContext(store, apiVersion, issue.project(), actor);
        // Only the transitions into done have a screen (the Resolve Issue Screen), and with it Log Work
        boolean screen = t.to().category() == Catalog.CATEGORY_DONE;
        Map<String, Staged<?>> staged = stage(issue, fields.isObject() ? fields : Json.object(), body.path("update"), ctx,
                errors, false, screen);
        List<StagedWorklog> worklogs = screen ? stageWorklogs(body.path("update"), apiVersion, errors) : List.of();
        if (!errors.isEmpty()) {
            throw ApiException.fields(errors);
        }
        Instant now = store.now();
        List<ChangeItem> items = new ArrayList<>();
        Status from = issue.status();
        Resolution oldResolution = issue.resolution();
        if (t.to().category() == Catalog.CATEGORY_DONE) {
            Resolution newResolution = resolution != null ? resolution : Catalog.RESOLUTION_DONE;
            issue.resolution(newResolution, now);
            if (!newResolution.equals(oldResolution)) {
                items.add(ChangeItem.jira("resolution", oldResolution == null ? null : oldResolution.id(),
                        oldResolution == null ? null : oldResolution.name(), newResolution.id(), newResolution.name()));
            }
        } else if (oldResolution != null) {
            issue.resolution(null, now);
            items.add(ChangeItem.jira("resolution", oldResolution.id(), oldResolution.name(), null, null));
        }
        issue.status(t.to(), now);
        items.add(ChangeItem.jira("status", from.id(), from.name(), t.to().id(), t.to().name()));
        for (Staged<?> s : staged.values()) {
            items.addAll(s.apply(issue, ctx));
        }
        ChangeHistory h = history.record(issue, items, actor, now);
        events.publish("jira:issue_updated", issue,
                () -> payloads.issue("jira:issue_updated", "issue_generic", issue, actor, h.id(), h.items(), null));
        addUpdateComments(issue, body.path("update"), apiVersion, actor);
        logWork(issue, worklogs, actor);
    }

    // ---- assign and delete -----------------------------------------------------------------------------------

    /** Performs {@code PUT /issue/{key}/assignee}. */
    public void assign(String key, JsonNode body, User actor) {
        store.write(() -> {
            Issue issue = store.requireIssue(key);
            WriteContext ctx = new WriteContext(store, 2, issue.project(), actor);
            User assignee;
            try {
                assignee = FieldWriters.user("assignee", body, ctx);
            } catch (FieldError e) {
                throw ApiException.field(e.field(), e.getMessage());
            }
            User before = issue.assignee();
            if (java.util.Objects.equals(before, assignee)) {
                return null;
            }
            issue.assignee(assignee);
            ChangeItem item = ChangeItem.jira("assignee", ctx.userId(before), before == null ? null : before.displayName(),
                    ctx.userId(assignee), assignee == null ? null : assignee.displayName());
            ChangeHistory h = history.record(issue, List.of(item), actor, store.now());
            events.publish("jira:issue_updated", issue,
                    () -> payloads.issue("jira:issue_updated", "issue_assigned", issue, actor, h.id(), h.items(), null));
            return null;
        });
    }

    /** Performs {@code DELETE /issue/{key}}. */
    public void delete(String key, boolean deleteSubtasks, User actor) {
        store.write(() -> {
            Issue issue = store.requireIssue(key);
            if (!actor.admin()) {
                throw ApiException.of(403, "You do not have permission to delete issues in this project.");
            }
            List<Issue> subtasks = store.subtasks(issue);
            if (!subtasks.isEmpty() && !deleteSubtasks) {
                throw ApiException.of(400, "The issue has subtasks. Specify the 'deleteSubtasks' parameter to delete the issue and its subtasks.");
            }
            for (Issue sub : subtasks) {
                deleteOne(sub, actor);
            }
            deleteOne(issue, actor);
            return null;
        });
    }

    /** Deletes an issue and announces it; the caller holds the write lock. */
    public void deleteOne(Issue issue, User actor) {
        events.publish("jira:issue_deleted", issue,
                () -> payloads.issue("jira:issue_deleted", "issue_deleted", issue, actor, null, List.of(), null));
        store.removeIssue(issue);
    }
}
