package dev.cameljira.jira.operations;

import dev.cameljira.sandbox.JiraSandbox;

class IssueLifecycleCloudTest extends IssueLifecycleContract {
    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.CLOUD;
    }
}
