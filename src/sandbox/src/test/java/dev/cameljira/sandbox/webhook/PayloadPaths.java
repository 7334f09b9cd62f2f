package dev.cameljira.sandbox.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The reader a webhook consumer would apply to a Jira webhook body, reduced to what it can rely on: the set of JSON
 * paths in the payload with the JSON types seen at each. Array elements are merged under {@code []}
 * ({@code changelog.items[].field}), so a path is known when any element has it.
 *
 * <p>Left out, because no consumer reads them or they describe the capturing site rather than Jira's format:
 * <ul>
 *   <li>{@code issue.fields.customfield_NNNNN...}: custom fields are defined per site (the captures' sites have 26 to
 *       39 of their own; the sandbox seeds four others).</li>
 *   <li>{@code name} and {@code key} of a user object that has an {@code accountId}: Jira Cloud removed them from
 *       users in 2019 (GDPR deprecation); captures from 2018-2019 Cloud sites still carry both. A Cloud consumer must
 *       read {@code accountId}; Server users have no {@code accountId}, so their {@code name}/{@code key} stay.</li>
 * </ul>
 */
final class PayloadPaths {

    private static final Pattern CUSTOM_FIELD = Pattern.compile("issue\\.fields\\.customfield_\\d+");

    private final Map<String, Set<JsonNodeType>> types;

    private PayloadPaths(Map<String, Set<JsonNodeType>> types) {
        this.types = types;
    }

    /** Reads a webhook body. */
    static PayloadPaths read(JsonNode payload) {
        Map<String, Set<JsonNodeType>> types = new TreeMap<>();
        walk(payload, "", types);
        return new PayloadPaths(types);
    }

    private static void walk(JsonNode node, String path, Map<String, Set<JsonNodeType>> types) {
        if (!path.isEmpty()) {
            types.computeIfAbsent(path, p -> EnumSet.noneOf(JsonNodeType.class)).add(node.getNodeType());
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                walk(element, path + "[]", types);
            }
        } else if (node.isObject()) {
            boolean cloudUser = node.has("accountId");
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (CUSTOM_FIELD.matcher(child).matches()
                        || cloudUser && (field.getKey().equals("name") || field.getKey().equals("key"))) {
                    continue;
                }
                walk(field.getValue(), child, types);
            }
        }
    }

    /** Every path, sorted. */
    Set<String> paths() {
        return types.keySet();
    }

    /** The JSON types seen at a path (empty when absent). */
    Set<JsonNodeType> types(String path) {
        return types.getOrDefault(path, Set.of());
    }

    /**
     * The flavour of every user object in a payload (objects with a {@code displayName}), at any depth:
     * {@code "cloud"} when it has an {@code accountId}, {@code "server"} when it has {@code name} and {@code key} only.
     */
    static List<String> userFlavours(JsonNode payload) {
        List<String> flavours = new ArrayList<>();
        collectUsers(payload, flavours);
        return flavours;
    }

    private static void collectUsers(JsonNode node, List<String> flavours) {
        if (node.isObject()) {
            if (node.has("displayName") && node.has("accountId")) {
                flavours.add("cloud");
            } else if (node.has("displayName") && node.has("name") && node.has("key")) {
                flavours.add("server");
            }
        }
        node.forEach(child -> collectUsers(child, flavours));
    }
}
