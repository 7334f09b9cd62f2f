package dev.cameljira.jira.operations;

import dev.cameljira.sandbox.JiraSandbox;

class ProjectOperationsCloudTest extends ProjectOperationsContract {
    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.CLOUD;
    }
}
