package dev.cameljira.jira.operations;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.client.JiraApi;
import dev.cameljira.jira.client.JiraRequest;
import dev.cameljira.jira.model.CreateIssueRequest;
import dev.cameljira.jira.model.JiraIssue;

/** Issue operations: create, get, update, delete, bulk create, transition, assign, changelog. */
public final class IssueOperations {

    private IssueOperations() {
    }

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
        String typeId = ctx.string(JiraParam.ISSUE_TYPE_ID).orElse(null);
        String type = typeId != null ? typeId : ctx.string(JiraParam.ISSUE_TYPE_NAME).orElse(null);
        String description = ctx.string(JiraParam.DESCRIPTION).orElse(null);
        if (description == null && ctx.bodyObject() == null && ctx.body() != null && !(ctx.body() instanceof Map)) {
            description = ctx.exchange().getIn().getBody(String.class);
        }
        Map<String, Object> extra = null;
        Object f = ctx.raw(JiraParam.FIELDS).orElse(null);
        if (f instanceof JsonNode n && n.isObject()) {
            extra = ctx.api().client().mapper().convertValue(n, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {
            });
        } else if (f instanceof Map<?, ?> m) {
            extra = new java.util.LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                extra.put(String.valueOf(e.getKey()), e.getValue());
            }
        }
        String parent = ctx.bodyObject() != null ? ctx.bodyObject().path("parentKey").asText(null) : null;
        List<String> labels = ctx.strings(JiraParam.LABELS);
        List<String> components = ctx.strings(JiraParam.COMPONENTS);
        return new CreateIssueRequest(ctx.string(JiraParam.PROJECT_KEY).orElse(null), type,
                ctx.string(JiraParam.SUMMARY).orElse(null), description, ctx.string(JiraParam.ASSIGNEE).orElse(null),
                ctx.string(JiraParam.PRIORITY).orElse(null), labels.isEmpty() ? null : labels,
                components.isEmpty() ? null : components, parent, extra);
    }

    /** The {@code fields} object of a create request; fails before any HTTP call when a required value is missing. */
    static ObjectNode createFields(OperationContext ctx, CreateIssueRequest req) {
        if (req.projectKey() == null || req.projectKey().isBlank()) {
            throw ctx.missing(JiraParam.PROJECT_KEY);
        }
        if (req.issueType() == null || req.issueType().isBlank()) {
            throw ctx.missing(JiraParam.ISSUE_TYPE_NAME);
        }
        if (req.summary() == null || req.summary().isBlank()) {
            throw ctx.missing(JiraParam.SUMMARY);
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

    /** getIssue (camel-jira: fetchIssue). Needs the issue key; honours the fields and expand options. */
    public static Object getIssue(OperationContext ctx) {
        String key = ctx.require(JiraParam.ISSUE_KEY);
        JiraIssue issue = fetch(ctx.api(), key, ctx.string(JiraParam.FIELDS_TO_RETURN).orElse(null),
                ctx.string(JiraParam.EXPAND).orElse(null));
        ctx.setHeader(JiraConstants.ISSUE_KEY, issue.key());
        ctx.setHeader(JiraConstants.ISSUE_ID, issue.id());
        ctx.setHeader(JiraConstants.PROJECT_KEY, issue.projectKey());
        return issue;
    }

    static JiraIssue fetch(JiraApi api, String key, String fields, String expand) {
        JsonNode n = api.client().json(JiraRequest.get(api.api("/issue/" + JiraApi.seg(key)))
                .query("fields", fields).query("expand", expand).subject("issue " + key));
        return JiraIssue.from(n);
    }

    public static Object updateIssue(OperationContext ctx) {
        throw new UnsupportedOperationException("updateIssue is not implemented yet");
    }

    public static Object deleteIssue(OperationContext ctx) {
        throw new UnsupportedOperationException("deleteIssue is not implemented yet");
    }

    public static Object bulkCreateIssues(OperationContext ctx) {
        throw new UnsupportedOperationException("bulkCreateIssues is not implemented yet");
    }

    public static Object transitionIssue(OperationContext ctx) {
        throw new UnsupportedOperationException("transitionIssue is not implemented yet");
    }

    public static Object assignIssue(OperationContext ctx) {
        throw new UnsupportedOperationException("assignIssue is not implemented yet");
    }

    public static Object getChangelog(OperationContext ctx) {
        throw new UnsupportedOperationException("getChangelog is not implemented yet");
    }
}
