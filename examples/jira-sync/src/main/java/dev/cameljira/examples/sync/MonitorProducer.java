package dev.cameljira.examples.sync;

import dev.cameljira.routes.SyncMonitor;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * The {@link SyncMonitor} every sync reports to: bound under {@value SyncMonitor#BEAN_NAME} so that the templates use
 * this one (they create their own only when the registry has none), and the status page reads it.
 */
@Singleton
public class MonitorProducer {

    @Produces
    @Singleton
    @Unremovable
    @Named(SyncMonitor.BEAN_NAME)
    SyncMonitor monitor() {
        return new SyncMonitor();
    }
}
