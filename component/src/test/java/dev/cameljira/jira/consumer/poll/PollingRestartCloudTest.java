package dev.cameljira.jira.consumer.poll;

import dev.cameljira.sandbox.JiraSandbox;

class PollingRestartCloudTest extends PollingRestartContract {
    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.CLOUD;
    }
}
