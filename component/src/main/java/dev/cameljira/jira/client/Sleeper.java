package dev.cameljira.jira.client;

import java.time.Duration;

/** Waits between retries. Injectable so tests never sleep. */
@FunctionalInterface
public interface Sleeper {

    /** Blocks for the duration; must respond to interruption by throwing {@link InterruptedException}. */
    void sleep(Duration duration) throws InterruptedException;

    /** The real one: {@link Thread#sleep(long)}. */
    Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());
}
