package dev.cameljira.jira.operations;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.client.JiraApi;
import dev.cameljira.jira.client.JiraRequest;
import dev.cameljira.jira.model.JiraWatchers;

/**
 * Watcher operations. A watcher is given as accountId (Cloud), user name (Data Center) or e-mail (looked up on both).
 * Adding is {@code POST /issue/{key}/watchers} with the id as a JSON string body; removing is
 * {@code DELETE /issue/{key}/watchers?accountId=} on Cloud and {@code ?username=} on Data Center.
 */
public final class WatcherOperations {

    private WatcherOperations() {
    }

    /**
     * addWatcher. Needs the issue key and the watcher (header CamelJiraWatcher, or 'watcher' / 'accountId' in a JSON
     * body). Returns the watcher's resolved id (accountId on Cloud, user name on Data Center).
     */
    public static Object addWatcher(OperationContext ctx) {
        return change(ctx, WatcherOperations::add);
    }

    /** removeWatcher. Needs the issue key and the watcher; returns the watcher's resolved id. */
    public static Object removeWatcher(OperationContext ctx) {
        return change(ctx, WatcherOperations::remove);
    }

    /** One change of an issue's watchers: adds or removes one watcher and returns the resolved id. */
    @FunctionalInterface
    private interface WatcherChange {
        String apply(JiraApi api, String issueKey, String watcher);
    }

    private static String change(OperationContext ctx, WatcherChange change) {
        String key = ctx.require(JiraParam.ISSUE_KEY);
        String watcher = ctx.require(JiraParam.WATCHER);
        String id = change.apply(ctx.api(), key, watcher);
        ctx.setHeader(JiraConstants.ISSUE_KEY, key);
        return id;
    }

    /** getWatchers. Needs the issue key; returns {@link JiraWatchers} (count, isWatching, users). */
    public static Object getWatchers(OperationContext ctx) {
        String key = ctx.require(JiraParam.ISSUE_KEY);
        JiraApi api = ctx.api();
        JsonNode n = api.client().json(OperationSupport.issueRequest(JiraRequest::get, api, key, "/watchers"));
        JiraWatchers watchers = JiraWatchers.from(n);
        ctx.setHeader(JiraConstants.ISSUE_KEY, key);
        ctx.setHeader(JiraConstants.RESULT_COUNT, watchers.watchCount());
        return watchers;
    }

    /**
     * watchers (camel-jira's WatcherProducer). Needs the issue key; adds every watcher of header IssueWatchersAdd, then
     * removes every watcher of IssueWatchersRemove (comma-separated strings or collections). With neither, nothing is
     * sent. As in camel-jira, the message body is left unchanged.
     */
    public static Object watchers(OperationContext ctx) {
        String key = ctx.require(JiraParam.ISSUE_KEY);
        List<String> toAdd = ctx.strings(JiraParam.WATCHERS_ADD);
        List<String> toRemove = ctx.strings(JiraParam.WATCHERS_REMOVE);
        JiraApi api = ctx.api();
        for (String w : toAdd) {
            add(api, key, w);
        }
        for (String w : toRemove) {
            remove(api, key, w);
        }
        return ctx.body();
    }

    /**
     * Adds one watcher to an issue (also used by createIssue for camel-jira's IssueWatchersAdd); returns the resolved id.
     */
    static String add(JiraApi api, String issueKey, String watcher) {
        String id = api.userId(watcher);
        // adding a watcher twice is harmless, so the POST may be retried after an I/O error
        api.client().send(OperationSupport.issueRequest(JiraRequest::post, api, issueKey, "/watchers")
                .body(TextNode.valueOf(id)).idempotent(true));
        return id;
    }

    /** Removes one watcher from an issue; returns the resolved id. */
    static String remove(JiraApi api, String issueKey, String watcher) {
        String id = api.userId(watcher);
        api.client().send(OperationSupport.issueRequest(JiraRequest::delete, api, issueKey, "/watchers")
                .query(api.isCloud() ? "accountId" : "username", id));
        return id;
    }
}
