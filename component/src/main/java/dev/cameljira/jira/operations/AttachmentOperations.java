package dev.cameljira.jira.operations;

/** Operations on ... (to be written). */
public final class AttachmentOperations {

    private AttachmentOperations() {
    }

    public static Object addAttachment(OperationContext ctx) {
        throw new UnsupportedOperationException("addAttachment is not implemented yet");
    }

    public static Object getAttachments(OperationContext ctx) {
        throw new UnsupportedOperationException("getAttachments is not implemented yet");
    }
}
