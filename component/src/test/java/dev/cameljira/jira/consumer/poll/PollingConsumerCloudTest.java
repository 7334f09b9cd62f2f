package dev.cameljira.jira.consumer.poll;

import dev.cameljira.sandbox.JiraSandbox;

class PollingConsumerCloudTest extends PollingConsumerContract {
    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.CLOUD;
    }
}
