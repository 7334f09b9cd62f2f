package dev.cameljira.routes;

import java.nio.file.Path;

import dev.cameljira.sandbox.JiraSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** A test with one sync: a Cloud sandbox, a context, a cursor folder of its own; closed after each test. */
abstract class SyncTestSupport {
    @TempDir
    Path state;
    SyncEnvironment env;

    /** A fresh Cloud sandbox and context; instantiate the templates, then {@code env.start()}. */
    SyncEnvironment environment() {
        env = new SyncEnvironment(JiraSandbox.start(JiraSandbox.Mode.CLOUD), state);
        return env;
    }

    /**
     * Lets the sync's clock run {@code seconds} behind the sandbox's, as if it had started that long before: records
     * created now are past the engine's clock-skew allowance without the test waiting for it ({@code SyncRuntime} takes
     * the context's {@link java.time.Clock}). Call before the templates are instantiated.
     */
    void syncStartedSecondsAgo(int seconds) {
        env.context.getRegistry().bind("syncClock", java.time.Clock.class,
                java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofSeconds(-seconds)));
    }

    @AfterEach
    void closeEnvironment() {
        if (env != null) {
            env.close();
        }
    }
}
