package dev.cameljira.sandbox.jira.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Rich text as {@code expand=renderedFields} shows it: the HTML of Jira's wiki renderer ({@code <p>}, {@code <h1>},
 * {@code <b>}, {@code <em>}, {@code <ul>/<ol>/<li>}, code panels, {@code confluenceTable}s, external links, user
 * links), built from the document so that v2 and v3 writes render alike. Text is always HTML-escaped.
 */
public final class AdfToHtml {

    private final String baseUrl;
    private final boolean cloud;

    private AdfToHtml(String baseUrl, boolean cloud) {
        this.baseUrl = baseUrl;
        this.cloud = cloud;
    }

    /**
     * @param baseUrl the site's base URL (user links)
     * @param cloud   whether mentions are accountIds (Cloud) or user names (Data Center)
     */
    public static String convert(JsonNode doc, String baseUrl, boolean cloud) {
        StringBuilder sb = new StringBuilder();
        new AdfToHtml(baseUrl, cloud).blocks(doc.path("content"), sb);
        return sb.toString();
    }

    private void blocks(JsonNode content, StringBuilder sb) {
        boolean first = true;
        for (JsonNode block : content) {
            if (!first) {
                sb.append('\n');
            }
            first = false;
            block(block, sb);
        }
    }

    private void block(JsonNode node, StringBuilder sb) {
        JsonNode content = node.path("content");
        switch (node.path("type").asText("")) {
            case "paragraph" -> {
                sb.append("<p>");
                inline(content, sb);
                sb.append("</p>");
            }
            case "heading" -> {
                int level = Math.max(1, Math.min(6, node.path("attrs").path("level").asInt(1)));
                StringBuilder text = new StringBuilder();
                plainText(content, text);
                sb.append("<h").append(level).append("><a name=\"").append(escape(text.toString().replaceAll("\\s+", "")))
                        .append("\"></a>");
                inline(content, sb);
                sb.append("</h").append(level).append('>');
            }
            case "bulletList", "orderedList" -> {
                String tag = "orderedList".equals(node.path("type").asText()) ? "ol" : "ul";
                sb.append('<').append(tag).append('>');
                for (JsonNode item : content) {
                    sb.append("\n\t<li>");
                    boolean firstChild = true;
                    for (JsonNode child : item.path("content")) {
                        if ("paragraph".equals(child.path("type").asText()) && firstChild) {
                            inline(child.path("content"), sb);
                        } else {
                            block(child, sb);
                        }
                        firstChild = false;
                    }
                    sb.append("</li>");
                }
                sb.append("\n</").append(tag).append('>');
            }
            case "codeBlock" -> {
                String lang = node.path("attrs").path("language").asText("");
                StringBuilder text = new StringBuilder();
                plainText(content, text);
                if (lang.isEmpty()) {
                    sb.append("<div class=\"preformatted panel\" style=\"border-width: 1px;\"><div class=\"preformattedContent panelContent\">\n<pre>");
                } else {
                    sb.append("<div class=\"code panel\" style=\"border-width: 1px;\"><div class=\"codeContent panelContent\">\n<pre class=\"code-")
                            .append(escape(lang)).append("\">");
                }
                sb.append(escape(text.toString())).append("</pre>\n</div></div>");
            }
            case "blockquote" -> {
                sb.append("<blockquote>");
                blocks(content, sb);
                sb.append("</blockquote>");
            }
            case "panel" -> {
                sb.append("<div class=\"panel\" style=\"border-width: 1px;\"><div class=\"panelContent\">\n");
                blocks(content, sb);
                sb.append("\n</div></div>");
            }
            case "rule" -> sb.append("<hr />");
            case "table" -> {
                sb.append("<div class='table-wrap'>\n<table class='confluenceTable'><tbody>\n");
                for (JsonNode row : content) {
                    sb.append("<tr>\n");
                    for (JsonNode cell : row.path("content")) {
                        boolean header = "tableHeader".equals(cell.path("type").asText());
                        sb.append(header ? "<th class='confluenceTh'>" : "<td class='confluenceTd'>");
                        JsonNode cellContent = cell.path("content");
                        if (cellContent.size() == 1 && "paragraph".equals(cellContent.get(0).path("type").asText())) {
                            inline(cellContent.get(0).path("content"), sb);
                        } else {
                            blocks(cellContent, sb);
                        }
                        sb.append(header ? "</th>\n" : "</td>\n");
                    }
                    sb.append("</tr>\n");
                }
                sb.append("</tbody></table>\n</div>");
            }
            case "mediaSingle", "mediaGroup", "media" -> {
            }
            default -> {
                if (content.size() > 0 && content.get(0).path("type").asText().matches(
                        "paragraph|heading|bulletList|orderedList|codeBlock|blockquote|panel|rule|table")) {
                    blocks(content, sb);
                } else {
                    sb.append("<p>");
                    inline(content, sb);
                    sb.append("</p>");
                }
            }
        }
    }

    private static void plainText(JsonNode content, StringBuilder sb) {
        for (JsonNode n : content) {
            if ("hardBreak".equals(n.path("type").asText())) {
                sb.append('\n');
            } else {
                sb.append(n.path("text").asText(""));
                plainText(n.path("content"), sb);
            }
        }
    }

    private void inline(JsonNode content, StringBuilder sb) {
        for (JsonNode n : content) {
            JsonNode attrs = n.path("attrs");
            switch (n.path("type").asText("")) {
                case "text" -> sb.append(marked(n));
                case "hardBreak" -> sb.append("<br/>\n");
                case "mention" -> {
                    String id = attrs.path("id").asText("");
                    String name = attrs.path("text").asText(id);
                    if (name.startsWith("@")) {
                        name = name.substring(1);
                    }
                    String param = (cloud ? "accountId=" : "name=") + URLEncoder.encode(id, StandardCharsets.UTF_8);
                    sb.append("<a href=\"").append(escape(baseUrl)).append("/secure/ViewProfile.jspa?").append(escape(param))
                            .append("\" class=\"user-hover\" rel=\"").append(escape(id)).append("\" data-")
                            .append(cloud ? "account-id" : "username").append("=\"").append(escape(id)).append("\">")
                            .append(escape(name)).append("</a>");
                }
                case "emoji" -> sb.append(escape(attrs.path("text").asText(attrs.path("shortName").asText(""))));
                case "inlineCard", "blockCard" -> {
                    String url = attrs.path("url").asText("");
                    sb.append("<a href=\"").append(escape(url)).append("\" class=\"external-link\" rel=\"nofollow\">")
                            .append(escape(url)).append("</a>");
                }
                case "status" -> sb.append(escape(attrs.path("text").asText("")));
                default -> inline(n.path("content"), sb);
            }
        }
    }

    private static String marked(JsonNode textNode) {
        String s = escape(textNode.path("text").asText(""));
        for (JsonNode m : textNode.path("marks")) {
            JsonNode attrs = m.path("attrs");
            s = switch (m.path("type").asText("")) {
                case "strong" -> "<b>" + s + "</b>";
                case "em" -> "<em>" + s + "</em>";
                case "strike" -> "<del>" + s + "</del>";
                case "underline" -> "<ins>" + s + "</ins>";
                case "code" -> "<tt>" + s + "</tt>";
                case "subsup" -> "sup".equals(attrs.path("type").asText()) ? "<sup>" + s + "</sup>" : "<sub>" + s + "</sub>";
                case "textColor" -> "<font color=\"" + escape(attrs.path("color").asText()) + "\">" + s + "</font>";
                case "link" -> "<a href=\"" + escape(attrs.path("href").asText("")) + "\" class=\"external-link\" rel=\"nofollow\">"
                        + s + "</a>";
                default -> s;
            };
        }
        return s;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
