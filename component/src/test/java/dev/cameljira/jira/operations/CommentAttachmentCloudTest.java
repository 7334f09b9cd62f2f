package dev.cameljira.jira.operations;

import dev.cameljira.sandbox.JiraSandbox;

class CommentAttachmentCloudTest extends CommentAttachmentContract {
    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.CLOUD;
    }
}
