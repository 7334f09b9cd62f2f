package dev.cameljira.sandbox.jql;

import java.util.Comparator;

/** A parsed, validated JQL query; immutable and safe to share between threads. Obtain one from {@link Jql#parse}. */
public interface JqlQuery {

    /** Whether the issue satisfies the WHERE part (always true when there is none). */
    boolean matches(JqlIssue issue, JqlContext context);

    /**
     * Ordering from ORDER BY (ascending unless {@code DESC} is given, empty values last in ascending order), ties
     * broken by id in the direction of the last ORDER BY field (so issues created in the same millisecond keep their
     * creation order under {@code ORDER BY created ASC}); without ORDER BY, Jira's default for a search: key (here:
     * id) descending.
     */
    Comparator<JqlIssue> ordering();

    /** True when the query has at least one restriction (Jira Cloud's /search/jql rejects unbounded queries). */
    boolean isBounded();
}
