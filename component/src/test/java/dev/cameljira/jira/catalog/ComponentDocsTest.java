package dev.cameljira.jira.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The option and header tables of {@code src/main/docs/jira-component.adoc} are generated from the catalog descriptor
 * (jira.json, itself generated from the annotations): this test renders them and checks that the doc holds exactly that
 * text between its marker comments ({@code // component options: START} ... {@code // component options: END}, same
 * for {@code endpoint options} and {@code headers}). Run it with {@code -Ddocs.update=true} to rewrite the doc between
 * the markers instead; a stale doc fails the build with a message saying so.
 */
class ComponentDocsTest {

    static final String UPDATE_PROPERTY = "docs.update";
    static final String DOC = "src/main/docs/jira-component.adoc";
    static final String REGENERATE = "mvn -pl component test -Dtest=ComponentDocsTest -Ddocs.update=true "
                                     + "-Dsurefire.failIfNoSpecifiedTests=false";

    private static final Map<String, Function<JsonNode, String>> SECTIONS = new LinkedHashMap<>();

    static {
        SECTIONS.put("component options", CatalogTables::componentOptions);
        SECTIONS.put("endpoint options", CatalogTables::endpointOptions);
        SECTIONS.put("headers", CatalogTables::headers);
    }

    @Test
    void generatedTablesMatchTheCatalog() throws IOException {
        Path adoc = docPath();
        String doc = Files.readString(adoc, StandardCharsets.UTF_8);
        JsonNode json = CatalogJson.load();
        String updated = doc;
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, Function<JsonNode, String>> section : SECTIONS.entrySet()) {
            String rendered = section.getValue().apply(json);
            String current = between(updated, section.getKey());
            if (!current.equals(rendered)) {
                stale.add(section.getKey() + " (first difference: " + firstDifference(current, rendered) + ")");
                updated = replaceBetween(updated, section.getKey(), rendered);
            }
        }
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            if (!updated.equals(doc)) {
                Files.writeString(adoc, updated, StandardCharsets.UTF_8);
            }
            return;
        }
        assertThat(stale).as("%s is stale: its generated tables differ from jira.json (the @UriParam/@Metadata annotations). "
                             + "Regenerate them with: %s", adoc, REGENERATE).isEmpty();
    }

    @Test
    void everyOperationHasItsOwnSection() throws IOException {
        String doc = Files.readString(docPath(), StandardCharsets.UTF_8);
        for (dev.cameljira.jira.JiraOperation op : dev.cameljira.jira.JiraOperation.values()) {
            assertThat(doc).as("a section on %s", op.uriName()).contains("=== " + op.uriName() + "\n");
        }
    }

    private static String startMarker(String section) {
        return "// " + section + ": START\n";
    }

    private static String endMarker(String section) {
        return "// " + section + ": END\n";
    }

    /** The text between a section's markers; fails naming the marker that is missing. */
    private static String between(String doc, String section) {
        int start = doc.indexOf(startMarker(section));
        int end = doc.indexOf(endMarker(section));
        if (start < 0 || end < 0 || end < start) {
            throw new AssertionError(DOC + " lacks the markers '" + startMarker(section).strip() + "' ... '"
                                     + endMarker(section).strip() + "' (each on a line of its own) around the generated " + section);
        }
        return doc.substring(start + startMarker(section).length(), end);
    }

    private static String replaceBetween(String doc, String section, String text) {
        int start = doc.indexOf(startMarker(section)) + startMarker(section).length();
        int end = doc.indexOf(endMarker(section));
        return doc.substring(0, start) + text + doc.substring(end);
    }

    private static String firstDifference(String current, String expected) {
        String[] a = current.split("\n", -1);
        String[] b = expected.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "<none>";
            String y = i < b.length ? b[i] : "<none>";
            if (!x.equals(y)) {
                return "line " + (i + 1) + " is '" + abbreviate(x) + "', expected '" + abbreviate(y) + "'";
            }
        }
        return "none";
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }

    /** The doc, from the component module's folder (surefire's working directory) or the project root. */
    static Path docPath() {
        for (Path candidate : List.of(Path.of(DOC), Path.of("component").resolve(DOC))) {
            if (Files.isRegularFile(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        throw new AssertionError("cannot find " + DOC + " from " + Path.of("").toAbsolutePath());
    }
}
