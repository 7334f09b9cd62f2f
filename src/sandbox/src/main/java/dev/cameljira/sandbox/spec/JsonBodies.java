package dev.cameljira.sandbox.spec;

import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Small helpers for the bodies and content types of an exchange. */
final class JsonBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonBodies() {
    }

    /** The parsed body, or null when it is empty or not JSON. */
    static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The body for the schema validator: object members whose value is null removed (array elements kept), or the
     * raw bytes when there are none. Jira writes null for unset values ({@code "from": null} in changelogs,
     * {@code "nextPageToken": null} on the last page, {@code {"accountId": null}} to unassign) where the documents
     * declare a plain type without {@code nullable}; null therefore counts as absent, as it did in the validator's
     * own 1.x releases. A required property that is null is still reported, as missing.
     */
    static byte[] forSchemaValidation(byte[] raw, JsonNode parsed) {
        if (parsed == null || !hasNullMember(parsed)) {
            return raw;
        }
        JsonNode copy = parsed.deepCopy();
        removeNullMembers(copy);
        try {
            return JSON.writeValueAsBytes(copy);
        } catch (IOException e) {
            return raw;
        }
    }

    private static boolean hasNullMember(JsonNode node) {
        if (node.isObject()) {
            for (Iterator<JsonNode> values = node.elements(); values.hasNext(); ) {
                JsonNode value = values.next();
                if (value.isNull() || hasNullMember(value)) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                if (hasNullMember(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void removeNullMembers(JsonNode node) {
        if (node.isObject()) {
            for (Iterator<JsonNode> values = node.elements(); values.hasNext(); ) {
                JsonNode value = values.next();
                if (value.isNull()) {
                    values.remove();
                } else {
                    removeNullMembers(value);
                }
            }
        } else if (node.isArray()) {
            node.forEach(JsonBodies::removeNullMembers);
        }
    }

    static boolean isEmpty(byte[] body) {
        return body == null || body.length == 0;
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = mediaType(contentType);
        return type.equals("application/json") || type.endsWith("+json");
    }

    static boolean isMultipart(String contentType) {
        return contentType != null && mediaType(contentType).startsWith("multipart/");
    }

    /** Bodies the validator cannot read (files, images): anything that is neither JSON, text nor a form. */
    static boolean isBinary(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = mediaType(contentType);
        return !isJson(contentType) && !type.startsWith("text/") && !type.equals("application/x-www-form-urlencoded")
                && !type.endsWith("+xml") && !type.equals("application/xml");
    }

    /** The media type without parameters, lower case. */
    static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
