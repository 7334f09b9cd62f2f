package dev.cameljira.routes.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Zendesk/ServiceNow poll cursor when records are done out of order (synced side by side). */
class PollCursorTest {

    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");
    private final MemoryStateRepository repository = new MemoryStateRepository();

    private static SyncEvent event(String id, int second) {
        Instant at = T0.plusSeconds(second);
        return new SyncEvent(SyncEvent.Origin.OTHER, SyncEvent.Kind.CHANGED, id, id + "@" + second, SyncEvent.Source.POLL,
                at, List.of(), null, null, null, at);
    }

    @Test
    void aRecordDoneAheadOfAnEarlierOneIsRememberedButTheWatermarkWaitsForTheEarlierOne() {
        PollCursor cursor = new PollCursor(repository, "poll", Duration.ZERO, T0);
        List<SyncEvent> batch = List.of(event("1", 10), event("2", 20), event("3", 30));
        // 2 and 3 done while 1 is still being synced (or failed)
        cursor.done("2", T0.plusSeconds(20), null);
        cursor.done("3", T0.plusSeconds(30), null);
        assertThat(cursor.watermark()).isEqualTo(T0);

        // a stop now: a new cursor from the stored state hands on 1 only
        PollCursor restarted = new PollCursor(repository, "poll", Duration.ZERO, T0);
        assertThat(ids(restarted.fresh(batch, T0.plusSeconds(60)))).containsExactly("1");

        // 1 done: the watermark moves past all three
        restarted.done("1", T0.plusSeconds(10), T0.plusSeconds(30));
        assertThat(restarted.watermark()).isEqualTo(T0.plusSeconds(30));
        assertThat(restarted.fresh(batch, T0.plusSeconds(60))).isEmpty();
    }

    private static List<String> ids(List<SyncEvent> events) {
        List<String> ids = new ArrayList<>();
        events.forEach(e -> ids.add(e.id()));
        return ids;
    }
}
