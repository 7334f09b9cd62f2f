package dev.cameljira.sandbox.spec;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Jira's generic error body, {@code {"errorMessages":[...],"errors":{"field":"message"}}} (optionally with an
 * integer {@code status} and {@code warningMessages}). Used for 4xx/5xx responses whose status the spec declares
 * without a schema or does not declare at all.
 */
final class ErrorCollection {

    private static final Set<String> KNOWN = Set.of("errorMessages", "errors", "status", "warningMessages");

    private ErrorCollection() {
    }

    /** What is wrong with {@code body} as an ErrorCollection; empty when it is one. */
    static List<String> problems(JsonNode body) {
        List<String> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            problems.add("an error body must be Jira's ErrorCollection {\"errorMessages\":[...],\"errors\":{...}}, got "
                    + (body == null ? "something that is not JSON" : body.getNodeType().name().toLowerCase()));
            return problems;
        }
        stringArray(body, "errorMessages", true, problems);
        stringArray(body, "warningMessages", false, problems);
        JsonNode errors = body.get("errors");
        if (errors == null) {
            problems.add("ErrorCollection misses \"errors\" (an object of field -> message)");
        } else if (!errors.isObject()) {
            problems.add("ErrorCollection \"errors\" must be an object of field -> message");
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = errors.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isTextual()) {
                    problems.add("ErrorCollection errors." + e.getKey() + " must be a string");
                }
            }
        }
        if (body.has("status") && !body.get("status").isInt()) {
            problems.add("ErrorCollection \"status\" must be an integer");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KNOWN.contains(name)) {
                problems.add("ErrorCollection has an unexpected property \"" + name + "\"");
            }
        }
        return problems;
    }

    private static void stringArray(JsonNode body, String name, boolean required, List<String> problems) {
        JsonNode node = body.get(name);
        if (node == null) {
            if (required) {
                problems.add("ErrorCollection misses \"" + name + "\" (an array of strings)");
            }
            return;
        }
        if (!node.isArray()) {
            problems.add("ErrorCollection \"" + name + "\" must be an array of strings");
            return;
        }
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                problems.add("ErrorCollection \"" + name + "\" must contain only strings");
                return;
            }
        }
    }
}
