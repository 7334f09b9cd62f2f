package dev.cameljira.sandbox.jql;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * {@code created}, {@code updated}, {@code resolutiondate}. Comparisons have MINUTE precision in the searching
 * user's zone ({@link JqlContext#zone()}): the issue's instant is truncated to its minute in that zone, and so is
 * the operand, before they are compared. So {@code updated >= "2026-11-28 10:15"} matches an issue updated at
 * 10:15:59, and {@code updated > "2026-11-28 10:15"} does not, but matches one updated at 10:16:00. A date alone
 * ({@code "2026-11-28"}) is its midnight, so {@code created = "2026-11-28"} matches only issues created at 00:00.
 */
final class DateFieldType extends AbstractFieldType {

    DateFieldType() {
        super(orderedOperators(), true);
    }

    @Override
    protected boolean isEmpty(JqlIssue issue, String field) {
        return issue.date(field) == null;
    }

    @Override
    protected IssuePredicate equalTo(FieldRef field, Operand item) {
        return compareWith(field, item, comparison -> comparison == 0);
    }

    @Override
    protected IssuePredicate compare(FieldRef field, Operator operator, Operand item) {
        return compareWith(field, item, operator::accepts);
    }

    private IssuePredicate compareWith(FieldRef field, Operand item, IntPredicate accepts) {
        DateValue operand = dateValue(field, item);
        String name = field.canonical();
        return (issue, context) -> {
            Instant date = issue.date(name);
            return date != null && accepts.test(
                    DateValue.toMinute(date, context.zone()).compareTo(operand.resolve(context)));
        };
    }

    /** A date operand (value or date function) of {@code field}; invalid ones throw with Jira's message. */
    static DateValue dateValue(FieldRef field, Operand item) {
        if (item instanceof Operand.Value value) {
            return DateValue.parse(value.text(), field.written());
        }
        Operand.Function call = (Operand.Function) item;
        DateFunction function = DateFunction.named(call.name())
                .orElseThrow(() -> unsupportedFunction(field, call));
        requireArguments(call, 0, function.maxArguments());
        Optional<JqlPeriod> increment = Optional.empty();
        if (!call.arguments().isEmpty()) {
            String argument = call.arguments().get(0);
            increment = Optional.of(JqlPeriod.parse(argument, Optional.of(function.unit())).orElseThrow(() ->
                    new JqlException("The increment '" + argument + "' of function '" + call.name()
                            + "' is invalid. Use a number of " + unitName(function.unit())
                            + " or a period such as '-1d', '+2w' or '-1w 2d'.")));
        }
        return new DateValue.Function(function, increment);
    }

    private static String unitName(ChronoUnit unit) {
        return unit.toString().toLowerCase(Locale.ROOT);
    }
}
