package dev.cameljira.jira.operations;

/** Operations on ... (to be written). */
public final class LookupOperations {

    private LookupOperations() {
    }

    public static Object searchUsers(OperationContext ctx) {
        throw new UnsupportedOperationException("searchUsers is not implemented yet");
    }

    public static Object getFields(OperationContext ctx) {
        throw new UnsupportedOperationException("getFields is not implemented yet");
    }

    public static Object getCreateMeta(OperationContext ctx) {
        throw new UnsupportedOperationException("getCreateMeta is not implemented yet");
    }
}
