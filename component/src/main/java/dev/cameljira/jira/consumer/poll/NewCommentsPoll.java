package dev.cameljira.jira.consumer.poll;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.jira.client.JiraApi;
import dev.cameljira.jira.client.JiraRequest;
import dev.cameljira.jira.model.JiraComment;
import dev.cameljira.jira.model.JiraEvent;
import dev.cameljira.jira.model.JiraIssue;

/**
 * {@code jira:newComments}: issues updated in the window (a comment touches the issue's {@code updated}), searched with
 * the {@code comment} field; one {@code comment_created} event per comment created in the window, de-duplicated by
 * comment id. A search returns at most 20 comments per issue; only for an issue whose comment {@code total} exceeds what
 * the search returned are its comments read through {@code GET /issue/{id}/comment}, newest first, until the window
 * start. Edited and deleted comments are not emitted.
 */
final class NewCommentsPoll implements PollKind {

    static final int PAGE = 100;

    @Override
    public String timeField() {
        return "updated";
    }

    @Override
    public List<String> requiredFields() {
        return List.of("updated", "created", "project", "issuetype", "summary", "comment");
    }

    @Override
    public String requiredExpand() {
        return null;
    }

    @Override
    public void collect(JiraIssue issue, PollWindow window, List<PolledEvent> out) {
        for (JiraComment c : comments(issue, window.api(), window.from())) {
            Instant at = c.created() == null ? null : c.created().toInstant();
            String key = issue.id() + ":c" + c.id();
            if (window.wants(key, at)) {
                JiraEvent event = new JiraEvent("comment_created", at, null, issue, c, null, List.of(), c.author(), null,
                        JiraEvent.Source.POLL, "poll:comment_created:" + issue.id() + ":" + c.id(), issue.raw());
                out.add(new PolledEvent(key, at, event));
            }
        }
    }

    /** The issue's comments that may be in the window (older ones may be included). */
    static List<JiraComment> comments(JiraIssue issue, JiraApi api, Instant from) {
        JsonNode page = issue.field("comment");
        Map<String, JiraComment> all = new LinkedHashMap<>();
        add(page.get("comments"), all);
        int total = page.path("total").asInt(all.size());
        if (total > all.size()) {
            readNewestFirst(issue, api, from, total, all);
        }
        return new ArrayList<>(all.values());
    }

    private static void readNewestFirst(JiraIssue issue, JiraApi api, Instant from, int total, Map<String, JiraComment> all) {
        for (int startAt = 0; startAt < total; startAt += PAGE) {
            JsonNode page = api.client().json(JiraRequest.get(api.api("/issue/" + JiraApi.seg(issue.id()) + "/comment"))
                    .query("orderBy", "-created").query("startAt", startAt).query("maxResults", PAGE)
                    .subject("comments of " + issue.key()));
            List<JiraComment> got = add(page.get("comments"), all);
            boolean reachedWindowStart = got.stream().anyMatch(c -> c.created() != null && c.created().toInstant().isBefore(from));
            if (got.isEmpty() || reachedWindowStart) {
                return;
            }
            total = page.path("total").asInt(total);
        }
    }

    private static List<JiraComment> add(JsonNode comments, Map<String, JiraComment> all) {
        List<JiraComment> got = new ArrayList<>();
        if (comments != null) {
            comments.forEach(n -> {
                JiraComment c = JiraComment.from(n);
                if (c != null && c.id() != null) {
                    all.put(c.id(), c);
                    got.add(c);
                }
            });
        }
        return got;
    }
}
