package dev.cameljira.jira.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link RichText#toWiki} and {@link RichText#wikiToPlainText}. */
class RichTextWikiTest {

    @Nested
    class ToWiki {

        @Test
        void nullAndEmpty() {
            assertThat(RichText.toWiki(null)).isNull();
            assertThat(RichText.toWiki("")).isEmpty();
            assertThat(RichText.toWiki(" \n ")).isEmpty();
        }

        @Test
        void paragraphsAndLineBreaks() {
            assertThat(RichText.toWiki("one\r\ntwo\r\n\r\n\r\nthree")).isEqualTo("one\ntwo\n\nthree");
        }

        @Test
        void inlineMarks() {
            assertThat(RichText.toWiki("**b** *e* ~~s~~ `c` [t](https://e.com) https://x.org"))
                    .isEqualTo("*b* _e_ -s- {{c}} [t|https://e.com] [https://x.org]");
        }

        @Test
        void combinedMarksNestAndSpacesMoveOutside() {
            assertThat(RichText.toWiki("***both*** **bold *and em***")).isEqualTo("*_both_* *bold _and em_*");
            assertThat(RichText.toWiki("[**bold** link](https://e.com)")).isEqualTo("[*bold* link|https://e.com]");
        }

        @Test
        void markersInsideWordsUseTheBraceForm() {
            assertThat(RichText.toWiki("foo**bar**baz and *a*b")).isEqualTo("foo{*}bar{*}baz and {_}a{_}b");
        }

        @Test
        void linkTextAndUrlAreProtected() {
            assertThat(RichText.toWiki("[a|b] x](https://e.com/?q=a|b)")).as("a bare URL after \"](\"").isEqualTo("\\[a|b] x]([https://e.com/?q=a%7Cb])");
            assertThat(RichText.toWiki("[a|b](https://e.com/?q=a|b)")).isEqualTo("[a\\|b|https://e.com/?q=a%7Cb]");
        }

        @Test
        void codeIsEscapedInsideMonospace() {
            assertThat(RichText.toWiki("`{{x}}` and `*y*`")).isEqualTo("{{\\{\\{x\\}\\}}} and {{\\*y\\*}}");
        }

        @Test
        void lists() {
            assertThat(RichText.toWiki("- a\n- b\n  - c\n    1. d\n- e\n  continued\n\n1. x\n2. y"))
                    .isEqualTo("* a\n* b\n** c\n**# d\n* e \\\\ continued\n\n# x\n# y");
        }

        @Test
        void listItemWithCodeBlockAndQuote() {
            assertThat(RichText.toWiki("- > quoted\n- ```\n  code\n  ```"))
                    .isEqualTo("* quoted\n* \n{code}\ncode\n{code}");
        }

        @Test
        void headingsQuotesCodeRule() {
            assertThat(RichText.toWiki("## Title *x*\n\n> one line\n\n> two\n> lines\n\n```java\nint a;\n```\n\n---"))
                    .isEqualTo("h2. Title _x_\n\nbq. one line\n\n{quote}\ntwo\nlines\n{quote}\n\n"
                            + "{code:java}\nint a;\n{code}\n\n----");
        }

        @Test
        void codeBlocksKeepContentVerbatim() {
            assertThat(RichText.toWiki("```\n*not bold* [x] {y}\n```")).isEqualTo("{code}\n*not bold* [x] {y}\n{code}");
            assertThat(RichText.toWiki("```we!rd\nx\n```")).as("invalid language names are left out")
                    .isEqualTo("{code}\nx\n{code}");
            assertThat(RichText.toWiki("```\nuse {code} here\n```")).isEqualTo("{noformat}\nuse {code} here\n{noformat}");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
                snake_case and 2 * 3 and well-known   | snake_case and 2 * 3 and well-known
                \\*stars\\* kept literally            | \\*stars\\* kept literally
                {json} and [brackets]                 | \\{json} and \\[brackets]
                -5 degrees, x^2, C++                  | \\-5 degrees, x^2, C\\+\\+
                "\\- not a list"                      | "\\- not a list"
                "\\# not a heading"                   | "\\# not a heading"
                "| pipe at line start"                | "\\| pipe at line start"
                !image! and ??cite??                  | \\!image! and \\??cite\\??
                100% sure! Really?                    | 100% sure! Really?
                """)
        void plainTextIsEscapedWhereWikiWouldInterpretIt(String markdown, String wiki) {
            assertThat(RichText.toWiki(markdown)).isEqualTo(wiki);
        }
    }

    @Nested
    class WikiToPlainText {

        @Test
        void nullGivesNull() {
            assertThat(RichText.wikiToPlainText(null)).isNull();
        }

        @Test
        void marksLinksMentionsAndImages() {
            assertThat(RichText.wikiToPlainText(
                    "*bold* _em_ -strike- +ins+ ^sup^ ~sub~ ??cite?? {{mono}} {*}in{*}word "
                            + "[text|https://e.com] [https://x.org] [~jsmith] [~accountid:5b10a2844c20165700ede21g] "
                            + "!screen.png|thumbnail! well-known 2 * 3 snake_case"))
                    .isEqualTo("bold em strike ins sup sub cite mono inword text https://x.org @jsmith "
                            + "@5b10a2844c20165700ede21g screen.png well-known 2 * 3 snake_case");
        }

        @Test
        void codeAndNoformatBodiesAreVerbatim() {
            assertThat(RichText.wikiToPlainText("before\n{code:java}\nint *x* = [a|b];\n{code}\nafter {noformat}*n*{noformat}"))
                    .isEqualTo("before\nint *x* = [a|b];\nafter *n*");
        }

        @Test
        void blockMarkup() {
            assertThat(RichText.wikiToPlainText("h1. Title\n\nbq. quoted\n{quote}\nlong quote\n{quote}\n"
                    + "* a\n** b\n# one\n# two\n## two.one\n----\n||H1||H2||\n|c1|c2|\n{color:red}red{color}"))
                    .isEqualTo("Title\n\nquoted\nlong quote\n- a\n  - b\n1. one\n2. two\n  1. two.one\n---\n"
                            + "H1\tH2\nc1\tc2\nred");
        }

        @Test
        void escapesAndForcedBreaks() {
            assertThat(RichText.wikiToPlainText("\\*not bold\\* a \\\\ b \\{x}")).isEqualTo("*not bold* a\nb {x}");
        }

        @Test
        void blankLineRunsShrink() {
            assertThat(RichText.wikiToPlainText("a\n\n\n\nb\r\n\r\n\r\nc")).isEqualTo("a\n\nb\n\nc");
        }

        @Test
        void unclosedMarkupStaysText() {
            assertThat(RichText.wikiToPlainText("*open [link {code")).isEqualTo("*open [link {code");
            assertThat(RichText.wikiToPlainText("a *b {code}never *closed*")).isEqualTo("a *b never *closed*");
        }
    }
}
