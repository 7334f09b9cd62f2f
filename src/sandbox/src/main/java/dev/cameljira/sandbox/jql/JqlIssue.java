package dev.cameljira.sandbox.jql;

import java.time.Instant;
import java.util.List;

/**
 * What the JQL evaluator needs to know of an issue. Implemented by the sandbox's issue store.
 *
 * <p>The evaluator only ever asks for these canonical, lower-case field names (JQL aliases are resolved before):
 * <ul>
 *   <li>{@link #values(String)}: {@code project}, {@code issuetype} (also for {@code type}), {@code status},
 *       {@code statuscategory}, {@code assignee}, {@code reporter}, {@code creator}, {@code watcher},
 *       {@code labels}, {@code component}, {@code priority}, {@code resolution}, {@code parent}, {@code key} (also
 *       for {@code issuekey}, {@code issue} and {@code id}), {@code summary}, {@code description}, {@code comment}
 *       (each comment), {@code text} (summary, description and comments; these text fields as plain text, without
 *       markup), {@code fixversion} and {@code affectedversion} (each version's name and id), {@code cf[10016]} (also for {@code "Story Points"} and
 *       {@code "Story point estimate"}) and any other {@code cf[NNNNN]};</li>
 *   <li>{@link #date(String)}: {@code created}, {@code updated}, {@code resolutiondate} (also for
 *       {@code resolved}), {@code duedate} (also for {@code due}), {@code statuscategorychangeddate}.</li>
 * </ul>
 */
public interface JqlIssue {

    /**
     * Every string by which {@code field} of this issue may be named in JQL, compared case-insensitively: for
     * {@code project} the key, id and name; for {@code issuetype}/{@code status}/{@code priority}/{@code resolution}
     * the name and id; for {@code assignee}/{@code reporter} the accountId (Cloud), name and key (Server), e-mail and
     * display name; for {@code labels}/{@code component} each label/component name; for {@code key} and
     * {@code parent} the key (and any former key) and id; for {@code summary} the summary; for {@code cf[NNNNN]} the
     * value(s) as strings (a number for {@code cf[10016]}). An empty list (or null) means the
     * field is EMPTY. Field names arrive lower-cased.
     *
     * <p>Ordering uses these values too: {@code priority} sorts by its numeric id (lower id = more important, as in
     * Jira's default scheme), {@code status} by its name (the first value that is not all digits), {@code key} by
     * the value shaped like {@code PROJ-123}.
     */
    List<String> values(String field);

    /** The instant of a date field ({@code created}, {@code updated}, {@code resolutiondate}), or null if empty. */
    Instant date(String field);

    /** Numeric id of the issue (for {@code id} comparisons, ordering and the default order). */
    long id();

    /**
     * The history of a field WAS and CHANGED search ({@code status}, {@code assignee}, {@code reporter},
     * {@code priority}, {@code resolution}, {@code fixversion}), oldest period first, never empty. The default is one
     * period since creation with the current values (a field that never changed).
     */
    default List<JqlValuePeriod> history(String field) {
        Instant created = date("created");
        List<String> current = values(field);
        return List.of(new JqlValuePeriod(created == null ? Instant.EPOCH : created, List.of(),
                current == null || current.isEmpty() ? List.of() : List.of(current)));
    }
}
