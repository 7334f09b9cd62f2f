package dev.cameljira.jira.consumer.poll;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.cameljira.jira.client.JiraApi;
import dev.cameljira.jira.client.PagedIterator;
import dev.cameljira.jira.model.JiraIssue;
import dev.cameljira.jira.operations.SearchOperations;

/**
 * Reads every issue of a poll's window, one search request per page (Cloud {@code /search/jql} with
 * {@code nextPageToken}, Data Center {@code /search} with {@code startAt}).
 *
 * <p>Paging is by position, so an issue updated between two page requests moves to the end of the order and shifts
 * the others: the one at the page boundary is then never returned. The move is visible (the moved issue comes back on a
 * later page), and then the search runs again, up to {@link #MAX_PASSES} times, merging what the passes found. A poll
 * whose last pass still saw movement is reported as not {@code complete}: its events are emitted, but the cursor's
 * window does not move on until a later poll reads the window completely. (An issue that leaves the JQL's result, e.g.
 * by a status change out of a {@code status = Open} filter, shifts the others without a visible trace; the overlap
 * usually covers that case.)
 */
final class PollSearch {

    static final int MAX_PASSES = 3;

    /**
     * What a poll found.
     *
     * @param issues   every issue found (the newest version when found more than once)
     * @param complete whether the last pass read the window without seeing anything move
     * @param requests search requests sent (one per page)
     */
    record Result(List<JiraIssue> issues, boolean complete, int requests) {

        /** The latest issue time among the issues found, by {@code time}; null when none. */
        Instant horizon(Function<JiraIssue, Instant> time) {
            Instant max = null;
            for (JiraIssue i : issues) {
                Instant t = time.apply(i);
                if (t != null && (max == null || t.isAfter(max))) {
                    max = t;
                }
            }
            return max;
        }
    }

    private PollSearch() {
    }

    /** One run of the search, page by page. */
    @FunctionalInterface
    interface Pass {
        PagedIterator<JiraIssue> open();
    }

    static Result run(JiraApi api, String jql, List<String> fields, String expand, int pageSize) {
        return run(() -> SearchOperations.search(api, jql, fields, expand, pageSize, 0));
    }

    /** Runs the search until a pass sees nothing move (at most {@link #MAX_PASSES} passes) and merges what they found. */
    static Result run(Pass search) {
        Map<String, JiraIssue> found = new LinkedHashMap<>();
        int requests = 0;
        boolean stable = false;
        for (int pass = 0; pass < MAX_PASSES && !stable; pass++) {
            PagedIterator<JiraIssue> it = search.open();
            Set<String> ids = new HashSet<>();
            stable = true;
            while (it.hasNext()) {
                JiraIssue issue = it.next();
                if (!ids.add(issue.id())) {
                    stable = false;
                }
                found.merge(issue.id(), issue, PollSearch::newer);
            }
            requests += it.pagesFetched();
        }
        return new Result(new ArrayList<>(found.values()), stable, requests);
    }

    /** The later version of an issue found twice (by {@code updated}; the later read on a tie). */
    private static JiraIssue newer(JiraIssue a, JiraIssue b) {
        return a.updated() != null && b.updated() != null && a.updated().isAfter(b.updated()) ? a : b;
    }
}
