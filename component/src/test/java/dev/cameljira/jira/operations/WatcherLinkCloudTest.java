package dev.cameljira.jira.operations;

import dev.cameljira.sandbox.JiraSandbox;

class WatcherLinkCloudTest extends WatcherLinkContract {
    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.CLOUD;
    }
}
