package dev.cameljira.jira.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cameljira.jira.compat.JavaSnippetCompiler;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples of jira-component.adoc are real code: every {@code [source,java]} block compiles as the body of a
 * RouteBuilder (with the imports a reader would add), every {@code [source,yaml]} block loads with Camel's YAML DSL.
 */
class DocExamplesTest {

    private static final Pattern BLOCK = Pattern.compile("(?s)\\[source,(java|yaml)\\]\\n----\\n(.*?)\\n----\\n");

    @TempDir
    Path tmp;

    @Test
    void javaExamplesCompile() throws IOException {
        List<String> java = blocks("java");
        assertThat(java).as("Java examples in the doc").hasSizeGreaterThan(20);
        try {
            JavaSnippetCompiler.compileAll(java, tmp);
        } catch (IllegalStateException e) {
            throw new AssertionError(ComponentDocsTest.DOC + ": a Java example does not compile (SnippetN is the (N+1)-th "
                                     + "[source,java] block):\n" + e.getMessage(), e);
        }
    }

    @Test
    void yamlExamplesLoad() throws Exception {
        List<String> yaml = blocks("yaml");
        assertThat(yaml).as("YAML examples in the doc").hasSizeGreaterThan(5);
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.build();
            for (int i = 0; i < yaml.size(); i++) {
                String route = asRoute(yaml.get(i), i);
                int before = context.getCamelContextExtension().getContextPlugin(ModelCamelContext.class).getRouteDefinitions().size();
                try {
                    PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("doc-example-" + i + ".yaml", route));
                } catch (Exception e) {
                    throw new AssertionError(ComponentDocsTest.DOC + ": YAML example " + (i + 1) + " does not load: " + e.getMessage()
                                             + "\n" + yaml.get(i), e);
                }
                int after = context.getCamelContextExtension().getContextPlugin(ModelCamelContext.class).getRouteDefinitions().size();
                assertThat(after).as("YAML example %s defines a route", i + 1).isGreaterThan(before);
            }
        }
    }

    /** A full route as is; a list of steps wrapped into a route from direct:. */
    private static String asRoute(String block, int index) {
        if (block.startsWith("- from:") || block.startsWith("- route:")) {
            return block;
        }
        StringBuilder sb = new StringBuilder("- from:\n    uri: direct:doc-example-" + index + "\n    steps:\n");
        block.lines().forEach(l -> sb.append("      ").append(l).append('\n'));
        return sb.toString();
    }

    private static List<String> blocks(String language) throws IOException {
        String doc = Files.readString(ComponentDocsTest.docPath(), StandardCharsets.UTF_8);
        Matcher m = BLOCK.matcher(doc);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            if (m.group(1).equals(language)) {
                out.add(m.group(2));
            }
        }
        return out;
    }
}
