package dev.cameljira.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.jira.model.User;
import dev.cameljira.sandbox.jira.render.View;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A request as route handlers see it, for every emulated product (Jira, Zendesk, ServiceNow).
 *
 * @param method     upper-case method
 * @param path       raw path
 * @param pathParams values of the route's {@code {placeholders}}
 * @param query      decoded query parameters
 * @param headers    request headers (looked up case-insensitively)
 * @param body       raw body
 * @param principal  who the product authenticated (a Jira {@link User}, a Zendesk or ServiceNow user), null when
 *                   nobody (anonymous routes)
 * @param view       how to render responses: the base URL the client addressed and, for Jira, the REST API version
 *                   and deployment (API version 0 outside {@code /rest/api})
 */
public record ApiRequest(String method, String path, Map<String, String> pathParams, Map<String, List<String>> query,
        Map<String, List<String>> headers, byte[] body, Object principal, View view) {

    /** The Jira user who made the request, null when nobody or not a Jira request. */
    public User user() {
        return principal instanceof User u ? u : null;
    }

    /** The authenticated principal as the product's user type; a programming error when it is another type. */
    public <U> U principal(Class<U> type) {
        return type.cast(principal);
    }

    /** The same request with the principal the product authenticated. */
    public ApiRequest withPrincipal(Object who) {
        return new ApiRequest(method, path, pathParams, query, headers, body, who, view);
    }

    /** The same request for another path (e.g. without a {@code .json} suffix the product ignores). */
    public ApiRequest withPath(String otherPath) {
        return new ApiRequest(method, otherPath, pathParams, query, headers, body, principal, view);
    }

    /** The same request with the parameters of the route it matched. */
    public ApiRequest withPathParams(Map<String, String> params) {
        return new ApiRequest(method, path, params, query, headers, body, principal, view);
    }

    /** The same request with other query parameters (e.g. a form body read as parameters). */
    public ApiRequest withQuery(Map<String, List<String>> parameters) {
        return new ApiRequest(method, path, pathParams, parameters, headers, body, principal, view);
    }

    /** {@code http://host[:port]} as the client addressed the server. */
    public String baseUrl() {
        return view.baseUrl();
    }

    /** A path parameter as a number; {@code invalid} supplies the error when it is not one. */
    public long longParam(String name, Supplier<? extends RuntimeException> invalid) {
        try {
            return Long.parseLong(pathParams.get(name));
        } catch (NumberFormatException e) {
            throw invalid.get();
        }
    }

    /** First value of a query parameter, when present and not blank. */
    public Optional<String> queryValue(String name) {
        String v = query(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    /** First value of a request header (case-insensitive), when present. */
    public Optional<String> headerValue(String name) {
        return Optional.ofNullable(header(name));
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * Decodes {@code a=1&b=2&a=3} (a raw query or a form body) into values by name, in order ({@code +} is a
     * space, as in forms).
     */
    public static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return result;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = formDecode(eq < 0 ? pair : pair.substring(0, eq), pair);
            String value = eq < 0 ? "" : formDecode(pair.substring(eq + 1), pair);
            result.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return result;
    }

    /** One form-encoded name or value of {@code pair}; a 400 naming the pair when a percent-escape is malformed. */
    private static String formDecode(String encoded, String pair) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.of(400, "The parameter '" + pair + "' is not validly URL-encoded: a '%' must be followed by two "
                    + "hexadecimal digits.");
        }
    }

    /** Method and path only: headers and body may carry credentials. */
    @Override
    public String toString() {
        return method + " " + path;
    }

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
        User user = user();
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
