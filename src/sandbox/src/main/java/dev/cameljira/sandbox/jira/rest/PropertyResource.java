package dev.cameljira.sandbox.jira.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.ApiException;
import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.ApiResponse;
import dev.cameljira.sandbox.http.Json;
import dev.cameljira.sandbox.http.Router;
import dev.cameljira.sandbox.jira.model.Comment;
import dev.cameljira.sandbox.jira.model.Issue;
import dev.cameljira.sandbox.jira.model.Project;
import dev.cameljira.sandbox.jira.model.Schemes;
import dev.cameljira.sandbox.jira.model.User;
import dev.cameljira.sandbox.jira.model.Worklog;
import dev.cameljira.sandbox.jira.service.EntityProperties;
import dev.cameljira.sandbox.jira.store.JiraStore;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Entity properties: {@code /issue/{key}/properties}, {@code /project/{key}/properties},
 * {@code /comment/{id}/properties} and (Cloud) {@code /issue/{key}/worklog/{id}/properties}, each with
 * {@code /{propertyKey}} for GET, PUT (201 new, 200 replaced) and DELETE (204).
 */
public final class PropertyResource {

    /** The entity a request names: its properties, the {@code self} prefix of its keys, and its write check. */
    private record Owner(Map<String, JsonNode> properties, String self, Runnable checkWrite) {
    }

    private final JiraStore store;

    public PropertyResource(JiraStore store) {
        this.store = store;
    }

    public void register(Router router) {
        entity(router, "/issue/{key}", req -> {
            Issue issue = store.requireIssue(req.param("key"));
            return new Owner(issue.properties(), "/issue/" + issue.id(), () -> { });
        });
        entity(router, "/project/{key}", req -> {
            Project project = store.requireProject(req.param("key"));
            return new Owner(project.properties(), "/project/" + project.id(), () -> {
                User user = req.requireUser();
                if (!Schemes.holds(user, Schemes.permission("ADMINISTER_PROJECTS").orElseThrow(), project,
                        List.of(project))) {
                    throw ApiException.of(403, "The user does not have permission to edit entity property.");
                }
            });
        });
        entity(router, "/comment/{id}", req -> {
            Comment comment = comment(req.param("id"));
            return new Owner(comment.properties(), "/comment/" + comment.id(), () -> {
                User user = req.requireUser();
                if (!user.admin() && !user.equals(comment.author())) {
                    throw ApiException.of(403, "The user does not have permission to edit entity property.");
                }
            });
        });
        if (store.cloud()) {
            entity(router, "/issue/{key}/worklog/{id}", req -> {
                Issue issue = store.requireIssue(req.param("key"));
                Worklog w = issue.worklogs().stream().filter(x -> String.valueOf(x.id()).equals(req.param("id")))
                        .findFirst().orElseThrow(() -> ApiException.of(404,
                                "Cannot find worklog with id: '" + req.param("id") + "'."));
                return new Owner(w.properties(), "/issue/" + issue.id() + "/worklog/" + w.id(), () -> {
                    User user = req.requireUser();
                    if (!user.admin() && !user.equals(w.author())) {
                        throw ApiException.of(403, "The user does not have permission to edit entity property.");
                    }
                });
            });
        }
    }

    private Comment comment(String id) {
        for (Issue issue : store.issues()) {
            for (Comment c : issue.comments()) {
                if (String.valueOf(c.id()).equals(id)) {
                    return c;
                }
            }
        }
        throw ApiException.of(404, "Can not find a comment for the id: " + id + ".");
    }

    private void entity(Router router, String base, Function<ApiRequest, Owner> owner) {
        router.add("GET", Paths.API + base + "/properties", req -> keys(req, owner));
        router.add("GET", Paths.API + base + "/properties/{property}", req -> get(req, owner));
        router.add("PUT", Paths.API + base + "/properties/{property}", req -> put(req, owner));
        router.add("DELETE", Paths.API + base + "/properties/{property}", req -> delete(req, owner));
    }

    private ApiResponse keys(ApiRequest req, Function<ApiRequest, Owner> owner) {
        return store.read(() -> {
            Owner o = owner.apply(req);
            ObjectNode n = Json.object();
            ArrayNode keys = n.putArray("keys");
            for (String k : o.properties().keySet()) {
                keys.addObject().put("self", req.view().api() + o.self() + "/properties/" + k).put("key", k);
            }
            return ApiResponse.ok(n);
        });
    }

    private ApiResponse get(ApiRequest req, Function<ApiRequest, Owner> owner) {
        return store.read(() -> {
            JsonNode value = owner.apply(req).properties().get(req.param("property"));
            if (value == null) {
                throw notFound(req);
            }
            ObjectNode n = Json.object();
            n.put("key", req.param("property"));
            n.set("value", value.deepCopy());
            return ApiResponse.ok(n);
        });
    }

    private ApiResponse put(ApiRequest req, Function<ApiRequest, Owner> owner) {
        EntityProperties.checkSize(req.body().length);
        String key = req.param("property");
        EntityProperties.checkKey(key);
        JsonNode value = req.json();
        return store.write(() -> {
            Owner o = owner.apply(req);
            o.checkWrite().run();
            boolean existed = o.properties().put(key, value) != null;
            return ApiResponse.empty(existed ? 200 : 201);
        });
    }

    private ApiResponse delete(ApiRequest req, Function<ApiRequest, Owner> owner) {
        return store.write(() -> {
            Owner o = owner.apply(req);
            o.checkWrite().run();
            if (o.properties().remove(req.param("property")) == null) {
                throw notFound(req);
            }
            return ApiResponse.noContent();
        });
    }

    private static ApiException notFound(ApiRequest req) {
        return ApiException.of(404, "The property with key '" + req.param("property") + "' does not exist.");
    }
}
