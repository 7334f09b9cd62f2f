package dev.cameljira.jira.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes blocks as Jira wiki markup (REST v2, Data Center): paragraphs separated by a blank line, line breaks as
 * newlines ({@code \\} inside list items), {@code h1.} headings, {@code bq.} or {@code {quote}} quotes,
 * {@code {code:lang}} blocks ({@code {noformat}} when the code itself contains {@code {code}}), {@code *}/{@code #}
 * lists nested by repeating the marker, {@code ----} rules. Inline markup and escaping: see {@link WikiInline}.
 *
 * <p>Wiki markup cannot express: an ordered list starting at another number than 1 (it restarts at 1), a code block
 * or a paragraph following a nested list inside the same item (it follows the list instead).
 */
final class WikiWriter implements Block.Visitor<String> {

    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z0-9_+#.-]{1,40}");

    private WikiWriter() {
    }

    static String write(List<Block> blocks) {
        return new WikiWriter().blocks(blocks);
    }

    private String blocks(List<Block> blocks) {
        List<String> parts = new ArrayList<>();
        for (Block block : blocks) {
            String text = block.accept(this);
            if (!text.isEmpty()) {
                parts.add(text);
            }
        }
        return String.join("\n\n", parts);
    }

    @Override
    public String paragraph(Block.Paragraph paragraph) {
        return WikiInline.render(paragraph.content(), WikiInline.Context.PARAGRAPH);
    }

    @Override
    public String heading(Block.Heading heading) {
        return "h" + heading.level() + ". " + WikiInline.render(heading.content(), WikiInline.Context.LINE);
    }

    @Override
    public String codeBlock(Block.CodeBlock codeBlock) {
        String code = codeBlock.code();
        if (code.contains("{code")) {
            return "{noformat}\n" + code + "\n{noformat}";
        }
        String language = codeBlock.language();
        boolean named = language != null && LANGUAGE.matcher(language).matches();
        return "{code" + (named ? ":" + language : "") + "}\n" + code + "\n{code}";
    }

    @Override
    public String quote(Block.Quote quote) {
        List<Block> content = quote.content();
        if (content.size() == 1 && content.get(0) instanceof Block.Paragraph p
                && p.content().stream().noneMatch(Inline.HardBreak.class::isInstance)) {
            return "bq. " + WikiInline.render(p.content(), WikiInline.Context.LINE);
        }
        return "{quote}\n" + blocks(content) + "\n{quote}";
    }

    @Override
    public String list(Block.ListBlock list) {
        List<String> lines = new ArrayList<>();
        listLines(list, "", lines);
        return String.join("\n", lines);
    }

    @Override
    public String rule(Block.Rule rule) {
        return "----";
    }

    private void listLines(Block.ListBlock list, String parentPrefix, List<String> lines) {
        String prefix = parentPrefix + (list.ordered() ? "#" : "*");
        for (Block.ListItem item : list.items()) {
            int before = lines.size();
            StringBuilder line = null;
            for (Block block : flatten(item.content())) {
                List<Inline> inline = inlineOf(block);
                if (inline != null) {
                    String text = WikiInline.render(inline, WikiInline.Context.LIST_ITEM);
                    line = line == null ? new StringBuilder(prefix).append(' ').append(text)
                            : line.append(" \\\\ ").append(text);
                } else if (!(block instanceof Block.Rule)) {
                    lines.add(line == null ? prefix + " " : line.toString());
                    line = null;
                    if (block instanceof Block.ListBlock nested) {
                        listLines(nested, prefix, lines);
                    } else {
                        lines.add(block.accept(this));
                    }
                }
            }
            if (line != null || lines.size() == before) {
                lines.add(line == null ? prefix + " " : line.toString());
            }
        }
    }

    private static List<Inline> inlineOf(Block block) {
        if (block instanceof Block.Paragraph p) {
            return p.content();
        }
        return block instanceof Block.Heading h ? h.content() : null;
    }

    /** Quotes cannot live in wiki list items: their content is inlined. */
    private static List<Block> flatten(List<Block> blocks) {
        List<Block> flat = new ArrayList<>();
        for (Block block : blocks) {
            if (block instanceof Block.Quote quote) {
                flat.addAll(flatten(quote.content()));
            } else {
                flat.add(block);
            }
        }
        return flat;
    }
}
