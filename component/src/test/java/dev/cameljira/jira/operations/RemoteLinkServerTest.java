package dev.cameljira.jira.operations;

import dev.cameljira.sandbox.JiraSandbox;

class RemoteLinkServerTest extends RemoteLinkContract {
    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.SERVER;
    }
}
