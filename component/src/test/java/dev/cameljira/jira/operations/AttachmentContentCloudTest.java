package dev.cameljira.jira.operations;

import dev.cameljira.sandbox.JiraSandbox;

class AttachmentContentCloudTest extends AttachmentContentContract {
    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.CLOUD;
    }
}
