package dev.cameljira.jira.consumer.webhook;

import dev.cameljira.sandbox.JiraSandbox;

class WebhookRegistrationServerTest extends WebhookRegistrationContract {
    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.SERVER;
    }
}
