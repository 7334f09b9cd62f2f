package dev.cameljira.sandbox.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Objects;

/**
 * A ticket custom field value, as in {@code "custom_fields": [{"id": 27642, "value": "745"}]}. The value keeps its
 * JSON type: a string, number, boolean (checkbox), array of strings (multi-select) or null.
 *
 * @param id    the ticket field id
 * @param value the value, never a Java null ({@link NullNode} instead)
 */
public record CustomField(long id, JsonNode value) {

    /** Normalises a Java null to a JSON null. */
    public CustomField {
        value = value == null ? NullNode.getInstance() : value.deepCopy();
    }

    /** A text-valued custom field. */
    public static CustomField text(long id, String value) {
        return new CustomField(id, value == null ? NullNode.getInstance() : TextNode.valueOf(value));
    }

    /** The value as text ({@code null} when the field is empty). */
    public String textValue() {
        return value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CustomField other && other.id == id && Objects.equals(other.value, value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, value);
    }
}
