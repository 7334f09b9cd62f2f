package dev.cameljira.jira.consumer.poll;

import java.time.Instant;
import java.util.List;

import dev.cameljira.jira.model.JiraEvent;
import dev.cameljira.jira.model.JiraIssue;
import dev.cameljira.jira.model.JiraUser;

/**
 * {@code jira:newIssues}: issues created in the window ({@code created >= ...}), one {@code jira:issue_created} event per
 * issue, de-duplicated by issue id. The user is the issue's creator (else its reporter).
 */
final class NewIssuesPoll implements PollKind {

    @Override
    public String timeField() {
        return "created";
    }

    @Override
    public List<String> requiredFields() {
        return List.of("created", "updated", "project", "issuetype", "summary", "creator", "reporter");
    }

    @Override
    public String requiredExpand() {
        return null;
    }

    @Override
    public void collect(JiraIssue issue, PollWindow window, List<PolledEvent> out) {
        Instant at = issueTime(issue);
        String key = issue.id() + ":created";
        if (!window.wants(key, at)) {
            return;
        }
        JiraUser creator = JiraUser.from(issue.field("creator"));
        JiraEvent event = new JiraEvent("jira:issue_created", at, "issue_created", issue, null, null, List.of(),
                creator != null ? creator : issue.reporter(), null, JiraEvent.Source.POLL,
                "poll:jira:issue_created:" + issue.id(), issue.raw());
        out.add(new PolledEvent(key, at, event));
    }
}
