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
import dev.cameljira.sandbox.jira.model.Comment;
import dev.cameljira.sandbox.jira.model.Issue;
import dev.cameljira.sandbox.jira.model.RichText;
import dev.cameljira.sandbox.jira.model.Schemes;
import dev.cameljira.sandbox.jira.model.Schemes.Permission;
import dev.cameljira.sandbox.jira.model.User;
import dev.cameljira.sandbox.jira.store.JiraStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code /issue/{key}/comment[/{id}]}, and Cloud's {@code POST comment/list {"ids": [...]}} (not an operation of the
 * Data Center 10.3 document): the comments of those ids the caller may see (Browse Projects in the issue's project and
 * in the comment's group or role), lowest id first, in one page; unknown ids are left out. With {@code expand}
 * {@code renderedBody} each also carries its HTML, with {@code properties} its (never set) properties.
 */
public final class CommentResource {

    /** Jira's limit of ids per {@code comment/list}. */
    static final int LIST_LIMIT = 1000;
    /** The {@code maxResults} of Jira's one-page answer to {@code comment/list} (as in its document's example). */
    static final int LIST_PAGE_SIZE = 1 << 20;

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
        if (store.cloud()) {
            router.add("POST", Paths.API + "/comment/list", this::byIds);
        }
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

    private ApiResponse byIds(ApiRequest req) {
        User user = req.requireUser();
        JsonNode ids = req.json().get("ids");
        if (ids == null || !ids.isArray() || ids.isEmpty()) {
            throw ApiException.of(400, "The list of comment IDs must not be empty.");
        }
        if (ids.size() > LIST_LIMIT) {
            throw ApiException.of(400, "The number of comment IDs is limited to " + LIST_LIMIT + ".");
        }
        Set<Long> wanted = new HashSet<>();
        for (JsonNode id : ids) {
            if (!(id.isIntegralNumber() && id.canConvertToLong() || id.isTextual() && id.asText().matches("\\d{1,18}"))) {
                throw ApiException.of(400, "The comment ID " + id + " is not a number.");
            }
            wanted.add(id.asLong());
        }
        Set<String> expand = Paging.expand(req.queryAll("expand"));
        Permission browse = Schemes.permission("BROWSE_PROJECTS").orElseThrow();
        return store.read(() -> {
            List<Comment> found = new ArrayList<>();
            for (Issue issue : store.issues()) {
                if (!Schemes.holds(user, browse, issue.project(), store.projects())) {
                    continue;
                }
                for (Comment c : issue.comments()) {
                    if (wanted.contains(c.id()) && Schemes.mayView(user, c.visibility(), issue.project())) {
                        found.add(c);
                    }
                }
            }
            found.sort(Comparator.comparingLong(Comment::id));
            ObjectNode page = Json.object();
            page.put("maxResults", LIST_PAGE_SIZE);
            page.put("startAt", 0);
            page.put("total", found.size());
            page.put("isLast", true);
            ArrayNode values = page.putArray("values");
            for (Comment c : found) {
                ObjectNode n = ctx.activity().comment(c, req.view(), expand.contains("renderedbody"));
                if (expand.contains("properties")) {
                    n.putArray("properties");
                }
                values.add(n);
            }
            return ApiResponse.ok(page);
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
