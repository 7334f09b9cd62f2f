package dev.cameljira.jira.consumer.poll;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.cameljira.jira.model.ChangeItem;
import dev.cameljira.jira.model.ChangelogEntry;
import dev.cameljira.jira.model.JiraEvent;
import dev.cameljira.jira.model.JiraIssue;

/**
 * {@code jira:updatedIssues} (camel-jira: {@code watchUpdates}): issues updated in the window, searched with
 * {@code expand=changelog}; one {@code jira:issue_updated} event per change history created in the window, carrying
 * that history's items as the changelog, its author as the user and its time as the timestamp; de-duplicated by history
 * id. With {@code watchedFields}, a history touching none of them is not emitted.
 *
 * <p>What it does not emit: the creation of an issue (Jira writes no history for it: use newIssues), comments (no
 * history either: use newComments), and edits Jira does not log in the changelog. The {@code issueEventType} is an
 * approximation of the webhook's {@code issue_event_type_name}: {@code issue_assigned} when only the assignee changed,
 * {@code issue_generic} when the status changed, else {@code issue_updated}.
 */
final class UpdatedIssuesPoll implements PollKind {

    private final List<String> watchedFields;

    /** @param watchedFields field ids or names to watch; empty for all */
    UpdatedIssuesPoll(List<String> watchedFields) {
        this.watchedFields = List.copyOf(watchedFields);
    }

    @Override
    public String timeField() {
        return "updated";
    }

    @Override
    public List<String> requiredFields() {
        return List.of("updated", "created", "project", "issuetype", "summary", "status");
    }

    @Override
    public String requiredExpand() {
        return "changelog";
    }

    @Override
    public void collect(JiraIssue issue, PollWindow window, List<PolledEvent> out) {
        for (ChangelogEntry h : ChangelogReader.histories(issue, window.api(), window.from())) {
            Instant at = h.created() == null ? null : h.created().toInstant();
            String key = issue.id() + ":h" + h.id();
            if (window.wants(key, at) && watches(h)) {
                out.add(new PolledEvent(key, at, event(issue, h, at)));
            }
        }
    }

    boolean watches(ChangelogEntry history) {
        if (watchedFields.isEmpty()) {
            return true;
        }
        for (ChangeItem item : history.items()) {
            for (String f : watchedFields) {
                if (item.is(f)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static JiraEvent event(JiraIssue issue, ChangelogEntry h, Instant at) {
        return new JiraEvent("jira:issue_updated", at, eventTypeName(h.items()), issue, null, h.id(), new ArrayList<>(h.items()),
                h.author(), null, JiraEvent.Source.POLL, "poll:jira:issue_updated:" + issue.id() + ":" + h.id(), issue.raw());
    }

    static String eventTypeName(List<ChangeItem> items) {
        if (!items.isEmpty() && items.stream().allMatch(i -> i.is("assignee"))) {
            return "issue_assigned";
        }
        return items.stream().anyMatch(i -> i.is("status")) ? "issue_generic" : "issue_updated";
    }
}
