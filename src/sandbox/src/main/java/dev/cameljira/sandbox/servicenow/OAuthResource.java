package dev.cameljira.sandbox.servicenow;

import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.ApiResponse;
import dev.cameljira.sandbox.http.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ServiceNow's OAuth token endpoint, {@code POST /oauth_token.do} (form-encoded): grant_type=password (username,
 * password) and grant_type=refresh_token, with the client credentials in the form (client_id, client_secret) or as
 * HTTP Basic. Failures answer ServiceNow's 401 {@code {"error_description": "access_denied", "error": "server_error"}}.
 */
final class OAuthResource {
    private final ServiceNowStore store;
    private final OAuthTokens tokens;
    private final Map<String, String> clients;

    OAuthResource(ServiceNowStore store, OAuthTokens tokens, Map<String, String> clients) {
        this.store = store;
        this.tokens = tokens;
        this.clients = clients;
    }

    ApiResponse token(ApiRequest request) {
        if (!request.method().equals("POST")) {
            return ApiResponse.json(405, Json.object().put("error", "invalid_request")
                    .put("error_description", "use POST"));
        }
        Map<String, List<String>> form = ApiRequest.parseQuery(request.bodyText());
        if (!clientAuthenticated(request, form)) {
            return denied();
        }
        String grant = first(form, "grant_type").orElse("");
        return switch (grant) {
            case "password" -> first(form, "username")
                    .flatMap(user -> store.authenticate(user, first(form, "password").orElse(null)))
                    .map(user -> ApiResponse.ok(tokens.issue(user.userName(), null))).orElseGet(OAuthResource::denied);
            case "refresh_token" -> first(form, "refresh_token")
                    .flatMap(refresh -> tokens.userOfRefreshToken(refresh)
                            .map(user -> ApiResponse.ok(tokens.issue(user, refresh))))
                    .orElseGet(OAuthResource::denied);
            default -> ApiResponse.json(400, Json.object().put("error", "unsupported_grant_type")
                    .put("error_description", "The sandbox supports grant_type=password and refresh_token, got '"
                            + grant + "'"));
        };
    }

    private boolean clientAuthenticated(ApiRequest request, Map<String, List<String>> form) {
        Optional<String> id = first(form, "client_id");
        Optional<String> secret = first(form, "client_secret");
        Optional<String> basic = request.headerValue("Authorization").filter(h -> h.regionMatches(true, 0, "Basic ", 0, 6));
        if (basic.isPresent()) {
            try {
                String decoded = new String(Base64.getDecoder().decode(basic.get().substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    id = Optional.of(decoded.substring(0, colon));
                    secret = Optional.of(decoded.substring(colon + 1));
                }
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return id.isPresent() && secret.isPresent() && secret.get().equals(clients.get(id.get()));
    }

    private static Optional<String> first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    private static ApiResponse denied() {
        return ApiResponse.json(401, Json.object().put("error_description", "access_denied")
                .put("error", "server_error"));
    }
}
