package dev.cameljira.jira.operations;

import dev.cameljira.sandbox.JiraSandbox;

class AttachmentContentServerTest extends AttachmentContentContract {
    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.SERVER;
    }
}
