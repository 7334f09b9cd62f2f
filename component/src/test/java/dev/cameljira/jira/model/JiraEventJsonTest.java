package dev.cameljira.jira.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameljira.jira.consumer.webhook.WebhookPayloads;
import dev.cameljira.sandbox.spec.Oracles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JiraEvent marshals to JSON with a plain Jackson mapper (as {@code marshal().json()} and the Apache jira-source
 * Kamelet do, without a date module), in the shape of a Jira webhook payload, whether it came from a webhook or a poll.
 */
class JiraEventJsonTest {

    private static final ObjectMapper PLAIN = new ObjectMapper();

    static Stream<Path> captures() throws Exception {
        Path dir = Oracles.require(Oracles.WEBHOOKS_DIR);
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("captures")
    void aWebhookEventMarshalsBackToThePayloadsKeyFields(Path capture) throws Exception {
        JsonNode payload = PLAIN.readTree(capture.toFile());
        JiraEvent event = WebhookPayloads.toEvent(payload, "delivery-1");

        JsonNode json = PLAIN.readTree(PLAIN.writeValueAsString(event));

        assertThat(json.path("webhookEvent").asText()).isEqualTo(payload.path("webhookEvent").asText());
        assertThat(json.path("source").asText()).isEqualTo("WEBHOOK");
        assertThat(json.path("eventId").asText()).isEqualTo("delivery-1");
        for (String path : List.of("/issue/key", "/issue/id", "/comment/id", "/project/key", "/changelog/items/0/field")) {
            if (!payload.at(path).isMissingNode() && !payload.at(path).isNull()) {
                assertThat(json.at(path).asText()).as(capture.getFileName() + " " + path).isEqualTo(payload.at(path).asText());
            }
        }
        if (payload.has("timestamp")) {
            assertThat(json.path("timestamp").asLong()).isEqualTo(payload.path("timestamp").asLong());
        }
    }

    @Test
    void aPolledEventMarshalsWithoutADateModule() throws Exception {
        JsonNode issueJson = PLAIN.readTree("{\"id\":\"10001\",\"key\":\"DEMO-7\",\"fields\":{\"summary\":\"Polled\","
                                            + "\"project\":{\"key\":\"DEMO\"},\"created\":\"2026-11-28T10:15:30.123+0000\"}}");
        ChangeItem item = ChangeItem.from(PLAIN.readTree("{\"field\":\"status\",\"fromString\":\"To Do\",\"toString\":\"Done\"}"));
        JiraEvent event = new JiraEvent("jira:issue_updated", Instant.parse("2026-11-28T10:16:00Z"), "issue_generic",
                JiraIssue.from(issueJson), null, "20001", List.of(item), null, null, JiraEvent.Source.POLL, "poll-1", issueJson);

        JsonNode json = PLAIN.readTree(PLAIN.writeValueAsString(event));

        assertThat(json.path("webhookEvent").asText()).isEqualTo("jira:issue_updated");
        assertThat(json.path("timestamp").asLong()).isEqualTo(Instant.parse("2026-11-28T10:16:00Z").toEpochMilli());
        assertThat(json.at("/issue/key").asText()).isEqualTo("DEMO-7");
        assertThat(json.at("/changelog/id").asText()).isEqualTo("20001");
        assertThat(json.at("/changelog/items/0/toString").asText()).isEqualTo("Done");
        assertThat(json.path("source").asText()).isEqualTo("POLL");
    }
}
