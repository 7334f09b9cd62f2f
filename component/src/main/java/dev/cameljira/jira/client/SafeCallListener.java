package dev.cameljira.jira.client;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link JiraCallListener} whose exceptions are caught and logged at DEBUG, so metrics never break a call. */
final class SafeCallListener implements JiraCallListener {

    private static final Logger LOG = LoggerFactory.getLogger(SafeCallListener.class);

    private final JiraCallListener delegate;

    SafeCallListener(JiraCallListener delegate) {
        this.delegate = delegate;
    }

    @Override
    public void callCompleted(String method, String operationPath, int status, Duration duration) {
        try {
            delegate.callCompleted(method, operationPath, status, duration);
        } catch (RuntimeException e) {
            failed("callCompleted", e);
        }
    }

    @Override
    public void retryScheduled(String method, String operationPath, int status, Duration delay, boolean rateLimited) {
        try {
            delegate.retryScheduled(method, operationPath, status, delay, rateLimited);
        } catch (RuntimeException e) {
            failed("retryScheduled", e);
        }
    }

    @Override
    public void webhookRejected(String reason) {
        try {
            delegate.webhookRejected(reason);
        } catch (RuntimeException e) {
            failed("webhookRejected", e);
        }
    }

    private void failed(String method, RuntimeException e) {
        LOG.debug("JiraCallListener {}.{} failed; ignored: {}", delegate.getClass().getName(), method, e.toString());
    }
}
