package dev.cameljira.jira.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Plain text without Markdown survives {@code toPlainText(toAdf(s))} and {@code wikiToPlainText(toWiki(s))}, up to
 * normalisation: line ends to {@code \n}, no trailing whitespace, one blank line between paragraphs.
 */
class RichTextRoundTripTest {

    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    static Stream<String> ordinaryTexts() {
        return Stream.of(
                "Hello",
                "Hi team,\n\nThe build failed on main.\nPlease have a look.\n\nThanks,\nAnna",
                "Price: $5 * 3 = $15 (approx.) and 10 % 3 == 1",
                "Path C:\\Users\\anna\\file.txt and /var/log/syslog, ~/bin too",
                "Use snake_case_names and kebab-case-names; e.g. foo_bar or _private_var",
                "Tabs\tinside\ttext",
                "Emoji 😀 and ❤️ and 👍🏽, 日本語のテキスト, Ünïcödé, עברית, العربية",
                "   indented first line\n  indented second\n\tand a tab",
                "email: someone@example.com, 100% sure! Really? Yes!!",
                "#hashtag at start and #another one",
                "Version 1.2.3 - released - finally",
                "Some * lone asterisk, a lone _ underscore and a ~ tilde",
                "a < b > c & d \"quoted\" 'single'",
                "Open https://example.com/path?q=1&r=2 now",
                "Ends with a URL: https://example.com/a_b.",
                "JIRA-123 [not a link] and (parens) {braces} |pipes|",
                "1)first and 2)second, +plus",
                "Line one\r\nLine two\r\n\r\nParagraph two\r\n",
                "trailing spaces   \nare dropped\t\n\n\n\n\nand blank lines collapse",
                "x".repeat(5000));
    }

    @ParameterizedTest
    @MethodSource("ordinaryTexts")
    void adfRoundTripKeepsPlainText(String text) {
        assertThat(RichText.toPlainText(RichTextAdfTest.adf(text))).isEqualTo(normalise(text));
    }

    @ParameterizedTest
    @MethodSource("ordinaryTexts")
    void wikiRoundTripKeepsPlainText(String text) {
        assertThat(RichText.wikiToPlainText(RichText.toWiki(text))).isEqualTo(normalise(text));
    }

    static Stream<String> generatedTexts() {
        Random random = new Random(20261128L);
        return IntStream.range(0, 200).mapToObj(i -> generate(random));
    }

    @ParameterizedTest
    @MethodSource("generatedTexts")
    void generatedPlainTextRoundTrips(String text) {
        assertThat(RichText.toPlainText(RichTextAdfTest.adf(text))).isEqualTo(normalise(text));
        assertThat(RichText.wikiToPlainText(RichText.toWiki(text))).isEqualTo(normalise(text));
    }

    /** Random prose: words, numbers, punctuation, unicode; lines never start with a block marker. */
    private static String generate(Random random) {
        String[] words = {"the", "Issue", "fails", "when", "user_name", "is", "empty", "2", "*", "x", "3", "=", "6",
            "well-known", "e.g.", "(see", "below)", "50%", "a/b", "über", "naïve", "日本", "😀", "👍🏽", "C:\\temp",
            "don't", "\"quoted\"", "5-10", "#42", "~approx", "10:30", "end.", "why?", "yes!", "a,b", "ß", "->", "<-",
            "&", "§2", "$5", "foo@bar.com", "v1.2.3", "tab\tbed"};
        StringBuilder out = new StringBuilder();
        int paragraphs = 1 + random.nextInt(4);
        for (int p = 0; p < paragraphs; p++) {
            if (p > 0) {
                out.append(random.nextBoolean() ? "\n\n" : "\r\n\r\n\r\n");
            }
            int lines = 1 + random.nextInt(3);
            for (int l = 0; l < lines; l++) {
                if (l > 0) {
                    out.append(random.nextInt(5) == 0 ? " \n" : "\n");
                }
                out.append("Word");
                int count = 1 + random.nextInt(12);
                for (int w = 0; w < count; w++) {
                    out.append(' ').append(words[random.nextInt(words.length)]);
                }
            }
        }
        return out.toString();
    }

    static String normalise(String text) {
        String unix = text.replace("\r\n", "\n").replace('\r', '\n');
        List<String> lines = new ArrayList<>();
        for (String line : unix.split("\n", -1)) {
            lines.add(line.stripTrailing());
        }
        return BLANK_LINES.matcher(String.join("\n", lines)).replaceAll("\n\n").strip().isEmpty() ? ""
                : trimBlankEdges(BLANK_LINES.matcher(String.join("\n", lines)).replaceAll("\n\n"));
    }

    private static String trimBlankEdges(String text) {
        int start = 0;
        while (text.startsWith("\n", start)) {
            start++;
        }
        int end = text.length();
        while (end > start && text.charAt(end - 1) == '\n') {
            end--;
        }
        return text.substring(start, end);
    }
}
