package dev.cameljira.jira.operations;

import dev.cameljira.sandbox.JiraSandbox;

class CommentAttachmentServerTest extends CommentAttachmentContract {
    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.SERVER;
    }
}
