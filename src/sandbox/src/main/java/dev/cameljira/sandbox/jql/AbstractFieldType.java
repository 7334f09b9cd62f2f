package dev.cameljira.sandbox.jql;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The operator semantics shared by every field type. Jira's rules, which this follows:
 * <ul>
 *   <li>{@code =} and {@code in} match when any value of the field equals any operand item; {@code EMPTY} as an item
 *       matches an empty field;</li>
 *   <li>{@code !=} and {@code not in} match when the field is NOT empty and none of its values equals an item: an
 *       unassigned issue matches neither {@code assignee = bob} nor {@code assignee != bob};</li>
 *   <li>{@code is EMPTY} / {@code is not EMPTY} (also {@code = EMPTY} / {@code != EMPTY}) test emptiness only;</li>
 *   <li>{@code > >= < <=}, {@code ~} and {@code !~} never match an empty field.</li>
 * </ul>
 */
abstract class AbstractFieldType implements FieldType {

    private final Set<Operator> operators;
    private final boolean emptySearchable;

    /**
     * @param operators       supported operators, closed under negation
     * @param emptySearchable whether EMPTY may be searched for ({@code project is EMPTY} may not)
     */
    protected AbstractFieldType(Set<Operator> operators, boolean emptySearchable) {
        this.operators = Set.copyOf(operators);
        this.emptySearchable = emptySearchable;
    }

    /** {@code = != in "not in" is "is not"}: the operators of every field compared by equality. */
    static Set<Operator> equalityOperators() {
        return EnumSet.of(Operator.EQUALS, Operator.NOT_EQUALS, Operator.IN, Operator.NOT_IN, Operator.IS,
                Operator.IS_NOT);
    }

    /** The equality operators plus {@code > >= < <=}. */
    static Set<Operator> orderedOperators() {
        Set<Operator> ordered = equalityOperators();
        ordered.addAll(EnumSet.of(Operator.GREATER_THAN, Operator.GREATER_THAN_EQUALS, Operator.LESS_THAN,
                Operator.LESS_THAN_EQUALS));
        return ordered;
    }

    @Override
    public final Set<Operator> operators() {
        return operators;
    }

    /** Whether {@code field} of {@code issue} has no value. */
    protected abstract boolean isEmpty(JqlIssue issue, String field);

    /**
     * The {@code =} test for one operand item (a value or function, never EMPTY), applied only to a non-empty field.
     *
     * @throws JqlException when the item is not valid for the field
     */
    protected abstract IssuePredicate equalTo(FieldRef field, Operand item);

    /** Lets a field read a value as EMPTY (resolution's {@code Unresolved}); identity by default. */
    protected Operand normalize(Operand item) {
        return item;
    }

    /** The {@code > >= < <=} test for one value or function, applied only to a non-empty field. */
    protected IssuePredicate compare(FieldRef field, Operator operator, Operand item) {
        throw unsupportedOperator(field, operator);
    }

    /** The {@code ~} test for one value, applied only to a non-empty field. */
    protected IssuePredicate contains(FieldRef field, Operand item) {
        throw unsupportedOperator(field, Operator.LIKE);
    }

    @Override
    public final IssuePredicate compile(FieldRef field, Operator operator, Operand operand) {
        if (!operators.contains(operator)) {
            throw unsupportedOperator(field, operator);
        }
        return switch (operator) {
            case IS, IS_NOT -> emptiness(field, operator, operand);
            case EQUALS, NOT_EQUALS -> membership(field, operator, List.of(single(field, operator, operand)));
            case IN, NOT_IN -> membership(field, operator, items(field, operator, operand));
            case LIKE -> whenNotEmpty(field, contains(field, nonEmpty(field, operator, operand)));
            case NOT_LIKE -> whenNotEmpty(field, negate(contains(field, nonEmpty(field, operator, operand))));
            case GREATER_THAN, GREATER_THAN_EQUALS, LESS_THAN, LESS_THAN_EQUALS ->
                    whenNotEmpty(field, compare(field, operator, nonEmpty(field, operator, operand)));
        };
    }

    private IssuePredicate emptiness(FieldRef field, Operator operator, Operand operand) {
        if (!(operand instanceof Operand.Empty)) {
            throw new JqlException("The operator '" + operator.symbol() + "' only supports the EMPTY (or NULL) value,"
                    + " not '" + operand.display() + "'.");
        }
        requireEmptySearchable(field);
        String name = field.canonical();
        return operator == Operator.IS ? (issue, context) -> isEmpty(issue, name)
                : (issue, context) -> !isEmpty(issue, name);
    }

    private IssuePredicate membership(FieldRef field, Operator operator, List<Operand> operands) {
        List<Operand> items = operands.stream().map(this::normalize).toList();
        boolean withEmpty = items.stream().anyMatch(Operand.Empty.class::isInstance);
        if (withEmpty) {
            requireEmptySearchable(field);
        }
        IssuePredicate anyItem = IssuePredicate.anyOf(items.stream()
                .filter(item -> !(item instanceof Operand.Empty))
                .map(item -> equalTo(field, item))
                .toList());
        String name = field.canonical();
        if (operator == Operator.NOT_EQUALS || operator == Operator.NOT_IN) {
            return (issue, context) -> !isEmpty(issue, name) && !anyItem.test(issue, context);
        }
        return (issue, context) -> isEmpty(issue, name) ? withEmpty : anyItem.test(issue, context);
    }

    private IssuePredicate whenNotEmpty(FieldRef field, IssuePredicate test) {
        String name = field.canonical();
        return (issue, context) -> !isEmpty(issue, name) && test.test(issue, context);
    }

    private static IssuePredicate negate(IssuePredicate test) {
        return (issue, context) -> !test.test(issue, context);
    }

    /** The operand of a single-value operator: anything but a list. */
    private static Operand single(FieldRef field, Operator operator, Operand operand) {
        if (operand instanceof Operand.ValueList) {
            throw new JqlException("Operator '" + operator.symbol() + "' does not support the list value '"
                    + operand.display() + "' for field '" + field.written() + "'.");
        }
        return operand;
    }

    /** The operand of a single-value operator that cannot take EMPTY ({@code > ~}...). */
    private static Operand nonEmpty(FieldRef field, Operator operator, Operand operand) {
        if (single(field, operator, operand) instanceof Operand.Empty) {
            throw new JqlException("The operator '" + operator.symbol()
                    + "' does not support searching for EMPTY values.");
        }
        return operand;
    }

    /** The items of {@code in}: a list, or a function (which may return several values). */
    private static List<Operand> items(FieldRef field, Operator operator, Operand operand) {
        if (operand instanceof Operand.ValueList list) {
            return list.items();
        }
        if (operand instanceof Operand.Function) {
            return List.of(operand);
        }
        String shown = operand instanceof Operand.Value value ? "\"" + value.text() + "\"" : operand.display();
        throw new JqlException("Operator '" + operator.symbol() + "' does not support the non-list value '" + shown
                + "' for field '" + field.written() + "'.");
    }

    private void requireEmptySearchable(FieldRef field) {
        if (!emptySearchable) {
            throw new JqlException("The field '" + field.written() + "' does not support searching for EMPTY values.");
        }
    }

    static JqlException unsupportedOperator(FieldRef field, Operator operator) {
        return new JqlException("The operator '" + operator.symbol() + "' is not supported by the '" + field.written()
                + "' field.");
    }

    /** For a function the field cannot take: unknown functions and known ones of another type are told apart. */
    static JqlException unsupportedFunction(FieldRef field, Operand.Function function) {
        String lower = function.name().toLowerCase(java.util.Locale.ROOT);
        boolean known = "currentUser".equalsIgnoreCase(function.name())
                || DateFunction.named(function.name()).isPresent()
                || JqlFields.VERSION_FUNCTIONS.contains(lower) || JqlFields.SPRINT_FUNCTIONS.contains(lower);
        if (!known) {
            return new JqlException("Unable to find JQL function '" + function.name() + "()'.");
        }
        return new JqlException("The function '" + function.name() + "()' is not supported by the '"
                + field.written() + "' field.");
    }

    /** Checks a function's argument count. */
    static void requireArguments(Operand.Function function, int min, int max) {
        int received = function.arguments().size();
        if (received < min || received > max) {
            String expected = min == max ? "'" + min + "'" : "between '" + min + "' and '" + max + "'";
            throw new JqlException("Function '" + function.name() + "' expected " + expected
                    + " arguments but received '" + received + "'.");
        }
    }
}
