package dev.cameljira.jira.operations;

import dev.cameljira.sandbox.JiraSandbox;

class RemoteLinkCloudTest extends RemoteLinkContract {
    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.CLOUD;
    }
}
