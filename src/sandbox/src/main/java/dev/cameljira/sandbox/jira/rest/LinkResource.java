package dev.cameljira.sandbox.jira.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.http.ApiException;
import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.ApiResponse;
import dev.cameljira.sandbox.http.Router;
import dev.cameljira.sandbox.jira.JiraContext;
import dev.cameljira.sandbox.jira.model.IssueLink;
import dev.cameljira.sandbox.jira.store.JiraStore;

/** Issue links: {@code POST /issueLink}, {@code GET|DELETE /issueLink/{id}}. */
public final class LinkResource {

    private final JiraContext ctx;
    private final JiraStore store;

    public LinkResource(JiraContext ctx) {
        this.ctx = ctx;
        this.store = ctx.store();
    }

    public void register(Router router) {
        router.add("POST", Paths.API + "/issueLink", this::create);
        router.add("GET", Paths.API + "/issueLink/{id}", this::get);
        router.add("DELETE", Paths.API + "/issueLink/{id}", this::delete);
    }

    private ApiResponse create(ApiRequest req) {
        JsonNode body = req.json();
        String type = ref(body.get("type"), "name", "id");
        String inward = ref(body.get("inwardIssue"), "key", "id");
        String outward = ref(body.get("outwardIssue"), "key", "id");
        if (type == null || inward == null || outward == null) {
            throw ApiException.of(400, "An issue link needs 'type' (name or id), 'inwardIssue' and 'outwardIssue' (key or id).");
        }
        IssueLink link = ctx.activityService().link(type, inward, outward, body.get("comment"), req.apiVersion(), ctx.comments(),
                req.requireUser());
        return ApiResponse.empty(201).header("Location", req.view().api() + "/issueLink/" + link.id());
    }

    private long id(ApiRequest req) {
        try {
            return Long.parseLong(req.param("id"));
        } catch (NumberFormatException e) {
            throw ApiException.of(404, "No issue link with id '" + req.param("id") + "' exists.");
        }
    }

    private ApiResponse get(ApiRequest req) {
        long id = id(req);
        return store.read(() -> ApiResponse.ok(ctx.issues().link(store.link(id).orElseThrow(() -> ApiException.of(404,
                "No issue link with id '" + id + "' exists.")), req.view())));
    }

    private ApiResponse delete(ApiRequest req) {
        ctx.activityService().unlink(id(req), req.requireUser());
        return ApiResponse.noContent();
    }

    private static String ref(JsonNode node, String first, String second) {
        if (node == null || !node.isObject()) {
            return null;
        }
        if (node.hasNonNull(first)) {
            return node.get(first).asText();
        }
        return node.hasNonNull(second) ? node.get(second).asText() : null;
    }
}
