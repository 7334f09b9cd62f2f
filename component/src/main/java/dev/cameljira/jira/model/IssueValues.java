package dev.cameljira.jira.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The issue values that {@link CreateIssueRequest} and {@link UpdateIssueRequest} share, and their {@code with...}
 * methods, written once. A request implements {@link #withValues} (a copy with these values replaced, its own values -
 * project key, parent, issue key, update operations - kept); each {@code with...} method returns such a copy with one
 * value changed.
 *
 * @param <R> the request type the {@code with...} methods return
 */
public interface IssueValues<R extends IssueValues<R>> {

    /** The summary. */
    String summary();

    /** The description: plain text or simple Markdown (ADF on REST v3, wiki markup on v2). */
    String description();

    /** The assignee: accountId, user name or e-mail. */
    String assignee();

    /** The priority, by name or id. */
    String priority();

    /** The issue type, by name (Task, Bug) or id. */
    String issueType();

    /** The labels. */
    List<String> labels();

    /** The component names. */
    List<String> components();

    /** Further fields by id or display name ("Story Points"). */
    Map<String, Object> fields();

    /** A copy of this request with these shared values and its own other values. */
    R withValues(String summary, String description, String assignee, String priority, String issueType, List<String> labels,
                 List<String> components, Map<String, Object> fields);

    default R withSummary(String value) {
        return withValues(value, description(), assignee(), priority(), issueType(), labels(), components(), fields());
    }

    default R withDescription(String value) {
        return withValues(summary(), value, assignee(), priority(), issueType(), labels(), components(), fields());
    }

    default R withAssignee(String value) {
        return withValues(summary(), description(), value, priority(), issueType(), labels(), components(), fields());
    }

    default R withPriority(String value) {
        return withValues(summary(), description(), assignee(), value, issueType(), labels(), components(), fields());
    }

    default R withIssueType(String value) {
        return withValues(summary(), description(), assignee(), priority(), value, labels(), components(), fields());
    }

    default R withLabels(List<String> value) {
        return withValues(summary(), description(), assignee(), priority(), issueType(), value, components(), fields());
    }

    default R withComponents(List<String> value) {
        return withValues(summary(), description(), assignee(), priority(), issueType(), labels(), value, fields());
    }

    /** Adds one further field by id or display name. */
    default R withField(String idOrName, Object value) {
        Map<String, Object> f = fields() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(fields());
        f.put(idOrName, value);
        return withValues(summary(), description(), assignee(), priority(), issueType(), labels(), components(), f);
    }
}
