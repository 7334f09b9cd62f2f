package dev.cameljira.sandbox.jira.model;

/** An issue type; sub-task types need a parent. */
public record IssueType(String id, String name, String description, boolean subtask, int hierarchyLevel, long avatarId) {
}
