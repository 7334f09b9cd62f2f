package dev.cameljira.jira.operations;

/** Operations on ... (to be written). */
public final class ProjectOperations {

    private ProjectOperations() {
    }

    public static Object createProject(OperationContext ctx) {
        throw new UnsupportedOperationException("createProject is not implemented yet");
    }

    public static Object getProject(OperationContext ctx) {
        throw new UnsupportedOperationException("getProject is not implemented yet");
    }

    public static Object searchProjects(OperationContext ctx) {
        throw new UnsupportedOperationException("searchProjects is not implemented yet");
    }

    public static Object updateProject(OperationContext ctx) {
        throw new UnsupportedOperationException("updateProject is not implemented yet");
    }

    public static Object deleteProject(OperationContext ctx) {
        throw new UnsupportedOperationException("deleteProject is not implemented yet");
    }
}
