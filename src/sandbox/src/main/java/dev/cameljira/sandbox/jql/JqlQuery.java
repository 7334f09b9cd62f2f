package dev.cameljira.sandbox.jql;

import java.util.Comparator;
import java.util.List;

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

    /**
     * The validation errors of a query parsed leniently ({@link JqlOptions#lenient()}), in Jira's wording; the
     * clauses in error match nothing. Always empty for a strictly parsed query (it would have failed).
     */
    default List<String> validationErrors() {
        return List.of();
    }

    /** The literal values compared with fields whose values must exist ({@code project = NOPE}), in query order. */
    default List<JqlValueRef> valueRefs() {
        return List.of();
    }
}
