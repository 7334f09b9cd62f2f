package dev.cameljira.jira.operations;

import dev.cameljira.sandbox.JiraSandbox;

class LookupOperationsCloudTest extends LookupOperationsContract {
    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.CLOUD;
    }
}
