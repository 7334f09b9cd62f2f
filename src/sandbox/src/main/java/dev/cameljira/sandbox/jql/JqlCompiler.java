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

    private JqlCompiler() {
    }

    static JqlQuery compile(String jql, ParsedJql parsed) {
        JqlCompiler compiler = new JqlCompiler();
        Optional<IssuePredicate> where = parsed.where().map(clause -> compiler.clause(clause, false));
        Comparator<JqlIssue> ordering = compiler.ordering(parsed.orderBy());
        if (!compiler.errors.isEmpty()) {
            throw new JqlException(new ArrayList<>(compiler.errors));
        }
        return new CompiledQuery(jql, where, ordering);
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
        return terminal((Clause.Terminal) clause, negated);
    }

    private IssuePredicate terminal(Clause.Terminal terminal, boolean negated) {
        Optional<JqlField> found = JqlFields.named(terminal.field());
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
            return field.type().compile(ref, operator, terminal.operand());
        } catch (JqlException invalid) {
            errors.addAll(invalid.errorMessages());
            return IssuePredicate.NEVER;
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
            Optional<JqlField> field = JqlFields.named(spec.field());
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
