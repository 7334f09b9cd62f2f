package dev.cameljira.sandbox.jira.model;

/**
 * A link between two issues. As in Jira's {@code POST /issueLink}, the {@code inwardIssue} of the request is the
 * link's source ("source blocks destination") and the {@code outwardIssue} its destination.
 */
public record IssueLink(long id, LinkType type, long sourceIssueId, long destinationIssueId) {
}
