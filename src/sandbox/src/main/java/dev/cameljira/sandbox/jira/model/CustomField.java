package dev.cameljira.sandbox.jira.model;

import java.util.List;

/**
 * A custom field definition.
 *
 * @param id      {@code customfield_10016}
 * @param name    display name, e.g. "Story Points"
 * @param kind    value kind
 * @param options allowed values of a select field (empty otherwise)
 */
public record CustomField(String id, String name, FieldKind kind, List<FieldOption> options) {

    /** Numeric part of the id ({@code 10016}). */
    public long numericId() {
        return Long.parseLong(id.substring("customfield_".length()));
    }
}
