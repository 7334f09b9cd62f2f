package dev.cameljira.sandbox.jira.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sandbox's wiki / ADF / HTML converters on the cases clients hit: no markup invented, none lost. */
class WikiAdfConversionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode adf(String wiki) {
        return WikiToAdf.convert(wiki, Mentions.NONE);
    }

    private static String roundTrip(String wiki) {
        return AdfToWiki.convert(adf(wiki));
    }

    private static List<String> marks(JsonNode doc) {
        List<String> out = new ArrayList<>();
        doc.findValues("marks").forEach(ms -> ms.forEach(m -> out.add(m.path("type").asText())));
        return out;
    }

    @Test
    void plainTextStaysPlain() {
        for (String text : List.of("well-known a-b-c", "2 * 3 * 4", "snake_case_name and file_name.txt", "C++ and a+b+c",
                "x^2 and ~user home", "price: 5 - 3 - 1", "email me at jane@example.com")) {
            JsonNode doc = adf(text);
            assertThat(marks(doc)).as(text).isEmpty();
            assertThat(doc.at("/content/0/content/0/text").asText()).as(text).isEqualTo(text);
            assertThat(roundTrip(text)).isEqualTo(text);
        }
    }

    @Test
    void linesAndParagraphs() {
        JsonNode doc = adf("one\ntwo\n\nthree");
        assertThat(doc.get("content")).hasSize(2);
        assertThat(doc.at("/content/0/content/1/type").asText()).isEqualTo("hardBreak");
        assertThat(AdfToWiki.convert(doc)).isEqualTo("one\ntwo\n\nthree");
        assertThat(adf("a\\\\b").at("/content/0/content/1/type").asText()).as("\\\\ is a line break").isEqualTo("hardBreak");
        assertThat(adf("").get("content")).isEmpty();
    }

    @Test
    void escapesAndCodeKeepTheirCharacters() {
        JsonNode escaped = adf("\\*not bold\\* and \\[not a link\\]");
        assertThat(marks(escaped)).isEmpty();
        assertThat(escaped.at("/content/0/content/0/text").asText()).isEqualTo("*not bold* and [not a link]");
        JsonNode code = adf("{code}\n*stars* [link|x] {{m}}\n{code}");
        assertThat(code.at("/content/0/type").asText()).isEqualTo("codeBlock");
        assertThat(code.at("/content/0/content/0/text").asText()).isEqualTo("*stars* [link|x] {{m}}");
        assertThat(adf("{noformat}\na < b\n{noformat}").at("/content/0/content/0/text").asText()).isEqualTo("a < b");
        // literal brackets written through v3 survive a trip through wiki markup
        ObjectNode literal = JSON.createObjectNode().put("type", "doc").put("version", 1);
        ObjectNode paragraph = literal.putArray("content").addObject().put("type", "paragraph");
        paragraph.putArray("content").addObject().put("type", "text").put("text", "[sync:zendesk:1] {x}");
        String wiki = AdfToWiki.convert(literal);
        assertThat(adf(wiki).at("/content/0/content/0/text").asText()).isEqualTo("[sync:zendesk:1] {x}");
    }

    @Test
    void linksMentionsAndTables() {
        JsonNode doc = adf("see [docs|https://a.example/x?y=1] or https://b.example/ and [~accountid:abc-123]");
        JsonNode content = doc.at("/content/0/content");
        assertThat(content.get(1).at("/marks/0/attrs/href").asText()).isEqualTo("https://a.example/x?y=1");
        assertThat(content.get(3).at("/marks/0/attrs/href").asText()).isEqualTo("https://b.example/");
        assertThat(content.get(5).get("type").asText()).isEqualTo("mention");
        assertThat(content.get(5).at("/attrs/id").asText()).isEqualTo("abc-123");
        assertThat(AdfToWiki.convert(doc)).isEqualTo("see [docs|https://a.example/x?y=1] or [https://b.example/] and [~accountid:abc-123]");

        JsonNode table = adf("||a||b||\n|[x|https://x.example]|{{c|d}}|");
        assertThat(table.at("/content/0/content")).hasSize(2);
        assertThat(table.at("/content/0/content/1/content")).hasSize(2);
        assertThat(table.at("/content/0/content/1/content/0/content/0/content/0/marks/0/attrs/href").asText())
                .isEqualTo("https://x.example");
    }

    @Test
    void nestedAndMixedLists() {
        JsonNode doc = adf("* a\n** a1\n*# a2\n* b\n# one\n# two");
        assertThat(doc.get("content")).extracting(n -> n.get("type").asText()).containsExactly("bulletList", "orderedList");
        JsonNode first = doc.at("/content/0/content/0/content");
        assertThat(first).extracting(n -> n.get("type").asText()).containsExactly("paragraph", "bulletList", "orderedList");
        assertThat(AdfToWiki.convert(doc)).isEqualTo("* a\n** a1\n*# a2\n* b\n\n# one\n# two");
    }

    @Test
    void htmlIsEscapedAndStructured() {
        String html = AdfToHtml.convert(adf("h1. A <b>\n*x* & _y_\n{quote}q{quote}\n----"), "http://jira", true);
        assertThat(html).contains("<h1><a name=\"A&lt;b&gt;\"></a>A &lt;b&gt;</h1>", "<p><b>x</b> &amp; <em>y</em></p>",
                "<blockquote><p>q</p></blockquote>", "<hr />").doesNotContain("<b>\n");
    }
}
