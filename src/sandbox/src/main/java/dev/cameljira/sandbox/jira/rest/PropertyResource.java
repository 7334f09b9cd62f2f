package dev.cameljira.sandbox.jira.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.ApiException;
import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.ApiResponse;
import dev.cameljira.sandbox.http.Json;
import dev.cameljira.sandbox.http.Router;
import dev.cameljira.sandbox.jira.model.Issue;
import dev.cameljira.sandbox.jira.service.EntityProperties;
import dev.cameljira.sandbox.jira.store.JiraStore;

/** Issue entity properties: {@code /issue/{key}/properties[/{propertyKey}]}. */
public final class PropertyResource {

    private final JiraStore store;

    public PropertyResource(JiraStore store) {
        this.store = store;
    }

    public void register(Router router) {
        router.add("GET", Paths.API + "/issue/{key}/properties", this::keys);
        router.add("GET", Paths.API + "/issue/{key}/properties/{property}", this::get);
        router.add("PUT", Paths.API + "/issue/{key}/properties/{property}", this::put);
        router.add("DELETE", Paths.API + "/issue/{key}/properties/{property}", this::delete);
    }

    private ApiResponse keys(ApiRequest req) {
        return store.read(() -> {
            Issue issue = store.requireIssue(req.param("key"));
            ObjectNode n = Json.object();
            ArrayNode keys = n.putArray("keys");
            for (String k : issue.properties().keySet()) {
                keys.addObject().put("self", req.view().api() + "/issue/" + issue.id() + "/properties/" + k).put("key", k);
            }
            return ApiResponse.ok(n);
        });
    }

    private ApiResponse get(ApiRequest req) {
        return store.read(() -> {
            Issue issue = store.requireIssue(req.param("key"));
            JsonNode value = issue.properties().get(req.param("property"));
            if (value == null) {
                throw notFound(req);
            }
            ObjectNode n = Json.object();
            n.put("key", req.param("property"));
            n.set("value", value.deepCopy());
            return ApiResponse.ok(n);
        });
    }

    private ApiResponse put(ApiRequest req) {
        EntityProperties.checkSize(req.body().length);
        String key = req.param("property");
        EntityProperties.checkKey(key);
        JsonNode value = req.json();
        return store.write(() -> {
            Issue issue = store.requireIssue(req.param("key"));
            boolean existed = issue.properties().put(key, value) != null;
            return ApiResponse.empty(existed ? 200 : 201);
        });
    }

    private ApiResponse delete(ApiRequest req) {
        return store.write(() -> {
            Issue issue = store.requireIssue(req.param("key"));
            if (issue.properties().remove(req.param("property")) == null) {
                throw notFound(req);
            }
            return ApiResponse.noContent();
        });
    }

    private static ApiException notFound(ApiRequest req) {
        return ApiException.of(404, "The property with key '" + req.param("property") + "' does not exist.");
    }
}
