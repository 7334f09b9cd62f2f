package dev.cameljira.sandbox.jql;

import java.util.Comparator;

/** A parsed JQL query. */
public interface JqlQuery {

    /** Whether the issue satisfies the WHERE part (always true when there is none). */
    boolean matches(JqlIssue issue, JqlContext context);

    /** Ordering from ORDER BY; when absent, Jira's default ({@code created DESC}... here: key/id DESC). */
    Comparator<JqlIssue> ordering();

    /** True when the query has at least one restriction (Jira Cloud's /search/jql rejects unbounded queries). */
    boolean isBounded();
}
