package dev.cameljira.sandbox.jql;

import java.util.Set;

/** How a kind of field is searched: which operators it takes and how a clause on it is evaluated. */
interface FieldType {

    /** The operators the field supports; closed under {@link Operator#negated()}. */
    Set<Operator> operators();

    /**
     * Validates and compiles {@code field operator operand}.
     *
     * @throws JqlException with a Jira-style message when the operator or operand is not valid for the field
     */
    IssuePredicate compile(FieldRef field, Operator operator, Operand operand);
}
