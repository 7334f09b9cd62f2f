package dev.cameljira.sandbox.zendesk;

import java.util.regex.Pattern;

/** Converts comment bodies between plain text and the HTML Zendesk stores beside it. */
final class CommentBodies {
    private static final Pattern BREAKS = Pattern.compile("(?i)<br\\s*/?>|</p>|</div>");
    private static final Pattern TAGS = Pattern.compile("<[^>]+>");

    private CommentBodies() {
    }

    static String toHtml(String text) {
        if (text == null) {
            return null;
        }
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("\n", "<br>");
        return "<div class=\"zd-comment\" dir=\"auto\">" + escaped + "</div>";
    }

    static String toText(String html) {
        if (html == null) {
            return null;
        }
        String text = TAGS.matcher(BREAKS.matcher(html).replaceAll("\n")).replaceAll("");
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&nbsp;", " ")
                .replace("&amp;", "&").strip();
    }
}
