package dev.cameljira.sandbox.jql;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Free-text fields ({@code summary}), searched with {@code ~} / {@code !~} only. A simplification of Jira's word
 * search: the text is split into terms on whitespace, and the field matches when it contains every term,
 * case-insensitively, anywhere (so {@code ~ "log"} also matches "login"); {@code *} and {@code ?} are wildcards
 * (any characters / one character). A text wrapped in escaped double quotes ({@code ~ "\"disk full\""}) is one phrase.
 */
final class TextSearchFieldType extends AbstractFieldType {

    TextSearchFieldType() {
        super(EnumSet.of(Operator.LIKE, Operator.NOT_LIKE, Operator.IS, Operator.IS_NOT), true);
    }

    @Override
    protected boolean isEmpty(JqlIssue issue, String field) {
        return IssuePredicate.valuesOf(issue, field).stream().allMatch(String::isBlank);
    }

    @Override
    protected IssuePredicate equalTo(FieldRef field, Operand item) {
        throw unsupportedOperator(field, Operator.EQUALS);
    }

    @Override
    protected IssuePredicate contains(FieldRef field, Operand item) {
        if (item instanceof Operand.Function function) {
            throw unsupportedFunction(field, function);
        }
        List<Pattern> terms = terms(((Operand.Value) item).text());
        if (terms.isEmpty()) {
            throw new JqlException("The field '" + field.written() + "' does not support searching for an empty"
                    + " string.");
        }
        String name = field.canonical();
        return (issue, context) -> IssuePredicate.valuesOf(issue, name).stream()
                .anyMatch(text -> terms.stream().allMatch(term -> term.matcher(text).find()));
    }

    private static List<Pattern> terms(String query) {
        String trimmed = query.trim();
        List<Pattern> terms = new ArrayList<>();
        if (trimmed.length() > 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
            terms.add(wildcard(trimmed.substring(1, trimmed.length() - 1).trim()));
            return terms;
        }
        for (String term : trimmed.split("\\s+")) {
            if (!term.isEmpty()) {
                terms.add(wildcard(term));
            }
        }
        return terms;
    }

    private static Pattern wildcard(String term) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : term.toCharArray()) {
            if (c == '*' || c == '?') {
                regex.append(Pattern.quote(literal.toString())).append(c == '*' ? ".*?" : ".");
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        regex.append(Pattern.quote(literal.toString()));
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }
}
