package dev.cameljira.jira.compat;

import dev.cameljira.sandbox.JiraSandbox;

class ApacheJiraKameletsCloudTest extends ApacheJiraKameletsContract {
    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.CLOUD;
    }
}
