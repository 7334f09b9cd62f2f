package dev.cameljira.sandbox.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.Json;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and writes the {@code {"webhook": {...}}} bodies of the Webhooks API, with its validation rules (400 with
 * {@code {"errors": [...]}}). Credentials in {@code authentication.data} are accepted but never rendered.
 */
final class WebhookJson {
    private static final String EVENT_PREFIX = "zen:event-type:";

    /** Ticket event types Zendesk documents for event-subscribed webhooks. */
    static final Set<String> TICKET_EVENT_TYPES = Set.of(
            "agent_assignment_changed", "attachment_linked_to_comment", "attachment_redacted_from_comment",
            "brand_changed", "comment_added", "comment_made_private", "comment_redacted", "created",
            "custom_field_changed", "custom_status_changed", "description_changed", "email_ccs_changed",
            "external_id_changed", "followers_changed", "form_changed", "group_assignment_changed", "marked_as_spam",
            "merged", "organization_changed", "permanently_deleted", "priority_changed", "problem_link_changed",
            "requester_changed", "soft_deleted", "status_changed", "subject_changed", "submitter_changed",
            "tags_changed", "task_due_at_changed", "ticket_type_changed", "undeleted");

    /** Other event domains are accepted (the emulator never fires them). */
    private static final Pattern OTHER_EVENT = Pattern.compile(
            "zen:event-type:(?!ticket\\.)[a-z_]+(\\.[a-z_]+)+");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> FORMATS = Set.of("json", "xml", "form_encoded");

    private WebhookJson() {
    }

    static ApiException invalid(String detail) {
        return ApiException.errors(400, "InvalidInput", "Invalid input", detail);
    }

    /** The object under {@code "webhook"} of a request body (400 when missing). */
    static ObjectNode root(JsonNode body) {
        if (body == null || !body.path("webhook").isObject()) {
            throw invalid("The request body must be a JSON object with a 'webhook' object");
        }
        return (ObjectNode) body.get("webhook");
    }

    /**
     * Validates a complete webhook object.
     *
     * @param w              the {@code webhook} object
     * @param existingAuth   the webhook's current credentials, or null; an {@code authentication} naming the same
     *                       type without {@code data} keeps them
     * @param keepWhenAbsent whether a missing {@code authentication} keeps them (PATCH) or removes them (PUT)
     */
    static WebhookRegistry.Settings parse(JsonNode w, WebhookRegistry.Authentication existingAuth,
                                          boolean keepWhenAbsent) {
        String name = requiredText(w, "name");
        URI endpoint = endpoint(requiredText(w, "endpoint"));
        String method = requiredText(w, "http_method").toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw invalid("http_method: must be one of GET, POST, PUT, PATCH, DELETE");
        }
        String format = requiredText(w, "request_format").toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(format)) {
            throw invalid("request_format: must be one of json, xml, form_encoded");
        }
        String status = requiredText(w, "status");
        if (!status.equals("active") && !status.equals("inactive")) {
            throw invalid("status: must be 'active' or 'inactive'");
        }
        List<String> subscriptions = subscriptions(w.get("subscriptions"));
        if (!subscriptions.contains(ZendeskWebhook.CONDITIONAL_TICKET_EVENTS)
                && (!method.equals("POST") || !format.equals("json"))) {
            throw invalid("A webhook subscribed to Zendesk events must use http_method POST and request_format json");
        }
        WebhookRegistry.Authentication auth = w.has("authentication")
                ? authentication(w.get("authentication"), existingAuth) : keepWhenAbsent ? existingAuth : null;
        return new WebhookRegistry.Settings(name, text(w, "description"), endpoint, method, format,
                status.equals("active"), subscriptions, auth, customHeaders(w.get("custom_headers")));
    }

    /** A JSON merge patch of {@code current} with {@code patch} (members set to null are removed). */
    static ObjectNode merge(ZendeskWebhook current, JsonNode patch) {
        ObjectNode merged = render(current);
        merged.remove("authentication");
        patch.fields().forEachRemaining(e -> {
            if (e.getValue().isNull() && !e.getKey().equals("authentication")) {
                merged.remove(e.getKey());
            } else {
                merged.set(e.getKey(), e.getValue());
            }
        });
        return merged;
    }

    static ObjectNode render(ZendeskWebhook w) {
        ObjectNode n = Json.object();
        n.put("id", w.id());
        n.put("name", w.name());
        if (w.description() != null) {
            n.put("description", w.description());
        }
        n.put("status", w.active() ? "active" : "inactive");
        ArrayNode subscriptions = n.putArray("subscriptions");
        w.subscriptions().forEach(subscriptions::add);
        n.put("endpoint", w.endpoint().toString());
        n.put("http_method", w.httpMethod());
        n.put("request_format", w.requestFormat());
        if (w.authenticationType() != null) {
            n.putObject("authentication").put("type", w.authenticationType()).put("add_position", "header");
        }
        if (!w.customHeaders().isEmpty()) {
            ObjectNode headers = n.putObject("custom_headers");
            w.customHeaders().forEach(headers::put);
        }
        n.put("created_at", ZendeskJson.time(w.createdAt()));
        n.put("created_by", String.valueOf(w.createdBy()));
        n.put("updated_at", ZendeskJson.time(w.updatedAt()));
        n.put("updated_by", String.valueOf(w.createdBy()));
        return n;
    }

    private static List<String> subscriptions(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw invalid("subscriptions: must be a non-empty list of event types or [\"conditional_ticket_events\"]");
        }
        List<String> result = new ArrayList<>();
        for (JsonNode s : node) {
            String type = s.asText("");
            if (!s.isTextual() || !(type.equals(ZendeskWebhook.CONDITIONAL_TICKET_EVENTS) || isEventType(type))) {
                throw invalid("subscriptions: '" + s.asText() + "' is not a supported event type");
            }
            if (!result.contains(type)) {
                result.add(type);
            }
        }
        if (result.contains(ZendeskWebhook.CONDITIONAL_TICKET_EVENTS) && result.size() > 1) {
            throw invalid("subscriptions: conditional_ticket_events (triggers and automations) cannot be combined "
                    + "with event types");
        }
        return result;
    }

    private static boolean isEventType(String type) {
        if (type.startsWith(ZendeskWebhookEvents.PREFIX)) {
            return TICKET_EVENT_TYPES.contains(type.substring(ZendeskWebhookEvents.PREFIX.length()));
        }
        return type.startsWith(EVENT_PREFIX) && OTHER_EVENT.matcher(type).matches();
    }

    /** Parses {@code authentication}; one naming the existing type without {@code data} keeps its credentials. */
    private static WebhookRegistry.Authentication authentication(JsonNode a,
                                                                 WebhookRegistry.Authentication existing) {
        if (a == null || a.isNull()) {
            return null;
        }
        if (!a.isObject()) {
            throw invalid("authentication: must be an object with type, data and add_position");
        }
        String position = a.path("add_position").asText("header");
        if (!position.equals("header")) {
            throw invalid("authentication.add_position: must be 'header'");
        }
        JsonNode data = a.path("data");
        String type = a.path("type").asText("");
        if (data.isMissingNode() && existing != null && existing.type().equals(type)) {
            return existing;
        }
        return switch (type) {
            case "basic_auth" -> WebhookRegistry.Authentication.basic(requiredText(data, "username"),
                    requiredText(data, "password"));
            case "bearer_token" -> WebhookRegistry.Authentication.bearer(requiredText(data, "token"));
            case "api_key" -> WebhookRegistry.Authentication.apiKey(requiredText(data, "name"),
                    requiredText(data, "value"));
            default -> throw invalid("authentication.type: must be basic_auth, bearer_token or api_key");
        };
    }

    private static Map<String, String> customHeaders(JsonNode node) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return headers;
        }
        if (!node.isObject()) {
            throw invalid("custom_headers: must be an object of header names to values");
        }
        node.fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        return headers;
    }

    private static URI endpoint(String raw) {
        try {
            URI uri = new URI(raw);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw invalid("endpoint: must be an absolute http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw invalid("endpoint: must be an absolute http(s) URL");
        }
    }

    private static String requiredText(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw invalid(field + ": is required");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
    }
}
