package dev.cameljira.jira.consumer.webhook;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The UTF-8 check of webhook bodies refuses exactly what Java's strict UTF-8 decoder refuses (overlong forms, encoded
 * surrogates, code points above U+10FFFF, truncated and stray bytes) and names the same byte offset.
 */
class WebhookUtf8CheckTest {

    @Test
    void everyOneToFourByteSequenceIsJudgedAsTheStrictDecoderDoes() {
        byte[] one = new byte[1];
        byte[] two = new byte[2];
        for (int a = 0; a < 256; a++) {
            one[0] = (byte) a;
            assertSame(one);
            two[0] = (byte) a;
            for (int b = 0; b < 256; b++) {
                two[1] = (byte) b;
                assertSame(two);
            }
        }
        // three and four bytes: every lead byte with the continuation boundaries around each range
        int[] edges = {0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2, 0xe0, 0xed, 0xf0, 0xf4, 0xff};
        for (int a = 0xc0; a < 256; a++) {
            for (int b : edges) {
                for (int c : edges) {
                    assertSame(new byte[] {(byte) a, (byte) b, (byte) c});
                    for (int d : edges) {
                        assertSame(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
                        assertSame(new byte[] {'{', (byte) a, (byte) b, (byte) c, (byte) d, '}'});
                    }
                }
            }
        }
    }

    @Test
    void randomTextWithBadBytesIsJudgedAsTheStrictDecoderDoes() {
        Random random = new Random(11);
        String good = "{\"webhookEvent\":\"jira:issue_updated\",\"s\":\"Zürich – 東京 😀\"}";
        byte[] base = good.getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookPayloads.invalidUtf8At(base)).isEqualTo(-1);
        for (int round = 0; round < 20_000; round++) {
            byte[] b = base.clone();
            for (int k = random.nextInt(3); k >= 0; k--) {
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            }
            assertSame(b);
        }
    }

    /** Long ASCII runs are checked a word at a time: a bad byte or sequence at any offset within or after a word. */
    @Test
    void aBadSequenceAnywhereInALongAsciiRunIsFound() {
        byte[][] bad = {{(byte) 0x80}, {(byte) 0xff}, {(byte) 0xc0, (byte) 0xaf}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
            {(byte) 0xe2, (byte) 0x82}, {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};
        byte[][] good = {{(byte) 0xc3, (byte) 0xbc}, {(byte) 0xe2, (byte) 0x80, (byte) 0x93},
            {(byte) 0xf0, (byte) 0x9f, (byte) 0x98, (byte) 0x80}};
        for (int length = 0; length <= 40; length++) {
            for (int at = 0; at <= length; at++) {
                for (byte[] seq : bad) {
                    assertSame(spliced(length, at, seq));
                }
                for (byte[] seq : good) {
                    byte[] b = spliced(length, at, seq);
                    assertThat(WebhookPayloads.invalidUtf8At(b)).isEqualTo(-1);
                    assertSame(b);
                }
            }
        }
    }

    /** {@code length} ASCII letters with {@code seq} inserted at {@code at}. */
    private static byte[] spliced(int length, int at, byte[] seq) {
        byte[] b = new byte[length + seq.length];
        for (int i = 0, j = 0; i < b.length; i++) {
            b[i] = i >= at && i < at + seq.length ? seq[i - at] : (byte) ('a' + (j++ % 26));
        }
        return b;
    }

    @Test
    void aPayloadWithAnEncodedSurrogateIsRefusedNamingTheOffset() {
        byte[] body = "{\"webhookEvent\":\"jira:issue_updated\",\"x\":\"?\"}".getBytes(StandardCharsets.US_ASCII);
        byte[] bad = new byte[body.length + 2];
        int at = good(body).indexOf('?');
        System.arraycopy(body, 0, bad, 0, at);
        bad[at] = (byte) 0xed;
        bad[at + 1] = (byte) 0xa0;
        bad[at + 2] = (byte) 0x80;
        System.arraycopy(body, at + 1, bad, at + 3, body.length - at - 1);
        assertThatThrownBy(() -> WebhookPayloads.parse(WebhookPayloads.reader(64), bad))
                .isInstanceOf(WebhookPayloads.InvalidPayloadException.class)
                .hasMessage("invalid UTF-8 at byte " + at + ": a Jira webhook payload is UTF-8 JSON");
    }

    private static void assertSame(byte[] bytes) {
        assertThat(WebhookPayloads.invalidUtf8At(bytes)).as("bytes %s", hex(bytes)).isEqualTo(decoderSays(bytes));
    }

    /** The offset Java's strict UTF-8 decoder refuses at, or -1. */
    private static int decoderSays(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length + 8);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            return in.position();
        }
        return decoder.flush(out).isError() ? in.position() : -1;
    }

    private static String good(byte[] ascii) {
        return new String(ascii, StandardCharsets.US_ASCII);
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(String.format("%02x ", b & 0xff));
        }
        return sb.toString().trim();
    }
}
