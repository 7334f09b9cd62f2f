package dev.cameljira.jira.consumer.poll;

import dev.cameljira.sandbox.JiraSandbox;

class PollingAcceptanceCloudTest extends PollingAcceptanceContract {
    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.CLOUD;
    }
}
