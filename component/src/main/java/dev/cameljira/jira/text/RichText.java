package dev.cameljira.jira.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Rich text conversions for Jira: plain text or simple Markdown to Atlassian Document Format (REST v3) and to wiki
 * markup (REST v2 / Data Center), and any of them back to plain text.
 *
 * <p>Markdown is read by commonmark-java: CommonMark plus GFM strikethrough ({@code ~~strike~~}) and bare URLs
 * ({@code https://...}) as links; see {@code MarkdownBlocks} for the details. Deliberate differences from CommonMark,
 * so that plain text survives: a single newline inside a paragraph is a line break, the leading whitespace of the
 * lines of a top-level paragraph is kept, there are no indented code blocks and no HTML blocks (HTML is text), and
 * adjacent bullet lists are one list. Plain text without Markdown survives {@code toPlainText(toAdf(text))}
 * unchanged, apart from trailing whitespace on lines and runs of blank lines (one blank line separates paragraphs);
 * what CommonMark reads differently from plain text: entities such as {@code &amp;}, a line underlined with
 * {@code ===} or {@code ---} (a heading), lines starting with {@code - }, {@code * }, {@code + }, {@code 1. } or
 * {@code 1) } (lists), {@code # } (headings), {@code > } (quotes), a fence, and {@code [label]: url} lines (link
 * definitions).
 *
 * <p>All methods are thread-safe and never recurse deeper than a fixed nesting limit. Their time is linear in the
 * input size; commonmark-java's emphasis matching is not on some pathological inputs, so a text with more than
 * 4096 runs of {@code *}, {@code _} or {@code ~} has its inline markup read as text.
 */
public final class RichText {

    private RichText() {
    }

    /**
     * Converts plain text or Markdown to an ADF document {@code {"type":"doc","version":1,"content":[...]}}.
     * The document obeys the ADF schema: no empty text nodes, the code mark combined only with a link, list items
     * starting with a paragraph (or code block), no headings or rules inside list items and quotes.
     *
     * @param markdownOrPlain the text; null or blank gives a document with an empty {@code content} array
     * @return a new, mutable document
     */
    public static ObjectNode toAdf(String markdownOrPlain) {
        return AdfWriter.document(blocks(markdownOrPlain));
    }

    /**
     * Converts plain text or Markdown to Jira wiki markup; characters that wiki markup would interpret in plain
     * text are escaped with a backslash where they could take effect (see {@code WikiInline} for the exact rules).
     *
     * @param markdownOrPlain the text; null gives null
     * @return wiki markup, paragraphs separated by a blank line
     */
    public static String toWiki(String markdownOrPlain) {
        return markdownOrPlain == null ? null : WikiWriter.write(blocks(markdownOrPlain));
    }

    /**
     * Reads a rich text value back as plain text.
     *
     * <ul>
     *   <li>an ADF node (normally a document): rendered as text, blocks separated by a blank line, line breaks as
     *       newlines, list items as {@code "- "}/{@code "1. "}, quotes as {@code "> "}, code verbatim, rules as
     *       {@code ---}, table rows as tab-separated cells, mentions as {@code @name}, emoji as the character or
     *       short name, links as {@code text (url)} when the text differs from the URL; unknown nodes by their text
     *       or children;</li>
     *   <li>a JSON string (v2 wiki markup or plain text): returned as is (see {@link #wikiToPlainText(String)});</li>
     *   <li>an array of ADF nodes: rendered as consecutive blocks;</li>
     *   <li>null, JSON null or a missing node: null.</li>
     * </ul>
     *
     * @throws IllegalArgumentException for any other JSON value (number, boolean, object without a string
     *                                  {@code type}) or a document nested deeper than 512 levels
     */
    public static String toPlainText(JsonNode adfOrString) {
        if (adfOrString == null || adfOrString.isNull() || adfOrString.isMissingNode()) {
            return null;
        }
        if (adfOrString.isTextual()) {
            return adfOrString.textValue();
        }
        return AdfPlainText.render(adfOrString);
    }

    /**
     * Whether a JSON value is an ADF document: an object with {@code "type":"doc"} and a {@code content} array (a
     * {@code version}, which Jira always sends as 1, is not required).
     */
    public static boolean isAdf(JsonNode node) {
        return node != null && node.isObject() && "doc".equals(node.path("type").textValue())
                && node.path("content").isArray();
    }

    /**
     * Reduces Jira wiki markup to plain text, best effort: {@code {code}}/{@code {noformat}} bodies verbatim, other
     * macro tags dropped, {@code [text|url]} to {@code text}, {@code [~user]} to {@code @user}, {@code *bold*},
     * {@code _em_}, {@code -strike-}, {@code {{mono}}} and the like lose their markers, headings and quote prefixes
     * dropped, list items as {@code "- "}/{@code "1. "}, table cells tab-separated, escapes resolved.
     *
     * @param wiki wiki markup; null gives null
     */
    public static String wikiToPlainText(String wiki) {
        return wiki == null ? null : WikiPlainText.convert(wiki);
    }

    private static List<Block> blocks(String markdownOrPlain) {
        if (markdownOrPlain == null || markdownOrPlain.isBlank()) {
            return List.of();
        }
        String text = markdownOrPlain.startsWith("\uFEFF") ? markdownOrPlain.substring(1) : markdownOrPlain;
        return MarkdownBlocks.parse(text.replace("\r\n", "\n").replace('\r', '\n'));
    }
}
