package dev.cameljira.jira.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pacer's arithmetic on a test clock: waits are recorded (and the clock moved by them), never slept. */
class RequestPacerTest {

    private final AtomicLong now = new AtomicLong(5_000_000_000L);
    private final List<Duration> waits = new ArrayList<>();
    private final Sleeper sleeper = d -> {
        waits.add(d);
        now.addAndGet(d.toNanos());
    };

    @Test
    void pacedRequestsStartOneIntervalApartEvenWhenAskedAtOnce() throws InterruptedException {
        // three callers arriving in the same instant: each starts 100 ms after the one before
        RequestPacer pacer = new RequestPacer(10, now::get, d -> waits.add(d));
        pacer.acquire();
        pacer.acquire();
        pacer.acquire();
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void anIdleSpellIsNotSavedUpForABurst() throws InterruptedException {
        RequestPacer pacer = new RequestPacer(10, now::get, sleeper);
        pacer.acquire();
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        pacer.acquire();
        pacer.acquire();
        assertThat(waits).containsExactly(Duration.ofMillis(100));
    }

    @Test
    void afterJiraAsksToWaitNoRequestStartsUntilTheWaitIsOver() throws InterruptedException {
        RequestPacer pacer = new RequestPacer(0, now::get, sleeper);
        assertThat(pacer.acquire()).isZero();
        pacer.backOff(Duration.ofSeconds(2));
        now.addAndGet(Duration.ofMillis(500).toNanos());
        // another caller: waits the rest of the 2 s
        assertThat(pacer.acquire()).isEqualTo(Duration.ofMillis(1500));
        // the wait is over
        assertThat(pacer.acquire()).isZero();
    }

    @Test
    void theRetryOfTheRequestThatWaitedAlreadyOnlyTakesItsSlot() throws InterruptedException {
        RequestPacer pacer = new RequestPacer(0, now::get, sleeper);
        pacer.backOff(Duration.ofSeconds(1));
        assertThat(pacer.acquire(true)).isZero();
        assertThat(pacer.acquire(false)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aShorterLaterBackOffDoesNotShortenTheWait() throws InterruptedException {
        RequestPacer pacer = new RequestPacer(0, now::get, sleeper);
        pacer.backOff(Duration.ofSeconds(3));
        pacer.backOff(Duration.ofSeconds(1));
        assertThat(pacer.acquire()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void pacingAndBackOffTogether() throws InterruptedException {
        RequestPacer pacer = new RequestPacer(4, now::get, sleeper);
        pacer.acquire();
        pacer.backOff(Duration.ofSeconds(1));
        // the back-off ends 1 s from now; the slot after it is the next one
        assertThat(pacer.acquire()).isEqualTo(Duration.ofSeconds(1));
        assertThat(pacer.acquire()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void aRateThatIsNotANumberOrNegativeIsRefusedByName() {
        assertThatThrownBy(() -> new RequestPacer(-1)).isInstanceOf(JiraInvalidInputException.class)
                .hasMessageContaining("maxRequestsPerSecond").hasMessageContaining("-1");
        assertThatThrownBy(() -> new RequestPacer(Double.NaN)).isInstanceOf(JiraInvalidInputException.class)
                .hasMessageContaining("maxRequestsPerSecond");
        assertThat(new RequestPacer(0).maxRequestsPerSecond()).isZero();
        assertThat(new RequestPacer(50).maxRequestsPerSecond()).isEqualTo(50.0);
    }
}
