package dev.cameljira.jira.operations;

import dev.cameljira.sandbox.JiraSandbox;

class WatcherLinkServerTest extends WatcherLinkContract {
    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.SERVER;
    }
}
