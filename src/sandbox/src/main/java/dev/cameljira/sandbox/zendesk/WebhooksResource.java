package dev.cameljira.sandbox.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.ApiResponse;
import dev.cameljira.sandbox.http.Router;
import dev.cameljira.sandbox.http.Json;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * The Webhooks API ({@code /api/v2/webhooks}), admins only: create (201), list (cursor paging,
 * {@code filter[name_contains]}, {@code filter[status]}), show, update (PUT, 204), patch (JSON merge patch, 204),
 * delete (204), show and reset the signing secret.
 */
final class WebhooksResource {
    private static final String ID = "{id:[0-9A-Za-z]{1,64}}";

    private final WebhookRegistry registry;

    WebhooksResource(WebhookRegistry registry) {
        this.registry = registry;
    }

    void register(Router router) {
        router.add("POST", "/api/v2/webhooks", this::create)
                .add("GET", "/api/v2/webhooks", this::list)
                .add("GET", "/api/v2/webhooks/" + ID, this::show)
                .add("PUT", "/api/v2/webhooks/" + ID, this::replace)
                .add("PATCH", "/api/v2/webhooks/" + ID, this::patch)
                .add("DELETE", "/api/v2/webhooks/" + ID, this::delete)
                .add("GET", "/api/v2/webhooks/" + ID + "/signing_secret", this::showSecret)
                .add("POST", "/api/v2/webhooks/" + ID + "/signing_secret", this::resetSecret);
    }

    private ApiResponse create(ApiRequest request) {
        requireAdmin(request.principal(ZendeskUser.class));
        WebhookRegistry.Settings settings = WebhookJson.parse(WebhookJson.root(body(request)), null,
                false);
        ZendeskWebhook webhook = registry.create(settings, request.principal(ZendeskUser.class).id(), null);
        ObjectNode result = Json.object();
        result.set("webhook", WebhookJson.render(webhook));
        return ApiResponse.json(201, result).header("Location",
                request.baseUrl() + "/api/v2/webhooks/" + webhook.id());
    }

    private ApiResponse list(ApiRequest request) {
        requireAdmin(request.principal(ZendeskUser.class));
        String nameContains = request.queryValue("filter[name_contains]").map(s -> s.toLowerCase(Locale.ROOT))
                .orElse(null);
        String status = request.queryValue("filter[status]").orElse(null);
        List<WebhookRegistry.Listed> webhooks = registry.listed().stream()
                .filter(l -> nameContains == null || l.webhook().name().toLowerCase(Locale.ROOT).contains(nameContains))
                .filter(l -> status == null || status.equals(l.webhook().active() ? "active" : "inactive"))
                .toList();
        return ApiResponse.ok(Paging.cursorPage(request, "webhooks", webhooks, WebhookRegistry.Listed::sequence,
                l -> WebhookJson.render(l.webhook()), false));
    }

    private ApiResponse show(ApiRequest request) {
        requireAdmin(request.principal(ZendeskUser.class));
        ObjectNode result = Json.object();
        result.set("webhook", WebhookJson.render(webhook(request)));
        return ApiResponse.ok(result);
    }

    private ApiResponse replace(ApiRequest request) {
        requireAdmin(request.principal(ZendeskUser.class));
        String id = request.param("id");
        WebhookRegistry.Settings current = registry.settings(id);
        registry.update(id, WebhookJson.parse(WebhookJson.root(body(request)), current.authentication(),
                false));
        return ApiResponse.noContent();
    }

    private ApiResponse patch(ApiRequest request) {
        requireAdmin(request.principal(ZendeskUser.class));
        String id = request.param("id");
        ZendeskWebhook current = webhook(request);
        JsonNode patch = WebhookJson.root(body(request));
        WebhookRegistry.Settings settings = registry.settings(id);
        registry.update(id, WebhookJson.parse(WebhookJson.merge(current, patch), settings.authentication(), true));
        return ApiResponse.noContent();
    }

    private ApiResponse delete(ApiRequest request) {
        requireAdmin(request.principal(ZendeskUser.class));
        registry.delete(request.param("id"));
        return ApiResponse.noContent();
    }

    private ApiResponse showSecret(ApiRequest request) {
        requireAdmin(request.principal(ZendeskUser.class));
        return ApiResponse.ok(secretBody(registry.secret(request.param("id"))));
    }

    private ApiResponse resetSecret(ApiRequest request) {
        requireAdmin(request.principal(ZendeskUser.class));
        return ApiResponse.json(201, secretBody(registry.resetSecret(request.param("id"))));
    }

    private static ObjectNode secretBody(String secret) {
        ObjectNode result = Json.object();
        result.putObject("signing_secret").put("algorithm", "SHA256").put("secret", secret);
        return result;
    }

    private ZendeskWebhook webhook(ApiRequest request) {
        String id = request.param("id");
        return registry.get(id).orElseThrow(() -> ApiException.errors(404, "WebhookNotFound", "Webhook not found",
                "No webhook with id " + id));
    }

    private static void requireAdmin(ZendeskUser user) {
        if (user.role() != ZendeskRole.ADMIN) {
            throw ApiException.errors(403, "Forbidden", "Forbidden", "Only admins can manage webhooks");
        }
    }

    private static JsonNode body(ApiRequest request) {
        try {
            return Json.MAPPER.readTree(request.body());
        } catch (IOException e) {
            throw WebhookJson.invalid("The request body is not valid JSON");
        }
    }
}
