package dev.cameljira.sandbox.jira.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * An Atlassian Document (REST v3) as Jira wiki markup (REST v2 and webhook payloads): the inverse of
 * {@link WikiToAdf} for the nodes and marks it knows; other nodes give their text.
 */
public final class AdfToWiki {

    private AdfToWiki() {
    }

    /** Converts an ADF {@code doc} (or any node with block content) to wiki markup. */
    public static String convert(JsonNode doc) {
        return blocks(doc.path("content")).strip();
    }

    private static String blocks(JsonNode content) {
        List<String> parts = new ArrayList<>();
        for (JsonNode block : content) {
            String s = block(block);
            if (s != null) {
                parts.add(s);
            }
        }
        return String.join("\n\n", parts);
    }

    private static String block(JsonNode node) {
        String type = node.path("type").asText("");
        JsonNode content = node.path("content");
        return switch (type) {
            case "paragraph" -> inline(content);
            case "heading" -> "h" + Math.max(1, Math.min(6, node.path("attrs").path("level").asInt(1))) + ". " + inline(content);
            case "bulletList", "orderedList" -> list(node, "");
            case "codeBlock" -> {
                String lang = node.path("attrs").path("language").asText("");
                yield (lang.isEmpty() ? "{code}" : "{code:" + lang + "}") + "\n" + plain(content) + "\n{code}";
            }
            case "blockquote" -> "{quote}\n" + blocks(content) + "\n{quote}";
            case "panel" -> "{panel}\n" + blocks(content) + "\n{panel}";
            case "rule" -> "----";
            case "table" -> table(content);
            case "mediaSingle", "mediaGroup", "media" -> null;
            default -> content.isArray() && content.size() > 0 && content.get(0).has("type")
                    && isBlock(content.get(0).path("type").asText()) ? blocks(content) : inline(content);
        };
    }

    private static boolean isBlock(String type) {
        return switch (type) {
            case "paragraph", "heading", "bulletList", "orderedList", "codeBlock", "blockquote", "panel", "rule", "table",
                    "expand", "nestedExpand", "mediaSingle", "mediaGroup", "decisionList", "taskList" -> true;
            default -> false;
        };
    }

    private static String list(JsonNode list, String prefix) {
        String marker = prefix + ("orderedList".equals(list.path("type").asText()) ? "#" : "*");
        List<String> lines = new ArrayList<>();
        for (JsonNode item : list.path("content")) {
            List<String> texts = new ArrayList<>();
            List<String> nested = new ArrayList<>();
            for (JsonNode child : item.path("content")) {
                String t = child.path("type").asText();
                if ("bulletList".equals(t) || "orderedList".equals(t)) {
                    nested.add(list(child, marker));
                } else {
                    String s = block(child);
                    if (s != null) {
                        texts.add(s);
                    }
                }
            }
            lines.add(marker + " " + String.join("\n", texts));
            lines.addAll(nested);
        }
        return String.join("\n", lines);
    }

    private static String table(JsonNode rows) {
        List<String> lines = new ArrayList<>();
        for (JsonNode row : rows) {
            StringBuilder line = new StringBuilder();
            boolean lastHeader = false;
            for (JsonNode cell : row.path("content")) {
                lastHeader = "tableHeader".equals(cell.path("type").asText());
                String text = blocks(cell.path("content")).replace("\n\n", " \\\\ ").replace("\n", " \\\\ ");
                line.append(lastHeader ? "||" : "|").append(text.isEmpty() ? " " : text);
            }
            line.append(lastHeader ? "||" : "|");
            lines.add(line.toString());
        }
        return String.join("\n", lines);
    }

    private static String plain(JsonNode content) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode n : content) {
            if ("hardBreak".equals(n.path("type").asText())) {
                sb.append('\n');
            } else {
                sb.append(n.path("text").asText(""));
            }
        }
        return sb.toString();
    }

    private static String inline(JsonNode content) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode n : content) {
            switch (n.path("type").asText("")) {
                case "text" -> sb.append(marked(n.path("text").asText(""), n.path("marks")));
                case "hardBreak" -> sb.append('\n');
                case "mention" -> sb.append("[~accountid:").append(n.path("attrs").path("id").asText("")).append(']');
                case "emoji" -> sb.append(n.path("attrs").path("text").asText(n.path("attrs").path("shortName").asText("")));
                case "inlineCard", "blockCard" -> {
                    String url = n.path("attrs").path("url").asText("");
                    sb.append('[').append(url).append('|').append(url).append(']');
                }
                case "status" -> sb.append(n.path("attrs").path("text").asText(""));
                case "date" -> sb.append(n.path("attrs").path("timestamp").asText(""));
                default -> sb.append(inline(n.path("content")));
            }
        }
        return sb.toString();
    }

    private static String marked(String text, JsonNode marks) {
        String link = null;
        String s = null;
        boolean code = false;
        for (JsonNode m : marks) {
            if ("code".equals(m.path("type").asText())) {
                code = true;
            }
        }
        s = code ? "{{" + text + "}}" : escape(text);
        for (JsonNode m : marks) {
            JsonNode attrs = m.path("attrs");
            switch (m.path("type").asText("")) {
                case "strong" -> s = "*" + s + "*";
                case "em" -> s = "_" + s + "_";
                case "strike" -> s = "-" + s + "-";
                case "underline" -> s = "+" + s + "+";
                case "subsup" -> s = "sup".equals(attrs.path("type").asText()) ? "^" + s + "^" : "~" + s + "~";
                case "textColor" -> s = "{color:" + attrs.path("color").asText() + "}" + s + "{color}";
                case "link" -> link = attrs.path("href").asText("");
                default -> {
                }
            }
        }
        if (link != null) {
            s = text.equals(link) ? "[" + link + "]" : "[" + s + "|" + link + "]";
        }
        return s;
    }

    /** Escapes what would otherwise start a link, macro or mention in wiki markup. */
    private static String escape(String text) {
        if (text.indexOf('[') < 0 && text.indexOf('{') < 0) {
            return text;
        }
        return text.replace("[", "\\[").replace("{", "\\{");
    }
}
