package dev.cameljira.sandbox.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;

/**
 * Locates the read-only oracle files (Atlassian's OpenAPI documents, captured webhook payloads, Zendesk and
 * ServiceNow references) that tests check the code against. The files are never copied into the project.
 *
 * <p>Where they are: the system property {@value #PROPERTY} when set (the root pom passes it to Surefire),
 * otherwise {@code <project root>/../shared/oracles}, where the project root is found by walking up from the
 * working directory to the {@code pom.xml} whose own artifactId is {@value #ROOT_ARTIFACT_ID}; without such a
 * root, the nearest {@code shared/oracles} folder above the working directory.
 *
 * <p>When a file is missing, {@link #require(String)} skips the calling test with a message naming the path,
 * except under CI (environment variable {@code CI=true}), where a missing oracle fails the build.
 */
public final class Oracles {

    /** System property that overrides the oracles folder. */
    public static final String PROPERTY = "oracles.dir";

    /** The Jira Cloud platform REST API v3 OpenAPI document ({@code /rest/api/3/...} paths). */
    public static final String CLOUD_SPEC = "jira-openapi/swagger-v3.v3.json";

    /** The Jira Software Data Center 10.3 OpenAPI document ({@code /api/2/...} paths under server {@code /rest}). */
    public static final String DC_SPEC = "jira-openapi/jira-software-dc-10.3-openapi.json";

    /** Folder of real webhook payloads captured from Jira Cloud and Server ({@code *.json}). */
    public static final String WEBHOOKS_DIR = "jira-webhooks";

    static final String ROOT_ARTIFACT_ID = "camel-jira-connector-parent";

    private static final Pattern PARENT_BLOCK = Pattern.compile("<parent>.*?</parent>", Pattern.DOTALL);
    private static final String ROOT_MARKER = "<artifactId>" + ROOT_ARTIFACT_ID + "</artifactId>";

    private Oracles() {
    }

    /**
     * The oracles folder: {@code -Doracles.dir} if set, else {@code <project root>/../shared/oracles}. The folder
     * may not exist; {@link #require(String)} reports that.
     */
    public static Path dir() {
        return dir(System::getProperty, Path.of(System.getProperty("user.dir")));
    }

    /** The oracle file at {@code relative} (e.g. {@link #CLOUD_SPEC}) if it exists. */
    public static Optional<Path> find(String relative) {
        Path file = dir().resolve(relative);
        return Files.exists(file) ? Optional.of(file) : Optional.empty();
    }

    /**
     * The oracle file at {@code relative}. When it is missing the calling test is aborted (reported as skipped)
     * with a message naming the path; under CI ({@code CI=true}) an {@link IllegalStateException} fails it instead.
     */
    public static Path require(String relative) {
        return require(relative, dir(), System::getenv);
    }

    static Path require(String relative, Path dir, Function<String, String> env) {
        Path file = dir.resolve(relative).normalize();
        if (Files.exists(file)) {
            return file;
        }
        if ("true".equalsIgnoreCase(env.apply("CI"))) {
            throw new IllegalStateException("oracle " + relative + " not found at " + file
                    + ": under CI a missing oracle fails the build; set -D" + PROPERTY + "=<folder holding "
                    + "jira-openapi/, jira-webhooks/, ...>");
        }
        Assumptions.abort("oracle " + relative + " not found at " + file + " (the test needs the shared oracles;"
                + " set -D" + PROPERTY + " to their folder). Skipped; under CI=true this fails the build.");
        throw new AssertionError("unreachable");
    }

    static Path dir(Function<String, String> properties, Path workingDir) {
        String override = properties.apply(PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath().normalize();
        }
        Path start = workingDir.toAbsolutePath().normalize();
        for (Path d = start; d != null; d = d.getParent()) {
            if (isProjectRoot(d)) {
                return oraclesNextTo(d);
            }
        }
        // no project root above the working directory (a copy of a module, a scratch project): the nearest
        // shared/oracles above it, else the best guess, which may not exist
        for (Path d = start; d != null; d = d.getParent()) {
            Path candidate = d.resolve("shared").resolve("oracles");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return oraclesNextTo(start);
    }

    private static Path oraclesNextTo(Path projectRoot) {
        Path parent = projectRoot.getParent() != null ? projectRoot.getParent() : projectRoot;
        return parent.resolve("shared").resolve("oracles");
    }

    static boolean isProjectRoot(Path dir) {
        Path pom = dir.resolve("pom.xml");
        if (!Files.isRegularFile(pom)) {
            return false;
        }
        try {
            String text = Files.readString(pom);
            // a module's pom names the root artifactId inside <parent>; only the root declares it as its own
            return PARENT_BLOCK.matcher(text).replaceAll("").contains(ROOT_MARKER);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pom, e);
        }
    }
}
