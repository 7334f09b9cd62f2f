package dev.cameljira.jira.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** PLACEHOLDER until the real converter lands (same API). */
public final class RichText {
    private RichText() {
    }

    public static ObjectNode toAdf(String text) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode().put("type", "doc").put("version", 1);
        var content = doc.putArray("content");
        if (text != null && !text.isEmpty()) {
            var p = content.addObject().put("type", "paragraph");
            p.putArray("content").addObject().put("type", "text").put("text", text);
        }
        return doc;
    }

    public static String toWiki(String text) {
        return text;
    }

    public static String toPlainText(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            return node.asText();
        }
        StringBuilder sb = new StringBuilder();
        node.findValues("text").forEach(t -> sb.append(t.asText()));
        return sb.toString();
    }

    public static boolean isAdf(JsonNode node) {
        return node != null && node.isObject() && "doc".equals(node.path("type").asText());
    }
}
