package dev.cameljira.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.jira.model.User;
import dev.cameljira.sandbox.jira.render.View;
import java.util.List;
import java.util.Map;

/**
 * A request as route handlers see it.
 *
 * @param method     upper-case method
 * @param path       raw path
 * @param pathParams values of the route's {@code {placeholders}}
 * @param query      decoded query parameters
 * @param headers    request headers (case-insensitive map)
 * @param body       raw body
 * @param user       authenticated user, null on anonymous routes
 * @param view       how to render responses (base URL, API version, deployment)
 */
public record ApiRequest(String method, String path, Map<String, String> pathParams, Map<String, List<String>> query,
        Map<String, List<String>> headers, byte[] body, User user, View view) {

    /** REST API version of the request (2 or 3; 0 outside /rest/api). */
    public int apiVersion() {
        return view.apiVersion();
    }

    /** A path parameter. */
    public String param(String name) {
        return pathParams.get(name);
    }

    /** First value of a query parameter, or null. */
    public String query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** All values of a query parameter. */
    public List<String> queryAll(String name) {
        return query.getOrDefault(name, List.of());
    }

    /** An integer query parameter, or a 400 naming it. */
    public int intQuery(String name, int defaultValue) {
        String v = query(name);
        if (v == null || v.isEmpty()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw ApiException.of(400, "The value '" + v + "' of parameter '" + name + "' is not a valid integer.");
        }
    }

    /** A boolean query parameter. */
    public boolean boolQuery(String name, boolean defaultValue) {
        String v = query(name);
        return v == null || v.isEmpty() ? defaultValue : Boolean.parseBoolean(v.trim());
    }

    /** The body as JSON, or a 400. */
    public JsonNode json() {
        return Json.parse(body);
    }

    /** The body as JSON, or an empty object when there is no body. */
    public JsonNode jsonOrEmpty() {
        return body.length == 0 ? Json.object() : Json.parse(body);
    }

    /** First value of a request header (case-insensitive), or null. */
    public String header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    /** The authenticated user; a 401 if there is none. */
    public User requireUser() {
        if (user == null) {
            throw ApiException.of(401, "You are not authenticated. Authentication required to perform this operation.");
        }
        return user;
    }

    /** A 403 unless the user is a Jira administrator. */
    public User requireAdmin(String message) {
        User u = requireUser();
        if (!u.admin()) {
            throw ApiException.of(403, message);
        }
        return u;
    }
}
