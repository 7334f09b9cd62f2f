package dev.cameljira.jira.compat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.jira.JiraComponent;
import org.apache.camel.builder.RouteBuilder;

/**
 * Compiles Java DSL snippets (the body of {@link RouteBuilder#configure()}, as documentation shows them) into
 * RouteBuilders at test time, so documented examples are checked exactly as written, not as hand-made copies.
 */
public final class JavaSnippetCompiler {

    /** Imports every snippet gets: what the docs' examples use without saying. */
    public static final List<String> IMPORTS = List.of("java.util.*", "dev.cameljira.jira.*", "dev.cameljira.jira.model.*",
            "dev.cameljira.jira.client.*", "org.apache.camel.*", "org.apache.camel.support.jsse.*");

    /** Classes whose jars (or folders) make up the compile classpath of a snippet. */
    private static final List<Class<?>> API = List.of(RouteBuilder.class, org.apache.camel.CamelContext.class,
            org.apache.camel.builder.ValueBuilder.class, org.apache.camel.util.ObjectHelper.class,
            org.apache.camel.support.ExpressionAdapter.class, JiraComponent.class, JsonNode.class,
            com.fasterxml.jackson.core.TreeNode.class);

    private JavaSnippetCompiler() {
    }

    /** Compiles {@code snippet} as the body of {@code configure()} and returns a new instance of the route builder. */
    public static RouteBuilder compile(String snippet, Path workDir) throws IOException, ReflectiveOperationException {
        Path out = compileAll(List.of(snippet), workDir);
        URLClassLoader loader = new URLClassLoader(new URL[] { out.toUri().toURL() }, RouteBuilder.class.getClassLoader());
        return (RouteBuilder) loader.loadClass("snippet.Snippet0").getDeclaredConstructor().newInstance();
    }

    /**
     * Compiles each snippet as the {@code configure()} body of its own RouteBuilder ({@code snippet.Snippet<i>}), with
     * {@link #IMPORTS} and a local variable {@code context} (the CamelContext); returns the classes folder. Fails with
     * javac's messages and the snippets that do not compile.
     */
    public static Path compileAll(List<String> snippets, Path workDir) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler: the tests must run on a JDK, not a JRE");
        }
        Path srcDir = workDir.resolve("src/snippet");
        Path out = workDir.resolve("classes");
        Files.createDirectories(srcDir);
        Files.createDirectories(out);
        List<String> args = new ArrayList<>(List.of("-proc:none", "-nowarn", "-classpath", classpath(), "-d", out.toString()));
        StringBuilder imports = new StringBuilder();
        IMPORTS.forEach(i -> imports.append("import ").append(i).append(";\n"));
        for (int i = 0; i < snippets.size(); i++) {
            Path src = srcDir.resolve("Snippet" + i + ".java");
            Files.writeString(src, "package snippet;\n\n" + imports + "\n@SuppressWarnings(\"all\")\npublic class Snippet" + i
                                   + " extends org.apache.camel.builder.RouteBuilder {\n"
                                   + "    @Override\n    public void configure() throws Exception {\n"
                                   + "        org.apache.camel.CamelContext context = getContext();\n"
                                   + snippets.get(i) + "\n    }\n}\n", StandardCharsets.UTF_8);
            args.add(src.toString());
        }
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int rc = javac.run(null, errors, errors, args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("Java snippets do not compile:\n" + errors.toString(StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String classpath() {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> c : API) {
            try {
                entries.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (URISyntaxException e) {
                throw new IllegalStateException("cannot locate the jar of " + c.getName(), e);
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }
}
