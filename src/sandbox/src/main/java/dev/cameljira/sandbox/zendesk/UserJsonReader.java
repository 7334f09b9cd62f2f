package dev.cameljira.sandbox.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code "user"} object of {@code POST /api/v2/users}, {@code PUT /api/v2/users/{id}} and
 * {@code POST /api/v2/users/create_or_update} into a {@link UserChange}. Wrongly typed or invalid values are a 422
 * RecordInvalid naming the attribute; read-only and unknown attributes (id, url, created_at, active, verified,
 * locale, time_zone, ...) are ignored, as Zendesk does, so a user read from the API can be sent back.
 */
final class UserJsonReader {
    /** Something@something.tld, no spaces: what the emulator takes for a well-formed address. */
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private static final List<String> NULLABLE = List.of("external_id", "phone", "alias", "details", "notes",
            "signature");

    private UserJsonReader() {
    }

    static UserChange read(JsonNode u) {
        Set<String> cleared = new HashSet<>();
        for (String field : NULLABLE) {
            if (u.has(field) && u.get(field).isNull()) {
                cleared.add(field);
            }
        }
        String name = null;
        if (u.has("name")) {
            name = u.get("name").isNull() ? "" : text(u, "name");
        }
        String email = text(u, "email");
        if (email != null && !EMAIL.matcher(email.trim()).matches()) {
            throw ApiException.invalid("email", "InvalidValue", "Email: " + email + " is not properly formatted");
        }
        String roleName = text(u, "role");
        ZendeskRole role = roleName == null ? null : ZendeskRole.fromWire(roleName).orElseThrow(() -> ApiException
                .invalid("role", "InvalidValue", "Role: '" + roleName + "' is not end-user, agent or admin"));
        JsonNode organization = u.get("organization_id");
        if (organization != null && !organization.isNull()) {
            throw ApiException.invalid("organization_id", "InvalidValue", "Organization: no organization with id "
                    + organization.asText() + " (the account has no organizations)");
        }
        JsonNode suspended = u.get("suspended");
        if (suspended != null && !suspended.isNull() && !suspended.isBoolean()) {
            throw ApiException.invalid("suspended", "InvalidValue", "Suspended: must be true or false");
        }
        return new UserChange(name, email == null ? null : email.trim(), role, text(u, "external_id"),
                text(u, "phone"), tags(u), userFields(u), text(u, "alias"), text(u, "details"), text(u, "notes"),
                text(u, "signature"), suspended == null || suspended.isNull() ? null : suspended.asBoolean(),
                cleared);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() && !value.isNumber()) {
            throw ApiException.invalid(field, "InvalidValue", TicketJsonReader.label(field) + ": must be a string");
        }
        return value.asText();
    }

    /** {@code "tags": [...]} (or one string); null or [] removes every tag; absent leaves them. */
    private static List<String> tags(JsonNode u) {
        if (!u.has("tags")) {
            return null;
        }
        JsonNode value = u.get("tags");
        List<String> tags = new ArrayList<>();
        if (value.isNull()) {
            return tags;
        }
        if (value.isTextual()) {
            tags.add(value.asText());
            return tags;
        }
        if (!value.isArray()) {
            throw ApiException.invalid("tags", "InvalidValue", "Tags: must be a list of strings");
        }
        for (JsonNode tag : value) {
            if (!tag.isTextual()) {
                throw ApiException.invalid("tags", "InvalidValue", "Tags: must be a list of strings");
            }
            tags.add(tag.asText());
        }
        return tags;
    }

    /** {@code "user_fields": {"key": value}} with text, number, boolean, null or a list of strings (multi-select). */
    private static Map<String, JsonNode> userFields(JsonNode u) {
        JsonNode value = u.get("user_fields");
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        if (value == null || value.isNull()) {
            return fields;
        }
        if (!value.isObject()) {
            throw ApiException.invalid("user_fields", "InvalidValue", "User fields: must be an object of key: value");
        }
        value.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            boolean listOfText = v.isArray() && java.util.stream.StreamSupport.stream(v.spliterator(), false)
                    .allMatch(JsonNode::isTextual);
            if (!v.isValueNode() && !listOfText) {
                throw ApiException.invalid("user_fields", "InvalidValue", "User fields: '" + e.getKey()
                        + "' must be a text, number, boolean, null or a list of strings");
            }
            fields.put(e.getKey(), v);
        });
        return fields;
    }
}
