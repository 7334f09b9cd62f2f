package dev.cameljira.jira.compat;

import dev.cameljira.sandbox.JiraSandbox;

class YamlAndReadmeCloudTest extends YamlAndReadmeContract {
    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.CLOUD;
    }
}
