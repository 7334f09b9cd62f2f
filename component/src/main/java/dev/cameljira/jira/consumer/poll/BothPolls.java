package dev.cameljira.jira.consumer.poll;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.cameljira.jira.model.JiraIssue;

/**
 * Two kinds of poll over one search ({@code updatedIssues?includeComments=true}): both window on the same time field,
 * the search returns the fields and the expand both need, and each issue found gives the events of both. Their event
 * keys differ (history and comment ids), so one cursor de-duplicates both.
 */
final class BothPolls implements PollKind {

    private final PollKind first;
    private final PollKind second;

    BothPolls(PollKind first, PollKind second) {
        if (!first.timeField().equals(second.timeField())) {
            throw new IllegalArgumentException("polls over one search must window on one field: " + first.timeField()
                                               + " vs " + second.timeField());
        }
        if (first.requiredExpand() != null && second.requiredExpand() != null
            && !Objects.equals(first.requiredExpand(), second.requiredExpand())) {
            throw new IllegalArgumentException("polls over one search need one expand: " + first.requiredExpand() + " vs "
                                               + second.requiredExpand());
        }
        this.first = first;
        this.second = second;
    }

    @Override
    public String timeField() {
        return first.timeField();
    }

    @Override
    public List<String> requiredFields() {
        Set<String> fields = new LinkedHashSet<>(first.requiredFields());
        fields.addAll(second.requiredFields());
        return new ArrayList<>(fields);
    }

    @Override
    public String requiredExpand() {
        return first.requiredExpand() != null ? first.requiredExpand() : second.requiredExpand();
    }

    @Override
    public void collect(JiraIssue issue, PollWindow window, List<PolledEvent> out) {
        first.collect(issue, window, out);
        second.collect(issue, window, out);
    }
}
