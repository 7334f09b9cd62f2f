package dev.cameljira.sandbox.zendesk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.ApiResponse;
import dev.cameljira.sandbox.http.Json;
import dev.cameljira.sandbox.http.Router;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GET /api/v2/search.json?query=... over tickets and users (see {@link ZendeskSearch} for the language), with offset
 * pagination; {@code search/count} and {@code search/export} (cursor pagination, {@code filter[type]}) run the same
 * search.
 */
final class SearchResource {
    private final ZendeskStore store;

    /** One hit: its sort keys and its JSON. */
    private record Hit(long id, java.time.Instant createdAt, java.time.Instant updatedAt, ObjectNode json) {
    }

    SearchResource(ZendeskStore store) {
        this.store = store;
    }

    void register(Router router) {
        router.add("GET", "/api/v2/search", this::search)
                .add("GET", "/api/v2/search/count", this::count)
                .add("GET", "/api/v2/search/export", this::export);
    }

    private ApiResponse search(ApiRequest request) {
        ObjectNode result = Paging.page(stripCursor(request), "results", hits(request, null), Hit::id, Hit::json);
        result.putNull("facets");
        return ApiResponse.ok(SideLoads.add(result, request, store));
    }

    /** {@code search/count.json?query=}: {@code {"count": N}}, the number of results the search would page through. */
    private ApiResponse count(ApiRequest request) {
        return ApiResponse.ok(Json.object().put("count", hits(request, null).size()));
    }

    /**
     * {@code search/export.json?query=&filter[type]=ticket|user|organization|group&page[size]=}: the same search with
     * cursor pagination only ({@code meta}, {@code links}) and one result type, which {@code filter[type]} must name
     * (the emulator has no organizations or groups: those exports are empty).
     */
    private ApiResponse export(ApiRequest request) {
        String type = request.queryValue("filter[type]").orElseThrow(() -> ApiException.badRequest(
                "filter[type] is required: ticket, user, organization or group"));
        if (!List.of("ticket", "user", "organization", "group").contains(type)) {
            throw ApiException.badRequest("filter[type] must be ticket, user, organization or group, got '"
                    + type + "'");
        }
        List<Hit> hits = type.equals("ticket") || type.equals("user") ? hits(request, type) : List.of();
        ObjectNode result = Paging.cursorPage(request, "results", hits, Hit::id, Hit::json, true);
        result.putNull("facets");
        return ApiResponse.ok(SideLoads.add(result, request, store));
    }

    /** The sorted hits of {@code ?query=}, of {@code onlyType} when given. */
    private List<Hit> hits(ApiRequest request, String onlyType) {
        String query = request.queryValue("query").orElseThrow(() -> ApiException.badRequest("query is required"));
        ZendeskSearch.Query parsed = ZendeskSearch.parse(query, context(request.principal(ZendeskUser.class)));
        Optional<String> type = onlyType != null ? Optional.of(onlyType)
                : parsed.type().or(() -> request.queryValue("type"));
        List<Hit> hits = new ArrayList<>();
        if (type.isEmpty() || type.get().equals("ticket")) {
            store.tickets().stream().filter(parsed.tickets()).forEach(t -> hits.add(new Hit(t.id(), t.createdAt(),
                    t.updatedAt(), ZendeskJson.ticket(t, request.baseUrl()).put("result_type", "ticket"))));
        }
        if (type.isEmpty() || type.get().equals("user")) {
            store.users().stream().filter(parsed.users()).forEach(u -> hits.add(new Hit(u.id(), u.createdAt(),
                    u.updatedAt(), ZendeskJson.user(u, request.baseUrl()).put("result_type", "user"))));
        }
        Comparator<Hit> order = switch (request.queryValue("sort_by").orElse("")) {
            case "created_at" -> Comparator.comparing(Hit::createdAt).thenComparingLong(Hit::id);
            case "updated_at" -> Comparator.comparing(Hit::updatedAt).thenComparingLong(Hit::id);
            default -> Comparator.comparingLong(Hit::id);
        };
        if ("desc".equalsIgnoreCase(request.queryValue("sort_order").orElse("asc"))) {
            order = order.reversed();
        }
        return hits.stream().sorted(order).toList();
    }

    /** Search only has offset pagination. */
    private static ApiRequest stripCursor(ApiRequest request) {
        Map<String, List<String>> query = new LinkedHashMap<>(request.query());
        query.keySet().removeIf(k -> k.startsWith("page["));
        return request.withQuery(query);
    }

    private ZendeskSearch.Context context(ZendeskUser me) {
        return new ZendeskSearch.Context() {
            @Override
            public Optional<ZendeskUser> userByIdOrEmail(String idOrEmail) {
                return idOrEmail.matches("\\d{1,18}") ? store.user(Long.parseLong(idOrEmail))
                        : store.userByEmail(idOrEmail);
            }

            @Override
            public ZendeskUser me() {
                return me;
            }

            @Override
            public List<ZendeskComment> comments(long ticketId) {
                return store.comments(ticketId);
            }
        };
    }
}
