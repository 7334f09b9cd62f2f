package dev.cameljira.jira.operations;

/** Operations on ... (to be written). */
public final class PropertyOperations {

    private PropertyOperations() {
    }

    public static Object setIssueProperty(OperationContext ctx) {
        throw new UnsupportedOperationException("setIssueProperty is not implemented yet");
    }

    public static Object getIssueProperty(OperationContext ctx) {
        throw new UnsupportedOperationException("getIssueProperty is not implemented yet");
    }

    public static Object deleteIssueProperty(OperationContext ctx) {
        throw new UnsupportedOperationException("deleteIssueProperty is not implemented yet");
    }
}
