package dev.cameljira.jira.text;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes blocks as an Atlassian Document Format document, keeping to what the ADF schema allows where a block sits:
 * inside a {@code listItem} or {@code blockquote} a heading becomes a paragraph, a rule is dropped and a nested quote
 * is unwrapped; a list item always starts with a paragraph or code block; text nodes are never empty; the code mark
 * is combined with nothing but a link.
 */
final class AdfWriter implements Block.Visitor<ObjectNode> {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Block.Paragraph EMPTY_PARAGRAPH = new Block.Paragraph(List.of());

    /** Where blocks are placed; each place allows a different set of children. */
    private enum Place {
        DOC, LIST_ITEM, QUOTE
    }

    private AdfWriter() {
    }

    static ObjectNode document(List<Block> blocks) {
        ObjectNode doc = JSON.objectNode();
        doc.put("type", "doc");
        doc.put("version", 1);
        doc.set("content", new AdfWriter().blocks(blocks, Place.DOC));
        return doc;
    }

    private ArrayNode blocks(List<Block> blocks, Place place) {
        ArrayNode content = JSON.arrayNode();
        for (Block block : fit(blocks, place)) {
            content.add(block.accept(this));
        }
        return content;
    }

    /** Rewrites blocks that the place does not allow. */
    private static List<Block> fit(List<Block> blocks, Place place) {
        if (place == Place.DOC) {
            return blocks;
        }
        List<Block> fitted = new ArrayList<>();
        for (Block block : blocks) {
            if (block instanceof Block.Heading heading) {
                fitted.add(new Block.Paragraph(heading.content()));
            } else if (block instanceof Block.Quote quote) {
                fitted.addAll(fit(quote.content(), place));
            } else if (!(block instanceof Block.Rule)) {
                fitted.add(block);
            }
        }
        boolean startsRight = !fitted.isEmpty()
                && (fitted.get(0) instanceof Block.Paragraph || fitted.get(0) instanceof Block.CodeBlock);
        if (fitted.isEmpty() || place == Place.LIST_ITEM && !startsRight) {
            fitted.add(0, EMPTY_PARAGRAPH);
        }
        return fitted;
    }

    @Override
    public ObjectNode paragraph(Block.Paragraph paragraph) {
        ObjectNode node = node("paragraph");
        node.set("content", inlines(paragraph.content()));
        return node;
    }

    @Override
    public ObjectNode heading(Block.Heading heading) {
        ObjectNode node = node("heading");
        node.putObject("attrs").put("level", heading.level());
        node.set("content", inlines(heading.content()));
        return node;
    }

    @Override
    public ObjectNode codeBlock(Block.CodeBlock codeBlock) {
        ObjectNode node = node("codeBlock");
        if (codeBlock.language() != null) {
            node.putObject("attrs").put("language", codeBlock.language());
        }
        ArrayNode content = node.putArray("content");
        if (!codeBlock.code().isEmpty()) {
            content.add(node("text").put("text", codeBlock.code()));
        }
        return node;
    }

    @Override
    public ObjectNode quote(Block.Quote quote) {
        ObjectNode node = node("blockquote");
        node.set("content", blocks(quote.content(), Place.QUOTE));
        return node;
    }

    @Override
    public ObjectNode list(Block.ListBlock list) {
        ObjectNode node = node(list.ordered() ? "orderedList" : "bulletList");
        if (list.ordered() && list.start() != 1) {
            node.putObject("attrs").put("order", list.start());
        }
        ArrayNode items = node.putArray("content");
        for (Block.ListItem item : list.items()) {
            ObjectNode listItem = items.addObject();
            listItem.put("type", "listItem");
            listItem.set("content", blocks(item.content(), Place.LIST_ITEM));
        }
        return node;
    }

    @Override
    public ObjectNode rule(Block.Rule rule) {
        return node("rule");
    }

    private static ArrayNode inlines(List<Inline> inlines) {
        ArrayNode content = JSON.arrayNode();
        for (Inline inline : inlines) {
            if (inline instanceof Inline.Text text) {
                content.add(text(text));
            } else {
                content.add(node("hardBreak"));
            }
        }
        return content;
    }

    private static ObjectNode text(Inline.Text text) {
        ObjectNode node = node("text").put("text", text.text());
        boolean code = text.has(Inline.Style.CODE);
        ArrayNode marks = JSON.arrayNode();
        for (Inline.Style style : text.styles()) {
            if (!code || style == Inline.Style.CODE) {
                marks.addObject().put("type", markType(style));
            }
        }
        if (text.link() != null) {
            ObjectNode attrs = marks.addObject().put("type", "link").putObject("attrs");
            attrs.put("href", text.link().href());
            if (text.link().title() != null) {
                attrs.put("title", text.link().title());
            }
        }
        if (!marks.isEmpty()) {
            node.set("marks", marks);
        }
        return node;
    }

    private static String markType(Inline.Style style) {
        return style.name().toLowerCase(Locale.ROOT);
    }

    private static ObjectNode node(String type) {
        return JSON.objectNode().put("type", type);
    }
}
