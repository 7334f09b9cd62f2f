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
}
