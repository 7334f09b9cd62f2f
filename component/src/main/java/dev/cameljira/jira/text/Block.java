package dev.cameljira.jira.text;

import java.util.List;

/** Block structure of a parsed Markdown text, independent of the output format (ADF or wiki markup). */
sealed interface Block permits Block.Paragraph, Block.Heading, Block.CodeBlock, Block.Quote, Block.ListBlock,
        Block.Rule {

    <R> R accept(Visitor<R> visitor);

    /** One method per block kind, so writers need no type switch. */
    interface Visitor<R> {
        R paragraph(Paragraph paragraph);

        R heading(Heading heading);

        R codeBlock(CodeBlock codeBlock);

        R quote(Quote quote);

        R list(ListBlock list);

        R rule(Rule rule);
    }

    /** Lines of inline content; single newlines are {@link Inline.HardBreak}s. */
    record Paragraph(List<Inline> content) implements Block {
        public Paragraph {
            content = List.copyOf(content);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.paragraph(this);
        }
    }

    /** {@code # title}: level 1 to 6. */
    record Heading(int level, List<Inline> content) implements Block {
        public Heading {
            if (level < 1 || level > 6) {
                throw new IllegalArgumentException("heading level must be 1..6, was " + level);
            }
            content = List.copyOf(content);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.heading(this);
        }
    }

    /** Fenced code, kept verbatim; language null when the fence names none. */
    record CodeBlock(String language, String code) implements Block {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.codeBlock(this);
        }
    }

    /** {@code > quoted} blocks. */
    record Quote(List<Block> content) implements Block {
        public Quote {
            content = List.copyOf(content);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.quote(this);
        }
    }

    /** Bullet or ordered list; start is the number of the first item (1 for bullet lists). */
    record ListBlock(boolean ordered, int start, List<ListItem> items) implements Block {
        public ListBlock {
            items = List.copyOf(items);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.list(this);
        }
    }

    /** One list item: its blocks (possibly none, possibly nested lists). */
    record ListItem(List<Block> content) {
        public ListItem {
            content = List.copyOf(content);
        }
    }

    /** {@code ---}. */
    record Rule() implements Block {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.rule(this);
        }
    }
}
