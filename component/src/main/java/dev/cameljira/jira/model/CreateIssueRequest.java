package dev.cameljira.jira.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed body of createIssue (and, as a list, bulkCreateIssues). Only projectKey, issueType and summary are required.
 *
 * @param projectKey  project key, e.g. DEMO
 * @param issueType   issue type name (Task, Bug) or id
 * @param summary     the summary
 * @param description plain text or simple Markdown (becomes ADF on v3, wiki on v2)
 * @param assignee    accountId, user name or e-mail
 * @param priority    priority name or id
 * @param labels      labels
 * @param components  component names
 * @param parentKey   parent issue key (sub-tasks, child issues)
 * @param fields      further fields by id or display name ("Story Points"); values as Jira expects them or plain values
 */
public record CreateIssueRequest(String projectKey, String issueType, String summary, String description, String assignee,
                                 String priority, List<String> labels, List<String> components, String parentKey,
                                 Map<String, Object> fields) {

    public static CreateIssueRequest of(String projectKey, String issueType, String summary) {
        return new CreateIssueRequest(projectKey, issueType, summary, null, null, null, null, null, null, null);
    }

    public CreateIssueRequest withDescription(String value) {
        return new CreateIssueRequest(projectKey, issueType, summary, value, assignee, priority, labels, components, parentKey, fields);
    }

    public CreateIssueRequest withAssignee(String value) {
        return new CreateIssueRequest(projectKey, issueType, summary, description, value, priority, labels, components, parentKey, fields);
    }

    public CreateIssueRequest withPriority(String value) {
        return new CreateIssueRequest(projectKey, issueType, summary, description, assignee, value, labels, components, parentKey, fields);
    }

    public CreateIssueRequest withLabels(List<String> value) {
        return new CreateIssueRequest(projectKey, issueType, summary, description, assignee, priority, value, components, parentKey, fields);
    }

    public CreateIssueRequest withComponents(List<String> value) {
        return new CreateIssueRequest(projectKey, issueType, summary, description, assignee, priority, labels, value, parentKey, fields);
    }

    public CreateIssueRequest withParentKey(String value) {
        return new CreateIssueRequest(projectKey, issueType, summary, description, assignee, priority, labels, components, value, fields);
    }

    /** Adds one further field by id or display name. */
    public CreateIssueRequest withField(String idOrName, Object value) {
        Map<String, Object> f = fields == null ? new LinkedHashMap<>() : new LinkedHashMap<>(fields);
        f.put(idOrName, value);
        return new CreateIssueRequest(projectKey, issueType, summary, description, assignee, priority, labels, components, parentKey, f);
    }
}
