package dev.cameljira.jira.operations;

import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.client.PagedIterator;
import dev.cameljira.jira.model.ChangelogEntry;

/** getChangelog: an issue's change history as a lazy iterator (paged on Cloud, one response on Data Center). */
public final class ChangelogOperations {

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
        PagedIterator<ChangelogEntry> it = ctx.api().changelog(key, ctx.config().getMaxResults(), ctx.config().getLimit());
        it.hasNext();
        ctx.setHeader(JiraConstants.ISSUE_KEY, key);
        return it;
    }
}
