package dev.cameljira.jira.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits Markdown text into blocks: paragraphs, headings, fenced code, quotes, lists and rules.
 *
 * <p>A line-based, single-pass parser: every line is looked at a bounded number of times per nesting level, and
 * nesting (quotes, lists) stops at {@link #MAX_NESTING} levels, deeper markers are kept as text. Deliberate
 * differences from CommonMark, chosen so that plain text survives: a single newline inside a paragraph is a line
 * break, leading spaces are kept, there are no indented code blocks, no setext headings ({@code ---} under a line is
 * a rule) and no lazy continuation of quotes; any list marker indented deeper than its list's marker nests.
 */
final class MarkdownBlockParser {

    /** Quotes and lists nested deeper than this are kept as text. */
    static final int MAX_NESTING = 16;

    private final List<String> lines;
    private final int depth;
    private int pos;

    private MarkdownBlockParser(List<String> lines, int depth) {
        this.lines = lines;
        this.depth = depth;
    }

    /** Parses text whose line ends are already {@code \n}. */
    static List<Block> parse(String text) {
        return parse(List.of(text.split("\n", -1)), 0);
    }

    private static List<Block> parse(List<String> lines, int depth) {
        return new MarkdownBlockParser(lines, depth).blocks();
    }

    private List<Block> blocks() {
        List<Block> blocks = new ArrayList<>();
        while (pos < lines.size()) {
            String line = lines.get(pos);
            if (isBlank(line)) {
                pos++;
            } else {
                blocks.add(block(line));
            }
        }
        return blocks;
    }

    private Block block(String line) {
        Fence fence = Fence.open(line);
        if (fence != null) {
            return codeBlock(fence);
        }
        if (isRule(line)) {
            pos++;
            return new Block.Rule();
        }
        HeadingLine heading = HeadingLine.of(line);
        if (heading != null) {
            pos++;
            return new Block.Heading(heading.level(), MarkdownInlineParser.parse(heading.title()));
        }
        boolean canNest = depth < MAX_NESTING;
        if (canNest && quoteContent(line) != null) {
            return quote();
        }
        ListMarker marker = canNest ? ListMarker.of(line) : null;
        if (marker != null) {
            return list(marker);
        }
        return paragraph();
    }

    private Block codeBlock(Fence fence) {
        pos++;
        StringBuilder code = new StringBuilder();
        boolean first = true;
        while (pos < lines.size()) {
            String line = lines.get(pos++);
            if (fence.closes(line)) {
                break;
            }
            if (!first) {
                code.append('\n');
            }
            code.append(fence.stripIndent(line));
            first = false;
        }
        return new Block.CodeBlock(fence.language(), code.toString());
    }

    private Block quote() {
        List<String> inner = new ArrayList<>();
        while (pos < lines.size()) {
            String content = quoteContent(lines.get(pos));
            if (content == null) {
                break;
            }
            inner.add(content);
            pos++;
        }
        return new Block.Quote(parse(inner, depth + 1));
    }

    private Block list(ListMarker first) {
        List<Block.ListItem> items = new ArrayList<>();
        ListMarker current = first;
        List<String> itemLines = new ArrayList<>();
        itemLines.add(first.content());
        pos++;
        boolean previousBlank = false;
        while (pos < lines.size()) {
            String line = lines.get(pos);
            if (isBlank(line)) {
                int next = nextNonBlank(pos);
                if (next < 0) {
                    break;
                }
                ListMarker nextMarker = markerOf(lines.get(next));
                boolean sibling = nextMarker != null && nextMarker.indent() <= first.indent()
                        && nextMarker.ordered() == first.ordered();
                boolean child = indentOf(lines.get(next)) >= current.contentColumn()
                        || nextMarker != null && nextMarker.indent() > first.indent();
                if (!sibling && !child) {
                    break;
                }
                if (child) {
                    for (int i = pos; i < next; i++) {
                        itemLines.add("");
                    }
                }
                pos = next;
                previousBlank = true;
                continue;
            }
            ListMarker marker = markerOf(line);
            if (marker != null && marker.indent() <= first.indent()) {
                if (marker.ordered() != first.ordered()) {
                    break;
                }
                items.add(item(itemLines));
                itemLines = new ArrayList<>();
                itemLines.add(marker.content());
                current = marker;
            } else if (marker != null) {
                itemLines.add(deindent(line, Math.min(marker.indent(), current.contentColumn())));
            } else if (indentOf(line) >= current.contentColumn()) {
                itemLines.add(deindent(line, current.contentColumn()));
            } else if (!previousBlank && !startsBlock(line)) {
                itemLines.add(line.stripLeading());
            } else {
                break;
            }
            previousBlank = false;
            pos++;
        }
        items.add(item(itemLines));
        return new Block.ListBlock(first.ordered(), first.ordered() ? first.number() : 1, items);
    }

    private Block.ListItem item(List<String> itemLines) {
        return new Block.ListItem(parse(itemLines, depth + 1));
    }

    private Block paragraph() {
        StringBuilder text = new StringBuilder(stripTrailing(lines.get(pos++)));
        while (pos < lines.size()) {
            String line = lines.get(pos);
            if (isBlank(line) || interruptsParagraph(line)) {
                break;
            }
            text.append('\n').append(stripTrailing(line));
            pos++;
        }
        return new Block.Paragraph(MarkdownInlineParser.parse(text.toString()));
    }

    private boolean interruptsParagraph(String line) {
        if (startsBlock(line)) {
            return true;
        }
        ListMarker marker = markerOf(line);
        return marker != null && !marker.content().isBlank() && (!marker.ordered() || marker.number() == 1);
    }

    private boolean startsBlock(String line) {
        return Fence.open(line) != null || isRule(line) || HeadingLine.of(line) != null
                || depth < MAX_NESTING && quoteContent(line) != null;
    }

    private ListMarker markerOf(String line) {
        return depth < MAX_NESTING && !isRule(line) ? ListMarker.of(line) : null;
    }

    private int nextNonBlank(int from) {
        for (int i = from; i < lines.size(); i++) {
            if (!isBlank(lines.get(i))) {
                return i;
            }
        }
        return -1;
    }

    // ---- line classification ----

    static boolean isBlank(String line) {
        return line.isBlank();
    }

    private static String stripTrailing(String line) {
        return line.stripTrailing();
    }

    /** Columns of leading whitespace, tabs advancing to the next multiple of 4. */
    static int indentOf(String line) {
        int columns = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ') {
                columns++;
            } else if (c == '\t') {
                columns += 4 - columns % 4;
            } else {
                break;
            }
        }
        return columns;
    }

    /** Removes up to {@code columns} columns of leading whitespace. */
    static String deindent(String line, int columns) {
        int removed = 0;
        int i = 0;
        while (i < line.length() && removed < columns) {
            char c = line.charAt(i);
            if (c == ' ') {
                removed++;
            } else if (c == '\t') {
                int width = 4 - removed % 4;
                if (removed + width > columns) {
                    return " ".repeat(removed + width - columns) + line.substring(i + 1);
                }
                removed += width;
            } else {
                break;
            }
            i++;
        }
        return line.substring(i);
    }

    /** At most three spaces, as CommonMark allows before block markers. */
    private static int smallIndent(String line) {
        int i = 0;
        while (i < line.length() && i < 4 && line.charAt(i) == ' ') {
            i++;
        }
        return i <= 3 ? i : -1;
    }

    /** {@code ---}, {@code ***}, {@code ___}, spaces allowed between the characters. */
    static boolean isRule(String line) {
        String s = line.strip();
        if (s.length() < 3 || "-*_".indexOf(s.charAt(0)) < 0) {
            return false;
        }
        char c = s.charAt(0);
        int count = 0;
        for (int i = 0; i < s.length(); i++) {
            char x = s.charAt(i);
            if (x == c) {
                count++;
            } else if (x != ' ' && x != '\t') {
                return false;
            }
        }
        return count >= 3 && smallIndent(line) >= 0;
    }

    /** A {@code # title} line: one to six {@code #}, a space, a title; an optional closing {@code #} run is dropped. */
    record HeadingLine(int level, String title) {

        /** The heading on this line, or null when it is none (a lone {@code #} stays text). */
        static HeadingLine of(String line) {
            int start = smallIndent(line);
            if (start < 0) {
                return null;
            }
            int i = start;
            while (i < line.length() && line.charAt(i) == '#') {
                i++;
            }
            int level = i - start;
            if (level < 1 || level > 6 || i < line.length() && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
                return null;
            }
            String title = line.substring(i).strip();
            int end = title.length();
            while (end > 0 && title.charAt(end - 1) == '#') {
                end--;
            }
            if (end == 0 || title.charAt(end - 1) == ' ' || title.charAt(end - 1) == '\t') {
                title = title.substring(0, end).strip();
            }
            return title.isEmpty() ? null : new HeadingLine(level, title);
        }
    }

    /** The line without its {@code >} marker (and one following space), or null when it is no quote line. */
    static String quoteContent(String line) {
        int i = smallIndent(line);
        if (i < 0 || i >= line.length() || line.charAt(i) != '>') {
            return null;
        }
        i++;
        if (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return line.substring(i);
    }

    /** An opening code fence: three or more backticks or tildes, then an optional language. */
    record Fence(int indent, char character, int length, String language) {

        static Fence open(String line) {
            int indent = smallIndent(line);
            if (indent < 0 || indent >= line.length()) {
                return null;
            }
            char c = line.charAt(indent);
            if (c != '`' && c != '~') {
                return null;
            }
            int end = indent;
            while (end < line.length() && line.charAt(end) == c) {
                end++;
            }
            if (end - indent < 3) {
                return null;
            }
            String info = line.substring(end).strip();
            if (c == '`' && info.indexOf('`') >= 0) {
                return null;
            }
            String language = info.isEmpty() ? null : info.split("[ \t]", 2)[0];
            return new Fence(indent, c, end - indent, language);
        }

        boolean closes(String line) {
            int i = smallIndent(line);
            if (i < 0) {
                return false;
            }
            int run = 0;
            while (i < line.length() && line.charAt(i) == character) {
                i++;
                run++;
            }
            return run >= length && line.substring(i).isBlank();
        }

        String stripIndent(String line) {
            int i = 0;
            while (i < indent && i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
            return line.substring(i);
        }
    }

    /**
     * A list item marker: {@code -}, {@code *} or a number followed by {@code .}, then a space or the line end.
     * ({@code +} bullets and {@code 1)} numbers are not list markers, so plain text such as "+ added" or
     * "1) first" stays as written.)
     *
     * @param indent        columns before the marker
     * @param contentColumn column where the item's text starts; continuation lines indented this far belong to it
     * @param content       the item's first line
     */
    record ListMarker(int indent, boolean ordered, int number, int contentColumn, String content) {

        static ListMarker of(String line) {
            int indent = indentOf(line);
            int i = 0;
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            if (i >= line.length()) {
                return null;
            }
            int markerStart = i;
            char c = line.charAt(i);
            boolean ordered;
            int number = 0;
            if (c == '-' || c == '*') {
                ordered = false;
                i++;
            } else {
                while (i < line.length() && i - markerStart < 9 && Character.isDigit(line.charAt(i))
                        && line.charAt(i) < 128) {
                    number = number * 10 + (line.charAt(i) - '0');
                    i++;
                }
                if (i == markerStart || i >= line.length() || line.charAt(i) != '.') {
                    return null;
                }
                ordered = true;
                i++;
            }
            int markerWidth = i - markerStart;
            if (i == line.length()) {
                return new ListMarker(indent, ordered, number, indent + markerWidth + 1, "");
            }
            if (line.charAt(i) != ' ' && line.charAt(i) != '\t') {
                return null;
            }
            int spaces = 0;
            int j = i;
            while (j < line.length() && (line.charAt(j) == ' ' || line.charAt(j) == '\t')) {
                spaces += line.charAt(j) == '\t' ? 4 : 1;
                j++;
            }
            if (j == line.length() || spaces > 4) {
                return new ListMarker(indent, ordered, number, indent + markerWidth + 1, line.substring(i + 1));
            }
            return new ListMarker(indent, ordered, number, indent + markerWidth + spaces, line.substring(j));
        }
    }
}
