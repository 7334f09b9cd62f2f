package dev.cameljira.sandbox.jql;

/**
 * Entry point of the sandbox's JQL subset: a tokenizer and a recursive-descent parser, not regexes.
 *
 * <h2>Supported</h2>
 * <ul>
 *   <li>Fields (names case-insensitive): {@code project}, {@code issuetype}/{@code type}, {@code status},
 *       {@code statusCategory}, {@code assignee}, {@code reporter}, {@code creator}, {@code watcher},
 *       {@code labels}, {@code component}, {@code priority}, {@code resolution} ({@code Unresolved} = EMPTY),
 *       {@code parent}, {@code key}/{@code issuekey}/{@code issue}/{@code id}, {@code created}, {@code updated},
 *       {@code resolutiondate}/{@code resolved}, {@code duedate}, {@code statusCategoryChangedDate},
 *       {@code summary}/{@code description}/{@code text} ({@code ~} only), {@code cf[10016]}/"Story Points"
 *       (number), other {@code cf[NNNNN]} (text). See {@link JqlIssue} for the names the store is asked for.</li>
 *   <li>Operators {@code = != > >= < <= ~ !~ in "not in" is "is not"}, each where Jira allows it for the field;
 *       {@code AND} (binds tighter), {@code OR}, {@code NOT}, also written {@code && || !}; parentheses;
 *       {@code ORDER BY f [ASC|DESC], ...}. Keywords are case-insensitive.</li>
 *   <li>Values: bare words ({@code DEMO}, {@code DEMO-1}, {@code 10001}), single- or double-quoted strings with
 *       backslash escapes, lists {@code (a, "b c", EMPTY)}, {@code EMPTY}/{@code NULL}, functions
 *       {@code currentUser()} (the ids of {@link JqlContext#currentUserIds()}), {@code now()},
 *       {@code startOfDay/endOfDay/startOfWeek/endOfWeek/startOfMonth/endOfMonth/startOfYear/endOfYear([increment])}.
 *   </li>
 *   <li>Date values: {@code "yyyy-MM-dd HH:mm"}, {@code "yyyy/MM/dd HH:mm"}, {@code yyyy-MM-dd},
 *       {@code yyyy/MM/dd} (read in {@link JqlContext#zone()}; a date alone is its midnight), or periods relative to
 *       {@link JqlContext#now()}: {@code -1h}, {@code -30m}, {@code -2d}, {@code -1w}, {@code 1d}, {@code "4w 2d"}
 *       (units y M w d h m).</li>
 *   <li>History clauses ({@link HistoryClauses}): {@code WAS}, {@code WAS NOT}, {@code WAS IN}, {@code WAS NOT IN}
 *       and {@code CHANGED} with the predicates {@code AFTER}, {@code BEFORE}, {@code ON}, {@code DURING},
 *       {@code BY}, and for CHANGED {@code FROM} and {@code TO}, on assignee, fixVersion, priority, reporter,
 *       resolution and status.</li>
 *   <li>{@code fixVersion}, {@code affectedVersion}, {@code sprint}, and with {@link JqlOptions#customFields()} every
 *       custom field by {@code cf[id]} and by name.</li>
 * </ul>
 *
 * <h2>Semantics</h2>
 * <ul>
 *   <li>Date comparisons have MINUTE precision: the instant is truncated to the minute in the context's zone
 *       (as is the operand) before comparing. {@code updated >= "2026-11-28 10:15"} matches an issue updated at
 *       10:15:59; {@code updated > "2026-11-28 10:15"} does not, but matches one updated at 10:16:00.</li>
 *   <li>Text values compare case-insensitively with any of {@link JqlIssue#values(String)}.</li>
 *   <li>As in Jira, {@code !=} and {@code not in} never match an EMPTY field ({@code assignee != bob} leaves out
 *       unassigned issues; add {@code OR assignee is EMPTY} to include them), and {@code NOT clause} is evaluated
 *       as the clause with its operator negated, so it leaves them out too.</li>
 *   <li>Without ORDER BY, issues sort by key (here: id) descending; ORDER BY sorts ascending unless DESC, puts
 *       empty values last in ascending order, and breaks ties by id in the direction of the last ORDER BY field.</li>
 *   <li>Values are not checked against existing projects, statuses or users here: the query lists them in
 *       {@link JqlQuery#valueRefs()} for the caller (the sandbox's search) to check; an unknown value simply matches
 *       nothing.</li>
 * </ul>
 *
 * <h2>Errors</h2>
 * Anything else throws {@link JqlException} with Jira's wording, for a 400 with {@code errorMessages}: syntax
 * errors ({@code Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'x'. (line 1, character 12)}),
 * unknown fields, operators a field does not support, invalid dates, keys and numbers, unknown functions, fields
 * that cannot be sorted on.
 */
public final class Jql {

    private Jql() {
    }

    /**
     * Parses and validates a query. An empty or blank query (or null) is valid: it matches every issue and is not
     * {@linkplain JqlQuery#isBounded() bounded}.
     *
     * @throws JqlException with Jira-style messages naming what was wrong
     */
    public static JqlQuery parse(String jql) {
        return parse(jql, JqlOptions.DEFAULT);
    }

    /**
     * Parses and validates a query with the instance's custom fields, strictly or leniently.
     *
     * @throws JqlException for a syntax error, and when strict for any validation error
     */
    public static JqlQuery parse(String jql, JqlOptions options) {
        String source = jql == null ? "" : jql;
        return JqlCompiler.compile(source, JqlParser.parse(source), options);
    }
}
