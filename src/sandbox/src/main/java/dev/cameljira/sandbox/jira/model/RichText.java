package dev.cameljira.sandbox.jira.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Rich text kept in both representations: wiki/plain text (REST v2, Server) and an Atlassian Document (REST v3).
 * Whichever one a client wrote is kept as written; the other is derived.
 */
public record RichText(String text, JsonNode adf) {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** From a v2 string: one ADF paragraph per line. */
    public static RichText ofText(String text) {
        ObjectNode doc = F.objectNode().put("type", "doc").put("version", 1);
        ArrayNode content = doc.putArray("content");
        for (String line : text.split("\n", -1)) {
            ObjectNode p = content.addObject().put("type", "paragraph");
            ArrayNode pc = p.putArray("content");
            if (!line.isEmpty()) {
                pc.addObject().put("type", "text").put("text", line);
            }
        }
        return new RichText(text, doc);
    }

    /** From a v3 Atlassian Document: text is the document's plain text, one line per block. */
    public static RichText ofAdf(JsonNode adf) {
        StringBuilder sb = new StringBuilder();
        JsonNode content = adf.path("content");
        for (int i = 0; i < content.size(); i++) {
            if (i > 0) {
                sb.append('\n');
            }
            appendText(content.get(i), sb);
        }
        return new RichText(sb.toString(), adf.deepCopy());
    }

    /** Whether a JSON value is an Atlassian Document ({@code {"type":"doc","version":1,"content":[...]}}). */
    public static boolean isAdf(JsonNode node) {
        return node != null && node.isObject() && "doc".equals(node.path("type").asText(null))
                && node.path("version").isNumber() && node.path("version").asInt() == 1 && node.path("content").isArray();
    }

    private static void appendText(JsonNode node, StringBuilder sb) {
        String type = node.path("type").asText("");
        if ("text".equals(type)) {
            sb.append(node.path("text").asText(""));
        } else if ("hardBreak".equals(type)) {
            sb.append('\n');
        } else if ("mention".equals(type)) {
            sb.append(node.path("attrs").path("text").asText(""));
        }
        JsonNode children = node.path("content");
        boolean blockChildren = "bulletList".equals(type) || "orderedList".equals(type) || "listItem".equals(type)
                || "blockquote".equals(type) || "panel".equals(type) || "table".equals(type) || "tableRow".equals(type);
        for (int i = 0; i < children.size(); i++) {
            if (i > 0 && blockChildren) {
                sb.append('\n');
            }
            appendText(children.get(i), sb);
        }
    }
}
