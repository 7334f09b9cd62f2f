package dev.cameljira.jira.operations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.client.JiraApi;
import dev.cameljira.jira.client.JiraBadRequestException;
import dev.cameljira.jira.client.JiraException;
import dev.cameljira.jira.client.JiraInvalidInputException;
import dev.cameljira.jira.client.JiraOutcomeUnknownException;
import dev.cameljira.jira.client.JiraRequest;
import dev.cameljira.jira.client.PagedIterator;
import dev.cameljira.jira.model.BulkCreateResult;
import dev.cameljira.jira.model.ChangelogEntry;
import dev.cameljira.jira.model.CreateIssueRequest;
import dev.cameljira.jira.model.JiraIssue;
import dev.cameljira.jira.model.UpdateIssueRequest;

/** Issue operations: create, get, update, delete, bulk create, transition, assign, changelog. */
public final class IssueOperations {

    /** Jira's maximum number of issues per {@code POST /issue/bulk}. */
    static final int BULK_CHUNK_SIZE = 50;
    /** Jira Cloud's maximum page size of {@code GET /issue/{key}/changelog}. */
    static final int MAX_CHANGELOG_PAGE = 100;
    /** Values of an assignee that mean "nobody". */
    private static final List<String> UNASSIGNED = List.of("none", "unassigned");

    private IssueOperations() {
    }

    // ---- create and get ---------------------------------------------------------------------------------------

    /**
     * createIssue (camel-jira: addIssue). Needs project key, issue type and summary; returns the created issue as
     * {@link JiraIssue} read back from Jira, with headers CamelJiraIssueKey and CamelJiraIssueId.
     */
    public static Object createIssue(OperationContext ctx) {
        CreateIssueRequest req = ctx.typedBody(CreateIssueRequest.class).orElseGet(() -> fromMessage(ctx));
        JiraApi api = ctx.api();
        ObjectNode fields = createFields(ctx, req);
        ObjectNode body = api.client().newObject();
        body.set("fields", fields);
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
    private static CreateIssueRequest createRequest(JiraApi api, Function<JiraParam, Optional<Object>> source, JsonNode object) {
        Function<JiraParam, String> text = p -> source.apply(p).map(OperationContext::asText).orElse(null);
        Function<JiraParam, List<String>> list = p -> source.apply(p).map(OperationContext::asList).orElse(List.of());
        String typeId = text.apply(JiraParam.ISSUE_TYPE_ID);
        String type = typeId != null ? typeId : text.apply(JiraParam.ISSUE_TYPE_NAME);
        Map<String, Object> extra = fieldMap(api, source.apply(JiraParam.FIELDS).orElse(null));
        String parent = object != null ? object.path("parentKey").asText(null) : null;
        List<String> labels = list.apply(JiraParam.LABELS);
        List<String> components = list.apply(JiraParam.COMPONENTS);
        return new CreateIssueRequest(text.apply(JiraParam.PROJECT_KEY), type, text.apply(JiraParam.SUMMARY),
                text.apply(JiraParam.DESCRIPTION), text.apply(JiraParam.ASSIGNEE), text.apply(JiraParam.PRIORITY),
                labels.isEmpty() ? null : labels, components.isEmpty() ? null : components, parent, extra);
    }

    /** Further fields given as a JSON object or a Map, as a Map keyed by field id or name; null otherwise. */
    private static Map<String, Object> fieldMap(JiraApi api, Object f) {
        if (f instanceof JsonNode n && n.isObject()) {
            return api.client().mapper().convertValue(n, new TypeReference<Map<String, Object>>() {
            });
        }
        if (f instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put(String.valueOf(e.getKey()), e.getValue());
            }
            return out;
        }
        return null;
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
    private static JiraParam missingForCreate(CreateIssueRequest req) {
        if (blank(req.projectKey())) {
            return JiraParam.PROJECT_KEY;
        }
        if (blank(req.issueType())) {
            return JiraParam.ISSUE_TYPE_NAME;
        }
        if (blank(req.summary())) {
            return JiraParam.SUMMARY;
        }
        return null;
    }

    /** getIssue (camel-jira: fetchIssue). Needs the issue key; honours the fields and expand options. */
    public static Object getIssue(OperationContext ctx) {
        String key = ctx.require(JiraParam.ISSUE_KEY);
        JiraIssue issue = fetch(ctx.api(), key, ctx.string(JiraParam.FIELDS_TO_RETURN).orElse(null),
                ctx.string(JiraParam.EXPAND).orElse(null));
        setIssueHeaders(ctx, issue);
        return issue;
    }

    static JiraIssue fetch(JiraApi api, String key, String fields, String expand) {
        JsonNode n = api.client().json(JiraRequest.get(api.api("/issue/" + JiraApi.seg(key)))
                .query("fields", fields).query("expand", expand).subject("issue " + key));
        return JiraIssue.from(n);
    }

    private static void setIssueHeaders(OperationContext ctx, JiraIssue issue) {
        ctx.setHeader(JiraConstants.ISSUE_KEY, issue.key());
        ctx.setHeader(JiraConstants.ISSUE_ID, issue.id());
        ctx.setHeader(JiraConstants.PROJECT_KEY, issue.projectKey());
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
        String key = blank(req.issueKey()) ? ctx.require(JiraParam.ISSUE_KEY) : req.issueKey();
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
        api.client().send(JiraRequest.put(api.api("/issue/" + JiraApi.seg(key))).query("notifyUsers", notify ? null : "false")
                .body(body).subject("issue " + key));
        JiraIssue issue = fetch(api, key, null, null);
        setIssueHeaders(ctx, issue);
        return issue;
    }

    /** An UpdateIssueRequest from a JSON/Map body and headers (camel-jira's names included). */
    private static UpdateIssueRequest updateFromMessage(OperationContext ctx) {
        Map<String, Object> extra = fieldMap(ctx.api(), ctx.raw(JiraParam.FIELDS).orElse(null));
        String description = null;
        Object rawDescription = ctx.raw(JiraParam.DESCRIPTION).orElse(null);
        if (rawDescription instanceof JsonNode n && n.isObject()) {
            // an ADF document: converted with the other fields
            extra = extra == null ? new LinkedHashMap<>() : extra;
            extra.putIfAbsent("description", n);
        } else if (rawDescription != null) {
            description = OperationContext.asText(rawDescription);
        } else {
            description = plainTextBody(ctx);
        }
        String assignee = ctx.string(JiraParam.ASSIGNEE).orElse(explicitlyEmpty(ctx, JiraParam.ASSIGNEE) ? "none" : null);
        String type = messageValue(ctx, JiraParam.ISSUE_TYPE_ID).or(() -> messageValue(ctx, JiraParam.ISSUE_TYPE_NAME))
                .orElse(null);
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
            fields.set("assignee", unassigns(req.assignee()) ? fields.nullNode() : api.userRef(req.assignee()));
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
            api.client().send(JiraRequest.delete(api.api("/issue/" + JiraApi.seg(key)))
                    .query("deleteSubtasks", subtasks ? "true" : null).subject("issue " + key));
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

    // ---- bulk create ------------------------------------------------------------------------------------------

    /**
     * bulkCreateIssues: creates many issues through {@code POST /issue/bulk}, in chunks of 50 (Jira's limit).
     *
     * <p>Body: a list of {@link CreateIssueRequest}, a {@code List<Map>}, a JSON array (String, byte[] or
     * {@code ArrayNode}) of objects with createIssue's JSON keys ({@code projectKey, issueType, summary, description,
     * assignee, priority, labels, components, parentKey, fields}). An item without project key or issue type takes the
     * header/endpoint value (CamelJiraProjectKey, CamelJiraIssueTypeName...). Every item is checked before the first
     * call: when any lacks a required value, nothing is sent and the error names the items by 0-based index.
     *
     * <p>Returns a {@link BulkCreateResult}: the created issues (key, id) by input index, and the inputs Jira rejected
     * with Jira's messages (a chunk Jira rejects as a whole with 400 marks each of its items failed). Header
     * CamelJiraResultCount = number created. If a chunk fails otherwise (server error, permissions, rate limit after
     * retries, connection lost), a {@link BulkCreateException} names how many issues earlier chunks created and their
     * keys, and carries that partial result.
     */
    public static Object bulkCreateIssues(OperationContext ctx) {
        List<CreateIssueRequest> requests = bulkRequests(ctx);
        validateBulk(ctx, requests);
        JiraApi api = ctx.api();
        List<ObjectNode> updates = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            try {
                ObjectNode update = api.client().newObject();
                update.set("fields", createFields(ctx, requests.get(i)));
                updates.add(update);
            } catch (JiraInvalidInputException e) {
                throw ctx.invalid("item " + i + " (0-based) is invalid, nothing was sent: " + e.getMessage());
            }
        }
        BulkCreateResult result = BulkCreateResult.empty(requests.size());
        int chunks = (updates.size() + BULK_CHUNK_SIZE - 1) / BULK_CHUNK_SIZE;
        for (int c = 0; c < chunks; c++) {
            int from = c * BULK_CHUNK_SIZE;
            int to = Math.min(updates.size(), from + BULK_CHUNK_SIZE);
            result = result.plus(sendChunk(api, updates.subList(from, to), from, c, chunks, result));
        }
        ctx.setHeader(JiraConstants.RESULT_COUNT, result.created().size());
        return result;
    }

    private static BulkCreateResult sendChunk(JiraApi api, List<ObjectNode> chunk, int offset, int index, int chunks,
                                              BulkCreateResult before) {
        ObjectNode body = api.client().newObject();
        ArrayNode arr = body.putArray("issueUpdates");
        chunk.forEach(arr::add);
        String items = "items " + offset + "-" + (offset + chunk.size() - 1);
        try {
            JsonNode response = api.client().json(JiraRequest.post(api.api("/issue/bulk")).body(body)
                    .subject("bulk create of " + items));
            return BulkCreateResult.from(response, offset, chunk.size());
        } catch (JiraBadRequestException e) {
            // Jira answers 400 when it created none of the chunk: every item of it failed
            List<String> messages = e.getErrorMessages().isEmpty() && e.getFieldErrors().isEmpty()
                    ? List.of(e.getMessage()) : e.getErrorMessages();
            List<BulkCreateResult.ItemError> errors = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                errors.add(new BulkCreateResult.ItemError(offset + i, e.getStatus(), messages, e.getFieldErrors(), null));
            }
            return new BulkCreateResult(chunk.size(), List.of(), errors);
        } catch (JiraException e) {
            throw new BulkCreateException(bulkFailure(before, items, index, chunks, offset, chunk.size(), e), before, e);
        }
    }

    private static String bulkFailure(BulkCreateResult before, String items, int index, int chunks, int offset, int size,
                                      JiraException e) {
        StringBuilder sb = new StringBuilder("bulkCreateIssues: POST /issue/bulk for ").append(items).append(" (chunk ")
                .append(index + 1).append(" of ").append(chunks).append(") failed: ").append(e.getMessage()).append(". ");
        if (before.created().isEmpty()) {
            sb.append("No issue was created before it");
        } else {
            sb.append(before.created().size()).append(" issue(s) were created before it and exist in Jira: ")
                    .append(String.join(", ", before.keys()));
        }
        if (before.hasErrors()) {
            sb.append("; Jira rejected items ").append(before.errors().stream().map(x -> String.valueOf(x.index()))
                    .collect(Collectors.joining(", ")));
        }
        int requested = before.requested();
        if (e instanceof JiraOutcomeUnknownException) {
            sb.append("; the outcome of ").append(items)
                    .append(" is unknown (Jira may have created them: search before resending)");
            if (offset + size < requested) {
                sb.append("; items ").append(offset + size).append('-').append(requested - 1).append(" were not sent");
            }
        } else {
            sb.append("; items ").append(offset).append('-').append(requested - 1).append(" were not created");
        }
        return sb.toString();
    }

    /** The bulk body as a list of create requests (no HTTP). */
    private static List<CreateIssueRequest> bulkRequests(OperationContext ctx) {
        Object body = ctx.body();
        List<?> items;
        if (body instanceof List<?> l) {
            items = l;
        } else if (body instanceof java.util.Collection<?> c) {
            items = new ArrayList<>(c);
        } else if (body instanceof ArrayNode a) {
            items = toList(a);
        } else if (body instanceof String || body instanceof byte[]) {
            String s = body instanceof String str ? str : new String((byte[]) body, java.nio.charset.StandardCharsets.UTF_8);
            items = toList(parseArray(ctx, s));
        } else {
            throw ctx.invalid("the body must be the list of issues to create: a List of CreateIssueRequest or Map, or a "
                    + "JSON array of objects; it was " + (body == null ? "empty" : body.getClass().getName()));
        }
        List<CreateIssueRequest> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(bulkItem(ctx, items.get(i), i));
        }
        return out;
    }

    private static List<Object> toList(ArrayNode a) {
        List<Object> out = new ArrayList<>(a.size());
        a.forEach(out::add);
        return out;
    }

    private static ArrayNode parseArray(OperationContext ctx, String s) {
        JsonNode n;
        try {
            n = ctx.api().client().mapper().readTree(s);
        } catch (java.io.IOException e) {
            throw ctx.invalid("the body is not a JSON array of issues: "
                    + (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage()));
        }
        if (n instanceof ArrayNode a) {
            return a;
        }
        throw ctx.invalid("the body must be a JSON array of issues, was a JSON " + (n == null ? "nothing" : n.getNodeType()));
    }

    private static CreateIssueRequest bulkItem(OperationContext ctx, Object item, int index) {
        CreateIssueRequest req;
        if (item instanceof CreateIssueRequest r) {
            req = r;
        } else if (item instanceof Map<?, ?> || (item instanceof JsonNode n && n.isObject())) {
            JsonNode o = item instanceof JsonNode n ? n : ctx.api().client().mapper().valueToTree(item);
            req = createRequest(ctx.api(), p -> itemValue(o, p), o);
        } else {
            throw ctx.invalid("item " + index + " (0-based) is " + (item == null ? "null" : "a " + item.getClass().getSimpleName())
                    + "; each item must be a CreateIssueRequest, a Map or a JSON object");
        }
        String project = blank(req.projectKey()) ? ctx.string(JiraParam.PROJECT_KEY).orElse(null) : req.projectKey();
        String type = blank(req.issueType())
                ? ctx.string(JiraParam.ISSUE_TYPE_ID).or(() -> ctx.string(JiraParam.ISSUE_TYPE_NAME)).orElse(null)
                : req.issueType();
        return new CreateIssueRequest(project, type, req.summary(), req.description(), req.assignee(), req.priority(),
                req.labels(), req.components(), req.parentKey(), req.fields());
    }

    /** A value of one bulk item by the parameter's body keys (JSON null counts as absent). */
    private static Optional<Object> itemValue(JsonNode item, JiraParam p) {
        for (String k : p.bodyKeys()) {
            JsonNode v = item.get(k);
            if (v != null && !v.isNull()) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** Fails, naming every item that lacks a required value, before anything is sent. */
    private static void validateBulk(OperationContext ctx, List<CreateIssueRequest> requests) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            JiraParam missing = missingForCreate(requests.get(i));
            if (missing != null) {
                problems.add("item " + i + " needs " + missing.description());
            }
        }
        if (!problems.isEmpty()) {
            throw ctx.invalid(problems.size() + " of " + requests.size() + " items are invalid (indexes are 0-based), nothing "
                    + "was sent: " + String.join("; ", problems.subList(0, Math.min(20, problems.size())))
                    + (problems.size() > 20 ? "; and " + (problems.size() - 20) + " more" : ""));
        }
    }

    /**
     * A bulk create stopped part-way because a chunk failed with an error other than Jira rejecting its items. The
     * message names how many issues earlier chunks created (and their keys); {@link #partialResult()} carries them.
     */
    public static final class BulkCreateException extends JiraException {

        private final transient BulkCreateResult partialResult;

        public BulkCreateException(String message, BulkCreateResult partialResult, Throwable cause) {
            super(message, cause);
            this.partialResult = partialResult;
        }

        /** What earlier chunks created and which of their items Jira rejected. */
        public BulkCreateResult partialResult() {
            return partialResult;
        }
    }

    // ---- transition -------------------------------------------------------------------------------------------

    /**
     * transitionIssue: moves an issue through its workflow ({@code POST /issue/{key}/transitions}), then reads it back.
     *
     * <p>Needs the issue key and the transition (header CamelJiraTransition / camel-jira's IssueTransitionId, body key
     * {@code transition}): a transition id ("21"), a transition name ("Start Progress") or a target status name
     * ("In Progress"), case-insensitive, matched in that order. An id (digits only) is sent as is; a name is looked up
     * through {@code GET /issue/{key}/transitions}, cached per issue and dropped once the issue moved; a cached id that
     * Jira rejects is looked up again once. An unknown transition fails with {@link JiraInvalidInputException} listing
     * the available transitions and their target statuses.
     *
     * <p>Optional: further fields set on the transition screen (CamelJiraFields or the body's {@code fields}, e.g.
     * {@code {"resolution":"Won't Do"}}), a comment (header CamelJiraComment, body key {@code comment}, or - as in
     * camel-jira - a plain String body) added in the same request, and Jira's {@code update} object (body key).
     *
     * <p>Returns the issue read back ({@link JiraIssue}, with its new status); headers CamelJiraIssueKey,
     * CamelJiraIssueId, CamelJiraProjectKey.
     */
    public static Object transitionIssue(OperationContext ctx) {
        String key = ctx.require(JiraParam.ISSUE_KEY);
        String wanted = ctx.require(JiraParam.TRANSITION).trim();
        JiraApi api = ctx.api();
        String comment = ctx.string(JiraParam.TRANSITION_COMMENT).orElseGet(() -> plainTextBody(ctx));
        ObjectNode body = api.client().newObject();
        ObjectNode fields = api.client().newObject();
        IssueFields.putAll(api, fields, fieldMap(api, ctx.raw(JiraParam.FIELDS).orElse(null)));
        if (!fields.isEmpty()) {
            body.set("fields", fields);
        }
        ObjectNode update = transitionUpdate(ctx, api, comment);
        if (!update.isEmpty()) {
            body.set("update", update);
        }
        new TransitionCache(api, key).perform(wanted, body);
        JiraIssue issue = fetch(api, key, null, null);
        setIssueHeaders(ctx, issue);
        return issue;
    }

    private static ObjectNode transitionUpdate(OperationContext ctx, JiraApi api, String comment) {
        ObjectNode update = api.client().newObject();
        ObjectNode body = ctx.bodyObject();
        if (body != null && body.get("update") instanceof ObjectNode given) {
            update.setAll(given.deepCopy());
        }
        if (comment != null && !comment.isBlank()) {
            ArrayNode ops = update.get("comment") instanceof ArrayNode a ? a : update.putArray("comment");
            ops.addObject().putObject("add").set("body", api.richText(comment));
        }
        return update;
    }

    /**
     * The transitions of one issue as cached in {@link JiraApi#cache()} under {@code transitions:<KEY>}, and performing
     * one of them. The entry is dropped after a transition (the issue's status, and so its transitions, changed).
     */
    static final class TransitionCache {

        /** One available transition: its id, name and target status. */
        record Available(String id, String name, String toStatus) {
            @Override
            public String toString() {
                return name + " (id " + id + ") -> " + toStatus;
            }
        }

        private final JiraApi api;
        private final String key;
        private boolean fresh;

        TransitionCache(JiraApi api, String key) {
            this.api = api;
            this.key = key;
        }

        static String cacheKey(String issueKey) {
            return "transitions:" + issueKey.toUpperCase(Locale.ROOT);
        }

        static void invalidate(JiraApi api, String issueKey) {
            api.cache().invalidate(cacheKey(issueKey));
        }

        /** Resolves {@code wanted} and posts the transition with {@code body}; retries once with a fresh list. */
        void perform(String wanted, ObjectNode body) {
            boolean byId = wanted.chars().allMatch(Character::isDigit);
            Available chosen = byId ? null : resolve(wanted);
            String id = byId ? wanted : chosen.id();
            try {
                post(id, body);
            } catch (JiraBadRequestException e) {
                if (fresh || !e.getFieldErrors().isEmpty()) {
                    throw e;
                }
                // a stale cached id, or an id the issue does not offer: look again once
                invalidate(api, key);
                Available again = find(load(), wanted, e);
                if (again == null || again.id().equals(id)) {
                    throw again == null ? unknown(wanted, load(), e) : e;
                }
                post(again.id(), body);
            }
            invalidate(api, key);
        }

        private void post(String id, ObjectNode body) {
            body.putObject("transition").put("id", id);
            api.client().send(JiraRequest.post(api.api("/issue/" + JiraApi.seg(key) + "/transitions")).body(body)
                    .subject("issue " + key));
        }

        /** The transition named by {@code wanted}, looking again once when the cached list does not have it. */
        private Available resolve(String wanted) {
            Available found = find(load(), wanted, null);
            if (found == null && !fresh) {
                invalidate(api, key);
                found = find(load(), wanted, null);
            }
            if (found == null) {
                throw unknown(wanted, load(), null);
            }
            return found;
        }

        /** The cached list, fetching it when absent; {@link #fresh} tells whether it was fetched by this call. */
        private List<Available> load() {
            return api.cache().get(cacheKey(key), () -> {
                fresh = true;
                return fetch();
            });
        }

        private List<Available> fetch() {
            JsonNode n = api.client().json(JiraRequest.get(api.api("/issue/" + JiraApi.seg(key) + "/transitions"))
                    .subject("issue " + key));
            List<Available> out = new ArrayList<>();
            for (JsonNode t : n.path("transitions")) {
                out.add(new Available(t.path("id").asText(), t.path("name").asText(), t.path("to").path("name").asText()));
            }
            return List.copyOf(out);
        }

        /** Match by id, then name, then target status (case-insensitive); null when none matches. */
        static Available find(List<Available> list, String wanted, RuntimeException cause) {
            for (Available a : list) {
                if (a.id().equals(wanted)) {
                    return a;
                }
            }
            for (Available a : list) {
                if (a.name().equalsIgnoreCase(wanted)) {
                    return a;
                }
            }
            List<Available> byStatus = list.stream().filter(a -> a.toStatus().equalsIgnoreCase(wanted)).toList();
            if (byStatus.size() > 1) {
                JiraInvalidInputException e = new JiraInvalidInputException("transitionIssue: '" + wanted + "' is the target "
                        + "status of several transitions (" + byStatus.stream().map(Available::toString)
                        .collect(Collectors.joining(", ")) + "); name the transition or give its id");
                if (cause != null) {
                    e.initCause(cause);
                }
                throw e;
            }
            return byStatus.isEmpty() ? null : byStatus.get(0);
        }

        private JiraInvalidInputException unknown(String wanted, List<Available> list, Throwable cause) {
            String available = list.isEmpty() ? "none is available to this user"
                    : "available: " + list.stream().map(Available::toString).collect(Collectors.joining(", "));
            JiraInvalidInputException e = new JiraInvalidInputException("transitionIssue: " + key + " has no transition '"
                    + wanted + "' (by id, name or target status) from its current status; " + available);
            if (cause != null) {
                e.initCause(cause);
            }
            return e;
        }
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
        if (who == null && !explicitlyEmpty(ctx, JiraParam.ASSIGNEE)) {
            throw new JiraInvalidInputException(ctx.missing(JiraParam.ASSIGNEE).getMessage()
                    + " (\"none\" or an empty value unassigns the issue)");
        }
        JiraApi api = ctx.api();
        ObjectNode body = api.client().newObject();
        if (who == null || unassigns(who)) {
            // Jira documents {"accountId": null} on /assignee as "unassign", but its OpenAPI types accountId (Cloud) and
            // name (Data Center) as non-null strings there; clearing the field through the edit resource is valid in both
            body.putObject("fields").putNull("assignee");
            api.client().send(JiraRequest.put(api.api("/issue/" + JiraApi.seg(key))).body(body).subject("issue " + key));
        } else {
            body.put(api.isCloud() ? "accountId" : "name", api.userId(who));
            api.client().send(JiraRequest.put(api.api("/issue/" + JiraApi.seg(key) + "/assignee")).body(body)
                    .subject("issue " + key));
        }
        JiraIssue issue = fetch(api, key, null, null);
        setIssueHeaders(ctx, issue);
        return issue;
    }

    // ---- changelog --------------------------------------------------------------------------------------------

    /**
     * getChangelog: the issue's change history, oldest first, as a lazy {@link PagedIterator} of
     * {@link ChangelogEntry}. Needs the issue key. Jira Cloud: {@code GET /issue/{key}/changelog}, paged with the
     * endpoint's maxResults (at most 100) and stopped after limit entries (when set); the first page is read at once, so
     * an unknown issue fails the exchange. Data Center has no changelog resource: the history comes from
     * {@code GET /issue/{key}?expand=changelog} in one response (as much as that server includes there). Header
     * CamelJiraIssueKey.
     */
    public static Object getChangelog(OperationContext ctx) {
        String key = ctx.require(JiraParam.ISSUE_KEY);
        JiraApi api = ctx.api();
        int pageSize = Math.max(1, Math.min(MAX_CHANGELOG_PAGE, ctx.config().getMaxResults()));
        long limit = ctx.config().getLimit();
        PagedIterator<ChangelogEntry> it = api.isCloud()
                ? new PagedIterator<>(0, startAt -> cloudChangelogPage(api, key, (Integer) startAt, pageSize), limit)
                : new PagedIterator<>(0, ignored -> serverChangelog(api, key), limit);
        it.hasNext();
        ctx.setHeader(JiraConstants.ISSUE_KEY, key);
        return it;
    }

    private static PagedIterator.Page<ChangelogEntry> cloudChangelogPage(JiraApi api, String key, int startAt, int pageSize) {
        JsonNode page = api.client().json(JiraRequest.get(api.api("/issue/" + JiraApi.seg(key) + "/changelog"))
                .query("startAt", startAt).query("maxResults", pageSize).subject("issue " + key));
        List<ChangelogEntry> entries = entries(page.path("values"));
        int next = startAt + entries.size();
        boolean last = entries.isEmpty() || page.path("isLast").asBoolean(next >= page.path("total").asInt(Integer.MAX_VALUE));
        return new PagedIterator.Page<>(entries, last ? null : next);
    }

    private static PagedIterator.Page<ChangelogEntry> serverChangelog(JiraApi api, String key) {
        JsonNode issue = api.client().json(JiraRequest.get(api.api("/issue/" + JiraApi.seg(key)))
                .query("fields", "summary").query("expand", "changelog").subject("issue " + key));
        return new PagedIterator.Page<>(entries(issue.path("changelog").path("histories")), null);
    }

    private static List<ChangelogEntry> entries(JsonNode array) {
        List<ChangelogEntry> out = new ArrayList<>();
        array.forEach(h -> {
            ChangelogEntry e = ChangelogEntry.from(h);
            if (e != null) {
                out.add(e);
            }
        });
        return out;
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static boolean unassigns(String who) {
        return who.isBlank() || UNASSIGNED.contains(who.trim().toLowerCase(Locale.ROOT));
    }

    /** A String body that is not JSON (camel-jira's description / comment), or null. */
    private static String plainTextBody(OperationContext ctx) {
        Object b = ctx.body();
        if (b instanceof CharSequence cs && ctx.bodyObject() == null) {
            String s = cs.toString();
            return s.isBlank() ? null : s;
        }
        return null;
    }

    /** A value from the body or headers only, ignoring the endpoint option (a create default such as issueTypeName). */
    private static Optional<String> messageValue(OperationContext ctx, JiraParam p) {
        ObjectNode o = ctx.bodyObject();
        if (o != null) {
            Optional<Object> v = itemValue(o, p);
            if (v.isPresent()) {
                return v.map(OperationContext::asText);
            }
        }
        for (String h : p.headers()) {
            Object v = ctx.in().getHeader(h);
            if (v != null && !(v instanceof String s && s.isBlank())) {
                return Optional.of(OperationContext.asText(v));
            }
        }
        return Optional.empty();
    }

    /** Whether a body key or header of {@code p} is present with an empty value (JSON null, null or ""). */
    private static boolean explicitlyEmpty(OperationContext ctx, JiraParam p) {
        ObjectNode o = ctx.bodyObject();
        if (o != null) {
            for (String k : p.bodyKeys()) {
                JsonNode v = o.get(k);
                if (v != null && (v.isNull() || (v.isTextual() && v.asText().isBlank()))) {
                    return true;
                }
            }
        }
        for (String h : p.headers()) {
            if (ctx.in().hasHeaders() && ctx.in().getHeaders().containsKey(h)) {
                Object v = ctx.in().getHeader(h);
                if (v == null || (v instanceof String s && s.isBlank())) {
                    return true;
                }
            }
        }
        return false;
    }
}
