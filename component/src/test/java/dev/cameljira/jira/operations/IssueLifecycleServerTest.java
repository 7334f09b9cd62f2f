package dev.cameljira.jira.operations;

import dev.cameljira.sandbox.JiraSandbox;

class IssueLifecycleServerTest extends IssueLifecycleContract {
    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.SERVER;
    }
}
