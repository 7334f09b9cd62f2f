package dev.cameljira.sandbox.jira.text;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jira wiki markup (REST v2 strings) to an Atlassian Document (REST v3), as Jira Cloud converts between the two:
 * headings {@code h1.}..{@code h6.}, paragraphs (a blank line apart; a single line end is a hard break), bullet /
 * numbered lists ({@code *}, {@code -}, {@code #}, nested by repetition), {@code {code[:lang]}}, {@code {noformat}},
 * {@code {quote}} and {@code bq.}, {@code {panel}}, {@code ----}, tables ({@code ||head||} / {@code |cell|}), and
 * inline {@code *strong*}, {@code _em_}, {@code -strike-}, {@code +underline+}, {@code ^sup^}, {@code ~sub~},
 * {@code {{code}}}, {@code {color:x}..{color}}, {@code [text|url]}, {@code [url]}, bare URLs, {@code [~mention]},
 * {@code \\} (line break) and backslash escapes. Anything else stays text.
 */
public final class WikiToAdf {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Pattern HEADING = Pattern.compile("^\\s*h([1-6])\\.\\s+(.*)$");
    private static final Pattern LIST = Pattern.compile("^\\s*([*#-]*[*#]|-)\\s+(.*)$");
    private static final Pattern CODE_OPEN = Pattern.compile("^\\s*\\{(code|noformat)(?::([^}]*))?}(.*)$");
    private static final Pattern BLOCK_OPEN = Pattern.compile("^\\s*\\{(quote|panel)(?::([^}]*))?}(.*)$");
    private static final Pattern URL = Pattern.compile("^(https?|ftp|mailto|file)://[^\\s\\]|<>\"]+|^mailto:[^\\s\\]|]+");
    private static final String MARK_CHARS = "*_-+^~";

    private final Mentions mentions;

    private WikiToAdf(Mentions mentions) {
        this.mentions = mentions;
    }

    /** Converts wiki markup to an ADF {@code doc}. */
    public static ObjectNode convert(String wiki, Mentions mentions) {
        ObjectNode doc = F.objectNode().put("type", "doc").put("version", 1);
        String text = wiki == null ? "" : wiki.replace("\r\n", "\n").replace('\r', '\n');
        doc.set("content", new WikiToAdf(mentions == null ? Mentions.NONE : mentions).blocks(List.of(text.split("\n", -1))));
        return doc;
    }

    // ---- blocks ----------------------------------------------------------------------------------------------

    private ArrayNode blocks(List<String> lines) {
        ArrayNode out = F.arrayNode();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.isBlank()) {
                i++;
                continue;
            }
            Matcher m;
            if ((m = CODE_OPEN.matcher(line)).matches()) {
                i = code(lines, i, m, out);
            } else if ((m = BLOCK_OPEN.matcher(line)).matches()) {
                i = container(lines, i, m, out);
            } else if ((m = HEADING.matcher(line)).matches()) {
                ObjectNode h = out.addObject().put("type", "heading");
                h.putObject("attrs").put("level", Integer.parseInt(m.group(1)));
                h.set("content", inline(m.group(2).trim(), List.of()));
                i++;
            } else if (line.trim().startsWith("bq. ")) {
                ObjectNode quote = out.addObject().put("type", "blockquote");
                quote.putArray("content").add(paragraph(List.of(line.trim().substring(4))));
                i++;
            } else if (line.trim().matches("-{4,}")) {
                out.addObject().put("type", "rule");
                i++;
            } else if (LIST.matcher(line).matches() && !line.trim().matches("-{2,}.*")) {
                i = list(lines, i, out);
            } else if (line.trim().startsWith("|")) {
                i = table(lines, i, out);
            } else {
                List<String> para = new ArrayList<>();
                while (i < lines.size() && !lines.get(i).isBlank() && (para.isEmpty() || !startsBlock(lines.get(i)))) {
                    para.add(lines.get(i));
                    i++;
                }
                out.add(paragraph(para));
            }
        }
        return out;
    }

    private static boolean startsBlock(String line) {
        return CODE_OPEN.matcher(line).matches() || BLOCK_OPEN.matcher(line).matches() || HEADING.matcher(line).matches()
                || line.trim().startsWith("bq. ") || line.trim().matches("-{4,}")
                || (LIST.matcher(line).matches() && !line.trim().matches("-{2,}.*")) || line.trim().startsWith("|");
    }

    private ObjectNode paragraph(List<String> lines) {
        ObjectNode p = F.objectNode().put("type", "paragraph");
        ArrayNode content = p.putArray("content");
        for (int k = 0; k < lines.size(); k++) {
            if (k > 0) {
                content.addObject().put("type", "hardBreak");
            }
            content.addAll(inline(lines.get(k), List.of()));
        }
        return p;
    }

    /** {@code {code:lang}...{code}} / {@code {noformat}...{noformat}}: a codeBlock of the raw lines between. */
    private int code(List<String> lines, int start, Matcher open, ArrayNode out) {
        String tag = open.group(1);
        String close = "{" + tag + "}";
        String language = open.group(2) == null ? null : language(open.group(2));
        StringBuilder body = new StringBuilder();
        String first = open.group(3);
        int i = start;
        String rest = first;
        boolean closed = false;
        while (true) {
            int end = rest.indexOf(close);
            if (end >= 0) {
                appendLine(body, rest.substring(0, end), i == start);
                closed = true;
                i++;
                break;
            }
            appendLine(body, rest, i == start);
            i++;
            if (i >= lines.size()) {
                break;
            }
            rest = lines.get(i);
        }
        ObjectNode block = out.addObject().put("type", "codeBlock");
        if (language != null && "code".equals(tag)) {
            block.putObject("attrs").put("language", language);
        }
        String text = body.toString();
        if (text.startsWith("\n")) {
            text = text.substring(1);
        }
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        ArrayNode content = block.putArray("content");
        if (!text.isEmpty()) {
            content.addObject().put("type", "text").put("text", text);
        }
        return closed ? i : lines.size();
    }

    private static void appendLine(StringBuilder body, String line, boolean first) {
        if (!first) {
            body.append('\n');
        }
        body.append(line);
    }

    /** The language of {@code {code:java}} or {@code {code:title=x|language=java}}. */
    private static String language(String params) {
        for (String part : params.split("\\|")) {
            String p = part.trim();
            if (p.startsWith("language=")) {
                return p.substring(9).trim();
            }
            if (!p.contains("=") && !p.isEmpty()) {
                return p;
            }
        }
        return null;
    }

    /** {@code {quote}...{quote}} and {@code {panel}...{panel}}: a blockquote / panel of the blocks between. */
    private int container(List<String> lines, int start, Matcher open, ArrayNode out) {
        String tag = open.group(1);
        String close = "{" + tag + "}";
        List<String> inner = new ArrayList<>();
        String rest = open.group(3);
        int i = start;
        while (true) {
            int end = rest.indexOf(close);
            if (end >= 0) {
                inner.add(rest.substring(0, end));
                i++;
                break;
            }
            inner.add(rest);
            i++;
            if (i >= lines.size()) {
                break;
            }
            rest = lines.get(i);
        }
        ObjectNode block = out.addObject().put("type", "quote".equals(tag) ? "blockquote" : "panel");
        if ("panel".equals(tag)) {
            block.putObject("attrs").put("panelType", "info");
        }
        ArrayNode content = blocks(inner);
        if (content.isEmpty()) {
            content.add(F.objectNode().put("type", "paragraph").set("content", F.arrayNode()));
        }
        block.set("content", content);
        return i;
    }

    private record Item(String markers, String text) {
    }

    private int list(List<String> lines, int start, ArrayNode out) {
        List<Item> items = new ArrayList<>();
        int i = start;
        while (i < lines.size()) {
            String line = lines.get(i);
            Matcher m = LIST.matcher(line);
            if (m.matches() && !line.trim().matches("-{2,}.*")) {
                items.add(new Item(m.group(1), m.group(2)));
            } else if (!line.isBlank() && !items.isEmpty() && !startsBlock(line)) {
                Item last = items.remove(items.size() - 1);
                items.add(new Item(last.markers(), last.text() + "\n" + line)); // a continuation line of the item
            } else {
                break;
            }
            i++;
        }
        runs(items, 0).forEach(run -> out.add(buildList(run, 0)));
        return i;
    }

    /** Splits list items into lists: an item at {@code depth} of the other kind (* or - against #) starts the next. */
    private static List<List<Item>> runs(List<Item> items, int depth) {
        List<List<Item>> out = new ArrayList<>();
        int from = 0;
        for (int k = 1; k <= items.size(); k++) {
            if (k == items.size() || (items.get(k).markers().length() == depth + 1
                    && ordered(items.get(k).markers().charAt(depth)) != ordered(items.get(from).markers().charAt(depth)))) {
                out.add(items.subList(from, k));
                from = k;
            }
        }
        return out;
    }

    private static boolean ordered(char marker) {
        return marker == '#';
    }

    private ObjectNode buildList(List<Item> items, int depth) {
        char kind = items.get(0).markers().length() > depth ? items.get(0).markers().charAt(depth) : '*';
        ObjectNode list = F.objectNode().put("type", kind == '#' ? "orderedList" : "bulletList");
        if (kind == '#') {
            list.putObject("attrs").put("order", 1);
        }
        ArrayNode content = list.putArray("content");
        ObjectNode current = null;
        int k = 0;
        while (k < items.size()) {
            Item item = items.get(k);
            if (item.markers().length() <= depth + 1) {
                current = content.addObject().put("type", "listItem");
                current.putArray("content").add(paragraph(List.of(item.text().split("\n", -1))));
                k++;
            } else {
                List<Item> nested = new ArrayList<>();
                while (k < items.size() && items.get(k).markers().length() > depth + 1) {
                    nested.add(items.get(k));
                    k++;
                }
                if (current == null) {
                    current = content.addObject().put("type", "listItem");
                    current.putArray("content").add(F.objectNode().put("type", "paragraph").set("content", F.arrayNode()));
                }
                ArrayNode itemContent = current.withArray("content");
                runs(nested, depth + 1).forEach(run -> itemContent.add(buildList(run, depth + 1)));
            }
        }
        return list;
    }

    private int table(List<String> lines, int start, ArrayNode out) {
        ObjectNode table = out.addObject().put("type", "table");
        table.putObject("attrs").put("isNumberColumnEnabled", false).put("layout", "default");
        ArrayNode rows = table.putArray("content");
        int i = start;
        while (i < lines.size() && lines.get(i).trim().startsWith("|")) {
            ObjectNode row = rows.addObject().put("type", "tableRow");
            ArrayNode cells = row.putArray("content");
            String line = lines.get(i).trim();
            int pos = 0;
            while (pos < line.length() && line.charAt(pos) == '|') {
                boolean header = line.startsWith("||", pos);
                pos += header ? 2 : 1;
                int end = cellEnd(line, pos);
                String cell = line.substring(pos, end).trim();
                if (end >= line.length() && cell.isEmpty()) {
                    break; // the closing bar(s) of the row
                }
                ObjectNode c = cells.addObject().put("type", header ? "tableHeader" : "tableCell");
                c.putObject("attrs");
                c.putArray("content").add(paragraph(List.of(cell)));
                pos = end;
            }
            i++;
        }
        return i;
    }

    /** Where a table cell starting at {@code pos} ends: the next {@code |} outside {@code [..]} and {@code {{..}}}. */
    private static int cellEnd(String line, int pos) {
        int brackets = 0;
        for (int k = pos; k < line.length(); k++) {
            char c = line.charAt(k);
            if (c == '\\' && k + 1 < line.length()) {
                k++;
            } else if (c == '{' && line.startsWith("{{", k) && line.indexOf("}}", k + 2) > 0) {
                k = line.indexOf("}}", k + 2) + 1;
            } else if (c == '[') {
                brackets++;
            } else if (c == ']' && brackets > 0) {
                brackets--;
            } else if (c == '|' && brackets == 0) {
                return k;
            }
        }
        return line.length();
    }

    // ---- inline ----------------------------------------------------------------------------------------------

    /** Inline nodes of a text with the marks already in force. */
    private ArrayNode inline(String s, List<ObjectNode> marks) {
        ArrayNode out = F.arrayNode();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && s.startsWith("\\\\", i)) {
                flush(text, marks, out);
                out.addObject().put("type", "hardBreak");
                i += 2;
                continue;
            }
            if (c == '\\' && i + 1 < s.length()) {
                text.append(s.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c == '{' && s.startsWith("{{", i)) {
                int end = s.indexOf("}}", i + 2);
                if (end > i + 2) {
                    flush(text, marks, out);
                    addText(out, s.substring(i + 2, end), withMark(marks, F.objectNode().put("type", "code")));
                    i = end + 2;
                    continue;
                }
            }
            if (c == '{' && s.startsWith("{color:", i)) {
                int close = s.indexOf('}', i);
                int end = close < 0 ? -1 : s.indexOf("{color}", close);
                if (end > 0) {
                    flush(text, marks, out);
                    String color = s.substring(i + 7, close).trim();
                    ObjectNode mark = F.objectNode().put("type", "textColor");
                    mark.putObject("attrs").put("color", color);
                    out.addAll(inline(s.substring(close + 1, end), withMark(marks, mark)));
                    i = end + 7;
                    continue;
                }
            }
            if (c == '[') {
                int end = s.indexOf(']', i + 1);
                if (end > i + 1) {
                    flush(text, marks, out);
                    bracket(s.substring(i + 1, end), marks, out);
                    i = end + 1;
                    continue;
                }
            }
            if (MARK_CHARS.indexOf(c) >= 0 && opens(s, i)) {
                int end = closing(s, i);
                if (end > 0) {
                    flush(text, marks, out);
                    out.addAll(inline(s.substring(i + 1, end), withMark(marks, mark(c))));
                    i = end + 1;
                    continue;
                }
            }
            if ((c == 'h' || c == 'f' || c == 'm') && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)))) {
                Matcher m = URL.matcher(s.substring(i));
                if (m.find()) {
                    flush(text, marks, out);
                    String url = m.group();
                    addText(out, url, withMark(marks, link(url)));
                    i += url.length();
                    continue;
                }
            }
            text.append(c);
            i++;
        }
        flush(text, marks, out);
        return merge(out);
    }

    /** {@code [~mention]}, {@code [text|url]} or {@code [url]}. */
    private void bracket(String inside, List<ObjectNode> marks, ArrayNode out) {
        if (inside.startsWith("~")) {
            String ref = inside.substring(1).trim();
            Mentions.Mention who = mentions.resolve(ref);
            String id = who == null ? Mentions.bareId(ref) : who.id();
            String name = who == null ? Mentions.bareId(ref) : who.displayName();
            ObjectNode mention = out.addObject().put("type", "mention");
            mention.putObject("attrs").put("id", id).put("text", "@" + name).put("accessLevel", "");
            return;
        }
        int bar = inside.lastIndexOf('|');
        String label = bar < 0 ? inside : inside.substring(0, bar);
        String url = bar < 0 ? inside : inside.substring(bar + 1);
        if (url.startsWith("^") || url.startsWith("#")) {
            addText(out, label, marks); // an attachment or anchor reference: its label
            return;
        }
        out.addAll(inline(label, withMark(marks, link(url.trim()))));
    }

    /** Whether the mark character at {@code i} can open: at a word start and followed by a non-space. */
    private static boolean opens(String s, int i) {
        if (i + 1 >= s.length() || Character.isWhitespace(s.charAt(i + 1)) || s.charAt(i + 1) == s.charAt(i)) {
            return false;
        }
        return i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1));
    }

    /** The index of the character closing the mark opened at {@code open}, or -1. */
    private static int closing(String s, int open) {
        char c = s.charAt(open);
        for (int k = open + 2; k < s.length(); k++) {
            if (s.charAt(k) == c && !Character.isWhitespace(s.charAt(k - 1))
                    && (k + 1 == s.length() || !Character.isLetterOrDigit(s.charAt(k + 1)))) {
                return k;
            }
        }
        return -1;
    }

    private static ObjectNode mark(char c) {
        return switch (c) {
            case '*' -> F.objectNode().put("type", "strong");
            case '_' -> F.objectNode().put("type", "em");
            case '-' -> F.objectNode().put("type", "strike");
            case '+' -> F.objectNode().put("type", "underline");
            case '^' -> subsup("sup");
            default -> subsup("sub");
        };
    }

    private static ObjectNode subsup(String type) {
        ObjectNode m = F.objectNode().put("type", "subsup");
        m.putObject("attrs").put("type", type);
        return m;
    }

    private static ObjectNode link(String href) {
        ObjectNode m = F.objectNode().put("type", "link");
        m.putObject("attrs").put("href", href);
        return m;
    }

    private static List<ObjectNode> withMark(List<ObjectNode> marks, ObjectNode mark) {
        List<ObjectNode> out = new ArrayList<>(marks);
        out.add(mark);
        return out;
    }

    private static void flush(StringBuilder text, List<ObjectNode> marks, ArrayNode out) {
        if (!text.isEmpty()) {
            addText(out, text.toString(), marks);
            text.setLength(0);
        }
    }

    private static void addText(ArrayNode out, String text, List<ObjectNode> marks) {
        if (text.isEmpty()) {
            return;
        }
        ObjectNode t = out.addObject().put("type", "text").put("text", text);
        if (!marks.isEmpty()) {
            ArrayNode arr = t.putArray("marks");
            marks.forEach(m -> arr.add(m.deepCopy()));
        }
    }

    /** Joins neighbouring text nodes with the same marks. */
    private static ArrayNode merge(ArrayNode nodes) {
        ArrayNode out = F.arrayNode();
        ObjectNode last = null;
        for (var node : nodes) {
            ObjectNode n = (ObjectNode) node;
            if (last != null && "text".equals(n.path("type").asText()) && "text".equals(last.path("type").asText())
                    && Objects.equals(last.get("marks"), n.get("marks"))) {
                last.put("text", last.get("text").asText() + n.get("text").asText());
                continue;
            }
            out.add(n);
            last = n;
        }
        return out;
    }
}
