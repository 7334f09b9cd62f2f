package dev.cameljira.sandbox.jira.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.http.ApiException;
import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.ApiResponse;
import dev.cameljira.sandbox.http.Router;
import dev.cameljira.sandbox.jira.JiraContext;
import dev.cameljira.sandbox.jira.model.Issue;
import dev.cameljira.sandbox.jira.model.RichText;
import dev.cameljira.sandbox.jira.model.Worklog;
import dev.cameljira.sandbox.jira.service.WorklogInput;
import dev.cameljira.sandbox.jira.store.JiraStore;
import java.time.Instant;

/** Worklogs: {@code /issue/{key}/worklog[/{id}]} (timeSpent "1h 30m" or timeSpentSeconds, started, comment). */
public final class WorklogResource {

    private final JiraContext ctx;
    private final JiraStore store;

    public WorklogResource(JiraContext ctx) {
        this.ctx = ctx;
        this.store = ctx.store();
    }

    public void register(Router router) {
        router.add("GET", Paths.API + "/issue/{key}/worklog", this::list);
        router.add("POST", Paths.API + "/issue/{key}/worklog", this::add);
        router.add("GET", Paths.API + "/issue/{key}/worklog/{id}", this::get);
        router.add("PUT", Paths.API + "/issue/{key}/worklog/{id}", this::edit);
        router.add("DELETE", Paths.API + "/issue/{key}/worklog/{id}", this::delete);
    }

    private ApiResponse list(ApiRequest req) {
        int startAt = Paging.startAt(req);
        int max = Paging.maxResults(req, 5000, 5000);
        return store.read(() -> {
            Issue issue = store.requireIssue(req.param("key"));
            return ApiResponse.ok(ctx.activity().worklogPage(issue.worklogs(), startAt, max, req.view()));
        });
    }

    private ApiResponse add(ApiRequest req) {
        JsonNode body = req.json();
        long seconds = WorklogInput.requiredSeconds(body);
        Instant started = started(body);
        RichText comment = comment(body, req.apiVersion());
        return store.write(() -> {
            Issue issue = store.requireIssue(req.param("key"));
            Worklog w = ctx.activityService().logWorkLocked(issue, started == null ? store.now() : started, seconds, comment,
                    body.get("visibility"), req.requireUser());
            return ApiResponse.created(ctx.activity().worklog(w, req.view()));
        });
    }

    private Worklog find(Issue issue, String id) {
        return issue.worklogs().stream().filter(w -> String.valueOf(w.id()).equals(id)).findFirst()
                .orElseThrow(() -> ApiException.of(404, "Cannot find worklog with id: '" + id + "'."));
    }

    private ApiResponse get(ApiRequest req) {
        return store.read(() -> ApiResponse.ok(ctx.activity().worklog(find(store.requireIssue(req.param("key")), req.param("id")),
                req.view())));
    }

    private ApiResponse edit(ApiRequest req) {
        JsonNode body = req.json();
        Long seconds = seconds(body);
        Instant started = started(body);
        RichText comment = comment(body, req.apiVersion());
        return store.write(() -> {
            Issue issue = store.requireIssue(req.param("key"));
            Worklog w = find(issue, req.param("id"));
            ctx.activityService().editWorklogLocked(issue, w, started, seconds, comment, req.requireUser());
            return ApiResponse.ok(ctx.activity().worklog(w, req.view()));
        });
    }

    private ApiResponse delete(ApiRequest req) {
        return store.write(() -> {
            Issue issue = store.requireIssue(req.param("key"));
            ctx.activityService().deleteWorklogLocked(issue, find(issue, req.param("id")), req.requireUser());
            return ApiResponse.noContent();
        });
    }

    private static Long seconds(JsonNode body) {
        return WorklogInput.seconds(body);
    }

    private static Instant started(JsonNode body) {
        return WorklogInput.started(body);
    }

    private RichText comment(JsonNode body, int apiVersion) {
        return WorklogInput.comment(body, apiVersion, store);
    }
}
