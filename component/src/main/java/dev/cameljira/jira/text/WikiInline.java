package dev.cameljira.jira.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes inline content as Jira wiki markup: {@code *strong*}, {@code _em_}, {@code -strike-}, {@code {{code}}},
 * {@code [text|url]} (or {@code [url]} when the text is the URL).
 *
 * <p>Marks are grouped over adjacent runs and whitespace at a run's edges is moved outside the markers (wiki
 * markers must touch non-space characters). A marker that would touch a letter or digit uses the brace form
 * ({@code {*}bold{*}}), which Jira accepts inside words.
 *
 * <p>Escaping of plain text, with a backslash, kept pragmatic so ordinary text stays readable:
 * <ul>
 *   <li><code>&#123;</code> and {@code [} always (macros, links);</li>
 *   <li>{@code * _ - + ^ ~} only where they could open or close markup (next to a non-space character on one side
 *       and not a letter or digit on the other), so {@code snake_case}, {@code 2 * 3} and {@code well-known} are
 *       left alone while {@code *word*} becomes {@code \*word\*};</li>
 *   <li>{@code !} before a non-space character (images), the first {@code ?} of {@code ??} (citations);</li>
 *   <li>at a line start, a {@code *}, {@code #} or {@code -} list marker and a {@code |} table cell;</li>
 *   <li>inside link text, {@code |} and {@code ]}.</li>
 * </ul>
 * Text inside {@code {{code}}} is escaped the same way (Jira renders markup there too), and <code>&#125;</code> as well.
 * Not protected: a line starting with {@code h1.}..{@code h6.} or {@code bq.}, and a literal backslash (two
 * backslashes are a line break in wiki markup).
 */
final class WikiInline {

    /** Where the inline content is written. */
    enum Context {
        /** A paragraph: line breaks are newlines, each line is a line start. */
        PARAGRAPH,
        /** After a block prefix such as {@code h1. } or {@code bq. }. */
        LINE,
        /** A list item: line breaks are {@code \\}. */
        LIST_ITEM
    }

    private enum Mark {
        LINK(null, "", ""), STRONG(Inline.Style.STRONG, "*", "*"), EM(Inline.Style.EM, "_", "_"),
        STRIKE(Inline.Style.STRIKE, "-", "-"), CODE(Inline.Style.CODE, "{{", "}}");

        private final Inline.Style style;
        private final String open;
        private final String close;

        Mark(Inline.Style style, String open, String close) {
            this.style = style;
            this.open = open;
            this.close = close;
        }

        /** What groups adjacent runs under this mark: the link, or whether the style is set; null for none. */
        Object key(Inline inline) {
            if (!(inline instanceof Inline.Text text)) {
                return null;
            }
            if (this == LINK) {
                return text.link();
            }
            return text.has(style) ? Boolean.TRUE : null;
        }
    }

    private enum Kind {
        TEXT, CODE, BREAK, OPEN, CLOSE
    }

    /** A piece of output: text (escaped or raw), a line break, or a marker paired with its partner. */
    private static final class Piece {
        private final Kind kind;
        private String text;
        private Mark mark;
        private Inline.Link link;
        private Piece partner;
        private boolean braces;
        private int index;

        private Piece(Kind kind, String text) {
            this.kind = kind;
            this.text = text;
        }

        static Piece marker(Kind kind, Mark mark, Inline.Link link) {
            Piece piece = new Piece(kind, null);
            piece.mark = mark;
            piece.link = link;
            return piece;
        }
    }

    private final Context context;
    private final List<Piece> pieces = new ArrayList<>();
    private final StringBuilder out = new StringBuilder();
    private boolean lineStart;
    private boolean insideLink;

    private WikiInline(Context context) {
        this.context = context;
        this.lineStart = context == Context.PARAGRAPH;
    }

    static String render(List<Inline> inlines, Context context) {
        WikiInline writer = new WikiInline(context);
        writer.group(inlines, 0);
        for (int i = 0; i < writer.pieces.size(); i++) {
            writer.pieces.get(i).index = i;
        }
        writer.write();
        return writer.out.toString();
    }

    // ---- grouping ----

    private void group(List<Inline> runs, int level) {
        Mark[] marks = Mark.values();
        if (level == marks.length) {
            for (Inline inline : runs) {
                if (inline instanceof Inline.Text text) {
                    pieces.add(new Piece(text.has(Inline.Style.CODE) ? Kind.CODE : Kind.TEXT, text.text()));
                } else {
                    pieces.add(new Piece(Kind.BREAK, null));
                }
            }
            return;
        }
        Mark mark = marks[level];
        int i = 0;
        while (i < runs.size()) {
            Object key = mark.key(runs.get(i));
            int j = i + 1;
            while (j < runs.size() && Objects.equals(key, mark.key(runs.get(j)))) {
                j++;
            }
            List<Inline> sub = runs.subList(i, j);
            if (key == null) {
                group(sub, level + 1);
            } else {
                int start = pieces.size();
                Piece open = Piece.marker(Kind.OPEN, mark, mark == Mark.LINK ? (Inline.Link) key : null);
                Piece close = Piece.marker(Kind.CLOSE, mark, open.link);
                open.partner = close;
                close.partner = open;
                pieces.add(open);
                group(sub, level + 1);
                pieces.add(close);
                if (mark != Mark.LINK) {
                    hoistWhitespace(start);
                }
            }
            i = j;
        }
    }

    /** Moves whitespace at the edges of the group starting at {@code start} outside its markers. */
    private void hoistWhitespace(int start) {
        List<Piece> group = pieces.subList(start, pieces.size());
        String leading = "";
        while (group.size() > 2 && isText(group.get(1))) {
            Piece first = group.get(1);
            String stripped = first.text.stripLeading();
            leading += first.text.substring(0, first.text.length() - stripped.length());
            if (!stripped.isEmpty()) {
                first.text = stripped;
                break;
            }
            group.remove(1);
        }
        String trailing = "";
        while (group.size() > 2 && isText(group.get(group.size() - 2))) {
            Piece last = group.get(group.size() - 2);
            String stripped = last.text.stripTrailing();
            trailing = last.text.substring(stripped.length()) + trailing;
            if (!stripped.isEmpty()) {
                last.text = stripped;
                break;
            }
            group.remove(group.size() - 2);
        }
        if (group.size() == 2) {
            group.clear();
        }
        if (!trailing.isEmpty()) {
            pieces.add(new Piece(Kind.TEXT, trailing));
        }
        if (!leading.isEmpty()) {
            pieces.add(start, new Piece(Kind.TEXT, leading));
        }
    }

    private static boolean isText(Piece piece) {
        return piece.kind == Kind.TEXT || piece.kind == Kind.CODE;
    }

    // ---- writing ----

    private void write() {
        for (int i = 0; i < pieces.size(); i++) {
            Piece piece = pieces.get(i);
            switch (piece.kind) {
                case TEXT, CODE -> text(piece.text, i, piece.kind == Kind.CODE);
                case BREAK -> lineBreak();
                case OPEN -> i = open(piece, i);
                case CLOSE -> close(piece);
                default -> throw new IllegalStateException(piece.kind.name());
            }
        }
    }

    private void lineBreak() {
        if (context == Context.PARAGRAPH) {
            out.append('\n');
            lineStart = true;
        } else {
            append(" \\\\ ");
        }
    }

    /** Writes an opening marker; returns the index of the last piece consumed. */
    private int open(Piece piece, int index) {
        if (piece.mark == Mark.LINK) {
            int closeIndex = piece.partner.index;
            Piece only = closeIndex == index + 2 ? pieces.get(index + 1) : null;
            if (only != null && only.kind == Kind.TEXT && only.text.equals(piece.link.href())) {
                append("[" + href(piece.link.href()) + "]");
                return closeIndex;
            }
            append("[");
            insideLink = true;
            return index;
        }
        int after = nextChar(piece.partner.index + 1);
        piece.braces = isAlphanumeric(previousChar()) || isAlphanumeric(after);
        piece.partner.braces = piece.braces;
        append(piece.braces ? "{" + piece.mark.open + "}" : piece.mark.open);
        return index;
    }

    private void close(Piece piece) {
        if (piece.mark == Mark.LINK) {
            insideLink = false;
            append("|" + href(piece.link.href()) + "]");
        } else {
            append(piece.braces ? "{" + piece.mark.close + "}" : piece.mark.close);
        }
    }

    private void text(String text, int index, boolean code) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int previous = previousChar();
            int next = i + 1 < text.length() ? text.charAt(i + 1) : nextChar(index + 1);
            if (lineStart && startsLineMarkup(text, i) || needsEscape(c, previous, next) || code && c == '}') {
                out.append('\\');
            }
            out.append(c);
            lineStart = false;
        }
    }

    /** A wiki list marker ({@code * }, {@code # }, {@code - }, also {@code ** } ...) or table cell at a line start. */
    private static boolean startsLineMarkup(String text, int i) {
        char c = text.charAt(i);
        if (c == '|') {
            return true;
        }
        int j = i;
        while (j < text.length() && "*#-".indexOf(text.charAt(j)) >= 0) {
            j++;
        }
        return j > i && (j == text.length() || text.charAt(j) == ' ' || text.charAt(j) == '\t');
    }

    private boolean needsEscape(char c, int previous, int next) {
        switch (c) {
            case '{', '[':
                return true;
            case '*', '_', '-', '+', '^', '~':
                boolean opener = next >= 0 && !Character.isWhitespace(next) && !isAlphanumeric(previous);
                boolean closer = previous >= 0 && !Character.isWhitespace(previous) && !isAlphanumeric(next);
                return opener || closer;
            case '!':
                return next >= 0 && !Character.isWhitespace(next);
            case '?':
                return next == '?';
            case '|', ']':
                return insideLink;
            default:
                return false;
        }
    }

    private void append(String text) {
        out.append(text);
        lineStart = false;
    }

    /** The last character written, or -1 at the start of a line. */
    private int previousChar() {
        return lineStart || out.length() == 0 ? -1 : out.charAt(out.length() - 1);
    }

    /** The first character that the piece at {@code index} will write, or -1 at the end. */
    private int nextChar(int index) {
        if (index >= pieces.size()) {
            return -1;
        }
        Piece piece = pieces.get(index);
        return switch (piece.kind) {
            case TEXT, CODE -> piece.text.isEmpty() ? nextChar(index + 1) : piece.text.charAt(0);
            case BREAK -> '\n';
            case OPEN -> piece.mark == Mark.LINK ? '[' : piece.mark.open.charAt(0);
            case CLOSE -> piece.mark == Mark.LINK ? '|' : piece.mark.close.charAt(0);
        };
    }

    private static boolean isAlphanumeric(int c) {
        return c >= 0 && Character.isLetterOrDigit(c);
    }

    private static String href(String href) {
        return href.replace("|", "%7C").replace("[", "%5B").replace("]", "%5D").replace(" ", "%20");
    }
}
