package dev.cameljira.sandbox.jql;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code key}, {@code issuekey}, {@code issue} and {@code id}: a value is an issue key ({@code DEMO-12},
 * case-insensitive) or a numeric issue id. {@code = in} compare a key with the issue's keys (current and former) and
 * an id with {@link JqlIssue#id()}; {@code > >= < <=} compare ids numerically, and keys by number within the key's
 * project only ({@code key > DEMO-5} matches DEMO-6, never OTHER-9), as Jira does. Never EMPTY.
 */
final class KeyFieldType extends AbstractFieldType {

    static final Pattern KEY = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)-(\\d{1,18})");
    private static final Pattern ID = Pattern.compile("\\d{1,18}");

    KeyFieldType() {
        super(orderedOperators(), false);
    }

    @Override
    protected boolean isEmpty(JqlIssue issue, String field) {
        return false;
    }

    @Override
    protected IssuePredicate equalTo(FieldRef field, Operand item) {
        String literal = literal(field, item);
        if (ID.matcher(literal).matches()) {
            long id = Long.parseLong(literal);
            return (issue, context) -> issue.id() == id;
        }
        String name = field.canonical();
        return (issue, context) -> IssuePredicate.valuesOf(issue, name).stream().anyMatch(literal::equalsIgnoreCase);
    }

    @Override
    protected IssuePredicate compare(FieldRef field, Operator operator, Operand item) {
        String literal = literal(field, item);
        if (ID.matcher(literal).matches()) {
            long id = Long.parseLong(literal);
            return (issue, context) -> operator.accepts(Long.compare(issue.id(), id));
        }
        Matcher key = KEY.matcher(literal);
        if (!key.matches()) {
            throw new IllegalStateException("validated key no longer matches: " + literal);
        }
        String project = key.group(1);
        long number = Long.parseLong(key.group(2));
        String name = field.canonical();
        return (issue, context) -> numberInProject(issue, name, project)
                .map(n -> operator.accepts(Long.compare(n, number)))
                .orElse(false);
    }

    /** The number of the issue's key in {@code project}, if it has one. */
    private static Optional<Long> numberInProject(JqlIssue issue, String field, String project) {
        return IssuePredicate.valuesOf(issue, field).stream()
                .map(KEY::matcher)
                .filter(m -> m.matches() && m.group(1).equalsIgnoreCase(project))
                .map(m -> Long.parseLong(m.group(2)))
                .findFirst();
    }

    private static String literal(FieldRef field, Operand item) {
        if (item instanceof Operand.Function function) {
            throw unsupportedFunction(field, function);
        }
        String text = ((Operand.Value) item).text().trim();
        if (!ID.matcher(text).matches() && !KEY.matcher(text).matches()) {
            throw new JqlException("The issue key '" + ((Operand.Value) item).text() + "' for field '"
                    + field.written() + "' is invalid.");
        }
        return text;
    }
}
