package dev.cameljira.sandbox.jql;

import java.util.Comparator;
import java.util.Optional;

/**
 * A searchable field.
 *
 * @param canonical the lower-case name passed to {@link JqlIssue}
 * @param type      how it is searched
 * @param ascending its ascending order for ORDER BY, absent when it cannot be sorted on
 */
record JqlField(String canonical, FieldType type, Optional<Comparator<JqlIssue>> ascending) {
}
