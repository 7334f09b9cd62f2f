package dev.cameljira.sandbox.jira.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.ApiResponse;
import dev.cameljira.sandbox.http.Router;
import dev.cameljira.sandbox.jira.JiraContext;
import dev.cameljira.sandbox.jira.model.Comment;
import dev.cameljira.sandbox.jira.model.Issue;
import dev.cameljira.sandbox.jira.model.RichText;
import dev.cameljira.sandbox.jira.store.JiraStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** {@code /issue/{key}/comment[/{id}]}. */
public final class CommentResource {

    private final JiraContext ctx;
    private final JiraStore store;

    public CommentResource(JiraContext ctx) {
        this.ctx = ctx;
        this.store = ctx.store();
    }

    public void register(Router router) {
        router.add("GET", Paths.API + "/issue/{key}/comment", this::list);
        router.add("POST", Paths.API + "/issue/{key}/comment", this::add);
        router.add("GET", Paths.API + "/issue/{key}/comment/{id}", this::get);
        router.add("PUT", Paths.API + "/issue/{key}/comment/{id}", this::edit);
        router.add("DELETE", Paths.API + "/issue/{key}/comment/{id}", this::delete);
    }

    private ApiResponse list(ApiRequest req) {
        int startAt = Paging.startAt(req);
        int max = Paging.maxResults(req, 5000, 5000);
        boolean newestFirst = "-created".equals(req.query("orderBy"));
        return store.read(() -> {
            Issue issue = store.requireIssue(req.param("key"));
            List<Comment> comments = new ArrayList<>(issue.comments());
            if (newestFirst) {
                Collections.reverse(comments);
            }
            return ApiResponse.ok(ctx.activity().commentPage(comments, startAt, max, req.view(), renderedBody(req)));
        });
    }

    private ApiResponse add(ApiRequest req) {
        JsonNode body = req.json();
        RichText text = ctx.comments().body(body.get("body"), req.apiVersion());
        return store.write(() -> {
            Issue issue = store.requireIssue(req.param("key"));
            Comment c = ctx.comments().add(issue, text, body.get("visibility"), req.requireUser());
            return ApiResponse.created(ctx.activity().comment(c, req.view(), renderedBody(req)));
        });
    }

    private ApiResponse get(ApiRequest req) {
        return store.read(() -> {
            Issue issue = store.requireIssue(req.param("key"));
            return ApiResponse.ok(ctx.activity().comment(ctx.comments().require(issue, req.param("id")), req.view(),
                    renderedBody(req)));
        });
    }

    private ApiResponse edit(ApiRequest req) {
        JsonNode body = req.json();
        RichText text = ctx.comments().body(body.get("body"), req.apiVersion());
        return store.write(() -> {
            Issue issue = store.requireIssue(req.param("key"));
            Comment c = ctx.comments().require(issue, req.param("id"));
            ctx.comments().edit(issue, c, text, body.get("visibility"), req.requireUser());
            return ApiResponse.ok(ctx.activity().comment(c, req.view(), renderedBody(req)));
        });
    }

    /** {@code expand=renderedBody}: each comment also carries its body as HTML. */
    private static boolean renderedBody(ApiRequest req) {
        return Paging.expand(req.queryAll("expand")).contains("renderedbody");
    }

    private ApiResponse delete(ApiRequest req) {
        return store.write(() -> {
            Issue issue = store.requireIssue(req.param("key"));
            Comment c = ctx.comments().require(issue, req.param("id"));
            ctx.comments().delete(issue, c, req.requireUser());
            return ApiResponse.noContent();
        });
    }
}
