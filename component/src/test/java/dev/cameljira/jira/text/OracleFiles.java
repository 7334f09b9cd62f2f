package dev.cameljira.jira.text;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the shared, read-only oracle files (real Jira webhook captures, Atlassian's OpenAPI specs): system property
 * {@code oracles.dir}, else {@code ../shared/oracles} next to the project root or any of its ancestors. When they
 * are missing a test is skipped, except with env {@code CI=true}, where it fails.
 */
final class OracleFiles {

    private OracleFiles() {
    }

    /** The oracle directory, or the calling test is aborted (failed on CI) naming where it looked. */
    static Path require(String subPath) {
        String property = System.getProperty("oracles.dir");
        Path found = null;
        if (property != null && !property.isBlank() && !property.contains("${")) {
            found = existing(Path.of(property), subPath);
        }
        for (Path dir = Path.of("").toAbsolutePath(); found == null && dir != null; dir = dir.getParent()) {
            found = existing(dir.resolve("../shared/oracles").normalize(), subPath);
        }
        if (found == null) {
            String message = "oracle files '" + subPath + "' not found (system property oracles.dir=" + property
                    + ", and no ../shared/oracles above " + Path.of("").toAbsolutePath() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        return found;
    }

    private static Path existing(Path oracles, String subPath) {
        Path candidate = oracles.resolve(subPath);
        return Files.exists(candidate) ? candidate : null;
    }
}
