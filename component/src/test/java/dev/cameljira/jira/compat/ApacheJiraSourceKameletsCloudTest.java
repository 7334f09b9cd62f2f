package dev.cameljira.jira.compat;

import dev.cameljira.sandbox.JiraSandbox;

class ApacheJiraSourceKameletsCloudTest extends ApacheJiraSourceKameletsContract {
    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.CLOUD;
    }
}
