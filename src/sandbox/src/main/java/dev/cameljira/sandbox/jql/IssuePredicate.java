package dev.cameljira.sandbox.jql;

import java.util.List;
import java.util.Objects;

/** A compiled JQL condition. */
@FunctionalInterface
interface IssuePredicate {

    /** Stands in for a clause that had errors; never evaluated, as the query is then rejected. */
    IssuePredicate NEVER = (issue, context) -> false;

    boolean test(JqlIssue issue, JqlContext context);

    /** True when every one holds (true for none). */
    static IssuePredicate allOf(List<IssuePredicate> predicates) {
        List<IssuePredicate> copy = List.copyOf(predicates);
        return (issue, context) -> copy.stream().allMatch(p -> p.test(issue, context));
    }

    /** True when one holds (false for none). */
    static IssuePredicate anyOf(List<IssuePredicate> predicates) {
        List<IssuePredicate> copy = List.copyOf(predicates);
        return (issue, context) -> copy.stream().anyMatch(p -> p.test(issue, context));
    }

    /** The non-null values of {@code field}; a null list reads as EMPTY. */
    static List<String> valuesOf(JqlIssue issue, String field) {
        List<String> values = issue.values(field);
        if (values == null) {
            return List.of();
        }
        return values.stream().filter(Objects::nonNull).toList();
    }
}
