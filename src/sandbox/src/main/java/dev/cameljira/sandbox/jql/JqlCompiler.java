package dev.cameljira.sandbox.jql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Validates a syntax tree and compiles it to a {@link JqlQuery}, collecting every validation error (as Jira lists
 * them all in {@code errorMessages}).
 *
 * <p>{@code NOT} is pushed down to the clauses, De Morgan style, negating their operators ({@code NOT a = x} becomes
 * {@code a != x}, {@code NOT a > d} becomes {@code a <= d}): that is how Jira evaluates it, so {@code NOT assignee =
 * bob} does not match unassigned issues either.
 */
final class JqlCompiler {

    private final Set<String> errors = new LinkedHashSet<>();
    private final List<JqlValueRef> refs = new ArrayList<>();
    private final JqlOptions options;

    private JqlCompiler(JqlOptions options) {
        this.options = options;
    }

    static JqlQuery compile(String jql, ParsedJql parsed) {
        return compile(jql, parsed, JqlOptions.DEFAULT);
    }

    /** Compiles; validation errors throw unless the options are lenient, which keeps them in the query. */
    static JqlQuery compile(String jql, ParsedJql parsed, JqlOptions options) {
        JqlCompiler compiler = new JqlCompiler(options);
        Optional<IssuePredicate> where = parsed.where().map(clause -> compiler.clause(clause, false));
        Comparator<JqlIssue> ordering = compiler.ordering(parsed.orderBy());
        if (!compiler.errors.isEmpty() && !options.lenient()) {
            throw new JqlException(new ArrayList<>(compiler.errors));
        }
        return new CompiledQuery(jql, where, ordering, List.copyOf(compiler.errors), List.copyOf(compiler.refs));
    }

    private Optional<JqlField> field(String name) {
        return JqlFields.named(name, options.customFields());
    }

    private IssuePredicate clause(Clause clause, boolean negated) {
        if (clause instanceof Clause.Not not) {
            return clause(not.clause(), !negated);
        }
        if (clause instanceof Clause.And and) {
            List<IssuePredicate> parts = and.clauses().stream().map(c -> clause(c, negated)).toList();
            return negated ? IssuePredicate.anyOf(parts) : IssuePredicate.allOf(parts);
        }
        if (clause instanceof Clause.Or or) {
            List<IssuePredicate> parts = or.clauses().stream().map(c -> clause(c, negated)).toList();
            return negated ? IssuePredicate.allOf(parts) : IssuePredicate.anyOf(parts);
        }
        if (clause instanceof Clause.History history) {
            return history(history, negated);
        }
        return terminal((Clause.Terminal) clause, negated);
    }

    private IssuePredicate history(Clause.History history, boolean negated) {
        Optional<JqlField> found = field(history.field());
        if (found.isEmpty()) {
            errors.add(unknownField(history.field()));
            return IssuePredicate.NEVER;
        }
        FieldRef ref = new FieldRef(found.get().canonical(), history.field());
        try {
            IssuePredicate test = HistoryClauses.compile(ref, history.operator(), history.operand(),
                    history.predicates(), refs);
            return negated ? (issue, context) -> !test.test(issue, context) : test;
        } catch (JqlException invalid) {
            errors.addAll(invalid.errorMessages());
            return IssuePredicate.NEVER;
        }
    }

    private IssuePredicate terminal(Clause.Terminal terminal, boolean negated) {
        Optional<JqlField> found = field(terminal.field());
        if (found.isEmpty()) {
            errors.add(unknownField(terminal.field()));
            return IssuePredicate.NEVER;
        }
        JqlField field = found.get();
        FieldRef ref = new FieldRef(field.canonical(), terminal.field());
        try {
            if (!field.type().operators().contains(terminal.operator())) {
                throw AbstractFieldType.unsupportedOperator(ref, terminal.operator());
            }
            Operator operator = negated ? terminal.operator().negated() : terminal.operator();
            IssuePredicate compiled = field.type().compile(ref, operator, terminal.operand());
            collectRefs(ref, operator, terminal.operand());
            return compiled;
        } catch (JqlException invalid) {
            errors.addAll(invalid.errorMessages());
            return IssuePredicate.NEVER;
        }
    }

    /** Records the literal values of a field whose values must exist, for {@link JqlQuery#valueRefs()}. */
    private void collectRefs(FieldRef field, Operator operator, Operand operand) {
        if (!JqlFields.CHECKED_VALUES.contains(field.canonical()) || operator == Operator.LIKE
                || operator == Operator.NOT_LIKE) {
            return;
        }
        List<Operand> items = operand instanceof Operand.ValueList list ? list.items() : List.of(operand);
        for (Operand item : items) {
            if (item instanceof Operand.Value value
                    && !(field.canonical().equals("resolution") && value.text().equalsIgnoreCase("Unresolved"))) {
                refs.add(new JqlValueRef(field.canonical(), field.written(), value.text(),
                        !value.quoted() && !value.text().isEmpty() && value.text().chars().allMatch(Character::isDigit)));
            }
        }
    }

    private Comparator<JqlIssue> ordering(List<ParsedJql.SortSpec> specs) {
        if (specs.isEmpty()) {
            return IssueOrder.DEFAULT;
        }
        Comparator<JqlIssue> ordering = null;
        boolean lastDescending = false;
        Set<JqlField> seen = new HashSet<>();
        for (ParsedJql.SortSpec spec : specs) {
            Optional<JqlField> field = field(spec.field());
            if (field.isEmpty()) {
                errors.add(unknownField(spec.field()));
                continue;
            }
            if (field.get().ascending().isEmpty()) {
                errors.add("Not able to sort using field '" + spec.field() + "'.");
                continue;
            }
            if (!seen.add(field.get())) {
                errors.add("The sort field '" + spec.field() + "' is referenced multiple times in the JQL sort.");
                continue;
            }
            Comparator<JqlIssue> ascending = field.get().ascending().get();
            Comparator<JqlIssue> next = spec.descending() ? ascending.reversed() : ascending;
            ordering = ordering == null ? next : ordering.thenComparing(next);
            lastDescending = spec.descending();
        }
        if (ordering == null) {
            return IssueOrder.DEFAULT;
        }
        return ordering.thenComparing(lastDescending ? IssueOrder.byId().reversed() : IssueOrder.byId());
    }

    private static String unknownField(String name) {
        return "Field '" + name + "' does not exist or you do not have permission to view it.";
    }
}
