package dev.cameljira.sandbox.jira.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.jira.text.AdfToHtml;
import dev.cameljira.sandbox.jira.text.AdfToWiki;
import dev.cameljira.sandbox.jira.text.Mentions;
import dev.cameljira.sandbox.jira.text.WikiToAdf;

/**
 * Rich text kept in both representations: Jira wiki markup (REST v2, Data Center, webhook payloads) and an Atlassian
 * Document (REST v3). Whichever one a client wrote is kept as written; the other is converted as Jira converts it
 * ({@link WikiToAdf}, {@link AdfToWiki}), so wiki written through v2 reads back through v3 as the equivalent ADF and
 * the other way round.
 */
public record RichText(String text, JsonNode adf) {

    /** From a v2 wiki-markup string, mentions unresolved. */
    public static RichText ofText(String text) {
        return ofText(text, Mentions.NONE);
    }

    /** From a v2 wiki-markup string; {@code mentions} finds the users of {@code [~...]} mentions. */
    public static RichText ofText(String text, Mentions mentions) {
        return new RichText(text, WikiToAdf.convert(text, mentions));
    }

    /** From a v3 Atlassian Document: the text is its wiki markup. */
    public static RichText ofAdf(JsonNode adf) {
        return new RichText(AdfToWiki.convert(adf), adf.deepCopy());
    }

    /** Whether a JSON value is an Atlassian Document ({@code {"type":"doc","version":1,"content":[...]}}). */
    public static boolean isAdf(JsonNode node) {
        return node != null && node.isObject() && "doc".equals(node.path("type").asText(null))
                && node.path("version").isNumber() && node.path("version").asInt() == 1 && node.path("content").isArray();
    }

    /**
     * The words of the text without markup, for text search ({@code ~}): the text of the document's nodes (mentions
     * by their display text, cards and media left out), one block per line. A description {@code "*bold* word"}
     * reads {@code "bold word"}.
     */
    public String plainText() {
        if (adf == null) {
            return text == null ? "" : text;
        }
        StringBuilder out = new StringBuilder();
        plain(adf, out);
        return out.toString().strip();
    }

    private static void plain(JsonNode node, StringBuilder out) {
        String type = node.path("type").asText("");
        switch (type) {
            case "text" -> out.append(node.path("text").asText(""));
            case "mention", "emoji", "status", "date" -> out.append(node.path("attrs").path("text").asText(""));
            case "hardBreak" -> out.append('\n');
            default -> {
                for (JsonNode child : node.path("content")) {
                    plain(child, out);
                }
                if (!type.equals("doc") && node.has("content") && (out.isEmpty() || out.charAt(out.length() - 1) != '\n')) {
                    out.append('\n'); // a block ends a line: words of two paragraphs never run together
                }
            }
        }
    }

    /** The HTML Jira renders for {@code expand=renderedFields}. */
    public String html(String baseUrl, boolean cloud) {
        return AdfToHtml.convert(adf, baseUrl, cloud);
    }
}
