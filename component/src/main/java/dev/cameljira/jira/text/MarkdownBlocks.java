package dev.cameljira.jira.text;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.autolink.AutolinkType;
import org.commonmark.ext.gfm.strikethrough.Strikethrough;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Document;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.InlineParser;
import org.commonmark.parser.Parser;
import org.commonmark.parser.SourceLine;
import org.commonmark.parser.SourceLines;

/**
 * Reads Markdown with commonmark-java and turns its tree into {@link Block}s for {@link AdfWriter} and
 * {@link WikiWriter}.
 *
 * <p>The syntax is CommonMark, plus GFM strikethrough (two tildes only, so {@code ~5 min} stays text) and bare URLs
 * with a scheme as links. Kept from plain text on purpose, so that text without Markdown survives:
 * <ul>
 *   <li>every newline inside a paragraph is a line break (CommonMark: a soft break, shown as a space);</li>
 *   <li>the leading whitespace of each line of a top-level paragraph is kept;</li>
 *   <li>no indented code blocks (a line indented by four spaces or a tab is text) and no HTML blocks; inline HTML
 *       is written as the text it is.</li>
 * </ul>
 * Links whose destination is empty or uses the {@code javascript:}, {@code vbscript:} or {@code data:} scheme are
 * written as the Markdown text they came from. An image becomes a link to its source, labelled with its alt text.
 * Lists nest up to about {@link #MAX_OPEN_BLOCKS} / 2 levels, quotes up to {@link #MAX_OPEN_BLOCKS} and inline marks
 * up to {@link #MAX_INLINE_NESTING}; deeper markers stay text (commonmark-java's limits), so nothing here recurses
 * deeper.
 */
final class MarkdownBlocks {

    /** Open containers commonmark-java tracks at once; a list level takes two (list and item), a quote one. */
    static final int MAX_OPEN_BLOCKS = 32;
    /** Deepest nesting of emphasis, links and images. */
    static final int MAX_INLINE_NESTING = 32;

    /**
     * Emphasis delimiter runs ({@code *}, {@code _}, {@code ~}) above which the inline content is read as plain text:
     * commonmark-java 0.32's emphasis matching takes time quadratic in the number of runs on some inputs (e.g.
     * {@code "_ _*"} repeated: seconds for 40 KB), far beyond any text a person writes (Jira limits a description to
     * 32,767 characters; 4096 runs is one every 8 characters of such a text).
     */
    static final int MAX_DELIMITER_RUNS = 4096;

    private static final Parser PARSER = builder().build();
    /** Same blocks, but the lines of paragraphs and headings are text: no emphasis, code or Markdown links. */
    private static final Parser PLAIN_INLINES = builder().inlineParserFactory(context -> new PlainInlines()).build();

    private static Parser.Builder builder() {
        return Parser.builder()
                .extensions(List.of(StrikethroughExtension.builder().requireTwoTildes(true).build(),
                        AutolinkExtension.builder().linkTypes(AutolinkType.URL).build()))
                // in CommonMark's order (the parser tries them in the set's order): a heading underline before a rule,
                // a rule before a list item; no HtmlBlock, no IndentedCodeBlock
                .enabledBlockTypes(new LinkedHashSet<>(List.of(BlockQuote.class, Heading.class, FencedCodeBlock.class,
                        ThematicBreak.class, ListBlock.class)))
                .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
                .maxOpenBlockParsers(MAX_OPEN_BLOCKS)
                .maxInlineNesting(MAX_INLINE_NESTING);
    }

    private final String input;

    private MarkdownBlocks(String input) {
        this.input = input;
    }

    /** Parses text whose line ends are already {@code \n}. */
    static List<Block> parse(String text) {
        MarkdownBlocks reader = new MarkdownBlocks(text);
        Parser parser = delimiterRuns(text) > MAX_DELIMITER_RUNS ? PLAIN_INLINES : PARSER;
        return reader.blocks(parser.parse(text));
    }

    /** Runs of {@code *}, {@code _} or {@code ~}, counted up to one more than {@link #MAX_DELIMITER_RUNS}. */
    static int delimiterRuns(String text) {
        int runs = 0;
        char previous = 0;
        for (int i = 0; i < text.length() && runs <= MAX_DELIMITER_RUNS; i++) {
            char c = text.charAt(i);
            if ((c == '*' || c == '_' || c == '~') && c != previous) {
                runs++;
            }
            previous = c;
        }
        return runs;
    }

    /** Inline "parser" of {@link #PLAIN_INLINES}: the lines as text, without their leading and trailing whitespace. */
    private static final class PlainInlines implements InlineParser {
        @Override
        public void parse(SourceLines lines, Node block) {
            boolean first = true;
            for (SourceLine line : lines.getLines()) {
                if (!first) {
                    block.appendChild(new SoftLineBreak());
                }
                first = false;
                String content = line.getContent().toString();
                String stripped = content.strip();
                if (stripped.isEmpty()) {
                    continue;
                }
                Text text = new Text(stripped);
                SourceSpan span = line.getSourceSpan();
                if (span != null) {
                    int start = content.indexOf(stripped.charAt(0));
                    text.addSourceSpan(span.subSpan(start, start + stripped.length()));
                }
                block.appendChild(text);
            }
        }
    }

    // ---- blocks ----

    private List<Block> blocks(Node parent) {
        BlockCollector collector = new BlockCollector();
        collector.visitChildren(parent);
        collector.endBulletList();
        return collector.blocks;
    }

    /**
     * Visits the block children of one container and collects their {@link Block}s. Adjacent bullet lists are one
     * list: CommonMark starts a new list when the bullet character changes ({@code -}, {@code *}, {@code +}), which
     * neither ADF nor wiki markup could show anyway.
     */
    private final class BlockCollector extends AbstractVisitor {
        private final List<Block> blocks = new ArrayList<>();
        private List<Block.ListItem> bulletItems;

        private void add(Block block) {
            endBulletList();
            blocks.add(block);
        }

        void endBulletList() {
            if (bulletItems != null) {
                blocks.add(new Block.ListBlock(false, 1, bulletItems));
                bulletItems = null;
            }
        }

        @Override
        public void visit(Paragraph paragraph) {
            add(new Block.Paragraph(inlines(paragraph, paragraph.getParent() instanceof Document)));
        }

        @Override
        public void visit(Heading heading) {
            List<Inline> content = inlines(heading, false);
            // "#" alone is an empty heading in CommonMark; ADF and wiki have no empty heading, so it stays text
            add(content.isEmpty() ? new Block.Paragraph(literal(heading))
                    : new Block.Heading(heading.getLevel(), content));
        }

        @Override
        public void visit(FencedCodeBlock code) {
            String info = code.getInfo() == null ? "" : code.getInfo().strip();
            String language = info.isEmpty() ? null : info.split("[ \t]", 2)[0];
            add(new Block.CodeBlock(language, withoutFinalNewline(code.getLiteral())));
        }

        @Override
        public void visit(IndentedCodeBlock code) {
            add(new Block.CodeBlock(null, withoutFinalNewline(code.getLiteral())));
        }

        @Override
        public void visit(HtmlBlock html) {
            add(new Block.Paragraph(lines(withoutFinalNewline(html.getLiteral()))));
        }

        @Override
        public void visit(BlockQuote quote) {
            add(new Block.Quote(blocks(quote)));
        }

        @Override
        public void visit(BulletList list) {
            if (bulletItems == null) {
                bulletItems = new ArrayList<>();
            }
            bulletItems.addAll(items(list));
        }

        @Override
        public void visit(OrderedList list) {
            add(new Block.ListBlock(true, list.getMarkerStartNumber() == null ? 1 : list.getMarkerStartNumber(),
                    items(list)));
        }

        @Override
        public void visit(ThematicBreak rule) {
            add(new Block.Rule());
        }

        @Override
        public void visit(LinkReferenceDefinition definition) {
            // used by the links that refer to it; shows nothing itself
        }

        @Override
        protected void visitChildren(Node parent) {
            for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
                node.accept(this);
            }
        }
    }

    private List<Block.ListItem> items(ListBlock list) {
        List<Block.ListItem> items = new ArrayList<>();
        for (Node node = list.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof ListItem item) {
                items.add(new Block.ListItem(blocks(item)));
            }
        }
        return items;
    }

    private static String withoutFinalNewline(String literal) {
        return literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
    }

    // ---- inlines ----

    private List<Inline> inlines(Node block, boolean keepIndent) {
        InlineCollector collector = new InlineCollector(keepIndent);
        collector.visitChildren(block);
        return collector.out.result();
    }

    /** Flattens the inline tree of one paragraph or heading into runs of text with a set of styles and a link. */
    private final class InlineCollector extends AbstractVisitor {
        private final Merger out = new Merger();
        private final EnumSet<Inline.Style> styles = EnumSet.noneOf(Inline.Style.class);
        private final boolean keepIndent;
        private boolean lineStart = true;
        private Inline.Link link;
        private boolean linkShown;

        InlineCollector(boolean keepIndent) {
            this.keepIndent = keepIndent;
        }

        @Override
        protected void visitChildren(Node parent) {
            for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
                if (lineStart && keepIndent && !(node instanceof SoftLineBreak || node instanceof HardLineBreak)) {
                    text(indentBefore(node), styles);
                }
                lineStart = false;
                node.accept(this);
            }
        }

        @Override
        public void visit(Text text) {
            text(text.getLiteral(), styles);
        }

        @Override
        public void visit(Code code) {
            // ADF: the code mark combines with nothing but a link
            text(code.getLiteral(), EnumSet.of(Inline.Style.CODE));
        }

        @Override
        public void visit(HtmlInline html) {
            text(html.getLiteral(), styles);
        }

        @Override
        public void visit(SoftLineBreak softLineBreak) {
            lineBreak();
        }

        @Override
        public void visit(HardLineBreak hardLineBreak) {
            lineBreak();
        }

        @Override
        public void visit(Emphasis emphasis) {
            styled(Inline.Style.EM, emphasis);
        }

        @Override
        public void visit(StrongEmphasis strong) {
            styled(Inline.Style.STRONG, strong);
        }

        @Override
        public void visit(CustomNode node) {
            if (node instanceof Strikethrough) {
                styled(Inline.Style.STRIKE, node);
            } else {
                visitChildren(node);
            }
        }

        @Override
        public void visit(Link node) {
            linked(node, node.getDestination(), node.getTitle());
        }

        @Override
        public void visit(Image image) {
            linked(image, image.getDestination(), image.getTitle());
        }

        private void linked(Node node, String destination, String title) {
            if (destination == null || destination.isBlank() || isUnsafe(destination)) {
                for (Inline inline : literal(node)) {
                    if (inline instanceof Inline.Text t) {
                        text(t.text(), styles);
                    } else {
                        out.hardBreak();
                    }
                }
                return;
            }
            Inline.Link outer = link;
            boolean outerShown = linkShown;
            link = new Inline.Link(destination.strip().replace(" ", "%20"),
                    title == null || title.isEmpty() ? null : title);
            linkShown = false;
            visitChildren(node);
            if (!linkShown) {
                text(link.href(), styles);
            }
            link = outer;
            linkShown = outerShown;
        }

        private void styled(Inline.Style style, Node node) {
            boolean added = styles.add(style);
            visitChildren(node);
            if (added) {
                styles.remove(style);
            }
        }

        private void lineBreak() {
            out.hardBreak();
            lineStart = true;
        }

        private void text(String text, Set<Inline.Style> textStyles) {
            if (link != null && !text.isBlank()) {
                linkShown = true;
            }
            out.text(text, textStyles, link);
        }
    }

    /** The spaces and tabs in front of a node that starts a line (CommonMark drops them from the paragraph). */
    private String indentBefore(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        if (spans.isEmpty()) {
            return "";
        }
        SourceSpan span = spans.get(0);
        int end = span.getInputIndex();
        int start = end - span.getColumnIndex();
        for (int i = start; i < end; i++) {
            char c = input.charAt(i);
            if (c != ' ' && c != '\t') {
                return "";
            }
        }
        return input.substring(start, end);
    }

    /** The Markdown a node was read from, as text with line breaks. */
    private List<Inline> literal(Node node) {
        StringBuilder text = new StringBuilder();
        for (SourceSpan span : node.getSourceSpans()) {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(input, span.getInputIndex(), span.getInputIndex() + span.getLength());
        }
        return lines(text.toString().strip());
    }

    /** Text lines as runs separated by line breaks. */
    private static List<Inline> lines(String text) {
        Merger out = new Merger();
        boolean first = true;
        for (String line : text.split("\n", -1)) {
            if (!first) {
                out.hardBreak();
            }
            out.text(line.stripTrailing(), Set.of(), null);
            first = false;
        }
        return out.result();
    }

    private static boolean isUnsafe(String href) {
        String lower = href.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("javascript:") || lower.startsWith("vbscript:") || lower.startsWith("data:");
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
            if (pending.length() == 0) {
                pendingStyles = Set.copyOf(styles);
                pendingLink = link;
            }
            pending.append(text);
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
}
