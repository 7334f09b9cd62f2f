package dev.cameljira.jira.operations;

import dev.cameljira.sandbox.JiraSandbox;

class LookupOperationsServerTest extends LookupOperationsContract {
    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.SERVER;
    }
}
