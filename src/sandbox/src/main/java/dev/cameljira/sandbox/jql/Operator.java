package dev.cameljira.sandbox.jql;

import java.util.Arrays;
import java.util.Optional;

/** JQL comparison operators of the subset, each with the operator that negates it (for {@code NOT}). */
enum Operator {
    EQUALS("="),
    NOT_EQUALS("!="),
    GREATER_THAN(">"),
    GREATER_THAN_EQUALS(">="),
    LESS_THAN("<"),
    LESS_THAN_EQUALS("<="),
    LIKE("~"),
    NOT_LIKE("!~"),
    IN("in"),
    NOT_IN("not in"),
    IS("is"),
    IS_NOT("is not");

    /** Listed in syntax errors, as Jira does. */
    static final String VALID_OPERATORS =
            "The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS', 'IS NOT', 'WAS',"
                    + " 'WAS IN', 'WAS NOT', 'WAS NOT IN' and 'CHANGED'.";

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    /** How the operator is written in messages: {@code =}, {@code not in}, {@code is}... */
    String symbol() {
        return symbol;
    }

    /** The operator of a symbol token ({@code =}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=}, ~, !~). */
    static Optional<Operator> ofSymbol(String symbol) {
        return Arrays.stream(values()).filter(op -> op.symbol.equals(symbol)).findFirst();
    }

    /**
     * The operator of {@code NOT (field op value)}. Jira rewrites a negated clause this way, so {@code NOT assignee =
     * bob} behaves like {@code assignee != bob} and, like it, does not match an unassigned issue.
     */
    Operator negated() {
        return switch (this) {
            case EQUALS -> NOT_EQUALS;
            case NOT_EQUALS -> EQUALS;
            case GREATER_THAN -> LESS_THAN_EQUALS;
            case GREATER_THAN_EQUALS -> LESS_THAN;
            case LESS_THAN -> GREATER_THAN_EQUALS;
            case LESS_THAN_EQUALS -> GREATER_THAN;
            case LIKE -> NOT_LIKE;
            case NOT_LIKE -> LIKE;
            case IN -> NOT_IN;
            case NOT_IN -> IN;
            case IS -> IS_NOT;
            case IS_NOT -> IS;
        };
    }

    /** {@code > >= < <=}. */
    boolean isRange() {
        return this == GREATER_THAN || this == GREATER_THAN_EQUALS || this == LESS_THAN || this == LESS_THAN_EQUALS;
    }

    /** Whether {@code comparison} (a compareTo result of field value against operand) satisfies this range operator. */
    boolean accepts(int comparison) {
        return switch (this) {
            case GREATER_THAN -> comparison > 0;
            case GREATER_THAN_EQUALS -> comparison >= 0;
            case LESS_THAN -> comparison < 0;
            case LESS_THAN_EQUALS -> comparison <= 0;
            default -> throw new IllegalStateException(this + " is not a range operator");
        };
    }
}
