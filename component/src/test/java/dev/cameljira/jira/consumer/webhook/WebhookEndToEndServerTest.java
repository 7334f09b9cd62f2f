package dev.cameljira.jira.consumer.webhook;

import dev.cameljira.sandbox.JiraSandbox;

class WebhookEndToEndServerTest extends WebhookEndToEndContract {
    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.SERVER;
    }
}
