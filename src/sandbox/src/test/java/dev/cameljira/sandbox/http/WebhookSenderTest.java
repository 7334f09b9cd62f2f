package dev.cameljira.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cameljira.sandbox.emulator.WebhookReceiver;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one webhook sender of every emulated product: retries by the product's policy, order, records. */
class WebhookSenderTest {

    private record Event(URI target, String name) implements WebhookSender.Delivery {
        @Override
        public byte[] body() {
            return ("{\"name\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public Map<String, String> headers(int attempt) {
            return Map.of("Content-Type", "application/json", "X-Attempt", String.valueOf(attempt));
        }
    }

    /** One record per finished delivery: name, attempts, last status. */
    private record Done(String name, int attempts, int status) {
    }

    private static final WebhookSender.Recorder<Done> WHOLE = new WebhookSender.Recorder<>() {
        @Override
        public Done finished(WebhookSender.Delivery delivery, WebhookSender.Attempt last) {
            return new Done(((Event) delivery).name(), last.number(), last.status());
        }
    };

    private WebhookReceiver receiver;
    private WebhookSender<Done> sender;

    @BeforeEach
    void receive() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void close() {
        if (sender != null) {
            sender.close();
        }
        receiver.close();
    }

    @Test
    void transientFailuresAreRetriedWithTheAttemptNumberInTheHeadersUntilDelivered() throws Exception {
        receiver.answerNext(503, 429);
        sender = new WebhookSender<>("test-webhooks", Duration.ofSeconds(5),
                WebhookSender.RetryPolicy.transientFailures(4, Duration.ofMillis(1), 2), true, WHOLE);

        sender.send(new Event(receiver.url(), "a"));

        assertThat(sender.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(sender.records()).containsExactly(new Done("a", 3, 200));
        assertThat(receiver.requests()).extracting(r -> r.header("X-Attempt")).containsExactly("1", "2", "3");
    }

    @Test
    void anAnswerThePolicyDoesNotRetryEndsTheDeliveryAsFailed() throws Exception {
        receiver.answerNext(400);
        sender = new WebhookSender<>("test-webhooks", Duration.ofSeconds(5),
                WebhookSender.RetryPolicy.transientFailures(4, Duration.ofMillis(1), 2), true, WHOLE);

        sender.send(new Event(receiver.url(), "a"));

        assertThat(sender.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(sender.records()).containsExactly(new Done("a", 1, 400));
        assertThat(receiver.attempts()).isEqualTo(1);
    }

    @Test
    void anOrderedSenderHoldsLaterEventsBackWhileAnEarlierOneIsRetried() throws Exception {
        receiver.answerNext(503);
        sender = new WebhookSender<>("test-webhooks", Duration.ofSeconds(5),
                WebhookSender.RetryPolicy.transientFailures(4, Duration.ofMillis(50), 2), true, WHOLE);

        sender.send(new Event(receiver.url(), "first"));
        sender.send(new Event(receiver.url(), "second"));

        assertThat(sender.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(receiver.received()).extracting(r -> r.json().get("name").asText())
                .containsExactly("first", "second");
    }

    @Test
    void anUnorderedSenderLetsLaterEventsGoAheadOfARetry() throws Exception {
        receiver.answerNext(503);
        sender = new WebhookSender<>("test-webhooks", Duration.ofSeconds(5),
                WebhookSender.RetryPolicy.transientFailures(4, Duration.ofMillis(300), 2), false, WHOLE);

        sender.send(new Event(receiver.url(), "first"));
        sender.send(new Event(receiver.url(), "second"));

        assertThat(sender.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(receiver.received()).extracting(r -> r.json().get("name").asText())
                .containsExactly("second", "first");
    }

    @Test
    void duplicatesSendEveryAttemptTwiceAndPerAttemptRecordsSeeBoth() throws Exception {
        WebhookSender<String> twice = new WebhookSender<>("test-webhooks", Duration.ofSeconds(5), last -> null, false,
                new WebhookSender.Recorder<String>() {
                    @Override
                    public String attempted(WebhookSender.Delivery delivery, WebhookSender.Attempt attempt) {
                        return attempt.number() + ":" + attempt.status();
                    }
                }).duplicates(() -> true);
        try {
            twice.send(new Event(receiver.url(), "a"));

            assertThat(twice.awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(twice.records()).isEqualTo(List.of("1:200", "1:200"));
            assertThat(receiver.received()).hasSize(2);
        } finally {
            twice.close();
        }
    }

    @Test
    void anUnreachableTargetIsRecordedWithoutAStatus() throws Exception {
        URI closed = receiver.url();
        receiver.close();
        sender = new WebhookSender<>("test-webhooks", Duration.ofSeconds(2),
                WebhookSender.RetryPolicy.transientFailures(2, Duration.ofMillis(1), 1), true, WHOLE);

        sender.send(new Event(closed, "lost"));

        assertThat(sender.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(sender.records()).containsExactly(new Done("lost", 2, -1));
        receiver = new WebhookReceiver();
    }
}
