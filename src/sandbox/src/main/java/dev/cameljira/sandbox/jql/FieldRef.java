package dev.cameljira.sandbox.jql;

/**
 * A field as used in one clause.
 *
 * @param canonical the lower-case name passed to {@link JqlIssue}
 * @param written   the name as the query wrote it, for messages
 */
record FieldRef(String canonical, String written) {
}
