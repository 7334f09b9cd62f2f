package dev.cameljira.jira.consumer.poll;

import dev.cameljira.sandbox.JiraSandbox;

class PollingRestartServerTest extends PollingRestartContract {
    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.SERVER;
    }
}
