package dev.cameljira.sandbox.jql;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A validated query, ready to evaluate. */
record CompiledQuery(String jql, Optional<IssuePredicate> where, Comparator<JqlIssue> ordering,
        List<String> validationErrors, List<JqlValueRef> valueRefs) implements JqlQuery {

    @Override
    public boolean matches(JqlIssue issue, JqlContext context) {
        Objects.requireNonNull(issue, "issue");
        Objects.requireNonNull(context, "context");
        return where.map(predicate -> predicate.test(issue, context)).orElse(true);
    }

    @Override
    public boolean isBounded() {
        return where.isPresent();
    }

    @Override
    public String toString() {
        return jql;
    }
}
