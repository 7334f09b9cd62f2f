package dev.cameljira.sandbox.jql;

import java.util.List;
import java.util.Optional;

/**
 * How {@link Jql#parse(String, JqlOptions)} reads a query.
 *
 * @param customFields the custom fields that exist, searchable by {@code cf[id]} and by name; when absent, any
 *                     {@code cf[NNNNN]} is accepted and compared as text, and "Story Points" is {@code cf[10016]}
 * @param lenient      whether validation errors (unknown fields, unsupported operators, invalid values) are
 *                     collected in {@link JqlQuery#validationErrors()}, the clauses in error matching nothing,
 *                     instead of failing the parse; syntax errors always fail
 */
public record JqlOptions(Optional<List<JqlCustomField>> customFields, boolean lenient) {

    /** No custom field list, strict. */
    public static final JqlOptions DEFAULT = new JqlOptions(Optional.empty(), false);

    public JqlOptions {
        customFields = customFields.map(List::copyOf);
    }

    /** These options with the custom fields of a Jira instance. */
    public JqlOptions withCustomFields(List<JqlCustomField> fields) {
        return new JqlOptions(Optional.of(fields), lenient);
    }

    /** These options, lenient or strict. */
    public JqlOptions withLenient(boolean value) {
        return new JqlOptions(customFields, value);
    }
}
