package dev.cameljira.jira.consumer.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backup poll's search keeps the user's JQL whole and cuts only its own ORDER BY clause: quoted text that contains
 * the words "order by" (in either quote, with escaped quotes) stays in the filter, and ORDER BY in any case, spacing or
 * line break is cut. A broken filter would make every backup poll fail.
 */
class WebhookReconcileJqlTest {

    private static final Instant START = Instant.parse("2026-11-28T10:00:00Z");

    private static String query(String userJql) {
        WebhookReconciler r = new WebhookReconciler(() -> null, userJql, type -> true,
                new DeliveryLedger(MemoryIdempotentRepository.memoryIdempotentRepository(10), Duration.ofSeconds(1)),
                event -> true, Clock.fixed(START, ZoneOffset.UTC), START);
        return r.query(START.plusSeconds(60));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            summary ~ "order by"                                | (summary ~ "order by") AND updated >= -2m ORDER BY updated ASC
            summary ~ "sort order by date" ORDER BY key         | (summary ~ "sort order by date") AND updated >= -2m ORDER BY updated ASC
            summary ~ "a \\" order by b"                         | (summary ~ "a \\" order by b") AND updated >= -2m ORDER BY updated ASC
            summary ~ 'it\\'s in order by now' order by created | (summary ~ 'it\\'s in order by now') AND updated >= -2m ORDER BY updated ASC
            project = "ORDER BY" AND labels = x                 | (project = "ORDER BY" AND labels = x) AND updated >= -2m ORDER BY updated ASC
            project = DEMO ORDER BY created DESC                | (project = DEMO) AND updated >= -2m ORDER BY updated ASC
            project = DEMO order by created                     | (project = DEMO) AND updated >= -2m ORDER BY updated ASC
            project = DEMO Order   By rank                      | (project = DEMO) AND updated >= -2m ORDER BY updated ASC
            ORDER BY created DESC                               | updated >= -2m ORDER BY updated ASC
            """)
    void userJqlStaysWholeAndOnlyItsOrderByIsCut(String userJql, String expected) {
        assertThat(query(userJql)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "line break before {0}")
    @ValueSource(strings = {"ORDER BY", "order\tby", "Order\nBy", "ORDER\r\n  BY"})
    void orderByAfterALineBreakIsCut(String orderBy) {
        assertThat(query("project = DEMO\n" + orderBy + " key")).isEqualTo("(project = DEMO) AND updated >= -2m ORDER BY updated ASC");
    }
}
