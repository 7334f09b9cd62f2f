package dev.cameljira.sandbox.spec;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Hand-written contract for Jira's admin webhook API, which neither OpenAPI document covers (Cloud and Data
 * Center alike): {@code GET|POST /rest/webhooks/1.0/webhook} and {@code GET|PUT|DELETE
 * /rest/webhooks/1.0/webhook/{id}} (shapes from shared/docs/JIRA-API.md).
 *
 * <ul>
 *   <li>request body (POST, PUT): JSON object with non-blank {@code name}, absolute http(s) {@code url}, non-empty
 *       {@code events[]} of strings; optional {@code filters} (object of string JQL, e.g.
 *       {@code issue-related-events-section}), {@code excludeBody} (boolean), {@code secret} (string),
 *       {@code enabled} (boolean), {@code description} (string); nothing else (catches typos such as the old
 *       {@code excludeIssueDetails}). GET and DELETE carry no body.</li>
 *   <li>responses: POST 201 (or 200), GET/PUT 200, DELETE 204 (or 200). A webhook in a response is an object with
 *       string {@code self}, {@code name}, {@code url} and {@code events[]} of strings (other properties are
 *       allowed); GET on the collection returns an array of them. 4xx/5xx bodies are ErrorCollections.</li>
 * </ul>
 */
final class AdminWebhookApi {

    static final String COLLECTION = "/rest/webhooks/1.0/webhook";

    private static final Pattern ITEM = Pattern.compile(Pattern.quote(COLLECTION) + "/\\d+");
    private static final Set<String> REQUEST_PROPERTIES =
            Set.of("name", "url", "events", "filters", "excludeBody", "secret", "enabled", "description");
    private static final String REQUEST = "jira.webhook.request";
    private static final String RESPONSE = "jira.webhook.response";

    private AdminWebhookApi() {
    }

    static boolean covers(String restPath) {
        return restPath.equals(COLLECTION) || restPath.startsWith(COLLECTION + "/");
    }

    static void check(HttpExchangeRecord exchange, String restPath, boolean withResponse, Violations out) {
        boolean collection = restPath.equals(COLLECTION);
        if (!collection && !ITEM.matcher(restPath).matches()) {
            out.request("jira.operation.unknown", "no such operation: the admin webhook API has only " + COLLECTION
                    + " and " + COLLECTION + "/{id} (numeric id)");
            return;
        }
        String method = exchange.method().toUpperCase(Locale.ROOT);
        Set<String> allowed = collection ? Set.of("GET", "POST") : Set.of("GET", "PUT", "DELETE");
        if (!allowed.contains(method)) {
            out.request("jira.operation.unknown", "no such operation: " + method + " is not allowed on "
                    + (collection ? COLLECTION : COLLECTION + "/{id}") + " (allowed: " + allowed + ")");
            return;
        }
        checkRequest(exchange, method, out);
        if (withResponse && exchange.status() > 0) {
            checkResponse(exchange, method, collection, out);
        }
    }

    private static void checkRequest(HttpExchangeRecord exchange, String method, Violations out) {
        boolean hasBody = !JsonBodies.isEmpty(exchange.requestBody());
        if (method.equals("GET") || method.equals("DELETE")) {
            if (hasBody) {
                out.request(REQUEST, method + " takes no request body");
            }
            return;
        }
        if (!JsonBodies.isJson(exchange.requestHeader("Content-Type"))) {
            out.request(REQUEST, "Content-Type must be application/json, got "
                    + exchange.requestHeader("Content-Type"));
        }
        JsonNode body = JsonBodies.parse(exchange.requestBody());
        if (body == null || !body.isObject()) {
            out.request(REQUEST, "body must be a JSON object {name, url, events[], filters, excludeBody, secret}");
            return;
        }
        requireText(body, "name", out);
        if (requireText(body, "url", out) && !isHttpUrl(body.get("url").asText())) {
            out.request(REQUEST, "url must be an absolute http(s) URL, got " + body.get("url").asText());
        }
        JsonNode events = body.get("events");
        if (events == null || !events.isArray() || events.isEmpty() || !allText(events)) {
            out.request(REQUEST, "events must be a non-empty array of event names, e.g. [\"jira:issue_created\"]");
        }
        JsonNode filters = body.get("filters");
        if (filters != null && !filters.isNull() && !(filters.isObject() && allText(filters))) {
            out.request(REQUEST, "filters must be an object of strings, "
                    + "e.g. {\"issue-related-events-section\": \"project = DEMO\"}");
        }
        optional(body, "excludeBody", JsonNode::isBoolean, "a boolean", out);
        optional(body, "enabled", JsonNode::isBoolean, "a boolean", out);
        optional(body, "secret", JsonNode::isTextual, "a string", out);
        optional(body, "description", JsonNode::isTextual, "a string", out);
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!REQUEST_PROPERTIES.contains(name)) {
                out.request(REQUEST, "unexpected property \"" + name + "\" (known: " + REQUEST_PROPERTIES + ")");
            }
        }
    }

    private static void checkResponse(HttpExchangeRecord exchange, String method, boolean collection,
            Violations out) {
        int status = exchange.status();
        if (status >= 400) {
            if (!JsonBodies.isEmpty(exchange.responseBody())) {
                ErrorCollection.problems(JsonBodies.parse(exchange.responseBody()))
                        .forEach(p -> out.response("jira.response.errorCollection", p));
            }
            return;
        }
        Set<Integer> expected = switch (method) {
            case "POST" -> Set.of(201, 200);
            case "DELETE" -> Set.of(204, 200);
            default -> Set.of(200);
        };
        if (!expected.contains(status)) {
            out.response(RESPONSE, "unexpected status for " + method + " (expected " + expected + ")");
            return;
        }
        if (method.equals("DELETE")) {
            return;
        }
        JsonNode body = JsonBodies.parse(exchange.responseBody());
        if (!JsonBodies.isJson(exchange.responseHeader("Content-Type"))) {
            out.response(RESPONSE, "Content-Type must be application/json, got "
                    + exchange.responseHeader("Content-Type"));
        }
        if (method.equals("GET") && collection) {
            if (body == null || !body.isArray()) {
                out.response(RESPONSE, "GET " + COLLECTION + " returns a JSON array of webhooks");
                return;
            }
            for (int i = 0; i < body.size(); i++) {
                checkWebhook(body.get(i), "/" + i, out);
            }
            return;
        }
        checkWebhook(body, "", out);
    }

    private static void checkWebhook(JsonNode webhook, String at, Violations out) {
        String where = at.isEmpty() ? "webhook" : "webhook " + at;
        if (webhook == null || !webhook.isObject()) {
            out.response(RESPONSE, where + " must be a JSON object {self, name, url, events[], ...}");
            return;
        }
        for (String name : new String[] {"self", "name", "url"}) {
            if (!webhook.path(name).isTextual()) {
                out.response(RESPONSE, where + " misses string \"" + name + "\"");
            }
        }
        JsonNode events = webhook.get("events");
        if (events == null || !events.isArray() || !allText(events)) {
            out.response(RESPONSE, where + " misses \"events\" (an array of event names)");
        }
    }

    private static boolean requireText(JsonNode body, String name, Violations out) {
        JsonNode value = body.get(name);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            out.request(REQUEST, name + " is required and must be a non-blank string");
            return false;
        }
        return true;
    }

    private static void optional(JsonNode body, String name, Predicate<JsonNode> type,
            String typeName, Violations out) {
        JsonNode value = body.get(name);
        if (value != null && !value.isNull() && !type.test(value)) {
            out.request(REQUEST, name + " must be " + typeName);
        }
    }

    /** All elements of an array, or all values of an object, are strings. */
    private static boolean allText(JsonNode container) {
        for (JsonNode item : container) {
            if (!item.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
