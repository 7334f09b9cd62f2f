package dev.cameljira.jira.compat;

import dev.cameljira.sandbox.JiraSandbox;

class CamelJiraRoutesCloudTest extends CamelJiraRoutesContract {
    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.CLOUD;
    }
}
