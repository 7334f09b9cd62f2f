package dev.cameljira.sandbox.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Sanity of the captured webhook payloads that the consumer tests replay. */
class WebhookOraclesTest {

    @Test
    void sixteenRealPayloadsParseAsJiraWebhookEvents() throws IOException {
        Path dir = Oracles.require(Oracles.WEBHOOKS_DIR);
        List<Path> payloads;
        try (Stream<Path> files = Files.list(dir)) {
            payloads = files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        assertThat(payloads).hasSize(16);
        ObjectMapper json = new ObjectMapper();
        for (Path payload : payloads) {
            JsonNode event = json.readTree(payload.toFile());
            assertThat(event.path("webhookEvent").asText()).as("webhookEvent of %s", payload.getFileName())
                    .matches("(jira:)?[a-z_]+");
            assertThat(event.path("timestamp").isNumber()).as("numeric timestamp in %s", payload.getFileName())
                    .isTrue();
        }
    }
}
