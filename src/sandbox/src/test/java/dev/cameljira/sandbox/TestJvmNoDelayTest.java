package dev.cameljira.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The JDK reads {@code sun.net.httpserver.nodelay} once, when the JVM's first {@code HttpServer} is created; test
 * classes that start a webhook receiver before a sandbox would otherwise leave every sandbox response waiting ~40 ms
 * for a delayed ACK (the suite took twice as long). The surefire configuration of the parent pom sets it at startup.
 */
class TestJvmNoDelayTest {

    @Test
    void theTestJvmSwitchesTcpNoDelayOnBeforeAnyHttpServerExists() {
        assertThat(System.getProperty("sun.net.httpserver.nodelay"))
                .as("-Dsun.net.httpserver.nodelay=true in the surefire systemPropertyVariables (parent pom)").isEqualTo("true");
    }
}
