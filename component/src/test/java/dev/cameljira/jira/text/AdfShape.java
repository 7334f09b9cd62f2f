package dev.cameljira.jira.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Structural check of ADF produced by {@link RichText#toAdf}, after the Atlassian ADF schema (doc_node and the node
 * and mark definitions it references) restricted to the nodes the converter may write: every node has only known
 * keys, text is never empty, marks are known, unique and {@code code} is combined with {@code link} only, a list
 * item starts with a paragraph or code block, a code block holds unmarked text only, a heading level is 1..6.
 */
final class AdfShape {

    private static final Set<String> TOP_BLOCKS = Set.of("paragraph", "heading", "bulletList", "orderedList",
            "codeBlock", "blockquote", "rule");
    private static final Set<String> QUOTE_BLOCKS = Set.of("paragraph", "bulletList", "orderedList", "codeBlock");
    private static final Set<String> ITEM_FIRST = Set.of("paragraph", "codeBlock");
    private static final Set<String> ITEM_REST = Set.of("paragraph", "bulletList", "orderedList", "codeBlock");
    private static final Set<String> INLINE = Set.of("text", "hardBreak");
    private static final Set<String> MARKS = Set.of("strong", "em", "strike", "code", "link");
    private static final Map<String, Set<String>> KEYS = Map.of(
            "paragraph", Set.of("type", "content"),
            "heading", Set.of("type", "attrs", "content"),
            "bulletList", Set.of("type", "content"),
            "orderedList", Set.of("type", "attrs", "content"),
            "listItem", Set.of("type", "content"),
            "codeBlock", Set.of("type", "attrs", "content"),
            "blockquote", Set.of("type", "content"),
            "rule", Set.of("type"),
            "text", Set.of("type", "text", "marks"),
            "hardBreak", Set.of("type"));

    private final List<String> problems = new ArrayList<>();

    private AdfShape() {
    }

    /** Fails with every violation found. */
    static void assertValid(JsonNode doc) {
        assertThat(violations(doc)).as(() -> "ADF violations in " + abbreviate(doc.toString())).isEmpty();
    }

    private static String abbreviate(String json) {
        return json.length() <= 2000 ? json : json.substring(0, 2000) + "...";
    }

    static List<String> violations(JsonNode doc) {
        AdfShape shape = new AdfShape();
        shape.doc(doc);
        return shape.problems;
    }

    private void doc(JsonNode doc) {
        check(doc.isObject(), "$", "document is not an object");
        check("doc".equals(doc.path("type").textValue()), "$", "type is not doc");
        check(doc.path("version").isInt() && doc.path("version").intValue() == 1, "$", "version is not 1");
        keys(doc, Set.of("type", "version", "content"), "$");
        children(doc, "$", TOP_BLOCKS, TOP_BLOCKS, false);
    }

    private void node(JsonNode node, String path) {
        String type = node.path("type").asText("");
        Set<String> keys = KEYS.get(type);
        if (keys == null) {
            problems.add(path + ": unexpected node type '" + type + "'");
            return;
        }
        keys(node, keys, path);
        switch (type) {
            case "paragraph" -> children(node, path, INLINE, INLINE, true);
            case "heading" -> {
                int level = node.path("attrs").path("level").asInt(-1);
                check(level >= 1 && level <= 6, path, "heading level " + level);
                keys(node.path("attrs"), Set.of("level"), path + ".attrs");
                children(node, path, INLINE, INLINE, true);
            }
            case "bulletList" -> nonEmptyChildren(node, path, Set.of("listItem"), Set.of("listItem"));
            case "orderedList" -> {
                if (node.has("attrs")) {
                    keys(node.path("attrs"), Set.of("order"), path + ".attrs");
                    check(node.path("attrs").path("order").isInt() && node.path("attrs").path("order").intValue() >= 0,
                            path, "order must be an integer >= 0");
                }
                nonEmptyChildren(node, path, Set.of("listItem"), Set.of("listItem"));
            }
            case "listItem" -> nonEmptyChildren(node, path, ITEM_FIRST, ITEM_REST);
            case "blockquote" -> nonEmptyChildren(node, path, QUOTE_BLOCKS, QUOTE_BLOCKS);
            case "codeBlock" -> codeBlock(node, path);
            case "text" -> text(node, path);
            default -> {
                // rule, hardBreak: keys only
            }
        }
    }

    private void codeBlock(JsonNode node, String path) {
        if (node.has("attrs")) {
            keys(node.path("attrs"), Set.of("language"), path + ".attrs");
            check(node.path("attrs").path("language").isTextual(), path, "language must be a string");
        }
        children(node, path, Set.of("text"), Set.of("text"), true);
        for (JsonNode child : node.path("content")) {
            check(!child.has("marks"), path, "code block text must not have marks");
        }
    }

    private void text(JsonNode node, String path) {
        check(node.path("text").isTextual() && !node.path("text").textValue().isEmpty(), path, "empty text node");
        if (!node.has("marks")) {
            return;
        }
        JsonNode marks = node.path("marks");
        check(marks.isArray() && !marks.isEmpty(), path, "marks must be a non-empty array when present");
        Set<String> seen = new HashSet<>();
        for (JsonNode mark : marks) {
            String type = mark.path("type").asText("");
            check(MARKS.contains(type), path, "unknown mark " + type);
            check(seen.add(type), path, "duplicate mark " + type);
            if ("link".equals(type)) {
                keys(mark, Set.of("type", "attrs"), path + ".link");
                keys(mark.path("attrs"), Set.of("href", "title"), path + ".link.attrs");
                check(mark.path("attrs").path("href").isTextual()
                        && !mark.path("attrs").path("href").textValue().isBlank(), path, "link without href");
            } else {
                keys(mark, Set.of("type"), path + "." + type);
            }
        }
        if (seen.contains("code")) {
            check(Set.of("code", "link").containsAll(seen), path, "code mark combined with " + seen);
        }
    }

    private void nonEmptyChildren(JsonNode node, String path, Set<String> first, Set<String> rest) {
        check(node.path("content").isArray() && !node.path("content").isEmpty(), path, "content must not be empty");
        children(node, path, first, rest, false);
    }

    private void children(JsonNode node, String path, Set<String> first, Set<String> rest, boolean optional) {
        JsonNode content = node.path("content");
        if (content.isMissingNode() && optional) {
            return;
        }
        if (!content.isArray()) {
            problems.add(path + ": content is not an array");
            return;
        }
        for (int i = 0; i < content.size(); i++) {
            JsonNode child = content.get(i);
            String type = child.path("type").asText("");
            String childPath = path + ".content[" + i + "]";
            check((i == 0 ? first : rest).contains(type), childPath, "'" + type + "' not allowed here");
            node(child, childPath);
        }
    }

    private void keys(JsonNode node, Set<String> allowed, String path) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            check(allowed.contains(name), path, "unexpected key '" + name + "'");
        }
    }

    private void check(boolean ok, String path, String problem) {
        if (!ok) {
            problems.add(path + ": " + problem);
        }
    }
}
