package dev.cameljira.jira.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Typed body of updateIssue. Every value is optional; null means "leave unchanged". At least one must be given.
 *
 * @param issueKey    the issue key (or id); when null, the CamelJiraIssueKey / IssueKey header is used
 * @param summary     new summary
 * @param description new description: plain text or simple Markdown (becomes ADF on v3, wiki on v2), or an ADF document
 * @param assignee    new assignee: accountId, user name or e-mail; "none" (or "unassigned") unassigns
 * @param priority    priority name or id
 * @param issueType   issue type name or id
 * @param labels      the labels the issue has afterwards (replaces them; use {@code update} to add or remove single labels)
 * @param components  the component names the issue has afterwards (replaces them)
 * @param fields      further fields by id or display name ("Story Points"); values as Jira expects them or plain values
 * @param update      Jira's {@code update} object, sent as is: field id -> list of operations, e.g.
 *                    {@code {"labels":[{"add":"triaged"}],"comment":[{"add":{"body":"Done"}}]}}
 */
public record UpdateIssueRequest(String issueKey, String summary, String description, String assignee, String priority,
                                 String issueType, List<String> labels, List<String> components, Map<String, Object> fields,
                                 JsonNode update) {

    /** An empty update of an issue; add values with the {@code with...} methods. */
    public static UpdateIssueRequest of(String issueKey) {
        return new UpdateIssueRequest(issueKey, null, null, null, null, null, null, null, null, null);
    }

    public UpdateIssueRequest withSummary(String value) {
        return new UpdateIssueRequest(issueKey, value, description, assignee, priority, issueType, labels, components, fields, update);
    }

    public UpdateIssueRequest withDescription(String value) {
        return new UpdateIssueRequest(issueKey, summary, value, assignee, priority, issueType, labels, components, fields, update);
    }

    public UpdateIssueRequest withAssignee(String value) {
        return new UpdateIssueRequest(issueKey, summary, description, value, priority, issueType, labels, components, fields, update);
    }

    public UpdateIssueRequest withPriority(String value) {
        return new UpdateIssueRequest(issueKey, summary, description, assignee, value, issueType, labels, components, fields, update);
    }

    public UpdateIssueRequest withIssueType(String value) {
        return new UpdateIssueRequest(issueKey, summary, description, assignee, priority, value, labels, components, fields, update);
    }

    public UpdateIssueRequest withLabels(List<String> value) {
        return new UpdateIssueRequest(issueKey, summary, description, assignee, priority, issueType, value, components, fields, update);
    }

    public UpdateIssueRequest withComponents(List<String> value) {
        return new UpdateIssueRequest(issueKey, summary, description, assignee, priority, issueType, labels, value, fields, update);
    }

    /** Adds one further field by id or display name. */
    public UpdateIssueRequest withField(String idOrName, Object value) {
        Map<String, Object> f = fields == null ? new LinkedHashMap<>() : new LinkedHashMap<>(fields);
        f.put(idOrName, value);
        return new UpdateIssueRequest(issueKey, summary, description, assignee, priority, issueType, labels, components, f, update);
    }

    /** Sets Jira's {@code update} operations object. */
    public UpdateIssueRequest withUpdate(JsonNode value) {
        return new UpdateIssueRequest(issueKey, summary, description, assignee, priority, issueType, labels, components, fields, value);
    }
}
