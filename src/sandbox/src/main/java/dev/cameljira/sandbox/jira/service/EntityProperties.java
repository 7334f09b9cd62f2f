package dev.cameljira.sandbox.jira.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.http.ApiException;
import dev.cameljira.sandbox.http.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Jira's limits for entity properties, shared by {@code PUT /issue/{key}/properties/{propertyKey}} and the
 * {@code properties} of {@code POST /issue} ({@code [{"key": k, "value": v}, ...]}): a key is 1 to 255 characters, a
 * value at most 32768 bytes of JSON.
 */
public final class EntityProperties {

    /** Longest property key, in characters. */
    public static final int MAX_KEY_LENGTH = 255;
    /** Largest property value, in bytes of JSON. */
    public static final int MAX_VALUE_BYTES = 32768;

    private EntityProperties() {
    }

    /** A 400 unless the key is 1 to 255 characters. */
    public static void checkKey(String key) {
        if (key == null || key.isEmpty()) {
            throw ApiException.of(400, "The property key cannot be null or empty.");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw ApiException.of(400, "The property key cannot be longer than " + MAX_KEY_LENGTH + " characters.");
        }
    }

    /** A 400 when the value's JSON is larger than 32768 bytes. */
    public static void checkSize(int bytes) {
        if (bytes > MAX_VALUE_BYTES) {
            throw ApiException.of(400, "The property value exceeds the maximum size of " + MAX_VALUE_BYTES + " bytes.");
        }
    }

    /**
     * The {@code properties} of an issue create, in order, checked: a missing or null member gives no properties; a
     * member that is not an array of {@code {key, value}}, a bad key, a missing value or a value too large is a 400.
     */
    public static Map<String, JsonNode> parse(JsonNode properties) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (properties == null || properties.isNull() || properties.isMissingNode()) {
            return out;
        }
        if (!properties.isArray()) {
            throw ApiException.of(400, "'properties' must be an array of {\"key\": ..., \"value\": ...}.");
        }
        for (JsonNode p : properties) {
            JsonNode key = p.get("key");
            checkKey(key == null || !key.isTextual() ? null : key.asText());
            JsonNode value = p.get("value");
            if (value == null || value.isNull()) {
                throw ApiException.of(400, "The property value cannot be null (property '" + key.asText() + "').");
            }
            checkSize(Json.bytes(value).length);
            out.put(key.asText(), value.deepCopy());
        }
        return out;
    }
}
