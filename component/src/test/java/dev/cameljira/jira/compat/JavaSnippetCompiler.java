package dev.cameljira.jira.compat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.apache.camel.builder.RouteBuilder;

/**
 * Compiles a Java DSL snippet (the body of {@link RouteBuilder#configure()}, as documentation shows it) into a
 * RouteBuilder at test time, so a documented example is run exactly as written, not a hand-made copy of it.
 */
final class JavaSnippetCompiler {

    /** Classes whose jars make up the compile classpath of a route snippet. */
    private static final List<Class<?>> API = List.of(RouteBuilder.class, org.apache.camel.CamelContext.class,
            org.apache.camel.builder.ValueBuilder.class, org.apache.camel.util.ObjectHelper.class,
            org.apache.camel.support.ExpressionAdapter.class);

    private JavaSnippetCompiler() {
    }

    /** Compiles {@code snippet} as the body of {@code configure()} and returns a new instance of the route builder. */
    static RouteBuilder compile(String snippet, Path workDir) throws IOException, ReflectiveOperationException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler: the tests must run on a JDK, not a JRE");
        }
        Path src = workDir.resolve("src/snippet/SnippetRoute.java");
        Path out = workDir.resolve("classes");
        Files.createDirectories(src.getParent());
        Files.createDirectories(out);
        Files.writeString(src, "package snippet;\n\npublic class SnippetRoute extends org.apache.camel.builder.RouteBuilder {\n"
                               + "    @Override\n    public void configure() throws Exception {\n" + snippet + "\n    }\n}\n",
                StandardCharsets.UTF_8);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int rc = javac.run(null, errors, errors, "-proc:none", "-classpath", classpath(), "-d", out.toString(), src.toString());
        if (rc != 0) {
            throw new IllegalStateException("the Java snippet does not compile:\n" + errors.toString(StandardCharsets.UTF_8)
                                            + "\n--- snippet ---\n" + snippet);
        }
        URLClassLoader loader = new URLClassLoader(new URL[] { out.toUri().toURL() }, RouteBuilder.class.getClassLoader());
        return (RouteBuilder) loader.loadClass("snippet.SnippetRoute").getDeclaredConstructor().newInstance();
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
