package dev.cameljira.jira.operations;

/** Operations on ... (to be written). */
public final class WorklogOperations {

    private WorklogOperations() {
    }

    public static Object addWorklog(OperationContext ctx) {
        throw new UnsupportedOperationException("addWorklog is not implemented yet");
    }
}
