package dev.cameljira.jira.consumer.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

import static org.assertj.core.api.Assertions.assertThat;

/** The log budget of refusals, driven by a clock: one line per reason and minute, the next one tells what was skipped. */
class WebhookRejectionsThrottleTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-05T06:00:00Z"));
    private final CapturingLogger log = new CapturingLogger();
    private final WebhookRejections rejections = new WebhookRejections("/t", clock, log);

    @Test
    void oneLinePerReasonAndMinuteThenTheSkippedCount() {
        for (int i = 0; i < 5; i++) {
            rejections.record(401, "signature", "invalid X-Hub-Signature signature", "10.0.0.7:4711");
            clock.advance(Duration.ofSeconds(10));
        }
        rejections.record(413, "too-large", "body of 9000 bytes exceeds maxBodySize (2048 bytes)", null);
        assertThat(log.lines).hasSize(2);
        assertThat(log.lines.get(0)).isEqualTo("WARN jira:webhook on /t refused a delivery from 10.0.0.7:4711: 401 signature: "
                                               + "invalid X-Hub-Signature signature");
        assertThat(log.lines.get(1)).contains("413 too-large").contains("an unknown address");

        clock.advance(Duration.ofSeconds(10)); // 60 s after the first line
        rejections.record(401, "signature", "missing X-Hub-Signature signature", "10.0.0.7:4712");
        assertThat(log.lines).hasSize(3);
        assertThat(log.lines.get(2)).contains("401 signature").endsWith("(4 more refused for this reason since the last such line)");
        assertThat(rejections.counts()).containsEntry("signature", 6L).containsEntry("too-large", 1L);
    }

    @Test
    void stoppingIsInfoNotWarn() {
        rejections.record(503, "stopping", "not accepting deliveries now; redeliver later", "127.0.0.1:1");
        assertThat(log.lines).singleElement().asString().startsWith("INFO ");
    }

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** Keeps every line as "LEVEL message". */
    private static final class CapturingLogger extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] args, Throwable t) {
            lines.add(level + " " + MessageFormatter.basicArrayFormat(pattern, args));
        }

        @Override
        public boolean isTraceEnabled() {
            return true;
        }

        @Override
        public boolean isDebugEnabled() {
            return true;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }
    }
}
