package dev.cameljira.sandbox.jira.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.ApiException;
import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.ApiResponse;
import dev.cameljira.sandbox.http.Json;
import dev.cameljira.sandbox.http.Router;
import dev.cameljira.sandbox.jira.model.User;
import dev.cameljira.sandbox.jira.store.JiraStore;
import dev.cameljira.sandbox.webhook.WebhookRegistration;
import dev.cameljira.sandbox.webhook.WebhookRegistry;

/** Admin webhooks: {@code /rest/webhooks/1.0/webhook[/{id}]} (Jira administrators only). */
public final class WebhookResource {

    static final String BASE = "/rest/webhooks/1.0/webhook";
    private static final String ADMIN_ONLY = "Only Jira administrators can manage webhooks.";

    private final JiraStore store;
    private final WebhookRegistry registry;

    public WebhookResource(JiraStore store, WebhookRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    public void register(Router router) {
        router.add("GET", BASE, this::list);
        router.add("POST", BASE, this::create);
        router.add("GET", BASE + "/{id}", this::get);
        router.add("PUT", BASE + "/{id}", this::update);
        router.add("DELETE", BASE + "/{id}", this::delete);
    }

    private ObjectNode render(WebhookRegistration r, ApiRequest req) {
        ObjectNode n = Json.object();
        n.put("self", store.baseUrl() + BASE + "/" + r.id());
        n.put("name", r.name());
        n.put("url", r.url());
        ArrayNode events = n.putArray("events");
        r.events().forEach(events::add);
        ObjectNode filters = n.putObject("filters");
        filters.put("issue-related-events-section", r.jqlFilter() == null ? "" : r.jqlFilter());
        n.put("excludeBody", r.excludeBody());
        n.put("enabled", r.enabled());
        n.put("lastUpdated", r.lastUpdated().toEpochMilli());
        n.put("lastUpdatedDisplayName", r.lastUpdatedBy());
        n.put("lastUpdatedUser", r.lastUpdatedBy());
        return n;
    }

    private ApiResponse list(ApiRequest req) {
        req.requireAdmin(ADMIN_ONLY);
        ArrayNode arr = Json.array();
        registry.all().forEach(r -> arr.add(render(r, req)));
        return ApiResponse.ok(arr);
    }

    private ApiResponse create(ApiRequest req) {
        User admin = req.requireAdmin(ADMIN_ONLY);
        WebhookRegistration r = registry.save(0, req.json(), store.now(), admin.displayName(), null);
        return ApiResponse.created(render(r, req));
    }

    private WebhookRegistration find(ApiRequest req) {
        try {
            return registry.get(Long.parseLong(req.param("id"))).orElseThrow(() -> notFound(req));
        } catch (NumberFormatException e) {
            throw notFound(req);
        }
    }

    private static ApiException notFound(ApiRequest req) {
        return ApiException.of(404, "Webhook with id " + req.param("id") + " does not exist.");
    }

    private ApiResponse get(ApiRequest req) {
        req.requireAdmin(ADMIN_ONLY);
        return ApiResponse.ok(render(find(req), req));
    }

    private ApiResponse update(ApiRequest req) {
        User admin = req.requireAdmin(ADMIN_ONLY);
        WebhookRegistration previous = find(req);
        WebhookRegistration r = registry.save(previous.id(), req.json(), store.now(), admin.displayName(), previous);
        return ApiResponse.ok(render(r, req));
    }

    private ApiResponse delete(ApiRequest req) {
        req.requireAdmin(ADMIN_ONLY);
        registry.delete(find(req).id());
        return ApiResponse.noContent();
    }
}
