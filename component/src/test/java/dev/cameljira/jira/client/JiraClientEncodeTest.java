package dev.cameljira.jira.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link JiraClient#encode(String)}: its no-encoding fast path gives what URLEncoder (spaces as %20) gives. */
class JiraClientEncodeTest {

    @Test
    void encodesLikeUrlEncoderWithSpacesAsPercent20() {
        for (String s : List.of("DEMO-1", "10001", "customfield_10016", "a.b*c", "", "my report.pdf", "a+b", "a~b", "a/b?c=d&e",
                "Ünïcödé", "100%", "key with  two spaces", "#hash", "ä", "\u20ac")) {
            assertThat(JiraClient.encode(s)).as(s)
                    .isEqualTo(URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"));
        }
    }

    @Test
    void valuesThatNeedNoEncodingAreReturnedAsTheyAre() {
        String key = "DEMO-123";
        assertThat(JiraClient.encode(key)).isSameAs(key);
    }
}
