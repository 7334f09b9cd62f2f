package dev.cameljira.jira.operations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.client.JiraApi;
import dev.cameljira.jira.client.JiraBadRequestException;
import dev.cameljira.jira.client.JiraInvalidInputException;
import dev.cameljira.jira.client.JiraRequest;
import dev.cameljira.jira.model.CreateIssueRequest;
import dev.cameljira.jira.model.JiraIssue;
import dev.cameljira.jira.model.UpdateIssueRequest;

/**
 * Issue operations: create, get, update, delete and assign. Bulk create, transitions and the changelog have their own
 * classes ({@link BulkCreateOperations}, {@link TransitionOperations}, {@link ChangelogOperations}).
 */
public final class IssueOperations {

    private IssueOperations() {
    }

    // ---- create and get ---------------------------------------------------------------------------------------

    /**
     * createIssue (camel-jira: addIssue). Needs project key, issue type and summary; returns the created issue as
     * {@link JiraIssue} read back from Jira (with option readBack=false: built from the POST's answer and the fields
     * sent, without the second request), with headers CamelJiraIssueKey and CamelJiraIssueId. Entity properties
     * ({@link CreateIssueRequest#properties()}, body key {@code properties}, header CamelJiraIssueProperties) are set in
     * the same request, so the issue never exists without them.
     */
    public static Object createIssue(OperationContext ctx) {
        CreateIssueRequest req = ctx.typedBody(CreateIssueRequest.class).orElseGet(() -> fromMessage(ctx));
        JiraApi api = ctx.api();
        ObjectNode body = createBody(ctx, req);
        JsonNode created = api.client().json(JiraRequest.post(api.api("/issue")).body(body)
                .subject("project " + req.projectKey()));
        String key = created.path("key").asText();
        ctx.setHeader(JiraConstants.ISSUE_KEY, key);
        ctx.setHeader(JiraConstants.ISSUE_ID, created.path("id").asText());
        ctx.setHeader(JiraConstants.PROJECT_KEY, req.projectKey());
        List<String> watchers = OperationContext.asList(ctx.in().getHeader(JiraConstants.LEGACY_WATCHERS_ADD, ""));
        for (String w : watchers) {
            WatcherOperations.add(api, key, w);
        }
        if (!ctx.config().isReadBack()) {
            return JiraIssue.created(created, body);
        }
        return fetch(api, key, null, null);
    }

    /** Reads a CreateIssueRequest from a JSON/Map body and headers; a plain String body is the description (camel-jira). */
    static CreateIssueRequest fromMessage(OperationContext ctx) {
        CreateIssueRequest req = createRequest(ctx.api(), ctx::raw, ctx.bodyObject());
        Object body = ctx.body();
        if (req.description() == null && ctx.bodyObject() == null
            && (body instanceof CharSequence || body instanceof byte[] || body instanceof java.io.InputStream)) {
            // camel-jira's addIssue takes the description from a text body; other objects (e.g. a JiraIssue left by an
            // earlier step) are not a description
            String description = ctx.exchange().getIn().getBody(String.class);
            req = req.withDescription(description);
        }
        return req;
    }

    /**
     * A CreateIssueRequest from a source of values (message look-up, or one item of a bulk body); {@code object} is the
     * JSON object the values come from, if any (for {@code parentKey}).
     */
    static CreateIssueRequest createRequest(JiraApi api, Function<JiraParam, Optional<Object>> source, JsonNode object) {
        Function<JiraParam, String> text = p -> source.apply(p).map(OperationContext::asText).orElse(null);
        Function<JiraParam, List<String>> list = p -> source.apply(p).map(OperationContext::asList).orElse(List.of());
        String typeId = text.apply(JiraParam.ISSUE_TYPE_ID);
        String type = typeId != null ? typeId : text.apply(JiraParam.ISSUE_TYPE_NAME);
        Map<String, Object> extra = OperationSupport.fieldMap(api, source.apply(JiraParam.FIELDS).orElse(null));
        String parent = object != null ? object.path("parentKey").asText(null) : null;
        List<String> labels = list.apply(JiraParam.LABELS);
        List<String> components = list.apply(JiraParam.COMPONENTS);
        Map<String, Object> properties = PropertyOperations.propertyMap(api.client().mapper(),
                source.apply(JiraParam.ISSUE_PROPERTIES).orElse(null));
        return new CreateIssueRequest(text.apply(JiraParam.PROJECT_KEY), type, text.apply(JiraParam.SUMMARY),
                text.apply(JiraParam.DESCRIPTION), text.apply(JiraParam.ASSIGNEE), text.apply(JiraParam.PRIORITY),
                labels.isEmpty() ? null : labels, components.isEmpty() ? null : components, parent, extra, properties);
    }

    /**
     * The body of {@code POST /issue} (and one {@code issueUpdates} item of a bulk create): {@code fields}, and
     * {@code properties} when the request sets entity properties. Fails before any HTTP call when a required value is
     * missing or a property is invalid.
     */
    static ObjectNode createBody(OperationContext ctx, CreateIssueRequest req) {
        ObjectNode body = ctx.api().client().newObject();
        body.set("fields", createFields(ctx, req));
        ArrayNode properties = PropertyOperations.createProperties(ctx, req.properties());
        if (properties != null) {
            body.set("properties", properties);
        }
        return body;
    }

    /** The {@code fields} object of a create request; fails before any HTTP call when a required value is missing. */
    static ObjectNode createFields(OperationContext ctx, CreateIssueRequest req) {
        JiraParam missing = missingForCreate(req);
        if (missing != null) {
            throw ctx.missing(missing);
        }
        JiraApi api = ctx.api();
        ObjectNode fields = api.client().newObject();
        fields.putObject("project").put("key", req.projectKey());
        fields.set("issuetype", IssueFields.nameOrId(req.issueType()));
        fields.put("summary", req.summary());
        if (req.description() != null && !req.description().isEmpty()) {
            fields.set("description", api.richText(req.description()));
        }
        if (req.assignee() != null) {
            fields.set("assignee", api.userRef(req.assignee()));
        }
        if (req.priority() != null) {
            fields.set("priority", IssueFields.nameOrId(req.priority()));
        }
        if (req.labels() != null && !req.labels().isEmpty()) {
            fields.set("labels", IssueFields.strings(req.labels()));
        }
        if (req.components() != null && !req.components().isEmpty()) {
            fields.set("components", IssueFields.named(req.components()));
        }
        if (req.parentKey() != null) {
            fields.putObject("parent").put("key", req.parentKey());
        }
        IssueFields.putAll(api, fields, req.fields());
        return fields;
    }

    /** The first required value a create request lacks, or null. */
    static JiraParam missingForCreate(CreateIssueRequest req) {
        if (OperationSupport.blank(req.projectKey())) {
            return JiraParam.PROJECT_KEY;
        }
        if (OperationSupport.blank(req.issueType())) {
            return JiraParam.ISSUE_TYPE_NAME;
        }
        if (OperationSupport.blank(req.summary())) {
            return JiraParam.SUMMARY;
        }
        return null;
    }

    /** getIssue (camel-jira: fetchIssue). Needs the issue key; honours the fields and expand options. */
    public static Object getIssue(OperationContext ctx) {
        String key = ctx.require(JiraParam.ISSUE_KEY);
        return read(ctx, key, ctx.string(JiraParam.FIELDS_TO_RETURN).orElse(null),
                ctx.string(JiraParam.EXPAND).orElse(null));
    }

    static JiraIssue fetch(JiraApi api, String key, String fields, String expand) {
        JsonNode n = api.client().json(OperationSupport.issueRequest(JiraRequest::get, api, key, "")
                .query("fields", fields).query("expand", expand));
        return JiraIssue.from(n);
    }

    /** Reads an issue (after a change: all its navigable fields) and sets the issue headers from it. */
    static JiraIssue read(OperationContext ctx, String key) {
        return read(ctx, key, null, null);
    }

    /** Reads an issue and sets CamelJiraIssueKey, CamelJiraIssueId and CamelJiraProjectKey from it. */
    static JiraIssue read(OperationContext ctx, String key, String fields, String expand) {
        JiraIssue issue = fetch(ctx.api(), key, fields, expand);
        ctx.setHeader(JiraConstants.ISSUE_KEY, issue.key());
        ctx.setHeader(JiraConstants.ISSUE_ID, issue.id());
        ctx.setHeader(JiraConstants.PROJECT_KEY, issue.projectKey());
        return issue;
    }

    // ---- update -----------------------------------------------------------------------------------------------

    /**
     * updateIssue: {@code PUT /issue/{key}}, then reads the issue back.
     *
     * <p>Needs the issue key (CamelJiraIssueKey / IssueKey header, {@code issueKey} body key, or
     * {@link UpdateIssueRequest#issueKey()}) and at least one change. Changes come from a typed
     * {@link UpdateIssueRequest} body, or from a JSON/Map body and headers: summary (CamelJiraSummary / IssueSummary),
     * description (CamelJiraDescription / IssueDescription, or - as in camel-jira - a plain String body), assignee
     * (CamelJiraAssignee / IssueAssignee / IssueAssigneeId; "none" unassigns), priority (CamelJiraPriority /
     * IssuePriorityName / IssuePriorityId), issue type (CamelJiraIssueTypeId / IssueTypeId, CamelJiraIssueTypeName /
     * IssueTypeName; the endpoint's issueTypeName option is NOT applied, it is a create default), labels and components
     * (replace the current ones; IssueComponents comma-separated), further fields (CamelJiraFields or the body's
     * {@code fields}, keyed by id or display name) and Jira's {@code update} operations object (body key {@code update},
     * sent as is). Option/header notifyUsers=false asks Jira not to e-mail watchers (needs admin rights).
     *
     * <p>Returns the updated {@link JiraIssue} read back from Jira; headers CamelJiraIssueKey, CamelJiraIssueId,
     * CamelJiraProjectKey.
     */
    public static Object updateIssue(OperationContext ctx) {
        UpdateIssueRequest req = ctx.typedBody(UpdateIssueRequest.class).orElseGet(() -> updateFromMessage(ctx));
        String key = OperationSupport.blank(req.issueKey()) ? ctx.require(JiraParam.ISSUE_KEY) : req.issueKey();
        if (nothingToUpdate(req)) {
            throw ctx.invalid("nothing to change for " + key + ": give a summary (header " + JiraConstants.SUMMARY
                    + "), description, assignee, priority, issue type, labels, components, further fields ("
                    + JiraConstants.FIELDS + " or the body's 'fields') or Jira's 'update' operations");
        }
        if (req.update() != null && !req.update().isNull() && !req.update().isObject()) {
            throw ctx.invalid("'update' must be a JSON object of field -> list of operations, e.g. "
                    + "{\"labels\":[{\"add\":\"triaged\"}]}, was " + req.update().getNodeType());
        }
        JiraApi api = ctx.api();
        ObjectNode body = api.client().newObject();
        ObjectNode fields = updateFields(api, req);
        if (!fields.isEmpty()) {
            body.set("fields", fields);
        }
        if (req.update() != null && req.update().isObject() && !req.update().isEmpty()) {
            body.set("update", req.update());
        }
        boolean notify = ctx.bool(JiraParam.NOTIFY_USERS).orElse(true);
        api.client().send(OperationSupport.issueRequest(JiraRequest::put, api, key, "")
                .query("notifyUsers", notify ? null : "false").body(body));
        return read(ctx, key);
    }

    /** An UpdateIssueRequest from a JSON/Map body and headers (camel-jira's names included). */
    private static UpdateIssueRequest updateFromMessage(OperationContext ctx) {
        Map<String, Object> extra = OperationSupport.fieldMap(ctx.api(), ctx.raw(JiraParam.FIELDS).orElse(null));
        String description = null;
        Object rawDescription = ctx.raw(JiraParam.DESCRIPTION).orElse(null);
        if (rawDescription instanceof JsonNode n && n.isObject()) {
            // an ADF document: converted with the other fields
            extra = extra == null ? new LinkedHashMap<>() : extra;
            extra.putIfAbsent("description", n);
        } else if (rawDescription != null) {
            description = OperationContext.asText(rawDescription);
        } else {
            description = OperationSupport.plainTextBody(ctx);
        }
        String assignee = ctx.string(JiraParam.ASSIGNEE)
                .orElse(OperationSupport.explicitlyEmpty(ctx, JiraParam.ASSIGNEE) ? "none" : null);
        // the endpoint's issueTypeName option is a create default: only the message may change the type
        String type = ctx.messageRaw(JiraParam.ISSUE_TYPE_ID).or(() -> ctx.messageRaw(JiraParam.ISSUE_TYPE_NAME))
                .map(OperationContext::asText).orElse(null);
        ObjectNode body = ctx.bodyObject();
        JsonNode update = body == null ? null : body.get("update");
        return new UpdateIssueRequest(ctx.string(JiraParam.ISSUE_KEY).orElse(null), ctx.string(JiraParam.SUMMARY).orElse(null),
                description, assignee, ctx.string(JiraParam.PRIORITY).orElse(null), type,
                ctx.raw(JiraParam.LABELS).map(OperationContext::asList).orElse(null),
                ctx.raw(JiraParam.COMPONENTS).map(OperationContext::asList).orElse(null), extra, update);
    }

    private static boolean nothingToUpdate(UpdateIssueRequest r) {
        return r.summary() == null && r.description() == null && r.assignee() == null && r.priority() == null
               && r.issueType() == null && r.labels() == null && r.components() == null
               && (r.fields() == null || r.fields().isEmpty())
               && (r.update() == null || r.update().isNull() || (r.update().isObject() && r.update().isEmpty()));
    }

    /** The {@code fields} object of an edit: only what the request sets. */
    private static ObjectNode updateFields(JiraApi api, UpdateIssueRequest req) {
        ObjectNode fields = api.client().newObject();
        if (req.summary() != null) {
            fields.put("summary", req.summary());
        }
        if (req.description() != null) {
            fields.set("description", req.description().isEmpty() ? fields.nullNode() : api.richText(req.description()));
        }
        if (req.assignee() != null) {
            boolean nobody = OperationSupport.unassigns(req.assignee());
            fields.set("assignee", nobody ? fields.nullNode() : api.userRef(req.assignee()));
        }
        if (req.priority() != null) {
            fields.set("priority", IssueFields.nameOrId(req.priority()));
        }
        if (req.issueType() != null) {
            fields.set("issuetype", IssueFields.nameOrId(req.issueType()));
        }
        if (req.labels() != null) {
            fields.set("labels", IssueFields.strings(req.labels()));
        }
        if (req.components() != null) {
            fields.set("components", IssueFields.named(req.components()));
        }
        IssueFields.putAll(api, fields, req.fields());
        return fields;
    }

    // ---- delete -----------------------------------------------------------------------------------------------

    /**
     * deleteIssue: {@code DELETE /issue/{key}}. Needs the issue key. An issue with sub-tasks is only deleted when
     * deleteSubtasks is true (header CamelJiraDeleteSubtasks or body key {@code deleteSubtasks}; default false, Jira's
     * default - note that Apache camel-jira always deleted sub-tasks). Returns the deleted issue's key as body and in
     * header CamelJiraIssueKey.
     */
    public static Object deleteIssue(OperationContext ctx) {
        String key = ctx.require(JiraParam.ISSUE_KEY);
        boolean subtasks = ctx.bool(JiraParam.DELETE_SUBTASKS).orElse(false);
        JiraApi api = ctx.api();
        try {
            api.client().send(OperationSupport.issueRequest(JiraRequest::delete, api, key, "")
                    .query("deleteSubtasks", subtasks ? "true" : null));
        } catch (JiraBadRequestException e) {
            boolean aboutSubtasks = e.getErrorMessages().stream().anyMatch(m -> m.toLowerCase(Locale.ROOT).contains("subtask"));
            if (!subtasks && aboutSubtasks) {
                throw new JiraBadRequestException(e.getMessage() + " (set header " + JiraConstants.DELETE_SUBTASKS
                        + "=true to delete " + key + " with its sub-tasks)", e.getStatus(), e.getMethod(), e.getUrl(),
                        e.getErrorMessages(), e.getFieldErrors(), e.getRetryAfter());
            }
            throw e;
        }
        TransitionCache.invalidate(api, key);
        ctx.setHeader(JiraConstants.ISSUE_KEY, key);
        return key;
    }

    // ---- assign -----------------------------------------------------------------------------------------------

    /**
     * assignIssue: {@code PUT /issue/{key}/assignee}, then reads the issue back. Needs the issue key and the assignee
     * (header CamelJiraAssignee / IssueAssignee / IssueAssigneeId, body key {@code assignee}): an accountId (Cloud), a
     * user name (Data Center) or an e-mail (looked up). "none", "unassigned", or the header/body key present but empty
     * (null or "") unassigns the issue (sent as {@code PUT /issue/{key}} with {@code fields.assignee = null}, which needs
     * the Edit Issues permission); "-1" is passed to Jira, which gives the issue to the project's default assignee
     * (Jira's own meaning of -1). Returns the issue read back ({@link JiraIssue}); headers CamelJiraIssueKey,
     * CamelJiraIssueId, CamelJiraProjectKey.
     */
    public static Object assignIssue(OperationContext ctx) {
        String key = ctx.require(JiraParam.ISSUE_KEY);
        String who = ctx.string(JiraParam.ASSIGNEE).map(String::trim).orElse(null);
        if (who == null && !OperationSupport.explicitlyEmpty(ctx, JiraParam.ASSIGNEE)) {
            throw new JiraInvalidInputException(ctx.missing(JiraParam.ASSIGNEE).getMessage()
                    + " (\"none\" or an empty value unassigns the issue)");
        }
        JiraApi api = ctx.api();
        ObjectNode body = api.client().newObject();
        if (who == null || OperationSupport.unassigns(who)) {
            // Jira documents {"accountId": null} on /assignee as "unassign", but its OpenAPI types accountId (Cloud) and
            // name (Data Center) as non-null strings there; clearing the field through the edit resource is valid in both
            body.putObject("fields").putNull("assignee");
            api.client().send(OperationSupport.issueRequest(JiraRequest::put, api, key, "").body(body));
        } else {
            body.put(api.isCloud() ? "accountId" : "name", api.userId(who));
            api.client().send(OperationSupport.issueRequest(JiraRequest::put, api, key, "/assignee").body(body));
        }
        return read(ctx, key);
    }
}
