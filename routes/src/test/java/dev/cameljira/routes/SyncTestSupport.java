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

    @AfterEach
    void closeEnvironment() {
        if (env != null) {
            env.close();
        }
    }
}
