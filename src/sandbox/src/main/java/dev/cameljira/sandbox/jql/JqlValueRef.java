package dev.cameljira.sandbox.jql;

/**
 * A literal value a query compares a field with, for the caller to check that it exists ({@code project = NOPE}:
 * Jira answers "The value 'NOPE' does not exist for the field 'project'.").
 *
 * @param field   the canonical field name ({@code project}, {@code status}, {@code assignee}, {@code key} for key,
 *                issuekey, issue and id, {@code parent}, {@code fixversion}, {@code affectedversion}...)
 * @param written the field as the query wrote it, for messages
 * @param value   the value as written (quotes removed)
 * @param number  whether it was written as an unquoted number (Jira then reads it as an id first)
 */
public record JqlValueRef(String field, String written, String value, boolean number) {
}
