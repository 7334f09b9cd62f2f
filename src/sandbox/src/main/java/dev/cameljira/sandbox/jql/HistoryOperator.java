package dev.cameljira.sandbox.jql;

/** The history operators of JQL: {@code WAS}, {@code WAS NOT}, {@code WAS IN}, {@code WAS NOT IN}, {@code CHANGED}. */
enum HistoryOperator {
    WAS("was"),
    WAS_NOT("was not"),
    WAS_IN("was in"),
    WAS_NOT_IN("was not in"),
    CHANGED("changed");

    private final String symbol;

    HistoryOperator(String symbol) {
        this.symbol = symbol;
    }

    /** How the operator is written in messages. */
    String symbol() {
        return symbol;
    }

    /** {@code WAS NOT} and {@code WAS NOT IN}: the negation of their positive form. */
    boolean negative() {
        return this == WAS_NOT || this == WAS_NOT_IN;
    }

    /** Whether the operand must be a list (or a function). */
    boolean takesList() {
        return this == WAS_IN || this == WAS_NOT_IN;
    }
}
