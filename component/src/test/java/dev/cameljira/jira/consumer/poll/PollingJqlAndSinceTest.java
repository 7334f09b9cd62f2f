package dev.cameljira.jira.consumer.poll;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import dev.cameljira.jira.client.JiraInvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The poll window's JQL and the since option. */
class PollingJqlAndSinceTest {

    private static final ZoneId ST_JOHNS = ZoneId.of("America/St_Johns");
    private static final Instant AT = Instant.parse("2026-03-10T10:15:42.900Z");

    @Test
    void theUsersJqlIsParenthesisedAndTheDateWrittenInTheUsersZoneToTheMinute() {
        // St. John's is on daylight time (UTC-2:30) since 8 March 2026
        assertThat(PollJql.window("project = A OR project = B", "updated", AT, ST_JOHNS))
                .isEqualTo("(project = A OR project = B) AND updated >= \"2026-03-10 07:45\" ORDER BY updated ASC, key ASC");
        assertThat(PollJql.window(null, "created", AT, ZoneId.of("UTC")))
                .isEqualTo("created >= \"2026-03-10 10:15\" ORDER BY created ASC, key ASC");
        assertThat(PollJql.window("  ", "updated", AT, ZoneId.of("UTC"))).startsWith("updated >= ");
    }

    @Test
    void theUsersOrderByIsCutOffButNotInsideQuotes() {
        // the cutting itself is JqlWindow's (JqlWindowTest), shared with the webhook's backup poll
        assertThat(PollJql.window("summary ~ \"order by\" Order By key", "updated", AT, ZoneId.of("UTC")))
                .isEqualTo("(summary ~ \"order by\") AND updated >= \"2026-03-10 10:15\" ORDER BY updated ASC, key ASC");
        assertThat(PollJql.window("ORDER BY created DESC", "updated", AT, ZoneId.of("UTC"))).startsWith("updated >= ");
    }

    @Test
    void sinceAcceptsNowDurationsAndTimestamps() {
        Instant now = Instant.parse("2026-03-10T12:00:00Z");
        assertThat(PollSince.parse(null).resolve(now, ST_JOHNS)).isEqualTo(now);
        assertThat(PollSince.parse(" NOW ").resolve(now, ST_JOHNS)).isEqualTo(now);
        assertThat(PollSince.parse("-1h").resolve(now, ST_JOHNS)).isEqualTo(now.minus(Duration.ofHours(1)));
        assertThat(PollSince.parse("-30m").resolve(now, ST_JOHNS)).isEqualTo(now.minus(Duration.ofMinutes(30)));
        assertThat(PollSince.parse("-2d").resolve(now, ST_JOHNS)).isEqualTo(now.minus(Duration.ofDays(2)));
        assertThat(PollSince.parse("-1h 30m").resolve(now, ST_JOHNS)).isEqualTo(now.minus(Duration.ofMinutes(90)));
        assertThat(PollSince.parse("-PT45M").resolve(now, ST_JOHNS)).isEqualTo(now.minus(Duration.ofMinutes(45)));
        assertThat(PollSince.parse("2026-03-01T08:00:00Z").resolve(now, ST_JOHNS)).isEqualTo(Instant.parse("2026-03-01T08:00:00Z"));
        assertThat(PollSince.parse("2026-03-01T08:00:00+01:00").resolve(now, ST_JOHNS)).isEqualTo(Instant.parse("2026-03-01T07:00:00Z"));
        assertThat(PollSince.parse("2026-03-01T08:00:00.000+0100").resolve(now, ST_JOHNS)).isEqualTo(Instant.parse("2026-03-01T07:00:00Z"));
        assertThat(PollSince.parse("2026-03-01T08:00").resolve(now, ST_JOHNS)).as("local: the user's zone")
                .isEqualTo(Instant.parse("2026-03-01T11:30:00Z"));
        assertThat(PollSince.parse("2026-03-01 08:00").resolve(now, ST_JOHNS)).isEqualTo(Instant.parse("2026-03-01T11:30:00Z"));
        assertThat(PollSince.parse("2026-03-01").resolve(now, ST_JOHNS)).isEqualTo(Instant.parse("2026-03-01T03:30:00Z"));
        assertThat(PollSince.parse("-1h").relative()).isTrue();
        assertThat(PollSince.parse("2026-03-01").relative()).isFalse();
    }

    @Test
    void aBadSinceIsRejectedNamingTheOptionAndTheFormats() {
        for (String bad : new String[] {"yesterday", "1h", "-1x", "2026-13-01", "-"}) {
            assertThatThrownBy(() -> PollSince.parse(bad)).as(bad).isInstanceOf(JiraInvalidInputException.class)
                    .hasMessageContaining("since '" + bad + "' is not valid").hasMessageContaining("-1h");
        }
    }
}
