package dev.cameljira.jira.operations;

/** Operations on ... (to be written). */
public final class CommentOperations {

    private CommentOperations() {
    }

    public static Object addComment(OperationContext ctx) {
        throw new UnsupportedOperationException("addComment is not implemented yet");
    }

    public static Object getComments(OperationContext ctx) {
        throw new UnsupportedOperationException("getComments is not implemented yet");
    }

    public static Object updateComment(OperationContext ctx) {
        throw new UnsupportedOperationException("updateComment is not implemented yet");
    }

    public static Object deleteComment(OperationContext ctx) {
        throw new UnsupportedOperationException("deleteComment is not implemented yet");
    }
}
