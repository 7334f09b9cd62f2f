package dev.cameljira.sandbox.jql;

import java.util.List;

/** The syntax tree of a JQL WHERE part. */
sealed interface Clause {

    /** All must hold. */
    record And(List<Clause> clauses) implements Clause {
        public And {
            clauses = List.copyOf(clauses);
        }
    }

    /** One must hold. */
    record Or(List<Clause> clauses) implements Clause {
        public Or {
            clauses = List.copyOf(clauses);
        }
    }

    /** {@code NOT clause} (or {@code !clause}). */
    record Not(Clause clause) implements Clause {
    }

    /** {@code field operator operand}; {@code field} as written (quotes removed, case kept). */
    record Terminal(String field, Operator operator, Operand operand) implements Clause {
    }

    /**
     * A history clause: {@code field WAS [NOT] [IN] operand predicates} or {@code field CHANGED predicates}.
     *
     * @param operand the value(s) of WAS; null for CHANGED
     */
    record History(String field, HistoryOperator operator, Operand operand, List<Predicate> predicates)
            implements Clause {
        public History {
            predicates = List.copyOf(predicates);
        }
    }

    /**
     * One predicate of a history clause: {@code AFTER d}, {@code BEFORE d}, {@code ON d}, {@code DURING (d1, d2)},
     * {@code BY user}, {@code FROM value}, {@code TO value}.
     *
     * @param keyword lower-case keyword
     * @param operand what follows it (a list for DURING)
     * @param offset  where the keyword is in the query
     */
    record Predicate(String keyword, Operand operand, int offset) {
    }
}
