package dev.cameljira.examples.sync;

import java.nio.file.Path;

/** The log file of the application under {@code @QuarkusTest} (the test profile writes one, see application.properties). */
final class TestLog {
    static final Path PATH = Path.of(System.getProperty("jira-sync.test-log", "target/jira-sync-test.log"));

    private TestLog() {
    }
}
