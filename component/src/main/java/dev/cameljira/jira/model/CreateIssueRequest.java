package dev.cameljira.jira.model;

import java.util.LinkedHashMap;
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
 * @param properties  issue entity properties set in the same request (property key -> value, converted to JSON with
 *                    Jackson), e.g. {@code {"zendesk": {"ticketId": 4711}}}; keys up to 255 characters, values up to
 *                    32768 bytes of JSON
 */
public record CreateIssueRequest(String projectKey, String issueType, String summary, String description, String assignee,
                                 String priority, List<String> labels, List<String> components, String parentKey,
                                 Map<String, Object> fields, Map<String, Object> properties)
        implements IssueValues<CreateIssueRequest> {

    /** A request without entity properties (the record's shape before {@code properties} was added). */
    public CreateIssueRequest(String projectKey, String issueType, String summary, String description, String assignee,
                              String priority, List<String> labels, List<String> components, String parentKey,
                              Map<String, Object> fields) {
        this(projectKey, issueType, summary, description, assignee, priority, labels, components, parentKey, fields, null);
    }

    public static CreateIssueRequest of(String projectKey, String issueType, String summary) {
        return new CreateIssueRequest(projectKey, issueType, summary, null, null, null, null, null, null, null, null);
    }

    @Override
    public CreateIssueRequest withValues(String summary, String description, String assignee, String priority, String issueType,
                                         List<String> labels, List<String> components, Map<String, Object> fields) {
        return new CreateIssueRequest(projectKey, issueType, summary, description, assignee, priority, labels, components,
                parentKey, fields, properties);
    }

    public CreateIssueRequest withParentKey(String value) {
        return new CreateIssueRequest(projectKey, issueType, summary, description, assignee, priority, labels, components, value,
                fields, properties);
    }

    /** A copy with these entity properties (property key -> value) instead of the current ones. */
    public CreateIssueRequest withProperties(Map<String, ?> value) {
        return new CreateIssueRequest(projectKey, issueType, summary, description, assignee, priority, labels, components,
                parentKey, fields, value == null ? null : new LinkedHashMap<>(value));
    }

    /** A copy with one more entity property. */
    public CreateIssueRequest withProperty(String key, Object value) {
        Map<String, Object> p = properties == null ? new LinkedHashMap<>() : new LinkedHashMap<>(properties);
        p.put(key, value);
        return new CreateIssueRequest(projectKey, issueType, summary, description, assignee, priority, labels, components,
                parentKey, fields, p);
    }
}
