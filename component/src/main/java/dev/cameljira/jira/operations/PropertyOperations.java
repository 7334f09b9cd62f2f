package dev.cameljira.jira.operations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.client.JiraApi;
import dev.cameljira.jira.client.JiraInvalidInputException;
import dev.cameljira.jira.client.JiraRequest;

/**
 * Issue entity properties ({@code /issue/{key}/properties/{propertyKey}}): JSON values apps store on an issue, e.g. a
 * sync state or the id of the linked record in another system.
 */
public final class PropertyOperations {

    /** Jira's limit for a property value. */
    static final int MAX_VALUE_BYTES = 32768;
    /** Jira's limit for a property key. */
    static final int MAX_KEY_LENGTH = 255;

    private static final String PROPERTIES_FORMS = "the issue properties must be a Map or JSON object of property key -> "
            + "value, or Jira's array [{\"key\": ..., \"value\": ...}]";

    private PropertyOperations() {
    }

    /**
     * setIssueProperty. Needs the issue key and the property key as headers (CamelJiraIssueKey / IssueKey,
     * CamelJiraPropertyKey), because the body is the value: a Map, collection, JsonNode, number or boolean; a String
     * holding JSON ({@code {"a":1}}, {@code 42}, {@code "quoted"}) is sent as that JSON, any other String as a JSON
     * string. Creates or replaces the property; returns the value stored (JsonNode).
     */
    public static Object setIssueProperty(OperationContext ctx) {
        String key = OperationSupport.requireHeader(ctx, JiraParam.ISSUE_KEY, "the body is the property value");
        String property = OperationSupport.requireHeader(ctx, JiraParam.PROPERTY_KEY, "the body is the property value");
        JsonNode value = value(ctx);
        JiraApi api = ctx.api();
        api.client().send(propertyRequest(JiraRequest::put, api, key, property).body(value));
        setHeaders(ctx, key, property);
        return value;
    }

    /**
     * getIssueProperty. Needs the issue key and the property key; returns the property's value (JsonNode). A missing
     * property (or issue) is a JiraNotFoundException naming both.
     */
    public static Object getIssueProperty(OperationContext ctx) {
        String key = ctx.require(JiraParam.ISSUE_KEY);
        String property = ctx.require(JiraParam.PROPERTY_KEY);
        JiraApi api = ctx.api();
        JsonNode n = api.client().json(propertyRequest(JiraRequest::get, api, key, property));
        setHeaders(ctx, key, property);
        return n.path("value").isMissingNode() ? null : n.get("value");
    }

    /** deleteIssueProperty. Needs the issue key and the property key; returns the deleted property's key. */
    public static Object deleteIssueProperty(OperationContext ctx) {
        String key = ctx.require(JiraParam.ISSUE_KEY);
        String property = ctx.require(JiraParam.PROPERTY_KEY);
        JiraApi api = ctx.api();
        api.client().send(propertyRequest(JiraRequest::delete, api, key, property));
        setHeaders(ctx, key, property);
        return property;
    }

    private static JiraRequest propertyRequest(Function<String, JiraRequest> method, JiraApi api, String key,
                                               String property) {
        return method.apply(OperationSupport.issuePath(api, key, "/properties/" + JiraApi.seg(property)))
                .subject("property '" + property + "' of issue " + key);
    }

    private static void setHeaders(OperationContext ctx, String key, String property) {
        ctx.setHeader(JiraConstants.ISSUE_KEY, key);
        ctx.setHeader(JiraConstants.PROPERTY_KEY, property);
    }

    /** The body as a JSON value; fails before any call when it is missing, empty or too large. */
    private static JsonNode value(OperationContext ctx) {
        Object b = ctx.body();
        ObjectMapper mapper = ctx.api().client().mapper();
        JsonNode value;
        if (b == null) {
            value = null;
        } else if (b instanceof JsonNode n) {
            value = n;
        } else if (b instanceof CharSequence || b instanceof byte[]) {
            String s = b instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : b.toString();
            value = s.isBlank() ? null : parseOrText(mapper, s);
        } else {
            value = mapper.valueToTree(b);
        }
        if (value == null || value.isNull() || value.isMissingNode()) {
            throw ctx.invalid("needs the property value as body: a Map, JsonNode, JSON text, number, boolean or string");
        }
        int size;
        try {
            size = mapper.writeValueAsBytes(value).length;
        } catch (IOException e) {
            throw ctx.invalid("the property value cannot be written as JSON: " + e.getMessage());
        }
        if (size > MAX_VALUE_BYTES) {
            throw ctx.invalid("the property value is " + size + " bytes of JSON; Jira accepts at most " + MAX_VALUE_BYTES);
        }
        return value;
    }

    // ---- properties set with createIssue / bulkCreateIssues ----------------------------------------------------

    /**
     * Entity properties given with an issue to create, as property key -> value: a Map, a JSON object (key -> value),
     * Jira's own array form ({@code [{"key": k, "value": v}]}), or a String/byte[] holding either; null when none was
     * given. Anything else is an error naming the accepted forms.
     */
    static Map<String, Object> propertyMap(ObjectMapper mapper, Object given) {
        if (given == null) {
            return null;
        }
        Object v = given;
        if (v instanceof CharSequence || v instanceof byte[]) {
            String s = v instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : v.toString();
            if (s.isBlank()) {
                return null;
            }
            try {
                v = mapper.readTree(s);
            } catch (IOException e) {
                throw new JiraInvalidInputException(PROPERTIES_FORMS + "; the text given is not JSON");
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        if (v instanceof Map<?, ?> m) {
            m.forEach((k, value) -> out.put(String.valueOf(k), value));
        } else if (v instanceof JsonNode n && n.isObject()) {
            n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
        } else if (v instanceof JsonNode n && n.isArray()) {
            for (JsonNode p : n) {
                if (!p.isObject() || !p.path("key").isTextual()) {
                    throw new JiraInvalidInputException(PROPERTIES_FORMS + "; an item of the array has no text 'key': " + p);
                }
                out.put(p.get("key").asText(), p.get("value"));
            }
        } else {
            throw new JiraInvalidInputException(PROPERTIES_FORMS + "; got " + (v instanceof JsonNode n ? "JSON "
                    + n.getNodeType() : v.getClass().getName()));
        }
        return out;
    }

    /**
     * Jira's {@code properties} array of an issue create ({@code [{"key": k, "value": v}, ...]}), each value converted to
     * JSON with the client's Jackson mapper; null when there are none. Fails before any call, naming the property, when
     * a key is blank or longer than 255 characters, or a value is missing or larger than 32768 bytes of JSON.
     */
    static ArrayNode createProperties(OperationContext ctx, Map<String, ?> properties) {
        if (properties == null || properties.isEmpty()) {
            return null;
        }
        ObjectMapper mapper = ctx.api().client().mapper();
        ArrayNode out = mapper.createArrayNode();
        for (Map.Entry<String, ?> e : properties.entrySet()) {
            String key = e.getKey();
            if (key == null || key.isBlank()) {
                throw ctx.invalid("an issue property has an empty key");
            }
            if (key.length() > MAX_KEY_LENGTH) {
                throw ctx.invalid("the issue property key '" + key.substring(0, 40) + "...' is " + key.length()
                        + " characters; Jira accepts at most " + MAX_KEY_LENGTH);
            }
            JsonNode value = e.getValue() instanceof JsonNode n ? n : mapper.valueToTree(e.getValue());
            if (value == null || value.isNull() || value.isMissingNode()) {
                throw ctx.invalid("the issue property '" + key + "' has no value");
            }
            int size = jsonSize(ctx, mapper, value);
            if (size > MAX_VALUE_BYTES) {
                throw ctx.invalid("the issue property '" + key + "' is " + size + " bytes of JSON; Jira accepts at most "
                        + MAX_VALUE_BYTES);
            }
            ObjectNode p = out.addObject();
            p.put("key", key);
            p.set("value", value);
        }
        return out;
    }

    private static int jsonSize(OperationContext ctx, ObjectMapper mapper, JsonNode value) {
        try {
            return mapper.writeValueAsBytes(value).length;
        } catch (IOException e) {
            throw ctx.invalid("a property value cannot be written as JSON: " + e.getMessage());
        }
    }

    private static JsonNode parseOrText(ObjectMapper mapper, String s) {
        try {
            JsonNode n = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(s);
            return n == null || n.isMissingNode() ? TextNode.valueOf(s) : n;
        } catch (IOException e) {
            return TextNode.valueOf(s);
        }
    }
}
