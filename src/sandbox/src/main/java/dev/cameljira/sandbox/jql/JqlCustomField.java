package dev.cameljira.sandbox.jql;

import java.util.Objects;

/**
 * A custom field as JQL knows it: searchable as {@code cf[id]} and by its name (case-insensitive, quoted when it has
 * spaces: {@code "Story Points" > 3}).
 *
 * @param id   the numeric id ({@code 10016} of {@code customfield_10016})
 * @param name the display name
 * @param kind how its values are searched
 */
public record JqlCustomField(long id, String name, Kind kind) {

    /** How Jira searches a custom field of each type. */
    public enum Kind {
        /** A number field: {@code = != > >= < <= in "not in" is "is not"}, compared numerically. */
        NUMBER,
        /** A single-line text field: {@code ~ !~ is "is not"} only, like summary. */
        TEXT,
        /** A select list or labels field: {@code = != in "not in" is "is not"}, by option value or id. */
        OPTION
    }

    public JqlCustomField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    /** {@code cf[10016]}: the canonical, lower-case name {@link JqlIssue#values(String)} is asked for. */
    public String canonical() {
        return "cf[" + id + "]";
    }
}
