package dev.cameljira.jira.consumer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook and the polling consumers are separate packages that never reference each other (what they share lives
 * in {@code consumer}, which references neither), so either can change without the other.
 */
class ConsumerPackagesTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/cameljira/jira/consumer");

    private static List<Path> sources(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }

    @ParameterizedTest(name = "{0} does not reference {1}")
    @CsvSource({"webhook, poll", "poll, webhook", "'', webhook", "'', poll"})
    void packagesDoNotReferenceEachOther(String from, String forbidden) throws IOException {
        List<Path> files = sources(from.isEmpty() ? SOURCES : SOURCES.resolve(from));
        assertThat(files).as("sources of consumer.%s", from).isNotEmpty();
        for (Path f : files) {
            assertThat(Files.readString(f, StandardCharsets.UTF_8)).as("%s", f)
                    .doesNotContain("dev.cameljira.jira.consumer." + forbidden + ".");
        }
    }
}
