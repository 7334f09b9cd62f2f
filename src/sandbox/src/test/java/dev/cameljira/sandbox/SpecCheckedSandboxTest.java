package dev.cameljira.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the test classes that share one sandbox, validated against the spec: built from {@link #configure} with
 * {@code validateAgainstSpec(true)} before the first test (subclasses' own {@code @BeforeAll} methods run after, so
 * they can make clients of it), checked after every test to have seen only conforming exchanges, closed after the last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SpecCheckedSandboxTest {

    protected JiraSandbox sandbox;

    /** Hook: the class's sandbox settings (mode, clock, ...); the default is a Cloud sandbox. */
    protected JiraSandbox.Builder configure(JiraSandbox.Builder builder) {
        return builder;
    }

    @BeforeAll
    void startSandbox() {
        sandbox = configure(JiraSandbox.builder()).validateAgainstSpec(true).build();
    }

    @AfterEach
    void conformsToSpec() {
        SpecCheck.assertConforms(sandbox);
    }

    @AfterAll
    void stopSandbox() {
        sandbox.close();
    }
}
