package dev.cameljira.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A {@code jira:webhook} with its default limits (1 MiB body, JSON depth 64) and a secret gets bad deliveries: each is
 * answered with its 4xx, reaches no route, and the next good delivery is still routed (once).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookBadInputFaultTest {

    private WebhookReceiver receiver;

    @BeforeAll
    void start() throws Exception {
        SuiteSecrets.ran(getClass());
        receiver = new WebhookReceiver("");
    }

    @AfterAll
    void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }

    /** A bad delivery: what it sends, and the status it must get. */
    @FunctionalInterface
    interface Send {
        int to(WebhookReceiver receiver) throws IOException;
    }

    static Stream<Arguments> badDeliveries() {
        byte[] good = WebhookReceiver.event("FLT-1", 10);
        String text = new String(good, StandardCharsets.UTF_8);
        return Stream.of(
                bad("malformed JSON", 400, r -> signed(r, "{\"webhookEvent\": jira:issue_updated,,}".getBytes(StandardCharsets.UTF_8))),
                bad("truncated JSON", 400, r -> signed(r, Arrays.copyOf(good, good.length / 2))),
                bad("empty body", 400, r -> signed(r, new byte[0])),
                bad("invalid UTF-8: a lone continuation byte", 400, r -> signed(r, utf8Broken(text, new byte[] {(byte) 0x80}))),
                bad("invalid UTF-8: 0xFF", 400, r -> signed(r, utf8Broken(text, new byte[] {(byte) 0xFF, (byte) 0xFE}))),
                bad("invalid UTF-8: a truncated 3-byte sequence", 400, r -> signed(r, utf8Broken(text, new byte[] {(byte) 0xE2, (byte) 0x82}))),
                bad("invalid UTF-8: an overlong '/'", 400, r -> signed(r, utf8Broken(text, new byte[] {(byte) 0xC0, (byte) 0xAF}))),
                bad("invalid UTF-8: an encoded surrogate", 400, r -> signed(r, utf8Broken(text, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}))),
                bad("100,000-deep nesting", 400, r -> signed(r, ("{\"webhookEvent\":\"jira:issue_updated\",\"deep\":"
                        + "[".repeat(100_000) + "]".repeat(100_000) + "}").getBytes(StandardCharsets.UTF_8))),
                bad("100,000-deep objects", 400, r -> signed(r, ("{\"webhookEvent\":\"jira:issue_updated\",\"deep\":"
                        + "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000) + "}").getBytes(StandardCharsets.UTF_8))),
                bad("oversized (1 MiB + 1 byte, the default maxBodySize)", 413, r -> signed(r, padded(1_048_577))),
                bad("oversized, announced by Content-Length only", 413, r -> r.raw(r.rawHead(new byte[0], id())
                        .replace("Content-Length: 0", "Content-Length: 50000000"), new byte[0])),
                bad("Content-Type text/plain", 415, r -> r.send(r.signed(good, id()).setHeader("Content-Type", "text/plain").build()).statusCode()),
                bad("Content-Type form", 415, r -> r.send(r.signed(good, id())
                        .setHeader("Content-Type", "application/x-www-form-urlencoded").build()).statusCode()),
                bad("no Content-Type", 415, r -> r.raw(r.rawHead(good, id()).replace("Content-Type: application/json\r\n", ""), good)),
                bad("GET", 405, r -> r.send(HttpRequest.newBuilder(r.uri()).GET().build()).statusCode()),
                bad("PUT", 405, r -> r.send(r.signed(good, id()).PUT(HttpRequest.BodyPublishers.ofByteArray(good)).build()).statusCode()),
                bad("DELETE", 405, r -> r.send(HttpRequest.newBuilder(r.uri()).DELETE().build()).statusCode()),
                bad("missing signature", 401, r -> r.raw(r.rawHead(good, id()).replaceAll("X-Hub-Signature: [^\r]*\r\n", ""), good)),
                bad("blank signature", 401, r -> r.send(r.signed(good, id()).setHeader(WebhookReceiver.SIGNATURE, " ").build()).statusCode()),
                bad("signature of another body", 401, r -> r.send(r.signed(good, id())
                        .setHeader(WebhookReceiver.SIGNATURE, WebhookReceiver.sign("{}".getBytes(StandardCharsets.UTF_8))).build()).statusCode()),
                bad("wrong signature (well-formed hex)", 401, r -> r.send(r.signed(good, id())
                        .setHeader(WebhookReceiver.SIGNATURE, "sha256=" + "ab".repeat(32)).build()).statusCode()),
                bad("signature not hex", 401, r -> r.send(r.signed(good, id())
                        .setHeader(WebhookReceiver.SIGNATURE, "sha256=not-hex-at-all").build()).statusCode()),
                bad("CR inside a header value", 400, r -> r.raw(r.rawHead(good, "id-with\rcr"), good)),
                bad("CRLF smuggling a header into the delivery id", 400, r -> r.raw(r.rawHead(good, id() + "\r\n "
                        + "X-Injected: yes"), good)),
                bad("LF inside a header value", 400, r -> r.raw(r.rawHead(good, id(), "X-Note: a\nb"), good)),
                bad("NUL inside a header value", 400, r -> r.raw(r.rawHead(good, "id-with\0nul"), good)),
                bad("space before a header's colon", 400, r -> r.raw(r.rawHead(good, id(), "X-Hub-Signature : sha256=00"), good)),
                bad("overlong delivery id", 400, r -> signed(r, good, "x".repeat(300))));
    }

    private static Arguments bad(String name, int status, Send send) {
        return Arguments.of(name, status, send);
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static int signed(WebhookReceiver r, byte[] body) {
        return signed(r, body, id());
    }

    private static int signed(WebhookReceiver r, byte[] body, String deliveryId) {
        return r.deliver(body, deliveryId).statusCode();
    }

    /** The event with {@code bytes} written into its summary (a valid signature over the broken bytes). */
    private static byte[] utf8Broken(String event, byte[] bytes) {
        int at = event.indexOf("Fault suite") + "Fault suite".length();
        byte[] head = event.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] tail = event.substring(at).getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(head, head.length + bytes.length + tail.length);
        System.arraycopy(bytes, 0, all, head.length, bytes.length);
        System.arraycopy(tail, 0, all, head.length + bytes.length, tail.length);
        return all;
    }

    private static byte[] padded(int size) {
        byte[] event = WebhookReceiver.event("FLT-BIG", 0);
        return WebhookReceiver.event("FLT-BIG", size - event.length);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badDeliveries")
    void aBadDeliveryGetsItsStatusReachesNoRouteAndTheNextGoodOneIsRouted(String name, int status, Send send)
            throws Exception {
        int routedBefore = receiver.routedKeys().size();

        int answered = send.to(receiver);

        assertThat(answered).as("status of: %s", name).isEqualTo(status);
        assertThat(receiver.routedKeys()).as("nothing routed for: %s", name).hasSize(routedBefore);

        String next = "FLT-NEXT-" + UUID.randomUUID();
        String nextId = id();
        assertThat(receiver.deliver(WebhookReceiver.event(next, 10), nextId).statusCode()).as("the next good delivery")
                .isEqualTo(200);
        assertThat(receiver.routedKeys()).as("the next good delivery is routed").hasSize(routedBefore + 1).last().isEqualTo(next);
        assertThat(receiver.routedById().get(nextId)).hasValue(1);
    }
}
