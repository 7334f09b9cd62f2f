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
import dev.cameljira.sandbox.jira.model.User;
import dev.cameljira.sandbox.jira.store.JiraStore;

/** Watchers: GET, POST (body: a JSON string accountId / username; empty = yourself), DELETE ({@code ?accountId=} / {@code ?username=}). */
public final class WatcherResource {

    private final JiraContext ctx;
    private final JiraStore store;

    public WatcherResource(JiraContext ctx) {
        this.ctx = ctx;
        this.store = ctx.store();
    }

    public void register(Router router) {
        router.add("GET", Paths.API + "/issue/{key}/watchers", this::list);
        router.add("POST", Paths.API + "/issue/{key}/watchers", this::add);
        router.add("DELETE", Paths.API + "/issue/{key}/watchers", this::remove);
        if (store.cloud()) {
            router.add("POST", Paths.API + "/issue/watching", true, this::watching);
        }
    }

    /**
     * Cloud's bulk "is watching" ({@code POST issue/watching}, body {@code {"issueIds": ["10001", ...]}}):
     * {@code {"issuesIsWatching": {"10001": true, ...}}} for the caller; an id that names no issue (or is no id) is
     * false, as Jira answers it. Anonymous callers watch nothing.
     */
    private ApiResponse watching(ApiRequest req) {
        User user = req.user();
        JsonNode ids = req.json().path("issueIds");
        if (!ids.isArray()) {
            throw ApiException.field("issueIds", "The issueIds list is required.");
        }
        return store.read(() -> {
            ObjectNode n = Json.object();
            ObjectNode map = n.putObject("issuesIsWatching");
            for (JsonNode id : ids) {
                if (id.isNull()) {
                    continue;
                }
                String text = id.asText().trim();
                boolean watching = user != null && text.matches("\\d{1,18}")
                        && store.issue(Long.parseLong(text)).map(i -> i.watchers().contains(user)).orElse(false);
                map.put(text, watching);
            }
            return ApiResponse.ok(n);
        });
    }

    private ApiResponse list(ApiRequest req) {
        return store.read(() -> {
            Issue issue = store.requireIssue(req.param("key"));
            ObjectNode n = Json.object();
            n.put("self", req.view().api() + "/issue/" + issue.key() + "/watchers");
            n.put("isWatching", issue.watchers().contains(req.requireUser()));
            n.put("watchCount", issue.watchers().size());
            ArrayNode arr = n.putArray("watchers");
            for (User u : issue.watchers()) {
                arr.add(ctx.renderer().user(u, req.view()));
            }
            return ApiResponse.ok(n);
        });
    }

    private ApiResponse add(ApiRequest req) {
        User user;
        if (req.body().length == 0 || new String(req.body(), java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            user = req.requireUser();
        } else {
            JsonNode body = req.json();
            if (!body.isTextual()) {
                throw ApiException.of(400, "The request body must be a JSON string: the " + (store.cloud() ? "accountId" : "username")
                        + " of the user to add as a watcher.");
            }
            user = resolve(body.asText());
        }
        return store.write(() -> {
            Issue issue = store.requireIssue(req.param("key"));
            issue.watchers().add(user);
            return ApiResponse.noContent();
        });
    }

    private ApiResponse remove(ApiRequest req) {
        String id = store.cloud() ? req.query("accountId") : firstNonNull(req.query("username"), req.query("accountId"));
        if (id == null) {
            throw ApiException.of(400, store.cloud() ? "The accountId query parameter is required." : "The username query parameter is required.");
        }
        User user = resolve(id);
        return store.write(() -> {
            Issue issue = store.requireIssue(req.param("key"));
            issue.watchers().remove(user);
            return ApiResponse.noContent();
        });
    }

    private User resolve(String id) {
        return store.user(id).filter(u -> store.cloud() ? id.equals(u.accountId()) : id.equalsIgnoreCase(u.name()) || id.equals(u.key()))
                .orElseThrow(() -> ApiException.of(404, "The user \"" + id + "\" does not exist."));
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
