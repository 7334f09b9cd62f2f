package dev.cameljira.jira.model;

import java.util.List;
import java.util.Map;

/**
 * Typed body of createIssue (and, as a list, bulkCreateIssues). Only projectKey, issueType and summary are required.
 * The {@code with...} methods it shares with {@link UpdateIssueRequest} come from {@link IssueValues}.
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
                                 Map<String, Object> fields) implements IssueValues<CreateIssueRequest> {

    public static CreateIssueRequest of(String projectKey, String issueType, String summary) {
        return new CreateIssueRequest(projectKey, issueType, summary, null, null, null, null, null, null, null);
    }

    @Override
    public CreateIssueRequest withValues(String summary, String description, String assignee, String priority, String issueType,
                                         List<String> labels, List<String> components, Map<String, Object> fields) {
        return new CreateIssueRequest(projectKey, issueType, summary, description, assignee, priority, labels, components,
                parentKey, fields);
    }

    public CreateIssueRequest withParentKey(String value) {
        return new CreateIssueRequest(projectKey, issueType, summary, description, assignee, priority, labels, components, value, fields);
    }
}
