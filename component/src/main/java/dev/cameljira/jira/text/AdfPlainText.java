package dev.cameljira.jira.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders an Atlassian Document as readable plain text.
 *
 * <p>Blocks are separated by a blank line, {@code hardBreak} is a newline, list items start with {@code "- "} or
 * {@code "1. "} (numbered from the list's {@code order}), nested lists are indented by their parent's marker width,
 * quotes are prefixed with {@code "> "}, code blocks are verbatim, a rule is {@code ---}, table rows are lines of
 * tab-separated cells. Mentions render as their {@code text} attribute (with a leading {@code @}), emoji as their
 * character or short name, dates as {@code yyyy-MM-dd} (UTC), cards as their URL, a link as {@code text (url)}
 * unless the text already is the URL. Unknown nodes: their {@code text} attribute, else their children.
 */
final class AdfPlainText {

    /** Deepest nesting rendered; deeper documents are rejected rather than overflowing the stack. */
    static final int MAX_DEPTH = 512;

    @FunctionalInterface
    private interface Renderer {
        String render(AdfPlainText self, JsonNode node, int depth);
    }

    private static final Renderer BLOCKS = (self, node, depth) -> self.blocks(node, depth, "\n\n");
    private static final Renderer INLINES = (self, node, depth) -> self.inlines(node, depth);
    private static final Renderer NOTHING = (self, node, depth) -> "";

    private static final Map<String, Renderer> RENDERERS = Map.ofEntries(
            Map.entry("doc", BLOCKS),
            Map.entry("paragraph", INLINES),
            Map.entry("heading", INLINES),
            Map.entry("text", (self, node, depth) -> node.path("text").asText("")),
            Map.entry("hardBreak", (self, node, depth) -> "\n"),
            Map.entry("codeBlock", (self, node, depth) -> self.verbatim(node)),
            Map.entry("blockquote", (self, node, depth) -> prefixLines(self.blocks(node, depth, "\n\n"), "> ")),
            Map.entry("bulletList", (self, node, depth) -> self.list(node, depth, false)),
            Map.entry("orderedList", (self, node, depth) -> self.list(node, depth, true)),
            Map.entry("listItem", (self, node, depth) -> self.listItem(node, depth, 2)),
            Map.entry("rule", (self, node, depth) -> "---"),
            Map.entry("mention", (self, node, depth) -> mention(node.path("attrs"))),
            Map.entry("emoji", (self, node, depth) -> emoji(node.path("attrs"))),
            Map.entry("date", (self, node, depth) -> date(node.path("attrs").path("timestamp"))),
            Map.entry("status", (self, node, depth) -> node.path("attrs").path("text").asText("")),
            Map.entry("inlineCard", (self, node, depth) -> cardUrl(node.path("attrs"))),
            Map.entry("blockCard", (self, node, depth) -> cardUrl(node.path("attrs"))),
            Map.entry("embedCard", (self, node, depth) -> cardUrl(node.path("attrs"))),
            Map.entry("table", (self, node, depth) -> self.blocks(node, depth, "\n")),
            Map.entry("tableRow", (self, node, depth) -> self.blocks(node, depth, "\t")),
            Map.entry("tableHeader", (self, node, depth) -> self.cell(node, depth)),
            Map.entry("tableCell", (self, node, depth) -> self.cell(node, depth)),
            Map.entry("panel", BLOCKS),
            Map.entry("expand", (self, node, depth) -> self.titled(node, depth)),
            Map.entry("nestedExpand", (self, node, depth) -> self.titled(node, depth)),
            Map.entry("taskList", (self, node, depth) -> self.blocks(node, depth, "\n")),
            Map.entry("taskItem", (self, node, depth) -> taskBox(node) + self.inlines(node, depth)),
            Map.entry("decisionList", (self, node, depth) -> self.blocks(node, depth, "\n")),
            Map.entry("decisionItem", (self, node, depth) -> "- " + self.inlines(node, depth)),
            Map.entry("media", (self, node, depth) -> node.path("attrs").path("alt").asText("")),
            Map.entry("placeholder", NOTHING));

    private AdfPlainText() {
    }

    static String render(JsonNode node) {
        if (node.isArray()) {
            return new AdfPlainText().children(node, 0, "\n\n");
        }
        if (!node.isObject() || !node.path("type").isTextual()) {
            throw new IllegalArgumentException("Expected an ADF node (a JSON object with a string \"type\") or a string,"
                    + " got " + describe(node));
        }
        return new AdfPlainText().node(node, 0);
    }

    private String node(JsonNode node, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("ADF document nested deeper than " + MAX_DEPTH + " levels");
        }
        if (!node.isObject()) {
            return node.isTextual() ? node.asText() : "";
        }
        Renderer renderer = RENDERERS.get(node.path("type").asText(""));
        return renderer != null ? renderer.render(this, node, depth + 1) : unknown(node, depth + 1);
    }

    /** An unknown node: its text, else its children, inline ones joined directly and block ones by blank lines. */
    private String unknown(JsonNode node, int depth) {
        if (node.path("text").isTextual()) {
            return node.path("text").asText();
        }
        JsonNode content = node.path("content");
        for (JsonNode child : content) {
            if (isBlockLike(child)) {
                return blocks(node, depth, "\n\n");
            }
        }
        return inlines(node, depth);
    }

    private static boolean isBlockLike(JsonNode child) {
        String type = child.path("type").asText("");
        return child.path("content").isArray() && !"text".equals(type) || "codeBlock".equals(type)
                || "rule".equals(type);
    }

    /** Children rendered as blocks; empty ones are skipped. */
    private String blocks(JsonNode node, int depth, String separator) {
        return children(node.path("content"), depth, separator);
    }

    private String children(JsonNode content, int depth, String separator) {
        List<String> parts = new ArrayList<>();
        for (JsonNode child : content) {
            String text = node(child, depth);
            if (!text.isEmpty()) {
                parts.add(text);
            }
        }
        return String.join(separator, parts);
    }

    /**
     * Children rendered inline and concatenated; consecutive text nodes sharing a link are one link, written as
     * {@code text (url)} unless the text is the URL itself.
     */
    private String inlines(JsonNode node, int depth) {
        StringBuilder out = new StringBuilder();
        StringBuilder linkText = new StringBuilder();
        String href = null;
        for (JsonNode child : node.path("content")) {
            String childHref = "text".equals(child.path("type").asText()) ? linkHref(child) : null;
            if (href != null && !href.equals(childHref)) {
                appendLink(out, linkText, href);
            }
            href = childHref;
            (href != null ? linkText : out).append(node(child, depth));
        }
        if (href != null) {
            appendLink(out, linkText, href);
        }
        return out.toString();
    }

    private static void appendLink(StringBuilder out, StringBuilder linkText, String href) {
        String text = linkText.toString();
        out.append(text);
        String shown = text.strip();
        if (!href.isEmpty() && !shown.equals(href) && !("mailto:" + shown).equals(href)) {
            out.append(text.isEmpty() ? "" : " ").append('(').append(href).append(')');
        }
        linkText.setLength(0);
    }

    private static String linkHref(JsonNode text) {
        for (JsonNode mark : text.path("marks")) {
            if ("link".equals(mark.path("type").asText()) && mark.path("attrs").path("href").isTextual()) {
                return mark.path("attrs").path("href").asText();
            }
        }
        return null;
    }

    private String verbatim(JsonNode node) {
        StringBuilder code = new StringBuilder();
        for (JsonNode child : node.path("content")) {
            code.append(child.path("text").asText(""));
        }
        return code.toString();
    }

    private String list(JsonNode node, int depth, boolean ordered) {
        int number = ordered ? node.path("attrs").path("order").asInt(1) : 0;
        List<String> items = new ArrayList<>();
        for (JsonNode item : node.path("content")) {
            String marker = ordered ? number++ + ". " : "- ";
            String text = "listItem".equals(item.path("type").asText())
                    ? listItem(item, depth + 1, marker.length()) : node(item, depth + 1);
            items.add(text.isEmpty() ? marker.strip() : marker + text);
        }
        return String.join("\n", items);
    }

    /** Item blocks on separate lines; nested lists indented by the marker width so they read as nested. */
    private String listItem(JsonNode item, int depth, int indent) {
        List<String> parts = new ArrayList<>();
        for (JsonNode child : item.path("content")) {
            String text = node(child, depth);
            String type = child.path("type").asText("");
            boolean nested = "bulletList".equals(type) || "orderedList".equals(type);
            if (nested) {
                parts.add(prefixLines(text, " ".repeat(indent)));
            } else if (!text.isEmpty() || parts.isEmpty()) {
                parts.add(text);
            }
        }
        return String.join("\n", parts);
    }

    private String cell(JsonNode node, int depth) {
        return blocks(node, depth, " ").replace('\n', ' ').replace('\t', ' ');
    }

    private String titled(JsonNode node, int depth) {
        String title = node.path("attrs").path("title").asText("");
        String body = blocks(node, depth, "\n\n");
        return title.isEmpty() ? body : body.isEmpty() ? title : title + "\n" + body;
    }

    private static String taskBox(JsonNode node) {
        return "DONE".equals(node.path("attrs").path("state").asText()) ? "[x] " : "[ ] ";
    }

    private static String mention(JsonNode attrs) {
        String text = attrs.path("text").asText("");
        if (text.isEmpty()) {
            text = attrs.path("displayName").asText(attrs.path("id").asText(""));
        }
        return text.startsWith("@") ? text : "@" + text;
    }

    private static String emoji(JsonNode attrs) {
        String text = attrs.path("text").asText("");
        return text.isEmpty() ? attrs.path("shortName").asText("") : text;
    }

    private static String date(JsonNode timestamp) {
        String raw = timestamp.asText("");
        try {
            return Instant.ofEpochMilli(Long.parseLong(raw)).atOffset(ZoneOffset.UTC).toLocalDate().toString();
        } catch (NumberFormatException e) {
            return raw;
        }
    }

    private static String cardUrl(JsonNode attrs) {
        String url = attrs.path("url").asText("");
        return url.isEmpty() ? attrs.path("data").path("url").asText("") : url;
    }

    private static String prefixLines(String text, String prefix) {
        if (text.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(line.isEmpty() ? prefix.stripTrailing() : prefix + line);
        }
        return out.toString();
    }

    private static String describe(JsonNode node) {
        if (node.isObject()) {
            return "an object without a string \"type\"";
        }
        return "a JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
