package dev.cameljira.jira.consumer.poll;

import dev.cameljira.sandbox.JiraSandbox;

class PollingConsumerServerTest extends PollingConsumerContract {
    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.SERVER;
    }
}
