package dev.cameljira.jira.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 100 KB inputs, ordinary and adversarial: no stack overflow, no quadratic or backtracking blow-up (these inputs
 * would take minutes or overflow the stack otherwise), and the text still comes out whole.
 */
class RichTextLargeInputTest {

    private static final int SIZE = 100 * 1024;

    private static String repeat(String unit) {
        return unit.repeat(SIZE / unit.length() + 1);
    }

    @Test
    void largeRealisticDocument() {
        String section = """
                ## Section

                Some **bold** text, some *em*, a [link](https://example.com/x) and `code`.
                A second line with https://example.org/path_(1) in it.

                - item one
                - item two
                  1. nested

                > quoted

                ```java
                System.out.println("*not markdown*");
                ```

                """;
        String markdown = repeat(section);
        int sections = markdown.split("## Section", -1).length - 1;

        ObjectNode adf = RichTextAdfTest.adf(markdown);

        assertThat(markdown.length()).isGreaterThanOrEqualTo(SIZE);
        assertThat(count(adf, "heading")).isEqualTo(sections);
        assertThat(count(adf, "codeBlock")).isGreaterThanOrEqualTo(sections - 1);
        String plain = RichText.toPlainText(adf);
        assertThat(plain.split("System.out.println\\(\"\\*not markdown\\*\"\\);", -1)).hasSizeGreaterThanOrEqualTo(sections);
        String wiki = RichText.toWiki(markdown);
        assertThat(wiki.split("h2\\. Section", -1)).hasSize(sections + 1);
        assertThat(RichText.wikiToPlainText(wiki)).contains("item one", "nested", "quoted", "link");
    }

    @Test
    void largeSingleParagraphIsOneTextNode() {
        String text = repeat("lorem ipsum dolor sit amet, ").strip();
        ObjectNode adf = RichTextAdfTest.adf(text);
        assertThat(adf.at("/content/0/content")).hasSize(1);
        assertThat(RichText.toPlainText(adf)).isEqualTo(text);
        assertThat(RichText.wikiToPlainText(RichText.toWiki(text))).isEqualTo(text);
    }

    @Test
    void beyondTheDelimiterLimitBlocksStayAndInlineMarkupIsText() {
        String runs = " _a".repeat(MarkdownBlocks.MAX_DELIMITER_RUNS / 2);
        String within = "# Title\n\n- **item** at https://e.com\n\npara\n   next" + runs;
        String beyond = within + " _b".repeat(MarkdownBlocks.MAX_DELIMITER_RUNS / 2 + 1);

        ObjectNode marked = RichTextAdfTest.adf(within);
        assertThat(marked.at("/content/1/content/0/content/0/content/0/marks/0/type").asText()).isEqualTo("strong");

        ObjectNode plain = RichTextAdfTest.adf(beyond);
        assertThat(plain.at("/content/0/type").asText()).isEqualTo("heading");
        assertThat(plain.at("/content/1/type").asText()).isEqualTo("bulletList");
        JsonNode item = plain.at("/content/1/content/0/content/0/content");
        assertThat(item.get(0).path("text").asText()).isEqualTo("**item** at ");
        assertThat(item.get(1).at("/marks/0/attrs/href").asText()).as("bare URLs still link")
                .isEqualTo("https://e.com");
        JsonNode paragraph = plain.at("/content/2/content");
        assertThat(paragraph.get(0).path("text").asText()).isEqualTo("para");
        assertThat(paragraph.get(1).path("type").asText()).isEqualTo("hardBreak");
        assertThat(paragraph.get(2).path("text").asText()).as("indentation kept").startsWith("   next _a _a");
    }

    static Stream<Arguments> adversarial() {
        return Stream.of(
                Arguments.of("asterisks", repeat("*")),
                Arguments.of("underscore words", repeat("_a")),
                Arguments.of("openers only", repeat("**a ")),
                Arguments.of("mixed delimiters", repeat("*_~~a")),
                // quadratic in commonmark-java 0.32's emphasis matching (10-20 s for 40 KB), see MAX_DELIMITER_RUNS
                Arguments.of("spaced delimiters", repeat("_ _*")),
                Arguments.of("strong and em runs", repeat("** *_")),
                Arguments.of("alternating emphasis", repeat("*a **b ")),
                Arguments.of("open brackets", repeat("[")),
                Arguments.of("unfinished links", repeat("[a](")),
                Arguments.of("unfinished link destinations", "[a](" + repeat("x")),
                Arguments.of("nested brackets", repeat("[") + "x" + repeat("]")),
                Arguments.of("backtick runs", repeat("` `` ``` ")),
                Arguments.of("autolink openers", repeat("<http://")),
                Arguments.of("bare urls with parens", repeat("http://x(")),
                Arguments.of("escapes", repeat("\\*")),
                Arguments.of("deep quote", repeat("> ") + "x"),
                Arguments.of("deep bullets", repeat("- ") + "x"),
                Arguments.of("staircase list", staircase()),
                Arguments.of("many lines", repeat("a\n")),
                Arguments.of("many blank lines", "a" + repeat("\n") + "b"),
                Arguments.of("unclosed fence", "```\n" + repeat("x\n")),
                Arguments.of("heading markers", repeat("# ")),
                Arguments.of("wiki-ish braces", repeat("{{")),
                Arguments.of("bangs", repeat("!a")));
    }

    private static String staircase() {
        StringBuilder out = new StringBuilder();
        for (int depth = 0; out.length() < SIZE; depth++) {
            out.append(" ".repeat(depth % 2000)).append("- level ").append(depth).append('\n');
        }
        return out.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adversarial")
    void adversarialInputsConvertCompletely(String name, String input) {
        ObjectNode adf = RichTextAdfTest.adf(input);
        String plain = RichText.toPlainText(adf);
        assertThat(letters(plain)).as("letters survive the ADF conversion").isEqualTo(letters(input));

        String wiki = RichText.toWiki(input);
        assertThat(letters(RichText.wikiToPlainText(wiki))).as("letters survive the wiki conversion and back")
                .isEqualTo(letters(input));
        assertThat(letters(RichText.wikiToPlainText(input))).as("reading the input as wiki keeps its letters")
                .contains(letters(input));
    }

    /** Letters and digits only, i.e. the words a reader sees, wherever the markup went. */
    private static String letters(String text) {
        return text.replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private static int count(JsonNode node, String type) {
        int n = type.equals(node.path("type").asText()) ? 1 : 0;
        for (JsonNode child : node.path("content")) {
            n += count(child, type);
        }
        return n;
    }
}
