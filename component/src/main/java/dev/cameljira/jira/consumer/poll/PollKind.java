package dev.cameljira.jira.consumer.poll;

import java.time.Instant;
import java.util.List;

import dev.cameljira.jira.model.JiraIssue;

/** What one kind of polling consumer searches for and which events it reads out of each issue found. */
interface PollKind {

    /** {@code updated} or {@code created}: the JQL field of the window. Every event of an issue happens at or before it. */
    String timeField();

    /** Fields the search must return for this kind, on top of the endpoint's {@code fields}. */
    List<String> requiredFields();

    /** The {@code expand} the search needs, or null. */
    String requiredExpand();

    /** Adds the events of {@code issue} that {@code window} wants to {@code out}. */
    void collect(JiraIssue issue, PollWindow window, List<PolledEvent> out);

    /** The issue's time in {@link #timeField()}, or null when Jira did not return it. */
    default Instant issueTime(JiraIssue issue) {
        var t = "created".equals(timeField()) ? issue.created() : issue.updated();
        return t == null ? null : t.toInstant();
    }
}
