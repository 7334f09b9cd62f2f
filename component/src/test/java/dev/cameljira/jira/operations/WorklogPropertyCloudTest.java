package dev.cameljira.jira.operations;

import dev.cameljira.sandbox.JiraSandbox;

class WorklogPropertyCloudTest extends WorklogPropertyContract {
    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.CLOUD;
    }
}
