package dev.cameljira.routes;

import java.time.Duration;

import dev.cameljira.jira.client.JiraCallListener;

/**
 * Reports the Jira calls of the sync's endpoints (status, rate-limit waits, refused webhook deliveries) to the
 * {@link SyncMonitor}, and passes them on to the listener the jira component was configured with, if any.
 */
final class MonitorCallListener implements JiraCallListener {
    private final SyncMonitor monitor;
    private final JiraCallListener next;

    MonitorCallListener(SyncMonitor monitor, JiraCallListener next) {
        this.monitor = monitor;
        this.next = JiraCallListener.safe(next);
    }

    @Override
    public void callCompleted(String method, String operationPath, int status, Duration duration) {
        monitor.jiraCall(method, operationPath, status, duration);
        next.callCompleted(method, operationPath, status, duration);
    }

    @Override
    public void retryScheduled(String method, String operationPath, int status, Duration delay, boolean rateLimited) {
        if (rateLimited) {
            monitor.rateLimited("jira", delay);
        }
        next.retryScheduled(method, operationPath, status, delay, rateLimited);
    }

    @Override
    public void webhookRejected(String reason) {
        monitor.webhookRejected("jira", reason);
        next.webhookRejected(reason);
    }
}
