package dev.cameljira.sandbox.jira.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.ApiException;
import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.ApiResponse;
import dev.cameljira.sandbox.http.Json;
import dev.cameljira.sandbox.http.Router;
import dev.cameljira.sandbox.jira.JiraContext;
import dev.cameljira.sandbox.jira.model.Issue;
import dev.cameljira.sandbox.jira.model.Project;
import dev.cameljira.sandbox.jira.model.Schemes;
import dev.cameljira.sandbox.jira.model.Schemes.Permission;
import dev.cameljira.sandbox.jira.model.User;
import dev.cameljira.sandbox.jira.model.Worklog;
import dev.cameljira.sandbox.jira.render.View;
import dev.cameljira.sandbox.jira.store.JiraStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The worklog feeds a time-tracking sync polls, on Cloud and Data Center: {@code GET worklog/updated?since=<epoch ms>}
 * and {@code GET worklog/deleted?since=} ({@code {values: [{worklogId, updatedTime, properties}], since, until, self,
 * nextPage?, lastPage}}, oldest first, at most 1000 a page, changes at or after {@code since}; like Jira, a change
 * of the last minute is not listed yet), and {@code POST worklog/list {"ids": [...]}} (the worklogs themselves;
 * unknown ids are left out). The updated feed and the list hold only the worklogs the caller may see (Browse Projects,
 * and the worklog's group or role); the deleted feed lists every deleted id, as Jira's does.
 */
public final class WorklogFeedResource {

    /** Jira's page size of both feeds and its limit of ids per {@code worklog/list}. */
    static final int LIMIT = 1000;

    private static final Permission BROWSE = Schemes.permission("BROWSE_PROJECTS").orElseThrow();

    private final JiraContext ctx;
    private final JiraStore store;

    public WorklogFeedResource(JiraContext ctx) {
        this.ctx = ctx;
        this.store = ctx.store();
    }

    public void register(Router router) {
        router.add("GET", Paths.API + "/worklog/updated", req -> feed(req, "updated"));
        router.add("GET", Paths.API + "/worklog/deleted", req -> feed(req, "deleted"));
        router.add("POST", Paths.API + "/worklog/list", this::list);
    }

    private record Change(long worklogId, long time) {
    }

    private ApiResponse feed(ApiRequest req, String kind) {
        long since = longQuery(req, "since");
        return store.read(() -> {
            // Jira leaves out what changed during the minute before the request
            long cutoff = store.now().minusSeconds(60).toEpochMilli();
            List<Change> changes = new ArrayList<>();
            if (kind.equals("updated")) {
                forEachVisible(req.requireUser(), w -> changes.add(new Change(w.id(), w.updated().toEpochMilli())));
            } else {
                for (Map.Entry<Long, Instant> e : store.deletedWorklogs().entrySet()) {
                    changes.add(new Change(e.getKey(), e.getValue().toEpochMilli()));
                }
            }
            List<Change> page = changes.stream().filter(c -> c.time() >= since && c.time() <= cutoff)
                    .sorted(Comparator.comparingLong(Change::time).thenComparingLong(Change::worklogId))
                    .limit(LIMIT).toList();
            View view = req.view();
            long until = page.isEmpty() ? since : page.get(page.size() - 1).time();
            boolean lastPage = page.size() < LIMIT;
            ObjectNode n = Json.object();
            ArrayNode values = n.putArray("values");
            for (Change c : page) {
                ObjectNode v = values.addObject();
                v.put("worklogId", c.worklogId());
                v.put("updatedTime", c.time());
                v.putArray("properties");
            }
            n.put("since", since);
            n.put("until", until);
            n.put("self", view.api() + "/worklog/" + kind + "?since=" + since);
            if (!lastPage) {
                n.put("nextPage", view.api() + "/worklog/" + kind + "?since=" + until);
            }
            n.put("lastPage", lastPage);
            return ApiResponse.ok(n);
        });
    }

    private ApiResponse list(ApiRequest req) {
        JsonNode ids = req.json().get("ids");
        if (ids == null || !ids.isArray()) {
            throw ApiException.of(400, "Worklog ids must be provided.");
        }
        if (ids.size() > LIMIT) {
            throw ApiException.of(400, "The number of worklog ids is limited to " + LIMIT + ".");
        }
        Set<Long> wanted = new HashSet<>();
        ids.forEach(id -> wanted.add(id.asLong()));
        User user = req.requireUser();
        return store.read(() -> {
            ArrayNode arr = Json.array();
            forEachVisible(user, w -> {
                if (wanted.contains(w.id())) {
                    arr.add(ctx.activity().worklog(w, req.view()));
                }
            });
            return ApiResponse.ok(arr);
        });
    }

    /**
     * Each worklog {@code user} may see (call under the lock): Browse Projects in its issue's project, and in its
     * group or role when it has a visibility, as Jira filters both {@code worklog/updated} and {@code worklog/list}.
     */
    private void forEachVisible(User user, Consumer<Worklog> action) {
        List<Project> projects = store.projects();
        for (Issue issue : store.issues()) {
            if (!Schemes.holds(user, BROWSE, issue.project(), projects)) {
                continue;
            }
            for (Worklog w : issue.worklogs()) {
                if (Schemes.mayView(user, w.visibility(), issue.project())) {
                    action.accept(w);
                }
            }
        }
    }

    private static long longQuery(ApiRequest req, String name) {
        String v = req.query(name);
        if (v == null || v.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw ApiException.of(400, "The '" + name + "' query parameter must be a number of milliseconds: " + v);
        }
    }
}
