package dev.cameljira.jira.operations;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.client.JiraApi;
import dev.cameljira.jira.client.JiraRequest;
import dev.cameljira.jira.client.PagedIterator;
import dev.cameljira.jira.model.ChangelogEntry;

/** getChangelog: an issue's change history as a lazy iterator (paged on Cloud, one response on Data Center). */
public final class ChangelogOperations {

    /** Jira Cloud's maximum page size of {@code GET /issue/{key}/changelog}. */
    static final int MAX_CHANGELOG_PAGE = 100;

    private ChangelogOperations() {
    }

    /**
     * getChangelog: the issue's change history, oldest first, as a lazy {@link PagedIterator} of
     * {@link ChangelogEntry}. Needs the issue key. Jira Cloud: {@code GET /issue/{key}/changelog}, paged with the
     * endpoint's maxResults (at most 100) and stopped after limit entries (when set); the first page is read at once, so
     * an unknown issue fails the exchange. Data Center has no changelog resource: the history comes from
     * {@code GET /issue/{key}?expand=changelog} in one response (as much as that server includes there). Header
     * CamelJiraIssueKey.
     */
    public static Object getChangelog(OperationContext ctx) {
        String key = ctx.require(JiraParam.ISSUE_KEY);
        JiraApi api = ctx.api();
        int pageSize = Math.max(1, Math.min(MAX_CHANGELOG_PAGE, ctx.config().getMaxResults()));
        long limit = ctx.config().getLimit();
        PagedIterator<ChangelogEntry> it = api.isCloud()
                ? OffsetPaging.iterate(startAt -> cloudPage(api, key, startAt, pageSize), page -> page.path("values"),
                        ChangelogEntry::from, pageSize, limit, OffsetPaging.UNBOUNDED)
                : new PagedIterator<>(0, ignored -> serverChangelog(api, key), limit);
        it.hasNext();
        ctx.setHeader(JiraConstants.ISSUE_KEY, key);
        return it;
    }

    private static JsonNode cloudPage(JiraApi api, String key, int startAt, int pageSize) {
        return api.client().json(OperationSupport.issueRequest(JiraRequest::get, api, key, "/changelog")
                .query("startAt", startAt).query("maxResults", pageSize));
    }

    private static PagedIterator.Page<ChangelogEntry> serverChangelog(JiraApi api, String key) {
        JsonNode issue = api.client().json(OperationSupport.issueRequest(JiraRequest::get, api, key, "")
                .query("fields", "summary").query("expand", "changelog"));
        List<ChangelogEntry> entries = new ArrayList<>();
        for (JsonNode h : issue.path("changelog").path("histories")) {
            ChangelogEntry e = ChangelogEntry.from(h);
            if (e != null) {
                entries.add(e);
            }
        }
        return new PagedIterator.Page<>(entries, null);
    }
}
