package dev.cameljira.jira.compat;

import dev.cameljira.sandbox.JiraSandbox;

class ApacheJiraSourceKameletsServerTest extends ApacheJiraSourceKameletsContract {
    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.SERVER;
    }
}
