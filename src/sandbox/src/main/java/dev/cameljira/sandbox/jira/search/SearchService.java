package dev.cameljira.sandbox.jira.search;

import dev.cameljira.sandbox.http.ApiException;
import dev.cameljira.sandbox.jira.model.CustomField;
import dev.cameljira.sandbox.jira.model.Issue;
import dev.cameljira.sandbox.jira.model.User;
import dev.cameljira.sandbox.jira.store.JiraStore;
import dev.cameljira.sandbox.jql.Jql;
import dev.cameljira.sandbox.jql.JqlReference;
import dev.cameljira.sandbox.jql.JqlContext;
import dev.cameljira.sandbox.jql.JqlCustomField;
import dev.cameljira.sandbox.jql.JqlException;
import dev.cameljira.sandbox.jql.JqlOptions;
import dev.cameljira.sandbox.jql.JqlQuery;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses JQL and evaluates it over the store. Searches check, as Jira does, that the values a query names exist
 * ({@link ValueCheck}) and honour the validation mode ({@link Validation}).
 */
public final class SearchService {

    /** Jira Cloud's message for a query without restrictions. */
    public static final String UNBOUNDED = "Unbounded JQL queries are not allowed here. Please add a search restriction to your query.";

    /**
     * How a search treats a query's validation errors (unknown fields or values, unsupported operators), as Jira's
     * {@code validateQuery}: STRICT answers 400 with all of them; WARN runs the query, the clauses in error matching
     * nothing, and returns them as {@code warningMessages}; NONE runs it the same way without telling. A syntax error
     * is a 400 in every mode.
     */
    public enum Validation {
        STRICT, WARN, NONE;

        /**
         * Reads {@code validateQuery}: {@code strict}, {@code warn}, {@code none}, or the legacy {@code true}
         * (strict) and {@code false} (warn); absent or blank is strict.
         */
        public static Validation of(String value) {
            if (value == null || value.isBlank()) {
                return STRICT;
            }
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "strict", "true" -> STRICT;
                case "warn", "false" -> WARN;
                case "none" -> NONE;
                default -> throw ApiException.of(400, "The value '" + value + "' of 'validateQuery' is invalid:"
                        + " use strict, warn, none, true or false.");
            };
        }
    }

    /** A parsed query and the validation it is run with. */
    public record Prepared(JqlQuery query, Validation validation) {
    }

    /** The matching issues, in the query's order, and the warnings to report (WARN only). */
    public record Result(List<Issue> issues, List<String> warnings) {
    }

    private final JiraStore store;

    public SearchService(JiraStore store) {
        this.store = store;
    }

    /**
     * Parses a query strictly, without checking that its values exist (webhook filters); a syntax or validation
     * error becomes a 400 with Jira's messages.
     */
    public JqlQuery parse(String jql) {
        try {
            return Jql.parse(jql == null ? "" : jql, options(false));
        } catch (JqlException e) {
            throw badQuery(e.errorMessages());
        }
    }

    /** Parses a query that must be bounded (Cloud {@code /search/jql}). */
    public JqlQuery parseBounded(String jql) {
        return prepare(jql, Validation.STRICT, true).query();
    }

    /**
     * Parses a search's query: a syntax error (or, when {@code bounded}, an unbounded query) is a 400 at once; the
     * validation errors are judged by {@link #run(Prepared, User)}, under the store's lock, with the unknown values.
     */
    public Prepared prepare(String jql, Validation validation, boolean bounded) {
        if (bounded && (jql == null || jql.isBlank())) {
            throw ApiException.of(400, UNBOUNDED);
        }
        JqlQuery query;
        try {
            query = Jql.parse(jql == null ? "" : jql, options(true));
        } catch (JqlException e) {
            throw badQuery(e.errorMessages());
        }
        if (bounded && !query.isBounded()) {
            throw ApiException.of(400, UNBOUNDED);
        }
        return new Prepared(query, validation);
    }

    /**
     * Runs a prepared search (call under the lock): in STRICT mode any validation error, an unknown value included,
     * is a 400 listing them all.
     */
    public Result run(Prepared prepared, User user) {
        Set<String> problems = problems(prepared);
        List<String> warnings = prepared.validation() == Validation.WARN ? List.copyOf(problems) : List.of();
        return new Result(run(prepared.query(), user), warnings);
    }

    /**
     * Checks a query as Jira does before it saves it (filters; call under the lock): syntax, fields, operators and
     * that the values it names exist; a 400 with every problem.
     */
    public JqlQuery validate(String jql) {
        Prepared prepared = prepare(jql, Validation.STRICT, false);
        problems(prepared);
        return prepared.query();
    }

    /** The query's validation errors and, unless NONE, its unknown values; in STRICT mode any of them is a 400. */
    private Set<String> problems(Prepared prepared) {
        Set<String> problems = new LinkedHashSet<>(prepared.query().validationErrors());
        if (prepared.validation() != Validation.NONE) {
            problems.addAll(new ValueCheck(store).unknownValues(prepared.query().valueRefs()));
        }
        if (prepared.validation() == Validation.STRICT && !problems.isEmpty()) {
            throw badQuery(new ArrayList<>(problems));
        }
        return problems;
    }

    /** The instance's custom fields as JQL knows them. */
    public List<JqlCustomField> customFields() {
        return options(false).customFields().orElse(List.of());
    }

    /** What {@code jql/parse} tells of one query: its tree (null after a syntax error), errors and warnings. */
    public record Parsed(Map<String, Object> structure, List<String> errors, List<String> warnings) {
    }

    /**
     * Parses a query for {@code jql/parse} (call under the lock): a syntax error is always an error; validation
     * errors and unknown values are errors when STRICT, warnings when WARN, not reported when NONE.
     */
    public Parsed parseForReport(String jql, Validation validation) {
        JqlQuery query;
        Map<String, Object> structure;
        try {
            query = Jql.parse(jql, options(true));
            structure = JqlReference.structure(jql);
        } catch (JqlException e) {
            return new Parsed(null, e.errorMessages(), List.of());
        }
        Set<String> problems = new LinkedHashSet<>(query.validationErrors());
        problems.addAll(new ValueCheck(store).unknownValues(query.valueRefs()));
        List<String> found = List.copyOf(problems);
        return switch (validation) {
            case STRICT -> new Parsed(structure, found, List.of());
            case WARN -> new Parsed(structure, List.of(), found);
            case NONE -> new Parsed(structure, List.of(), List.of());
        };
    }

    /** Matching issues in the query's order (call under the lock). */
    public List<Issue> run(JqlQuery query, User user) {
        JqlContext context = context(user);
        List<IssueJqlView> matches = new ArrayList<>();
        for (Issue issue : store.issues()) {
            IssueJqlView view = new IssueJqlView(issue, store);
            if (query.matches(view, context)) {
                matches.add(view);
            }
        }
        if (query.ordering() != null) {
            matches.sort(query.ordering());
        }
        return matches.stream().map(IssueJqlView::issue).toList();
    }

    /** Whether one issue matches (webhook filters; call under the lock). */
    public boolean matches(JqlQuery query, Issue issue, User user) {
        return query.matches(new IssueJqlView(issue, store), context(user));
    }

    private JqlContext context(User user) {
        return new JqlContext(store.zone(), store.clock().instant(), user == null ? List.of() : user.identifiers(),
                new VersionFunctions(store));
    }

    /** The instance's custom fields (the catalog is immutable: no lock needed). */
    private JqlOptions options(boolean lenient) {
        List<JqlCustomField> fields = new ArrayList<>();
        for (CustomField cf : store.catalog().customFields()) {
            fields.add(new JqlCustomField(cf.numericId(), cf.name(), KINDS.get(cf.kind().name())));
        }
        return JqlOptions.DEFAULT.withCustomFields(fields).withLenient(lenient);
    }

    private static final Map<String, JqlCustomField.Kind> KINDS = Map.of(
            "NUMBER", JqlCustomField.Kind.NUMBER,
            "STRING", JqlCustomField.Kind.TEXT,
            "SELECT", JqlCustomField.Kind.OPTION,
            "STRING_ARRAY", JqlCustomField.Kind.OPTION);

    private static ApiException badQuery(List<String> messages) {
        return new ApiException(400, List.copyOf(messages), Map.of());
    }
}
