package dev.cameljira.jira.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Parses the inline Markdown of one paragraph or heading: {@code **strong**}, {@code __strong__}, {@code *em*},
 * {@code _em_}, {@code ~~strike~~}, {@code `code`}, {@code [text](url "title")}, {@code <url>}, bare http(s) URLs,
 * backslash escapes; a newline becomes a {@link Inline.HardBreak}.
 *
 * <p>Emphasis follows CommonMark's delimiter-run rules (so {@code snake_case_name} and {@code 2 * 3} stay text) with
 * its openers-bottom optimisation; brackets and backtick runs are indexed up front; link destinations are bounded
 * by {@link #MAX_URL} characters and {@link #MAX_PAREN_DEPTH} parentheses. Together this keeps the work linear in the input length, with no regular
 * expressions that could backtrack.
 */
final class MarkdownInlineParser {

    /** Longest link destination or title looked at, in characters. */
    static final int MAX_URL = 4096;
    /** Deepest parenthesis nesting inside a link destination (CommonMark implementations use 32 as well). */
    static final int MAX_PAREN_DEPTH = 32;

    private static final int STYLED = 3; // STRONG, EM, STRIKE are set by delimiters
    private static final String URL_TRAILING_PUNCTUATION = "?!.,:;*_~'\"";
    private static final String URL_BOUNDARY = "(<[{\"'*_~";
    private static final long PUNCTUATION_TYPES = 1L << Character.CONNECTOR_PUNCTUATION
            | 1L << Character.DASH_PUNCTUATION | 1L << Character.START_PUNCTUATION | 1L << Character.END_PUNCTUATION
            | 1L << Character.INITIAL_QUOTE_PUNCTUATION | 1L << Character.FINAL_QUOTE_PUNCTUATION
            | 1L << Character.OTHER_PUNCTUATION | 1L << Character.MATH_SYMBOL | 1L << Character.CURRENCY_SYMBOL
            | 1L << Character.MODIFIER_SYMBOL | 1L << Character.OTHER_SYMBOL;

    private final String s;
    private final boolean allowLinks;
    private final List<Tok> tokens = new ArrayList<>();
    private final StringBuilder buffer = new StringBuilder();
    private final List<int[]> ranges = new ArrayList<>();
    private final Map<Integer, ArrayDeque<Integer>> backtickRuns = new HashMap<>();
    private int[] closingBracket;
    private Tok firstDelimiter;
    private Tok lastDelimiter;

    private MarkdownInlineParser(String s, boolean allowLinks) {
        this.s = s;
        this.allowLinks = allowLinks;
    }

    static List<Inline> parse(String text) {
        return new MarkdownInlineParser(text, true).run();
    }

    private List<Inline> run() {
        indexBackticks();
        if (allowLinks) {
            indexBrackets();
        }
        int i = 0;
        while (i < s.length()) {
            i = step(i);
        }
        flush();
        processEmphasis();
        return assemble();
    }

    private int step(int i) {
        char c = s.charAt(i);
        if (c == '\\') {
            return escape(i);
        }
        if (c == '\n') {
            flush();
            tokens.add(Tok.hardBreak());
            return i + 1;
        }
        if (c == '`') {
            return codeSpan(i);
        }
        if (c == '*' || c == '_' || c == '~') {
            return delimiter(i);
        }
        if (allowLinks) {
            int end = c == '[' ? link(i) : c == '<' ? autolink(i) : c == 'h' || c == 'H' ? bareUrl(i) : -1;
            if (end > i) {
                return end;
            }
        }
        buffer.append(c);
        return i + 1;
    }

    // ---- tokens ----

    private int escape(int i) {
        if (i + 1 < s.length() && isAsciiPunctuation(s.charAt(i + 1))) {
            buffer.append(s.charAt(i + 1));
            return i + 2;
        }
        buffer.append('\\');
        return i + 1;
    }

    private int codeSpan(int i) {
        int length = runLength(i, '`');
        int close = nextBacktickRun(length, i + length);
        if (close < 0) {
            buffer.append(s, i, i + length);
            return i + length;
        }
        String code = s.substring(i + length, close).replace('\n', ' ');
        if (code.length() >= 2 && code.charAt(0) == ' ' && code.charAt(code.length() - 1) == ' ' && !code.isBlank()) {
            code = code.substring(1, code.length() - 1);
        }
        flush();
        tokens.add(Tok.resolved(List.of(new Inline.Text(code, Set.of(Inline.Style.CODE), null))));
        return close + length;
    }

    private int delimiter(int i) {
        char c = s.charAt(i);
        int length = runLength(i, c);
        if (c == '~' && length != 2) {
            buffer.append(s, i, i + length);
            return i + length;
        }
        int before = i == 0 ? '\n' : s.codePointBefore(i);
        int after = i + length >= s.length() ? '\n' : s.codePointAt(i + length);
        boolean spaceBefore = isWhitespace(before);
        boolean spaceAfter = isWhitespace(after);
        boolean punctBefore = isPunctuation(before);
        boolean punctAfter = isPunctuation(after);
        boolean leftFlanking = !spaceAfter && (!punctAfter || spaceBefore || punctBefore);
        boolean rightFlanking = !spaceBefore && (!punctBefore || spaceAfter || punctAfter);
        boolean canOpen = c == '_' ? leftFlanking && (!rightFlanking || punctBefore) : leftFlanking;
        boolean canClose = c == '_' ? rightFlanking && (!leftFlanking || punctAfter) : rightFlanking;
        if (!canOpen && !canClose) {
            buffer.append(s, i, i + length);
            return i + length;
        }
        flush();
        Tok d = Tok.delimiter(c, length, canOpen, canClose, tokens.size());
        tokens.add(d);
        if (lastDelimiter == null) {
            firstDelimiter = d;
        } else {
            lastDelimiter.next = d;
            d.previous = lastDelimiter;
        }
        lastDelimiter = d;
        return i + length;
    }

    /** {@code [label](destination "title")}; returns the index after it, or -1. */
    private int link(int i) {
        int close = closingBracket[i];
        if (close < 0 || close + 1 >= s.length() || s.charAt(close + 1) != '(') {
            return -1;
        }
        Destination destination = destination(close + 2);
        if (destination == null) {
            return -1;
        }
        Inline.Link link = new Inline.Link(destination.href(), destination.title());
        String label = s.substring(i + 1, close);
        List<Inline> linked = new ArrayList<>();
        if (!label.isBlank()) {
            for (Inline inline : new MarkdownInlineParser(label, false).run()) {
                linked.add(inline instanceof Inline.Text t ? new Inline.Text(t.text(), t.styles(), link) : inline);
            }
        }
        if (linked.stream().noneMatch(Inline.Text.class::isInstance)) {
            linked.add(new Inline.Text(destination.href(), Set.of(), link));
        }
        flush();
        tokens.add(Tok.resolved(linked));
        return destination.end();
    }

    private record Destination(String href, String title, int end) {
    }

    private Destination destination(int start) {
        int k = skipSpaces(start);
        String href;
        if (k < s.length() && s.charAt(k) == '<') {
            int j = k + 1;
            while (j < s.length() && j - k <= MAX_URL && s.charAt(j) != '>' && s.charAt(j) != '<'
                    && s.charAt(j) != '\n') {
                j++;
            }
            if (j >= s.length() || s.charAt(j) != '>') {
                return null;
            }
            href = s.substring(k + 1, j);
            k = j + 1;
        } else {
            int j = k;
            int depth = 0;
            while (j < s.length() && j - k <= MAX_URL) {
                char c = s.charAt(j);
                if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                    break;
                }
                if (c == '\\' && j + 1 < s.length() && isAsciiPunctuation(s.charAt(j + 1))) {
                    j += 2;
                    continue;
                }
                if (c == '(') {
                    if (++depth > MAX_PAREN_DEPTH) {
                        return null;
                    }
                } else if (c == ')') {
                    if (depth == 0) {
                        break;
                    }
                    depth--;
                }
                j++;
            }
            if (depth != 0) {
                return null;
            }
            href = unescape(s.substring(k, j));
            k = j;
        }
        href = href.strip().replace(" ", "%20");
        if (href.isEmpty() || isUnsafe(href)) {
            return null;
        }
        k = skipSpaces(k);
        String title = null;
        if (k < s.length() && (s.charAt(k) == '"' || s.charAt(k) == '\'' || s.charAt(k) == '(')) {
            char closing = s.charAt(k) == '(' ? ')' : s.charAt(k);
            int j = k + 1;
            while (j < s.length() && j - k <= MAX_URL && s.charAt(j) != closing) {
                j += s.charAt(j) == '\\' && j + 1 < s.length() ? 2 : 1;
            }
            if (j >= s.length() || s.charAt(j) != closing) {
                return null;
            }
            title = unescape(s.substring(k + 1, j));
            k = skipSpaces(j + 1);
        }
        if (k >= s.length() || s.charAt(k) != ')') {
            return null;
        }
        return new Destination(href, title == null || title.isEmpty() ? null : title, k + 1);
    }

    /** {@code <https://...>} or {@code <mailto:...>}. */
    private int autolink(int i) {
        int schemeEnd = schemeEnd(i + 1, "https://", "http://", "mailto:");
        if (schemeEnd < 0) {
            return -1;
        }
        int j = schemeEnd;
        while (j < s.length() && j - i <= MAX_URL && s.charAt(j) != '>' && s.charAt(j) != '<'
                && !Character.isWhitespace(s.charAt(j))) {
            j++;
        }
        if (j == schemeEnd || j >= s.length() || s.charAt(j) != '>') {
            return -1;
        }
        addUrl(s.substring(i + 1, j));
        return j + 1;
    }

    /** A bare http(s) URL: up to the next whitespace, without trailing punctuation or an unbalanced ')'. */
    private int bareUrl(int i) {
        if (i > 0 && !Character.isWhitespace(s.charAt(i - 1)) && URL_BOUNDARY.indexOf(s.charAt(i - 1)) < 0) {
            return -1;
        }
        int schemeEnd = schemeEnd(i, "https://", "http://");
        if (schemeEnd < 0) {
            return -1;
        }
        int j = schemeEnd;
        int open = 0;
        int close = 0;
        while (j < s.length() && !Character.isWhitespace(s.charAt(j)) && s.charAt(j) != '<') {
            open += s.charAt(j) == '(' ? 1 : 0;
            close += s.charAt(j) == ')' ? 1 : 0;
            j++;
        }
        while (j > schemeEnd) {
            char last = s.charAt(j - 1);
            if (URL_TRAILING_PUNCTUATION.indexOf(last) >= 0) {
                j--;
            } else if (last == ')' && close > open) {
                close--;
                j--;
            } else {
                break;
            }
        }
        if (j == schemeEnd) {
            return -1;
        }
        addUrl(s.substring(i, j));
        return j;
    }

    private void addUrl(String url) {
        flush();
        tokens.add(Tok.resolved(List.of(new Inline.Text(url, Set.of(), new Inline.Link(url, null)))));
    }

    private int schemeEnd(int at, String... schemes) {
        for (String scheme : schemes) {
            if (s.regionMatches(true, at, scheme, 0, scheme.length())) {
                return at + scheme.length();
            }
        }
        return -1;
    }

    // ---- emphasis: CommonMark "process emphasis" ----

    private void processEmphasis() {
        int[] openersBottom = new int[3 * 2 * 3];
        Arrays.fill(openersBottom, -1);
        Tok closer = firstDelimiter;
        while (closer != null) {
            if (!closer.canClose) {
                closer = closer.next;
                continue;
            }
            int key = bottomKey(closer);
            Tok opener = closer.previous;
            while (opener != null && opener.index > openersBottom[key] && !matches(opener, closer)) {
                opener = opener.previous;
            }
            if (opener != null && opener.index > openersBottom[key]) {
                closer = match(opener, closer);
            } else {
                openersBottom[key] = closer.previous == null ? -1 : closer.previous.index;
                Tok next = closer.next;
                if (!closer.canOpen) {
                    unlink(closer);
                }
                closer = next;
            }
        }
    }

    private static int bottomKey(Tok closer) {
        int character = closer.character == '*' ? 0 : closer.character == '_' ? 1 : 2;
        return character * 6 + (closer.canOpen ? 3 : 0) + closer.length % 3;
    }

    private static boolean matches(Tok opener, Tok closer) {
        if (opener.character != closer.character || !opener.canOpen) {
            return false;
        }
        boolean ruleOfThree = (opener.canClose || closer.canOpen) && (opener.length + closer.length) % 3 == 0
                && !(opener.length % 3 == 0 && closer.length % 3 == 0);
        return closer.character == '~' || !ruleOfThree;
    }

    /** Pairs opener and closer; returns the closer to continue with. */
    private Tok match(Tok opener, Tok closer) {
        int use = closer.character == '~' || closer.remaining >= 2 && opener.remaining >= 2 ? 2 : 1;
        Inline.Style style = closer.character == '~' ? Inline.Style.STRIKE
                : use == 2 ? Inline.Style.STRONG : Inline.Style.EM;
        ranges.add(new int[] {opener.index, closer.index, style.ordinal()});
        opener.remaining -= use;
        closer.remaining -= use;
        opener.next = closer;
        closer.previous = opener;
        if (opener.remaining == 0) {
            unlink(opener);
        }
        if (closer.remaining == 0) {
            Tok next = closer.next;
            unlink(closer);
            return next;
        }
        return closer;
    }

    private void unlink(Tok d) {
        if (d.previous != null) {
            d.previous.next = d.next;
        } else {
            firstDelimiter = d.next;
        }
        if (d.next != null) {
            d.next.previous = d.previous;
        } else {
            lastDelimiter = d.previous;
        }
        d.previous = null;
        d.next = null;
    }

    // ---- output ----

    private List<Inline> assemble() {
        int[][] delta = new int[STYLED][tokens.size() + 1];
        for (int[] range : ranges) {
            delta[range[2]][range[0] + 1]++;
            delta[range[2]][range[1]]--;
        }
        int[] active = new int[STYLED];
        Merger out = new Merger();
        for (int index = 0; index < tokens.size(); index++) {
            EnumSet<Inline.Style> styles = EnumSet.noneOf(Inline.Style.class);
            for (int style = 0; style < STYLED; style++) {
                active[style] += delta[style][index];
                if (active[style] > 0) {
                    styles.add(Inline.Style.values()[style]);
                }
            }
            tokens.get(index).emit(styles, out);
        }
        return out.result();
    }

    /** Joins adjacent runs of equal format without quadratic string building. */
    static final class Merger {
        private final List<Inline> result = new ArrayList<>();
        private final StringBuilder pending = new StringBuilder();
        private Set<Inline.Style> pendingStyles;
        private Inline.Link pendingLink;

        void text(String text, Set<Inline.Style> styles, Inline.Link link) {
            if (text.isEmpty()) {
                return;
            }
            if (pending.length() > 0 && (!pendingStyles.equals(styles) || !Objects.equals(pendingLink, link))) {
                flush();
            }
            pending.append(text);
            pendingStyles = styles;
            pendingLink = link;
        }

        void hardBreak() {
            flush();
            result.add(Inline.HardBreak.INSTANCE);
        }

        List<Inline> result() {
            flush();
            return result;
        }

        private void flush() {
            if (pending.length() > 0) {
                result.add(new Inline.Text(pending.toString(), pendingStyles, pendingLink));
                pending.setLength(0);
            }
        }
    }

    private void flush() {
        if (buffer.length() > 0) {
            tokens.add(Tok.text(buffer.toString()));
            buffer.setLength(0);
        }
    }

    /** A token of the paragraph: text, line break, resolved inlines (code, links) or an emphasis delimiter run. */
    private static final class Tok {
        private final String text;
        private final List<Inline> resolved;
        private final boolean isBreak;
        private char character;
        private int length;
        private int remaining;
        private boolean canOpen;
        private boolean canClose;
        private int index;
        private Tok previous;
        private Tok next;

        private Tok(String text, List<Inline> resolved, boolean isBreak) {
            this.text = text;
            this.resolved = resolved;
            this.isBreak = isBreak;
        }

        static Tok text(String text) {
            return new Tok(text, null, false);
        }

        static Tok hardBreak() {
            return new Tok(null, null, true);
        }

        static Tok resolved(List<Inline> inlines) {
            return new Tok(null, inlines, false);
        }

        static Tok delimiter(char c, int length, boolean canOpen, boolean canClose, int index) {
            Tok d = new Tok(null, null, false);
            d.character = c;
            d.length = length;
            d.remaining = length;
            d.canOpen = canOpen;
            d.canClose = canClose;
            d.index = index;
            return d;
        }

        void emit(EnumSet<Inline.Style> styles, Merger out) {
            if (isBreak) {
                out.hardBreak();
            } else if (text != null) {
                out.text(text, styles, null);
            } else if (resolved != null) {
                emitResolved(styles, out);
            } else if (remaining > 0) {
                out.text(String.valueOf(character).repeat(remaining), styles, null);
            }
        }

        private void emitResolved(EnumSet<Inline.Style> styles, Merger out) {
            for (Inline inline : resolved) {
                if (inline instanceof Inline.Text t) {
                    // ADF: the code mark combines with link only
                    Set<Inline.Style> combined = t.has(Inline.Style.CODE) ? t.styles() : union(t.styles(), styles);
                    out.text(t.text(), combined, t.link());
                } else {
                    out.hardBreak();
                }
            }
        }

        private static Set<Inline.Style> union(Set<Inline.Style> a, Set<Inline.Style> b) {
            EnumSet<Inline.Style> all = EnumSet.noneOf(Inline.Style.class);
            all.addAll(a);
            all.addAll(b);
            return all;
        }
    }

    // ---- indexes ----

    private void indexBackticks() {
        int i = 0;
        while (i < s.length()) {
            if (s.charAt(i) == '`') {
                int length = runLength(i, '`');
                backtickRuns.computeIfAbsent(length, k -> new ArrayDeque<>()).add(i);
                i += length;
            } else {
                i++;
            }
        }
    }

    /** Start of the next backtick run of exactly {@code length} at or after {@code from}, or -1. */
    private int nextBacktickRun(int length, int from) {
        ArrayDeque<Integer> runs = backtickRuns.get(length);
        while (runs != null && !runs.isEmpty() && runs.peekFirst() < from) {
            runs.pollFirst();
        }
        return runs == null || runs.isEmpty() ? -1 : runs.peekFirst();
    }

    /** Matches brackets with a stack, skipping escaped ones: closingBracket[i] is the ']' of the '[' at i. */
    private void indexBrackets() {
        closingBracket = new int[s.length()];
        Arrays.fill(closingBracket, -1);
        ArrayDeque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                open.push(i);
            } else if (c == ']' && !open.isEmpty()) {
                closingBracket[open.pop()] = i;
            }
        }
    }

    // ---- characters ----

    private int runLength(int i, char c) {
        int j = i;
        while (j < s.length() && s.charAt(j) == c) {
            j++;
        }
        return j - i;
    }

    private int skipSpaces(int k) {
        while (k < s.length() && (s.charAt(k) == ' ' || s.charAt(k) == '\t')) {
            k++;
        }
        return k;
    }

    private static String unescape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && isAsciiPunctuation(text.charAt(i + 1))) {
                c = text.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean isUnsafe(String href) {
        String lower = href.toLowerCase(Locale.ROOT);
        return lower.startsWith("javascript:") || lower.startsWith("vbscript:") || lower.startsWith("data:");
    }

    static boolean isAsciiPunctuation(char c) {
        return c < 128 && "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".indexOf(c) >= 0;
    }

    private static boolean isWhitespace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.getType(codePoint) == Character.SPACE_SEPARATOR;
    }

    /** Unicode punctuation or symbol, as CommonMark counts them for delimiter runs. */
    private static boolean isPunctuation(int codePoint) {
        if (codePoint < 128) {
            return isAsciiPunctuation((char) codePoint);
        }
        return (PUNCTUATION_TYPES & (1L << Character.getType(codePoint))) != 0;
    }
}
