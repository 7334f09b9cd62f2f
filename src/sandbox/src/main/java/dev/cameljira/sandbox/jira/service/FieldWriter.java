package dev.cameljira.sandbox.jira.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.jira.model.ChangeItem;
import dev.cameljira.sandbox.jira.model.Issue;
import java.util.List;

/**
 * Reads, validates and writes one issue field. Validation ({@link #parse}) is separate from mutation
 * ({@link #store}) so that a request with one bad field changes nothing.
 *
 * @param <T> the field's value type
 */
public interface FieldWriter<T> {

    /** Field id ({@code summary}, {@code customfield_10016}). */
    String id();

    /** Parses and validates a JSON value, or throws {@link FieldError}. */
    T parse(JsonNode value, WriteContext ctx);

    /** The issue's current value. */
    T current(Issue issue);

    /** Writes a value. */
    void store(Issue issue, T value, WriteContext ctx);

    /** Change items describing {@code before -> after} (empty when equal). */
    List<ChangeItem> changes(T before, T after, WriteContext ctx);

    /** The {@code add} operation of {@code update}; unsupported by default. */
    default T add(T current, T value) {
        throw new FieldError(id(), "The operation 'add' is not supported for field '" + id() + "'.");
    }

    /** The {@code remove} operation of {@code update}; unsupported by default. */
    default T remove(T current, T value) {
        throw new FieldError(id(), "The operation 'remove' is not supported for field '" + id() + "'.");
    }
}
