package dev.cameljira.jira.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Real rich text: the comment bodies and descriptions of the captured Jira webhooks (which carry v2 strings: wiki
 * markup or plain text, even from Jira Cloud), and every ADF document in the examples of Atlassian's Cloud v3 spec.
 */
class RichTextOracleTest {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern MACRO = Pattern.compile("\\{[A-Za-z]+(?::[^}]*)?\\}");
    private static final Pattern LEFTOVER_STRONG = Pattern.compile("(?<![\\p{L}\\p{N}])\\*[^*\\s][^*\\n]*\\*(?![\\p{L}\\p{N}])");

    /** A rich-text value found in a webhook, with where it came from. */
    record Found(String where, JsonNode value) {
    }

    @Test
    void webhookRichTextIsReadBack() throws IOException {
        List<Found> values = webhookRichText();
        assertThat(values).as("comment bodies and descriptions in the captures").hasSizeGreaterThan(10);

        for (Found found : values) {
            JsonNode value = found.value();
            String plain = RichText.toPlainText(value);
            if (RichText.isAdf(value)) {
                assertThat(plain).as(found.where()).contains(textNodeWords(value));
                continue;
            }
            assertThat(plain).as("%s: a v2 string is returned as is", found.where()).isEqualTo(value.textValue());
            String fromWiki = RichText.wikiToPlainText(value.textValue());
            assertThat(words(fromWiki)).as("%s: words survive wikiToPlainText", found.where())
                    .containsAll(words(MACRO.matcher(value.textValue()).replaceAll(" ")));
            assertThat(fromWiki).as("%s: no macro tags left", found.where()).doesNotContain("{code", "{noformat}");
            assertThat(LEFTOVER_STRONG.matcher(fromWiki).find()).as("%s: no *strong* markup left in %s",
                    found.where(), fromWiki).isFalse();
        }
    }

    @Test
    void webhookWikiWithMarkupLosesIt() throws IOException {
        List<Found> marked = webhookRichText().stream()
                .filter(f -> f.value().isTextual() && (f.value().textValue().contains("{")
                        || LEFTOVER_STRONG.matcher(f.value().textValue()).find()))
                .toList();
        assertThat(marked).as("captures with wiki markup (code, noformat, bold)").hasSizeGreaterThanOrEqualTo(3);
        for (Found found : marked) {
            String wiki = found.value().textValue();
            String plain = RichText.wikiToPlainText(wiki);
            assertThat(plain).as(found.where()).isNotEqualTo(wiki).hasSizeLessThan(wiki.length());
        }
    }

    @Test
    void adfExamplesOfTheCloudSpecAreReadBack() throws IOException {
        Path spec = OracleFiles.require("jira-openapi/swagger-v3.v3.json");
        List<JsonNode> docs = new ArrayList<>();
        collectExampleDocs(AdfJson.MAPPER.readTree(spec.toFile()), docs);
        assertThat(docs).as("ADF documents in the spec's examples").hasSizeGreaterThan(5);

        for (JsonNode doc : docs) {
            String plain = RichText.toPlainText(doc);
            assertThat(plain).as("plain text of %s", doc).contains(textNodeWords(doc));
            if (onlyUnmarkedParagraphs(doc)) {
                assertThat(RichText.toAdf(plain)).as("our ADF for the text of %s", doc).isEqualTo(doc);
            }
        }
    }

    private static List<Found> webhookRichText() throws IOException {
        Path dir = OracleFiles.require("jira-webhooks");
        List<Found> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode root = AdfJson.MAPPER.readTree(file.toFile());
                String name = file.getFileName().toString();
                add(found, name + " comment.body", root.path("comment").path("body"));
                add(found, name + " issue.fields.description", root.path("issue").path("fields").path("description"));
                JsonNode comments = root.path("issue").path("fields").path("comment").path("comments");
                for (int i = 0; i < comments.size(); i++) {
                    add(found, name + " issue.fields.comment.comments[" + i + "].body", comments.get(i).path("body"));
                }
            }
        }
        return found;
    }

    private static void add(List<Found> found, String where, JsonNode value) {
        if (value.isTextual() && !value.textValue().isEmpty() || RichText.isAdf(value)) {
            found.add(new Found(where, value));
        }
    }

    /** Every JSON document embedded as an "example" string, searched for ADF documents. */
    private static void collectExampleDocs(JsonNode node, List<JsonNode> docs) {
        if (RichText.isAdf(node)) {
            docs.add(node);
            return;
        }
        node.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if ("example".equals(field.getKey()) && value.isTextual() && value.textValue().contains("\"doc\"")) {
                collectExampleDocs(AdfJson.parse(value.textValue()), docs);
            } else {
                collectExampleDocs(value, docs);
            }
        });
        if (node.isArray()) {
            node.forEach(child -> collectExampleDocs(child, docs));
        }
    }

    private static String[] textNodeWords(JsonNode node) {
        List<String> words = new ArrayList<>();
        collectTextWords(node, words);
        return words.toArray(String[]::new);
    }

    private static void collectTextWords(JsonNode node, List<String> words) {
        if ("text".equals(node.path("type").asText())) {
            words.addAll(words(node.path("text").asText()));
        }
        node.path("content").forEach(child -> collectTextWords(child, words));
    }

    private static List<String> words(String text) {
        return WORD.matcher(text).results().map(m -> m.group()).toList();
    }

    private static boolean onlyUnmarkedParagraphs(JsonNode doc) {
        for (JsonNode block : doc.path("content")) {
            if (!"paragraph".equals(block.path("type").asText())) {
                return false;
            }
            for (JsonNode inline : block.path("content")) {
                if (!"text".equals(inline.path("type").asText()) || inline.has("marks")) {
                    return false;
                }
            }
        }
        return true;
    }
}
