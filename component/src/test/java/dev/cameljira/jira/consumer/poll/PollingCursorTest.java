package dev.cameljira.jira.consumer.poll;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import dev.cameljira.jira.consumer.JiraConsumerType;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cursor of the polling consumers: window start, de-duplication, pruning, holding, storage. */
class PollingCursorTest {

    private static final ZoneId ZONE = ZoneId.of("America/St_Johns");
    private static final Duration NO_OVERLAP = Duration.ZERO;

    @Test
    void theWindowStartsAtTheWatermarkFlooredToTheMinuteMinusTheOverlap() {
        PollCursor c = PollCursor.startingAt(Instant.parse("2026-03-10T10:15:42.500Z"));
        assertThat(c.windowStart(NO_OVERLAP, ZONE)).isEqualTo(Instant.parse("2026-03-10T10:15:00Z"));
        assertThat(c.windowStart(Duration.ofSeconds(90), ZONE)).isEqualTo(Instant.parse("2026-03-10T10:13:30Z"));
    }

    @Test
    void anEventIsPendingUntilEmittedAndNeverBeforeSinceOrTheWindow() {
        Instant since = Instant.parse("2026-03-10T10:15:42Z");
        PollCursor c = PollCursor.startingAt(since);
        Instant from = c.windowStart(NO_OVERLAP, ZONE);
        assertThat(c.isPending("a", since.minusMillis(1), from)).as("before since").isFalse();
        assertThat(c.isPending("a", since, from)).isTrue();
        c.emitted("a", since, true, NO_OVERLAP, ZONE);
        assertThat(c.isPending("a", since, c.windowStart(NO_OVERLAP, ZONE))).as("emitted").isFalse();
        assertThat(c.isPending("b", since.plusSeconds(1), c.windowStart(NO_OVERLAP, ZONE))).isTrue();
        assertThat(c.watermark()).isEqualTo(since);
    }

    @Test
    void keysAreForgottenOnlyOnceTheWindowHasMovedPastTheirMinute() {
        PollCursor c = PollCursor.startingAt(Instant.parse("2026-03-10T10:15:00Z"));
        c.emitted("early", Instant.parse("2026-03-10T10:15:10Z"), true, NO_OVERLAP, ZONE);
        c.emitted("late", Instant.parse("2026-03-10T10:15:50Z"), true, NO_OVERLAP, ZONE);
        assertThat(c.seenCount()).as("same minute as the watermark: a search finds both again").isEqualTo(2);
        c.emitted("next", Instant.parse("2026-03-10T10:16:05Z"), true, NO_OVERLAP, ZONE);
        assertThat(c.wasEmitted("early")).isFalse();
        assertThat(c.wasEmitted("late")).isFalse();
        assertThat(c.wasEmitted("next")).isTrue();
    }

    @Test
    void theOverlapKeepsKeysLonger() {
        PollCursor c = PollCursor.startingAt(Instant.parse("2026-03-10T10:15:00Z"));
        c.emitted("early", Instant.parse("2026-03-10T10:15:10Z"), true, Duration.ofMinutes(1), ZONE);
        c.emitted("next", Instant.parse("2026-03-10T10:16:05Z"), true, Duration.ofMinutes(1), ZONE);
        assertThat(c.wasEmitted("early")).isTrue();
    }

    @Test
    void anIncompletePollRemembersWhatItEmittedButHoldsTheWindow() {
        PollCursor c = PollCursor.startingAt(Instant.parse("2026-03-10T10:15:00Z"));
        c.emitted("x", Instant.parse("2026-03-10T10:19:00Z"), false, NO_OVERLAP, ZONE);
        assertThat(c.watermark()).isEqualTo(Instant.parse("2026-03-10T10:15:00Z"));
        assertThat(c.wasEmitted("x")).isTrue();
        assertThat(c.advanceTo(Instant.parse("2026-03-10T10:14:00Z"), NO_OVERLAP, ZONE)).as("never backwards").isFalse();
    }

    @Test
    void theCursorRoundTripsThroughAStateRepositoryAsOneLine() {
        PollCursor c = PollCursor.startingAt(Instant.parse("2026-03-10T10:15:00Z"));
        c.emitted("10001:h123", Instant.parse("2026-03-10T10:15:30.123Z"), true, NO_OVERLAP, ZONE);
        MemoryStateRepository repo = new MemoryStateRepository();
        PollCursorStore store = new PollCursorStore(repo, "k");
        store.save(c);
        assertThat(repo.getState("k")).doesNotContain("\n");
        PollCursor back = store.load();
        assertThat(back.since()).isEqualTo(c.since());
        assertThat(back.watermark()).isEqualTo(Instant.parse("2026-03-10T10:15:30.123Z"));
        assertThat(back.wasEmitted("10001:h123")).isTrue();
        assertThat(new PollCursorStore(repo, "other").load()).isNull();
    }

    @Test
    void anUnreadableStoredCursorFailsNamingTheKeyAndTheWayOut() {
        MemoryStateRepository repo = new MemoryStateRepository();
        repo.setState("jira-newIssues-x", "{\"v\":7}");
        assertThatThrownBy(() -> new PollCursorStore(repo, "jira-newIssues-x").load()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stateKey 'jira-newIssues-x'").hasMessageContaining("remove it");
    }

    @Test
    void theDefaultKeyIsStableSafeAndDiffersPerStream() {
        dev.cameljira.jira.JiraConfiguration a = new dev.cameljira.jira.JiraConfiguration();
        a.setJiraUrl("https://x.atlassian.net");
        a.setUsername("me@example.com");
        a.setApiToken("secret-token");
        a.setJql("project = A AND status = \"In Progress\"");
        dev.cameljira.jira.JiraConfiguration b = a.copy();
        b.setJql("project = B");
        String key = PollCursorStore.defaultKey(JiraConsumerType.UPDATED_ISSUES, a);
        assertThat(key).startsWith("jira-updatedIssues-").doesNotContain("=").doesNotContain("secret");
        assertThat(PollCursorStore.defaultKey(JiraConsumerType.UPDATED_ISSUES, a.copy())).isEqualTo(key);
        assertThat(PollCursorStore.defaultKey(JiraConsumerType.UPDATED_ISSUES, b)).isNotEqualTo(key);
        assertThat(PollCursorStore.defaultKey(JiraConsumerType.NEW_COMMENTS, a)).isNotEqualTo(key);
    }
}
