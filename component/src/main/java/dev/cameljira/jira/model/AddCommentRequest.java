package dev.cameljira.jira.model;

/**
 * Typed body of addComment.
 *
 * @param issueKey   the issue to comment on; may be null when the issue key header is set
 * @param body       the text: plain text or simple Markdown (becomes ADF on REST v3 and wiki markup on v2)
 * @param visibility optional role/group restriction
 */
public record AddCommentRequest(String issueKey, String body, JiraVisibility visibility) {

    public static AddCommentRequest of(String issueKey, String body) {
        return new AddCommentRequest(issueKey, body, null);
    }

    /** Restricts the comment to a project role, e.g. Administrators. */
    public AddCommentRequest visibleToRole(String role) {
        return new AddCommentRequest(issueKey, body, JiraVisibility.role(role));
    }

    /** Restricts the comment to a group, e.g. jira-developers. */
    public AddCommentRequest visibleToGroup(String group) {
        return new AddCommentRequest(issueKey, body, JiraVisibility.group(group));
    }
}
