package dev.cameljira.jira.text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reduces Jira wiki markup to plain text (simple, best effort): {@code {code}} and {@code {noformat}} bodies are
 * kept verbatim, other macro tags ({@code {quote}}, {@code {color:red}}, {@code {panel:...}}) are dropped,
 * {@code [text|url]} becomes {@code text}, {@code [url]} the URL, {@code [~user]} {@code @user},
 * {@code !image.png|thumbnail!} {@code image.png}; {@code *strong*}, {@code _em_}, {@code -strike-},
 * {@code +inserted+}, {@code ^sup^}, {@code ~sub~}, {@code ??citation??} and {@code {{mono}}} lose their markers;
 * {@code h1.} and {@code bq.} prefixes are dropped, list items become {@code "- "} / {@code "1. "} (nested ones
 * indented), table rows tab-separated cells, {@code ----} {@code ---}, {@code \\} a newline, {@code \X} X; runs of
 * blank lines shrink to one.
 *
 * <p>All patterns are free of nested quantifiers and stop at a line end or their own delimiter, so the work stays
 * linear in the input.
 */
final class WikiPlainText {

    private static final Pattern VERBATIM = Pattern.compile("(?<![{\\\\])\\{(code|noformat)(?::[^{}\\n]*)?\\}");
    private static final Pattern HEADING = Pattern.compile("^\\s*h[1-6]\\.\\s+");
    private static final Pattern QUOTE = Pattern.compile("^\\s*bq\\.\\s+");
    private static final Pattern LIST = Pattern.compile("^\\s*([*#-]+)\\s+");
    private static final Pattern RULE = Pattern.compile("^\\s*-{4,}\\s*$");
    private static final Pattern MENTION = Pattern.compile("(?<!\\\\)\\[~(?:accountid:)?([^\\[\\]|\\n]+)\\]");
    private static final Pattern LINK = Pattern.compile("(?<!\\\\)\\[([^\\[\\]|\\n]*)\\|([^\\[\\]\\n]*)\\]");
    private static final Pattern BARE_LINK = Pattern.compile("(?<!\\\\)\\[\\^?([^\\[\\]|\\n]+)\\]");
    private static final Pattern IMAGE = Pattern.compile("(?<![\\p{L}\\p{N}\\\\])!([^!\\s|][^!|\\n]*)(?:\\|[^!\\n]*)?!");
    private static final Pattern BRACE_MARK = Pattern.compile("\\{([*_+^~?-]{1,2})\\}");
    private static final Pattern MACRO_TAG = Pattern.compile("(?<!\\\\)\\{[A-Za-z]+(?::[^{}\\n]*)?\\}");
    private static final Pattern CITATION = Pattern.compile("(?<!\\\\)\\?\\?(\\S[^?\\n]*)\\?\\?");
    private static final List<Pattern> MARKS = List.of(mark('*'), mark('_'), mark('-'), mark('+'), mark('^'),
            mark('~'));
    private static final Pattern ESCAPE = Pattern.compile("\\\\(\\p{Punct})");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");
    private static final Pattern MACRO_LINE = Pattern.compile("\\s*(?:\\{[A-Za-z]+(?::[^{}\\n]*)?\\}\\s*)+");
    private static final Pattern FORCED_BREAK = Pattern.compile(" ?\\\\\\\\ ?");

    private final int[] numbers = new int[32];

    private WikiPlainText() {
    }

    static String convert(String wiki) {
        String text = wiki.replace("\r\n", "\n").replace('\r', '\n');
        WikiPlainText converter = new WikiPlainText();
        StringBuilder out = new StringBuilder();
        Matcher verbatim = VERBATIM.matcher(text);
        int pos = 0;
        while (pos < text.length() && verbatim.find(pos)) {
            out.append(converter.markup(text.substring(pos, verbatim.start())));
            String closeTag = "{" + verbatim.group(1) + "}";
            int end = text.indexOf(closeTag, verbatim.end());
            String body = text.substring(verbatim.end(), end < 0 ? text.length() : end);
            out.append(trimOneNewline(body));
            pos = end < 0 ? text.length() : end + closeTag.length();
        }
        out.append(converter.markup(text.substring(pos)));
        return trimNewlines(out.toString());
    }

    private String markup(String segment) {
        if (segment.isEmpty()) {
            return segment;
        }
        List<String> lines = new ArrayList<>();
        for (String line : segment.split("\n", -1)) {
            if (!MACRO_LINE.matcher(line).matches()) {
                lines.add(line(line));
            }
        }
        return BLANK_LINES.matcher(String.join("\n", lines)).replaceAll("\n\n");
    }

    private String line(String line) {
        if (RULE.matcher(line).matches()) {
            resetNumbers(0);
            return "---";
        }
        String prefix = "";
        Matcher list = LIST.matcher(line);
        Matcher heading = HEADING.matcher(line);
        Matcher quote = QUOTE.matcher(line);
        if (list.lookingAt()) {
            String markers = list.group(1);
            prefix = listPrefix(markers);
            line = line.substring(list.end());
        } else {
            resetNumbers(0);
            if (heading.lookingAt()) {
                line = line.substring(heading.end());
            } else if (quote.lookingAt()) {
                line = line.substring(quote.end());
            }
        }
        String text = inline(line);
        if (text.startsWith("|")) {
            text = String.join("\t", cells(text));
        }
        return prefix + text;
    }

    private String listPrefix(String markers) {
        int depth = Math.min(markers.length(), numbers.length) - 1;
        resetNumbers(depth + 1);
        String indent = "  ".repeat(depth);
        if (markers.charAt(markers.length() - 1) == '#') {
            return indent + ++numbers[depth] + ". ";
        }
        numbers[depth] = 0;
        return indent + "- ";
    }

    private void resetNumbers(int fromDepth) {
        for (int i = fromDepth; i < numbers.length; i++) {
            numbers[i] = 0;
        }
    }

    private static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        for (String cell : row.split("\\|")) {
            if (!cell.isBlank()) {
                cells.add(cell.strip());
            }
        }
        return cells;
    }

    private static String inline(String line) {
        if (!hasMarkup(line)) {
            return line;
        }
        String text = replace(MENTION, line, m -> "@" + m.group(1));
        text = replace(LINK, text, m -> m.group(1).isBlank() ? m.group(2) : m.group(1));
        text = replace(BARE_LINK, text, m -> m.group(1));
        text = replace(IMAGE, text, m -> m.group(1));
        text = monospace(text);
        text = BRACE_MARK.matcher(text).replaceAll("");
        text = MACRO_TAG.matcher(text).replaceAll("");
        text = replace(CITATION, text, m -> m.group(1));
        for (Pattern mark : MARKS) {
            text = replace(mark, text, m -> m.group(1));
        }
        text = FORCED_BREAK.matcher(text).replaceAll("\n");
        return replace(ESCAPE, text, m -> m.group(1));
    }

    private static boolean hasMarkup(String line) {
        for (int i = 0; i < line.length(); i++) {
            if ("[]{}!*_-+^~?\\".indexOf(line.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code {{mono}}} without a regex: the closing <code>&#125;&#125;</code> is the first one not escaped; once
     * none follows, no later <code>&#123;&#123;</code> can close either.
     */
    private static String monospace(String text) {
        StringBuilder out = new StringBuilder();
        int pos = 0;
        int open = unescapedIndexOf(text, "{{", pos);
        int close = open < 0 ? -1 : unescapedIndexOf(text, "}}", open + 2);
        while (close >= 0) {
            out.append(text, pos, open).append(text, open + 2, close);
            pos = close + 2;
            open = unescapedIndexOf(text, "{{", pos);
            close = open < 0 ? -1 : unescapedIndexOf(text, "}}", open + 2);
        }
        return out.append(text, pos, text.length()).toString();
    }

    private static int unescapedIndexOf(String text, String what, int from) {
        int i = text.indexOf(what, from);
        while (i > 0 && text.charAt(i - 1) == '\\') {
            i = text.indexOf(what, i + 1);
        }
        return i;
    }

    /** {@code *text*} where the markers touch the text and are not inside a word. */
    private static Pattern mark(char c) {
        String q = "\\" + c;
        String edge = "[^\\s\\" + c + "]";
        String middle = "[^\\" + c + "\\n]";
        return Pattern.compile("(?<![\\p{L}\\p{N}\\\\])" + q + "(" + edge + "|" + edge + middle + "*?" + edge + ")" + q
                + "(?![\\p{L}\\p{N}])");
    }

    private static String replace(Pattern pattern, String text, Function<Matcher, String> replacement) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int last = 0;
        do {
            out.append(text, last, m.start()).append(replacement.apply(m));
            last = m.end();
        } while (m.find());
        return out.append(text, last, text.length()).toString();
    }

    private static String trimNewlines(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '\n') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == '\n') {
            end--;
        }
        return text.substring(start, end);
    }

    private static String trimOneNewline(String body) {
        String trimmed = body.startsWith("\n") ? body.substring(1) : body;
        return trimmed.endsWith("\n") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
