package dev.cameljira.jira.consumer.poll;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cursor survives the application: a new CamelContext reading the same FileStateRepository goes on where the
 * previous one stopped, for each consumer kind, without losing or repeating an event.
 */
abstract class PollingRestartContract extends PollingTestSupport {

    @TempDir
    Path dir;

    @Test
    void aNewContextOnTheSameFileStateRepositoryResumesWithoutLossOrRepeat() throws Exception {
        File file = dir.resolve("jira-cursors.state").toFile();
        assertResumesAcrossContexts(() -> FileStateRepository.fileStateRepository(file),
                consumers -> assertThat(Files.readString(file.toPath())).contains(consumers.get(0).getStateKey()));
    }

    @Test
    void withoutAStateRepositoryANewContextStartsAgainFromSince() throws Exception {
        CamelContext first = newContext(Map.of());
        JiraPollingConsumer consumer = addRoute(first, "jira:newIssues", recorder);
        consumer.poll();
        String a = createIssue("seen by the first context");
        consumer.poll();
        first.stop();
        createIssue("made while nothing runs");
        clock.advance(Duration.ofMinutes(3));
        CamelContext second = newContext(Map.of());
        try {
            consumer = addRoute(second, "jira:newIssues", recorder);
            consumer.poll();
            String b = createIssue("seen by the second context");
            consumer.poll();
            assertThat(keys(recorder.events())).as("the in-memory cursor died with the first context").containsExactly(a, b);
        } finally {
            second.stop();
        }
    }
}
