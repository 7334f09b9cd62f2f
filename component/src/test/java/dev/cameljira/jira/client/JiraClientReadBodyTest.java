package dev.cameljira.jira.client;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link JiraClient#readBody}: every body comes back whole and exact, whether its length is declared (read into one
 * array of that size), unknown (chunked or compressed) or larger than what is read pre-sized, and however the stream
 * hands it over.
 */
class JiraClientReadBodyTest {

    private static byte[] bytes(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    /** A stream that gives at most 7 bytes per read, as a slow socket does. */
    private static InputStream trickling(byte[] content) {
        return new FilterInputStream(new ByteArrayInputStream(content)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 7));
            }
        };
    }

    @Test
    void aBodyWithItsLengthDeclaredIsReadWhole() throws IOException {
        byte[] body = bytes(5_764);
        assertThat(JiraClient.readBody(new ByteArrayEntity(body, ContentType.APPLICATION_JSON))).isEqualTo(body);
        assertThat(JiraClient.readBody(new InputStreamEntity(trickling(body), body.length, ContentType.APPLICATION_JSON)))
                .isEqualTo(body);
    }

    @Test
    void aBodyOfUnknownLengthIsReadWhole() throws IOException {
        byte[] body = bytes(300_001);
        assertThat(JiraClient.readBody(new InputStreamEntity(trickling(body), -1, ContentType.APPLICATION_JSON)))
                .isEqualTo(body);
    }

    @Test
    void aBodyLargerThanThePresizedLimitIsReadWhole() throws IOException {
        byte[] body = bytes(JiraClient.PRESIZED_MAX + 1);
        assertThat(JiraClient.readBody(new InputStreamEntity(new ByteArrayInputStream(body), body.length,
                ContentType.APPLICATION_OCTET_STREAM))).isEqualTo(body);
    }

    @Test
    void emptyAndMissingBodiesAreEmpty() throws IOException {
        assertThat(JiraClient.readBody(null)).isEmpty();
        assertThat(JiraClient.readBody(new ByteArrayEntity(new byte[0], ContentType.APPLICATION_JSON))).isEmpty();
    }

    @Test
    void aStreamThatEndsBeforeItsDeclaredLengthGivesWhatCameWithoutPadding() throws IOException {
        byte[] body = bytes(100);
        assertThat(JiraClient.readBody(new InputStreamEntity(new ByteArrayInputStream(body), 250,
                ContentType.APPLICATION_JSON))).isEqualTo(body);
    }
}
