package dev.cameljira.jira.text;

import static dev.cameljira.jira.text.AdfJson.BR;
import static dev.cameljira.jira.text.AdfJson.CODE;
import static dev.cameljira.jira.text.AdfJson.EM;
import static dev.cameljira.jira.text.AdfJson.STRIKE;
import static dev.cameljira.jira.text.AdfJson.STRONG;
import static dev.cameljira.jira.text.AdfJson.doc;
import static dev.cameljira.jira.text.AdfJson.item;
import static dev.cameljira.jira.text.AdfJson.link;
import static dev.cameljira.jira.text.AdfJson.p;
import static dev.cameljira.jira.text.AdfJson.t;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link RichText#toAdf}: the exact ADF written for representative inputs, and its validity. */
class RichTextAdfTest {

    /** Converts, checks the ADF shape, returns the document. */
    static ObjectNode adf(String markdown) {
        ObjectNode doc = RichText.toAdf(markdown);
        AdfShape.assertValid(doc);
        return doc;
    }

    @Nested
    class EmptyAndPlain {

        @Test
        void nullEmptyAndBlankGiveAnEmptyDocument() {
            JsonNode empty = doc("");
            assertThat(adf(null)).isEqualTo(empty);
            assertThat(adf("")).isEqualTo(empty);
            assertThat(adf(" \n\t\n  ")).isEqualTo(empty);
            assertThat(adf(null).toString()).isEqualTo("{\"type\":\"doc\",\"version\":1,\"content\":[]}");
        }

        @Test
        void plainTextIsOneParagraph() {
            assertThat(adf("Hello world")).isEqualTo(doc(p(t("Hello world"))));
        }

        @Test
        void singleNewlineIsAHardBreakAndBlankLinesSeparateParagraphs() {
            assertThat(adf("line one\nline two\n\n\n\nsecond paragraph")).isEqualTo(doc(
                    p(t("line one") + "," + BR + "," + t("line two")) + "," + p(t("second paragraph"))));
        }

        @Test
        void windowsAndOldMacLineEndingsAreLineEndings() {
            JsonNode expected = doc(p(t("a") + "," + BR + "," + t("b")) + "," + p(t("c")));
            assertThat(adf("a\r\nb\r\n\r\nc")).isEqualTo(expected);
            assertThat(adf("a\rb\r\rc")).isEqualTo(expected);
            assertThat(adf("\uFEFFa\r\nb\r\n\r\nc")).as("byte order mark dropped").isEqualTo(expected);
        }

        @Test
        void trailingWhitespaceIsDroppedLeadingWhitespaceKept() {
            assertThat(adf("  indented   \nnext\t")).isEqualTo(doc(p(t("  indented") + "," + BR + "," + t("next"))));
        }

        @Test
        void unicodeAndEmojiAreKeptVerbatim() {
            String text = "Grüße 日本語 😀👍🏽 ❤️ — “quotes” ﬁ";
            ObjectNode doc = adf(text);
            assertThat(doc).isEqualTo(doc(p(t(text))));
            assertThat(doc.at("/content/0/content/0/text").textValue()).isEqualTo(text);
        }

        @Test
        void emphasisNextToEmoji() {
            assertThat(adf("**😀 bold**_✓_")).isEqualTo(doc(p(t("😀 bold", STRONG) + "," + t("✓", EM))));
        }

        @Test
        void textThatOnlyLooksLikeMarkdownStaysText() {
            String text = "snake_case_name, 2 * 3 * 4, a_b_c, ~5 min, #hashtag, 1) first, + added, C++ and *nix";
            assertThat(adf(text)).isEqualTo(doc(p(t(text))));
        }

        @Test
        void loneHashAndNumbersWithoutMarkersStayText() {
            // CommonMark reads a lone "#" as an empty heading, which ends the paragraph; ADF and wiki have no empty
            // heading, so it is written as the text "#"
            assertThat(adf("#\n####### seven\n2020. was a year")).isEqualTo(doc(
                    p(t("#")) + "," + p(t("####### seven") + "," + BR + "," + t("2020. was a year"))));
        }

        @Test
        void indentedLinesAreTextNotCode() {
            assertThat(adf("Trace:\n\n    at A.run(A.java:1)\n\tat B.main(B.java:2)")).isEqualTo(doc(p(t("Trace:"))
                    + "," + p(t("    at A.run(A.java:1)") + "," + BR + "," + t("\\tat B.main(B.java:2)"))));
        }

        @Test
        void htmlIsText() {
            assertThat(adf("<div>\na <b>bold</b> <!-- note -->\n</div>")).isEqualTo(doc(p(String.join(",",
                    t("<div>"), BR, t("a <b>bold</b> <!-- note -->"), BR, t("</div>")))));
        }
    }

    @Nested
    class Marks {

        @Test
        void strongEmStrikeCode() {
            assertThat(adf("a **b** *c* _d_ __e__ ~~f~~ `g`")).isEqualTo(doc(p(String.join(",",
                    t("a "), t("b", STRONG), t(" "), t("c", EM), t(" "), t("d", EM), t(" "), t("e", STRONG),
                    t(" "), t("f", STRIKE), t(" "), t("g", CODE)))));
        }

        @Test
        void nestedMarksAccumulate() {
            assertThat(adf("***both*** and **bold *and em***")).isEqualTo(doc(p(String.join(",",
                    t("both", STRONG + "," + EM), t(" and "), t("bold ", STRONG), t("and em", STRONG + "," + EM)))));
        }

        @Test
        void codeMarkIsNeverCombinedWithOtherMarks() {
            assertThat(adf("**bold `code` bold**")).isEqualTo(doc(p(String.join(",",
                    t("bold ", STRONG), t("code", CODE), t(" bold", STRONG)))));
        }

        @Test
        void codeKeepsMarkdownCharactersAndStripsOneSpacePadding() {
            assertThat(adf("`` a `tick` **no** ``")).isEqualTo(doc(p(t("a `tick` **no**", CODE))));
        }

        @Test
        void unmatchedDelimitersAreText() {
            assertThat(adf("**open and *half")).isEqualTo(doc(p(t("**open and *half"))));
            assertThat(adf("~single~ ~~~triple~~~")).isEqualTo(doc(p(t("~single~ ~~~triple~~~"))));
            assertThat(adf("`unclosed code")).isEqualTo(doc(p(t("`unclosed code"))));
        }

        @Test
        void backslashEscapesMarkdownCharacters() {
            assertThat(adf("\\*not em\\* \\`x\\` \\[y\\](z) C:\\Users")).isEqualTo(
                    doc(p(t("*not em* `x` [y](z) C:\\\\Users"))));
        }

        @Test
        void emphasisDoesNotCrossLineBreaksBadly() {
            assertThat(adf("*one\ntwo*")).isEqualTo(doc(p(
                    t("one", EM) + "," + BR + "," + t("two", EM))));
        }
    }

    @Nested
    class Links {

        @Test
        void markdownLink() {
            assertThat(adf("see [the docs](https://example.com/a_b?x=1&y=2) now")).isEqualTo(doc(p(String.join(",",
                    t("see "), t("the docs", link("https://example.com/a_b?x=1&y=2")), t(" now")))));
        }

        @Test
        void linkTitleIsKeptAsAttribute() {
            assertThat(adf("[x](https://e.com \"The title\")")).isEqualTo(doc(p(
                    t("x", "{'type':'link','attrs':{'href':'https://e.com','title':'The title'}}"))));
        }

        @Test
        void formattedLinkTextCarriesBothMarks() {
            assertThat(adf("**[bold *em*](https://e.com)**")).isEqualTo(doc(p(String.join(",",
                    t("bold ", STRONG + "," + link("https://e.com")),
                    t("em", STRONG + "," + EM + "," + link("https://e.com"))))));
        }

        @Test
        void codeInsideLinkKeepsLink() {
            assertThat(adf("[`run()`](https://e.com)")).isEqualTo(doc(p(t("run()", CODE + "," + link("https://e.com")))));
        }

        @Test
        void emptyLinkTextShowsTheUrl() {
            assertThat(adf("[](https://e.com)")).isEqualTo(doc(p(t("https://e.com", link("https://e.com")))));
        }

        @Test
        void bareUrlsBecomeLinksWithoutTrailingPunctuation() {
            assertThat(adf("Go to https://e.com/x_(y). Or (http://a.org/b), <https://c.io/d>!")).isEqualTo(doc(p(
                    String.join(",", t("Go to "), t("https://e.com/x_(y)", link("https://e.com/x_(y)")), t(". Or ("),
                            t("http://a.org/b", link("http://a.org/b")), t("), "),
                            t("https://c.io/d", link("https://c.io/d")), t("!")))));
        }

        @Test
        void underscoresInsideUrlsAreNotEmphasis() {
            assertThat(adf("_see https://e.com/a_b_c_")).isEqualTo(doc(p(
                    t("see ", EM) + "," + t("https://e.com/a_b_c", EM + "," + link("https://e.com/a_b_c")))));
        }

        @Test
        void unsafeSchemesAreNotLinked() {
            assertThat(adf("[click](javascript:alert(1))")).isEqualTo(doc(p(t("[click](javascript:alert(1))"))));
            assertThat(adf("<JavaScript:alert(1)> **[x](data:text/html,y)**")).isEqualTo(doc(p(
                    t("<JavaScript:alert(1)> ") + "," + t("[x](data:text/html,y)", STRONG))));
            assertThat(adf("[empty]()")).isEqualTo(doc(p(t("[empty]()"))));
        }

        @Test
        void referenceLinksUseTheirDefinitionWhichShowsNothing() {
            assertThat(adf("See [the docs][d] and [d].\n\n[d]: https://e.com/docs \"Docs\"")).isEqualTo(doc(p(
                    String.join(",", t("See "),
                            t("the docs", "{'type':'link','attrs':{'href':'https://e.com/docs','title':'Docs'}}"),
                            t(" and "), t("d", "{'type':'link','attrs':{'href':'https://e.com/docs','title':'Docs'}}"),
                            t(".")))));
        }

        @Test
        void imageIsALinkToItsSourceNamedByItsAltText() {
            assertThat(adf("![screen shot](https://e.com/a.png) ![](https://e.com/b.png)")).isEqualTo(doc(p(
                    String.join(",", t("screen shot", link("https://e.com/a.png")), t(" "),
                            t("https://e.com/b.png", link("https://e.com/b.png"))))));
        }

        @Test
        void entitiesAreDecodedOutsideCode() {
            assertThat(adf("AT&amp;T &copy; &#65; &nosuch; `&amp;`")).isEqualTo(doc(p(
                    t("AT&T © A &nosuch; ") + "," + t("&amp;", CODE))));
        }

        @Test
        void bracketsWithoutDestinationStayText() {
            assertThat(adf("[JIRA-1] fixed [a] (b)")).isEqualTo(doc(p(t("[JIRA-1] fixed [a] (b)"))));
        }

        @Test
        void nestedBracketsInLinkText() {
            assertThat(adf("[a [b] c](https://e.com)")).isEqualTo(doc(p(t("a [b] c", link("https://e.com")))));
        }
    }

    @Nested
    class Blocks {

        @Test
        void headings() {
            assertThat(adf("# One\n###### Six ##\n## *Two*")).isEqualTo(doc(String.join(",",
                    "{'type':'heading','attrs':{'level':1},'content':[" + t("One") + "]}",
                    "{'type':'heading','attrs':{'level':6},'content':[" + t("Six") + "]}",
                    "{'type':'heading','attrs':{'level':2},'content':[" + t("Two", EM) + "]}")));
        }

        @Test
        void setextHeadings() {
            assertThat(adf("Title\n=====\nSub title\n---\ntext")).isEqualTo(doc(String.join(",",
                    "{'type':'heading','attrs':{'level':1},'content':[" + t("Title") + "]}",
                    "{'type':'heading','attrs':{'level':2},'content':[" + t("Sub title") + "]}", p(t("text")))));
        }

        @Test
        void plusBulletsAndParenthesisNumbersAreListMarkers() {
            assertThat(adf("1) first\n2) second\n+ plus")).isEqualTo(doc(
                    "{'type':'orderedList','content':[" + item(p(t("first"))) + "," + item(p(t("second"))) + "]},"
                            + "{'type':'bulletList','content':[" + item(p(t("plus"))) + "]}"));
        }

        @Test
        void deepNestingStopsAtTheLimitAndKeepsTheRestAsText() {
            ObjectNode doc = adf("> ".repeat(60) + "x\n\n" + "- ".repeat(60) + "y");
            String plain = RichText.toPlainText(doc);
            assertThat(plain).contains("> > > x", "- - - y");
            assertThat(depth(doc)).isLessThan(2 * MarkdownBlocks.MAX_OPEN_BLOCKS);
        }

        private static int depth(JsonNode node) {
            int deepest = 0;
            for (JsonNode child : node.path("content")) {
                deepest = Math.max(deepest, depth(child));
            }
            return deepest + 1;
        }

        @Test
        void bulletList() {
            // CommonMark starts a new list when the bullet changes; adjacent bullet lists are written as one
            assertThat(adf("- one\n* **two**\n- three")).isEqualTo(doc("{'type':'bulletList','content':["
                    + String.join(",", item(p(t("one"))), item(p(t("two", STRONG))), item(p(t("three"))))
                    + "]}"));
        }

        @Test
        void orderedListStartingAtOneHasNoAttrs() {
            assertThat(adf("1. one\n2. two")).isEqualTo(doc("{'type':'orderedList','content':["
                    + item(p(t("one"))) + "," + item(p(t("two"))) + "]}"));
        }

        @Test
        void orderedListKeepsItsStart() {
            assertThat(adf("3. three\n4. four")).isEqualTo(doc("{'type':'orderedList','attrs':{'order':3},'content':["
                    + item(p(t("three"))) + "," + item(p(t("four"))) + "]}"));
        }

        @Test
        void nestedListsByIndentation() {
            assertThat(adf("- a\n  - b\n    1. c\n- d")).isEqualTo(doc("{'type':'bulletList','content':["
                    + item(p(t("a")) + ",{'type':'bulletList','content':["
                            + item(p(t("b")) + ",{'type':'orderedList','content':[" + item(p(t("c"))) + "]}")
                            + "]}")
                    + "," + item(p(t("d"))) + "]}"));
        }

        @Test
        void listItemContinuationLinesAreLineBreaks() {
            assertThat(adf("- first line\n  second line\nlazy line\n\nafter")).isEqualTo(doc(
                    "{'type':'bulletList','content':[" + item(p(String.join(",", t("first line"), BR,
                            t("second line"), BR, t("lazy line")))) + "]}," + p(t("after"))));
        }

        @Test
        void looseListWithBlankLinesStaysOneList() {
            assertThat(adf("- a\n\n- b\n\n  more b")).isEqualTo(doc("{'type':'bulletList','content':["
                    + item(p(t("a"))) + "," + item(p(t("b")) + "," + p(t("more b"))) + "]}"));
        }

        @Test
        void listInterruptsParagraphButOnlyNumberOneStartsOrderedList() {
            assertThat(adf("Steps:\n- open\n- close")).isEqualTo(doc(p(t("Steps:")) + ","
                    + "{'type':'bulletList','content':[" + item(p(t("open"))) + "," + item(p(t("close"))) + "]}"));
            assertThat(adf("We met in\n2019. It rained.")).isEqualTo(doc(p(
                    t("We met in") + "," + BR + "," + t("2019. It rained."))));
        }

        @Test
        void emptyListItemGetsAnEmptyParagraph() {
            assertThat(adf("-\n- b")).isEqualTo(doc("{'type':'bulletList','content':["
                    + item("{'type':'paragraph','content':[]}") + "," + item(p(t("b"))) + "]}"));
        }

        @Test
        void listItemStartingWithNestedListGetsAnEmptyParagraphFirst() {
            assertThat(adf("- - x")).isEqualTo(doc("{'type':'bulletList','content':["
                    + item("{'type':'paragraph','content':[]},{'type':'bulletList','content':[" + item(p(t("x")))
                            + "]}")
                    + "]}"));
        }

        @Test
        void fencedCodeWithLanguage() {
            assertThat(adf("```java\nint x = 1; // **not bold**\n\n  indented\n```\nafter")).isEqualTo(doc(
                    "{'type':'codeBlock','attrs':{'language':'java'},'content':["
                            + t("int x = 1; // **not bold**\\n\\n  indented") + "]}," + p(t("after"))));
        }

        @Test
        void fencedCodeWithoutLanguageTildesAndUnclosed() {
            assertThat(adf("~~~\na\n~~~")).isEqualTo(doc("{'type':'codeBlock','content':[" + t("a") + "]}"));
            assertThat(adf("```\nrest of\ndocument")).isEqualTo(
                    doc("{'type':'codeBlock','content':[" + t("rest of\\ndocument") + "]}"));
        }

        @Test
        void emptyCodeBlockHasNoEmptyTextNode() {
            assertThat(adf("```\n```")).isEqualTo(doc("{'type':'codeBlock','content':[]}"));
        }

        @Test
        void codeKeepsWindowsLineEndingsNormalised() {
            assertThat(adf("```\r\na\r\nb\r\n```")).isEqualTo(doc("{'type':'codeBlock','content':[" + t("a\\nb")
                    + "]}"));
        }

        @Test
        void inlineTripleBackticksAreNotAFence() {
            assertThat(adf("```x``` y")).isEqualTo(doc(p(t("x", CODE) + "," + t(" y"))));
        }

        @Test
        void blockquoteWithParagraphsAndList() {
            assertThat(adf("> quoted\n> more\n>\n> - item")).isEqualTo(doc("{'type':'blockquote','content':["
                    + p(t("quoted") + "," + BR + "," + t("more")) + ",{'type':'bulletList','content':["
                    + item(p(t("item"))) + "]}]}"));
        }

        @Test
        void headingAndRuleInsideQuoteAreMadeValid() {
            assertThat(adf("> # Title\n> ---\n> > inner")).isEqualTo(doc("{'type':'blockquote','content':["
                    + p(t("Title")) + "," + p(t("inner")) + "]}"));
        }

        @Test
        void headingInsideListItemBecomesParagraph() {
            assertThat(adf("- # Title")).isEqualTo(doc("{'type':'bulletList','content':[" + item(p(t("Title")))
                    + "]}"));
        }

        @Test
        void rules() {
            assertThat(adf("a\n\n---\n\n* * *\n___")).isEqualTo(doc(p(t("a"))
                    + ",{'type':'rule'},{'type':'rule'},{'type':'rule'}"));
        }

        @Test
        void representativeDocument() {
            String markdown = """
                    # Release notes

                    The **new** importer handles _large_ files.
                    See [docs](https://example.com/docs).

                    1. Download
                    2. Run `import --all`

                    > Note: back up first.

                    ```sh
                    ./import.sh
                    ```
                    ---
                    """;
            assertThat(adf(markdown)).isEqualTo(doc(String.join(",",
                    "{'type':'heading','attrs':{'level':1},'content':[" + t("Release notes") + "]}",
                    p(String.join(",", t("The "), t("new", STRONG), t(" importer handles "), t("large", EM),
                            t(" files."), BR, t("See "), t("docs", link("https://example.com/docs")), t("."))),
                    "{'type':'orderedList','content':[" + item(p(t("Download"))) + ","
                            + item(p(t("Run ") + "," + t("import --all", CODE))) + "]}",
                    "{'type':'blockquote','content':[" + p(t("Note: back up first.")) + "]}",
                    "{'type':'codeBlock','attrs':{'language':'sh'},'content':[" + t("./import.sh") + "]}",
                    "{'type':'rule'}")));
        }
    }

    @Test
    void resultIsAFreshMutableDocument() {
        ObjectNode first = RichText.toAdf("x");
        first.put("version", 2);
        assertThat(RichText.toAdf("x").path("version").intValue()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"**", "***", "* *", "_ _", "~~~~", "``", "[", "]", "[](", "()", "<>", "<http://", "\\",
        "- ", "1.", "> ", ">", "#", "# ", "```", "    ", "*a**b*c**", "__a_b__", "[a](<b c>)", "[a](b)",
        "**a\n\nb**", "- a\n\n\n- b", "> - a\n> - b\n\n> c", "http://", "https://x.y)", "\t- tab\n\t\t- nested"})
    void oddInputsAlwaysGiveValidAdfAndKeepTheirText(String input) {
        ObjectNode doc = adf(input);
        String plain = RichText.toPlainText(doc);
        for (char c : input.replaceAll("[^A-Za-z]", "").toCharArray()) {
            assertThat(plain).as("letter %s of %s", c, input).contains(String.valueOf(c));
        }
    }
}
