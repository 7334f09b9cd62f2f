package dev.cameljira.jira.consumer.webhook;

import dev.cameljira.sandbox.JiraSandbox;

class WebhookReconcileCloudTest extends WebhookReconcileContract {
    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.CLOUD;
    }
}
