package dev.cameljira.jira.operations;

import dev.cameljira.jira.client.JiraApi;

/** Operations on ... (to be written). */
public final class WatcherOperations {

    private WatcherOperations() {
    }

    public static Object addWatcher(OperationContext ctx) {
        throw new UnsupportedOperationException("addWatcher is not implemented yet");
    }

    public static Object removeWatcher(OperationContext ctx) {
        throw new UnsupportedOperationException("removeWatcher is not implemented yet");
    }

    public static Object getWatchers(OperationContext ctx) {
        throw new UnsupportedOperationException("getWatchers is not implemented yet");
    }

    public static Object watchers(OperationContext ctx) {
        throw new UnsupportedOperationException("watchers is not implemented yet");
    }

    /** Adds one watcher to an issue (used by createIssue for camel-jira's IssueWatchersAdd). */
    static void add(JiraApi api, String issueKey, String watcher) {
        throw new UnsupportedOperationException("addWatcher is not implemented yet");
    }
}
