package dev.cameljira.sandbox.jql;

import java.util.List;
import java.util.Optional;

/**
 * The syntax tree of a whole query, before validation.
 *
 * @param where   the WHERE part, absent for an empty query or one with only ORDER BY
 * @param orderBy the ORDER BY fields, in order, possibly none
 */
record ParsedJql(Optional<Clause> where, List<SortSpec> orderBy) {

    ParsedJql {
        orderBy = List.copyOf(orderBy);
    }

    /** One ORDER BY entry; {@code field} as written. */
    record SortSpec(String field, boolean descending) {
    }
}
