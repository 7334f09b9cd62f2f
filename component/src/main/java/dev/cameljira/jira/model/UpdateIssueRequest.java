package dev.cameljira.jira.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Typed body of updateIssue. Every value is optional; null means "leave unchanged". At least one must be given. The
 * {@code with...} methods it shares with {@link CreateIssueRequest} come from {@link IssueValues}.
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
                                 JsonNode update) implements IssueValues<UpdateIssueRequest> {

    /** An empty update of an issue; add values with the {@code with...} methods. */
    public static UpdateIssueRequest of(String issueKey) {
        return new UpdateIssueRequest(issueKey, null, null, null, null, null, null, null, null, null);
    }

    @Override
    public UpdateIssueRequest withValues(String summary, String description, String assignee, String priority, String issueType,
                                         List<String> labels, List<String> components, Map<String, Object> fields) {
        return new UpdateIssueRequest(issueKey, summary, description, assignee, priority, issueType, labels, components, fields,
                update);
    }

    /** Sets Jira's {@code update} operations object. */
    public UpdateIssueRequest withUpdate(JsonNode value) {
        return new UpdateIssueRequest(issueKey, summary, description, assignee, priority, issueType, labels, components, fields, value);
    }
}
