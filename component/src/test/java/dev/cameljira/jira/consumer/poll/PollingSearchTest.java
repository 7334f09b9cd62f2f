package dev.cameljira.jira.consumer.poll;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.jira.client.JiraJson;
import dev.cameljira.jira.client.PagedIterator;
import dev.cameljira.jira.model.JiraIssue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a poll does when issues move while it pages through a search: Jira pages by position, so an issue updated
 * between two page requests moves to the end and the issue at the page boundary is skipped. The moved issue shows up
 * twice; the poll then searches again and merges, and reports the window as not complete when it never settles.
 */
class PollingSearchTest {

    @Test
    void aSettledSearchIsCompleteAndCostsOneRequestPerPage() {
        PollSearch.Result r = PollSearch.run(passes(List.of(List.of(issue("1", 1), issue("2", 2)), List.of(issue("3", 3)))));
        assertThat(r.complete()).isTrue();
        assertThat(r.requests()).isEqualTo(2);
        assertThat(r.issues()).extracting(JiraIssue::id).containsExactly("1", "2", "3");
    }

    @Test
    void anIssueSeenTwiceTriggersASecondPassThatFindsTheSkippedOne() {
        // pass 1: issue 1 is updated after page 1 was read, moves to the end, and issue 3 slides onto page 1 unseen
        List<List<JiraIssue>> first = List.of(List.of(issue("1", 1), issue("2", 2)), List.of(issue("4", 4), issue("1", 9)));
        List<List<JiraIssue>> second = List.of(List.of(issue("2", 2), issue("3", 3)), List.of(issue("4", 4), issue("1", 9)));
        PollSearch.Result r = PollSearch.run(passes(first, second));
        assertThat(r.complete()).isTrue();
        assertThat(r.requests()).isEqualTo(4);
        assertThat(r.issues()).extracting(JiraIssue::id).containsExactlyInAnyOrder("1", "2", "3", "4");
        assertThat(r.issues()).filteredOn(i -> i.id().equals("1")).extracting(i -> i.updated().getMinute())
                .as("the later version of the moved issue is kept").containsExactly(9);
    }

    @Test
    void aSearchThatNeverSettlesIsReportedIncompleteAfterThreePasses() {
        List<List<JiraIssue>> moving = List.of(List.of(issue("1", 1)), List.of(issue("1", 2)));
        PollSearch.Result r = PollSearch.run(passes(moving, moving, moving, moving));
        assertThat(r.complete()).isFalse();
        assertThat(r.requests()).isEqualTo(2 * PollSearch.MAX_PASSES);
    }

    @SafeVarargs
    private static PollSearch.Pass passes(List<List<JiraIssue>>... runs) {
        Deque<List<List<JiraIssue>>> left = new ArrayDeque<>(List.of(runs));
        return () -> {
            List<List<JiraIssue>> pages = left.removeFirst();
            return new PagedIterator<>(0, cursor -> {
                int page = (Integer) cursor;
                return new PagedIterator.Page<>(pages.get(page), page + 1 < pages.size() ? page + 1 : null);
            }, 0);
        };
    }

    private static JiraIssue issue(String id, int minute) {
        ObjectNode n = JiraJson.mapper().createObjectNode();
        n.put("id", id).put("key", "DEMO-" + id);
        n.putObject("fields").put("updated", String.format("2026-03-10T10:%02d:00.000+0000", minute));
        return JiraIssue.from(n);
    }
}
