package dev.cameljira.sandbox.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.ApiResponse;
import dev.cameljira.sandbox.http.Router;
import dev.cameljira.sandbox.http.Json;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** /api/v2/users: list (by role), show, show_many, me, search, create. */
final class UsersResource {
    private final ZendeskStore store;

    UsersResource(ZendeskStore store) {
        this.store = store;
    }

    void register(Router router) {
        router.add("GET", "/api/v2/users", this::list)
                .add("POST", "/api/v2/users", this::create)
                .add("GET", "/api/v2/users/me", request -> single(request.principal(ZendeskUser.class), request))
                .add("GET", "/api/v2/users/search", this::search)
                .add("GET", "/api/v2/users/show_many", this::showMany)
                .add("GET", "/api/v2/users/{id:\\d+}", request -> single(
                        store.user(request.longParam("id", ApiException::notFound)).orElseThrow(ApiException::notFound),
                        request));
    }

    private ApiResponse list(ApiRequest request) {
        Set<String> roles = request.query().entrySet().stream()
                .filter(e -> e.getKey().equals("role") || e.getKey().equals("role[]"))
                .flatMap(e -> e.getValue().stream()).map(r -> r.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<ZendeskUser> users = store.users().stream()
                .filter(u -> roles.isEmpty() || roles.contains(u.role().wireName())).toList();
        return ApiResponse.ok(Paging.page(request, "users", users, ZendeskUser::id,
                u -> ZendeskJson.user(u, request.baseUrl())));
    }

    private ApiResponse create(ApiRequest request) {
        JsonNode u = TicketJsonReader.root(request, "user");
        String roleName = u.path("role").asText("end-user");
        ZendeskRole role = ZendeskRole.fromWire(roleName).orElseThrow(() -> ApiException.invalid("role",
                "InvalidValue", "Role: '" + roleName + "' is not end-user, agent or admin"));
        String email = u.hasNonNull("email") ? u.get("email").asText() : null;
        ZendeskUser user = store.createUser(u.path("name").asText(null), email, role,
                u.hasNonNull("external_id") ? u.get("external_id").asText() : null);
        ObjectNode result = Json.object();
        result.set("user", ZendeskJson.user(user, request.baseUrl()));
        return ApiResponse.json(201, result);
    }

    private ApiResponse search(ApiRequest request) {
        Optional<String> externalId = request.queryValue("external_id");
        String query = request.queryValue("query").orElse(null);
        if (externalId.isEmpty() && query == null) {
            throw ApiException.badRequest("query or external_id is required");
        }
        String needle = query == null ? null
                : query.toLowerCase(Locale.ROOT).replaceFirst("^(email|name):", "").replace("\"", "");
        List<ZendeskUser> users = store.users().stream()
                .filter(u -> externalId.map(id -> id.equals(u.externalId())).orElse(true))
                .filter(u -> needle == null || (u.email() != null && u.email().toLowerCase(Locale.ROOT)
                        .contains(needle)) || u.name().toLowerCase(Locale.ROOT).contains(needle))
                .toList();
        return ApiResponse.ok(Paging.page(request, "users", users, ZendeskUser::id,
                user -> ZendeskJson.user(user, request.baseUrl())));
    }

    private ApiResponse showMany(ApiRequest request) {
        ObjectNode result = Json.object();
        ArrayNode array = result.putArray("users");
        request.queryValue("ids").ifPresent(ids -> Arrays.stream(ids.split(",")).map(String::trim)
                .filter(s -> s.matches("\\d{1,18}")).map(Long::parseLong).map(store::user)
                .flatMap(Optional::stream).forEach(u -> array.add(ZendeskJson.user(u, request.baseUrl()))));
        request.queryValue("external_ids").ifPresent(ids -> {
            List<String> wanted = Arrays.stream(ids.split(",")).map(String::trim).toList();
            store.users().stream().filter(u -> wanted.contains(u.externalId()))
                    .forEach(u -> array.add(ZendeskJson.user(u, request.baseUrl())));
        });
        return ApiResponse.ok(result);
    }

    private static ApiResponse single(ZendeskUser user, ApiRequest request) {
        ObjectNode result = Json.object();
        result.set("user", ZendeskJson.user(user, request.baseUrl()));
        return ApiResponse.ok(result);
    }
}
