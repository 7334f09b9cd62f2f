package dev.cameljira.jira.operations;

/** Operations on ... (to be written). */
public final class LinkOperations {

    private LinkOperations() {
    }

    public static Object linkIssues(OperationContext ctx) {
        throw new UnsupportedOperationException("linkIssues is not implemented yet");
    }
}
