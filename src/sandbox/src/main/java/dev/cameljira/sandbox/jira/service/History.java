package dev.cameljira.sandbox.jira.service;

import dev.cameljira.sandbox.jira.model.ChangeHistory;
import dev.cameljira.sandbox.jira.model.ChangeItem;
import dev.cameljira.sandbox.jira.model.Issue;
import dev.cameljira.sandbox.jira.model.User;
import dev.cameljira.sandbox.jira.store.JiraStore;
import java.time.Instant;
import java.util.List;

/** Records change histories and moves an issue's {@code updated} timestamp. Call under the write lock. */
public final class History {

    private final JiraStore store;

    public History(JiraStore store) {
        this.store = store;
    }

    /** Appends a history with the items (if any) and touches the issue; returns the history or null when no items. */
    public ChangeHistory record(Issue issue, List<ChangeItem> items, User author, Instant at) {
        issue.touch(at);
        if (items.isEmpty()) {
            return null;
        }
        ChangeHistory h = new ChangeHistory(store.nextHistoryId(), author, at, List.copyOf(items));
        issue.changelog().add(h);
        return h;
    }
}
