package dev.cameljira.sandbox.jql;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;

/** Number fields ({@code cf[10016]}, "Story Points"): compared numerically, so {@code 3 = 3.0}. */
final class NumberFieldType extends AbstractFieldType {

    NumberFieldType() {
        super(orderedOperators(), true);
    }

    /** The numeric values of {@code field}; values that are not numbers are ignored. */
    static List<BigDecimal> numbers(JqlIssue issue, String field) {
        return IssuePredicate.valuesOf(issue, field).stream()
                .map(NumberFieldType::parseOrNull)
                .filter(Objects::nonNull)
                .toList();
    }

    @Override
    protected boolean isEmpty(JqlIssue issue, String field) {
        return numbers(issue, field).isEmpty();
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
        if (item instanceof Operand.Function function) {
            throw unsupportedFunction(field, function);
        }
        String text = ((Operand.Value) item).text();
        BigDecimal wanted = parseOrNull(text);
        if (wanted == null) {
            throw new JqlException("The value '" + text + "' for field '" + field.written()
                    + "' is invalid: it must be a number.");
        }
        String name = field.canonical();
        return (issue, context) -> numbers(issue, name).stream().anyMatch(n -> accepts.test(n.compareTo(wanted)));
    }

    private static BigDecimal parseOrNull(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
