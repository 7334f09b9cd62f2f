package dev.cameljira.jira.operations;

import dev.cameljira.sandbox.JiraSandbox;

class CreateGetSearchServerTest extends CreateGetSearchContract {
    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.SERVER;
    }
}
