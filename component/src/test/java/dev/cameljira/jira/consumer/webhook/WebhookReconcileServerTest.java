package dev.cameljira.jira.consumer.webhook;

import dev.cameljira.sandbox.JiraSandbox;

class WebhookReconcileServerTest extends WebhookReconcileContract {
    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.SERVER;
    }
}
