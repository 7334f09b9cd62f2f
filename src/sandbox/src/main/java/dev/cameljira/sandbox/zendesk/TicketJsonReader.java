package dev.cameljira.sandbox.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads {@code {"ticket": {...}}} request bodies into {@link TicketDraft} / {@link TicketUpdate}, answering 400 for
 * malformed JSON and 422 (RecordInvalid, naming the field) for bad values. Unknown and read-only properties
 * (id, url, created_at, ...) are ignored, as Zendesk does, so a ticket read from the API can be sent back.
 */
final class TicketJsonReader {

    private TicketJsonReader() {
    }

    /** Parses a request body and returns the object under {@code root}. */
    static JsonNode root(ApiRequest request, String root) {
        JsonNode body = parse(request);
        if (body == null || !body.path(root).isObject()) {
            throw ApiException.badRequest("The request body must be a JSON object with a '" + root + "' object");
        }
        return body.get(root);
    }

    /** Parses a request body and returns the array under {@code root} (the bulk endpoints' {@code "tickets"}). */
    static JsonNode array(ApiRequest request, String root) {
        JsonNode body = parse(request);
        if (body == null || !body.path(root).isArray()) {
            throw ApiException.badRequest("The request body must be a JSON object with a '" + root + "' list");
        }
        return body.get(root);
    }

    private static JsonNode parse(ApiRequest request) {
        try {
            return Json.MAPPER.readTree(request.body());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiException.badRequest("The request body is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("The request body could not be read: " + e.getMessage());
        }
    }

    /** What the ticket tags endpoints send: {@code {"tags": [...], "safe_update": true, "updated_stamp": "..."}}. */
    record TagChange(List<String> tags, boolean safeUpdate, Instant updatedStamp) {
    }

    /**
     * Reads a tags endpoint's body (which may be empty for a DELETE); {@code ?tags=a,b} in the query adds tags too,
     * as Zendesk accepts on DELETE. No {@code tags} at all is a 400.
     */
    static TagChange tagChange(ApiRequest request) {
        JsonNode body = Json.MAPPER.createObjectNode();
        if (request.body().length > 0 && !request.bodyText().isBlank()) {
            try {
                body = Json.MAPPER.readTree(request.body());
            } catch (java.io.IOException e) {
                throw ApiException.badRequest("The request body is not valid JSON");
            }
            if (body == null || !body.isObject()) {
                throw ApiException.badRequest("The request body must be a JSON object with a 'tags' list");
            }
        }
        List<String> tags = tags(body, "tags");
        request.queryValue("tags").ifPresent(q -> tags.addAll(List.of(q.split(","))));
        if (!body.has("tags") && request.queryValue("tags").isEmpty()) {
            throw ApiException.badRequest("tags is required");
        }
        return new TagChange(tags, body.path("safe_update").asBoolean(false), time(body, "updated_stamp"));
    }

    static TicketDraft draft(JsonNode t) {
        NewComment comment = comment(t.get("comment")).orElse(null);
        if (comment == null && t.hasNonNull("description")) {
            comment = NewComment.publicComment(t.get("description").asText());
        }
        TicketDraft.Requester requester = null;
        if (t.path("requester").isObject()) {
            JsonNode r = t.get("requester");
            requester = new TicketDraft.Requester(text(r, "name"), text(r, "email"));
        }
        return new TicketDraft(text(t, "subject"), comment,
                enumValue(t, "status", ZendeskStatus::fromWire), enumValue(t, "priority", ZendeskPriority::fromWire),
                enumValue(t, "type", ZendeskTicketType::fromWire), text(t, "external_id"), id(t, "requester_id"),
                requester, id(t, "assignee_id"), id(t, "group_id"), time(t, "due_at"), tags(t, "tags"),
                customFields(t));
    }

    static TicketUpdate update(JsonNode t) {
        Set<String> cleared = new HashSet<>();
        for (String nullable : List.of("priority", "type", "external_id", "assignee_id", "group_id", "due_at")) {
            if (t.has(nullable) && t.get(nullable).isNull()) {
                cleared.add(nullable);
            }
        }
        return new TicketUpdate(text(t, "subject"), enumValue(t, "status", ZendeskStatus::fromWire),
                enumValue(t, "priority", ZendeskPriority::fromWire), enumValue(t, "type", ZendeskTicketType::fromWire),
                text(t, "external_id"), id(t, "requester_id"), id(t, "assignee_id"), id(t, "group_id"),
                time(t, "due_at"), t.has("tags") ? tags(t, "tags") : null, tags(t, "additional_tags"),
                tags(t, "remove_tags"), customFields(t), comment(t.get("comment")).orElse(null), cleared,
                t.path("safe_update").asBoolean(false), time(t, "updated_stamp"));
    }

    private static Optional<NewComment> comment(JsonNode c) {
        if (c == null || c.isNull()) {
            return Optional.empty();
        }
        if (c.isTextual()) {
            return Optional.of(NewComment.publicComment(c.asText()));
        }
        if (!c.isObject()) {
            throw ApiException.invalid("comment", "InvalidValue", "Comment: must be an object with a body");
        }
        JsonNode isPublic = c.get("public");
        if (isPublic != null && !isPublic.isBoolean() && !isPublic.isNull()) {
            throw ApiException.invalid("comment", "InvalidValue", "Comment: 'public' must be true or false");
        }
        return Optional.of(new NewComment(text(c, "body"), text(c, "html_body"),
                isPublic == null || isPublic.isNull() || isPublic.asBoolean(), id(c, "author_id"), uploads(c)));
    }

    /** {@code "uploads": ["token", ...]} (a single string is accepted too). */
    private static List<String> uploads(JsonNode comment) {
        JsonNode value = comment.get("uploads");
        List<String> tokens = new ArrayList<>();
        if (value == null || value.isNull()) {
            return tokens;
        }
        if (value.isTextual()) {
            tokens.add(value.asText());
            return tokens;
        }
        if (!value.isArray()) {
            throw ApiException.invalid("uploads", "InvalidValue", "Uploads: must be a list of upload tokens");
        }
        for (JsonNode token : value) {
            if (!token.isTextual() || token.asText().isBlank()) {
                throw ApiException.invalid("uploads", "InvalidValue", "Uploads: must be a list of upload tokens");
            }
            tokens.add(token.asText());
        }
        return tokens;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw ApiException.invalid(field, "InvalidValue", label(field) + ": must be a string");
        }
        return value.asText();
    }

    private static Long id(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.canConvertToLong() && value.isIntegralNumber()) {
            return value.asLong();
        }
        if (value.isTextual() && value.asText().matches("\\d{1,18}")) {
            return Long.parseLong(value.asText());
        }
        throw ApiException.invalid(field, "InvalidValue", label(field) + ": '" + value.asText() + "' is not an id");
    }

    private static Instant time(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? Instant.parse(value + "T00:00:00Z") : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "InvalidValue",
                    label(field) + ": '" + value + "' is not an ISO-8601 time");
        }
    }

    private static <E> E enumValue(JsonNode node, String field, Function<String, Optional<E>> parser) {
        String value = text(node, field);
        if (value == null) {
            return null;
        }
        return parser.apply(value).orElseThrow(() -> ApiException.invalid(field, "InvalidValue",
                label(field) + ": '" + value + "' is not a valid " + field));
    }

    private static List<String> tags(JsonNode node, String field) {
        JsonNode value = node.get(field);
        List<String> tags = new ArrayList<>();
        if (value == null || value.isNull()) {
            return tags;
        }
        if (value.isTextual()) {
            tags.add(value.asText());
        } else if (value.isArray()) {
            value.forEach(v -> tags.add(v.asText()));
        } else {
            throw ApiException.invalid(field, "InvalidValue", label(field) + ": must be a list of strings");
        }
        return tags;
    }

    private static List<CustomField> customFields(JsonNode t) {
        List<CustomField> fields = new ArrayList<>();
        for (String name : List.of("custom_fields", "fields")) {
            JsonNode array = t.get(name);
            if (array == null || array.isNull()) {
                continue;
            }
            if (!array.isArray()) {
                throw ApiException.invalid(name, "InvalidValue", "Custom fields: must be a list of {id, value}");
            }
            for (JsonNode f : array) {
                Long id = f.isObject() ? id(f, "id") : null;
                if (id == null) {
                    throw ApiException.invalid(name, "InvalidValue", "Custom fields: every entry needs a numeric id");
                }
                fields.removeIf(existing -> existing.id() == id);
                fields.add(new CustomField(id, f.get("value")));
            }
        }
        return fields;
    }

    /** A field's name as Zendesk's validation messages label it: {@code external_id} is "External id". */
    static String label(String field) {
        String words = field.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
