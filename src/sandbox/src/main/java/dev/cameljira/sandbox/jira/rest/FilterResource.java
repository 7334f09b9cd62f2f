package dev.cameljira.sandbox.jira.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.ApiException;
import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.ApiResponse;
import dev.cameljira.sandbox.http.Json;
import dev.cameljira.sandbox.http.Router;
import dev.cameljira.sandbox.jira.JiraContext;
import dev.cameljira.sandbox.jira.model.Filter;
import dev.cameljira.sandbox.jira.model.User;
import dev.cameljira.sandbox.jira.render.View;
import dev.cameljira.sandbox.jira.search.SearchService;
import dev.cameljira.sandbox.jira.store.JiraStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Saved filters, private to their owner (the sandbox shares none: anyone else gets Jira's "not available" 404):
 * <ul>
 *   <li>{@code POST filter} ({@code name} required and unique per owner, {@code jql}, {@code description},
 *       {@code favourite}): 200 with the filter. The JQL is checked as a search checks it (syntax, fields, that its
 *       values exist): a 400 with Jira's {@code errorMessages}.</li>
 *   <li>{@code GET}, {@code PUT} (the members given change), {@code DELETE filter/{id}} (204).</li>
 *   <li>{@code GET filter/{id}/permission}: the filter's share permissions, always {@code []} (a private filter).</li>
 *   <li>{@code GET|PUT filter/defaultShareScope}: the caller's default share scope of new filters ({@code PRIVATE}
 *       until set; {@code GLOBAL}, {@code AUTHENTICATED} or {@code PRIVATE}, anything else a 400). New filters stay
 *       private whatever it says.</li>
 *   <li>{@code GET filter/favourite}: the caller's favourites; Cloud's {@code GET filter/my}
 *       ({@code includeFavourites}) and {@code GET filter/search} (paged; {@code filterName}, {@code accountId},
 *       {@code id}, {@code orderBy} [+-]id|name; only id, name and self unless {@code expand} names more).</li>
 * </ul>
 */
public final class FilterResource {

    /** What {@code filter/search} adds on {@code expand}. */
    private static final List<String> SEARCH_EXPANDS = List.of("description", "favourite", "favouritedCount", "jql",
            "owner", "searchUrl", "sharePermissions", "editPermissions", "subscriptions", "viewUrl");

    /** Jira's system default issue navigator columns. */
    private static final List<String> DEFAULT_COLUMNS = List.of("issuetype", "issuekey", "summary", "assignee",
            "reporter", "priority", "status", "resolution", "created", "updated", "duedate");

    private final JiraContext ctx;
    private final JiraStore store;
    private final SearchService search;

    public FilterResource(JiraContext ctx, SearchService search) {
        this.ctx = ctx;
        this.store = ctx.store();
        this.search = search;
    }

    public void register(Router router) {
        router.add("POST", Paths.API + "/filter", this::create);
        router.add("GET", Paths.API + "/filter/favourite", this::favourites);
        if (store.cloud()) {
            router.add("GET", Paths.API + "/filter/my", this::mine);
            router.add("GET", Paths.API + "/filter/search", this::search);
        }
        router.add("GET", Paths.API + "/filter/defaultShareScope", this::defaultShareScope);
        router.add("PUT", Paths.API + "/filter/defaultShareScope", this::setDefaultShareScope);
        router.add("GET", Paths.API + "/filter/{id}", this::get);
        router.add("GET", Paths.API + "/filter/{id}/permission", this::sharePermissions);
        router.add("PUT", Paths.API + "/filter/{id}", this::update);
        router.add("DELETE", Paths.API + "/filter/{id}", this::delete);
        router.add("GET", Paths.API + "/filter/{id}/columns", this::columns);
        router.add("PUT", Paths.API + "/filter/{id}/columns", this::setColumns);
        router.add("DELETE", Paths.API + "/filter/{id}/columns", this::resetColumns);
        if (store.cloud()) {
            router.add("PUT", Paths.API + "/filter/{id}/favourite", req -> favourite(req, true));
            router.add("DELETE", Paths.API + "/filter/{id}/favourite", req -> favourite(req, false));
        }
    }

    private ApiResponse create(ApiRequest req) {
        User owner = req.requireUser();
        JsonNode body = req.json();
        return store.write(() -> {
            Filter f = new Filter(store.nextFilterId(), owner, null, "");
            edit(f, body);
            if (f.name() == null) {
                throw ApiException.field("filterName", "You must specify a name to save this filter as.");
            }
            store.addFilter(f);
            return ApiResponse.ok(filter(f, owner, req.view()));
        });
    }

    private ApiResponse get(ApiRequest req) {
        User viewer = req.requireUser();
        return store.read(() -> ApiResponse.ok(filter(store.requireFilter(req.param("id"), viewer), viewer, req.view())));
    }

    /** {@code GET filter/{id}/permission}: a filter the caller may see is private in the sandbox: {@code []}. */
    private ApiResponse sharePermissions(ApiRequest req) {
        User viewer = req.requireUser();
        return store.read(() -> {
            store.requireFilter(req.param("id"), viewer);
            return ApiResponse.ok(Json.array());
        });
    }

    private ApiResponse defaultShareScope(ApiRequest req) {
        User viewer = req.requireUser();
        return store.read(() -> ApiResponse.ok(Json.object().put("scope", store.defaultShareScope(viewer))));
    }

    private ApiResponse setDefaultShareScope(ApiRequest req) {
        User viewer = req.requireUser();
        String scope = Json.text(req.json(), "scope");
        if (scope == null || !List.of("GLOBAL", "AUTHENTICATED", "PRIVATE").contains(scope.trim().toUpperCase(Locale.ROOT))) {
            throw ApiException.field("scope", "The scope '" + scope + "' is invalid: use GLOBAL, AUTHENTICATED or PRIVATE.");
        }
        return store.write(() -> {
            store.defaultShareScope(viewer, scope.trim().toUpperCase(Locale.ROOT));
            return ApiResponse.ok(Json.object().put("scope", store.defaultShareScope(viewer)));
        });
    }

    private ApiResponse update(ApiRequest req) {
        User viewer = req.requireUser();
        JsonNode body = req.json();
        return store.write(() -> {
            Filter f = store.requireFilter(req.param("id"), viewer);
            edit(f, body);
            return ApiResponse.ok(filter(f, viewer, req.view()));
        });
    }

    private ApiResponse delete(ApiRequest req) {
        User viewer = req.requireUser();
        return store.write(() -> {
            store.removeFilter(store.requireFilter(req.param("id"), viewer));
            return ApiResponse.noContent();
        });
    }

    /** Cloud {@code PUT|DELETE /filter/{id}/favourite}: marks or unmarks the filter for the caller; answers the filter. */
    private ApiResponse favourite(ApiRequest req, boolean add) {
        User viewer = req.requireUser();
        return store.write(() -> {
            Filter f = store.requireFilter(req.param("id"), viewer);
            if (add) {
                f.favouriteOf().add(viewer);
            } else {
                f.favouriteOf().remove(viewer);
            }
            return ApiResponse.ok(filter(f, viewer, req.view()));
        });
    }

    /**
     * {@code GET /filter/{id}/columns}: the filter's issue navigator columns as {@code [{label, value}]}, Jira's
     * system default columns until some are set.
     */
    private ApiResponse columns(ApiRequest req) {
        User viewer = req.requireUser();
        return store.read(() -> {
            Filter f = store.requireFilter(req.param("id"), viewer);
            Map<String, String> names = fieldNames();
            ArrayNode arr = Json.array();
            for (String id : f.columns() == null ? DEFAULT_COLUMNS : f.columns()) {
                arr.add(Json.object().put("label", names.getOrDefault(id, id)).put("value", id));
            }
            return ApiResponse.ok(arr);
        });
    }

    /**
     * {@code PUT /filter/{id}/columns}: {@code columns} as a form ({@code columns=a&columns=b}), a JSON
     * {@code {"columns": [...]}} or a JSON array of field ids; an unknown field is a 400 naming it; 200 without a body.
     */
    private ApiResponse setColumns(ApiRequest req) {
        User viewer = req.requireUser();
        List<String> ids = new ArrayList<>();
        String text = req.bodyText().trim();
        if (text.startsWith("{") || text.startsWith("[")) {
            JsonNode body = req.json();
            JsonNode list = body.isArray() ? body : body.path("columns");
            list.forEach(c -> ids.add(c.asText()));
        } else {
            ids.addAll(ApiRequest.parseQuery(text).getOrDefault("columns", List.of()));
            ids.addAll(req.queryAll("columns"));
        }
        return store.write(() -> {
            Filter f = store.requireFilter(req.param("id"), viewer);
            Map<String, String> names = fieldNames();
            for (String id : ids) {
                if (!names.containsKey(id)) {
                    throw ApiException.of(400, "Invalid column: the field '" + id + "' does not exist.");
                }
            }
            f.columns(ids.isEmpty() ? null : ids);
            return ApiResponse.empty(200);
        });
    }

    /** {@code DELETE /filter/{id}/columns}: back to the default columns (204). */
    private ApiResponse resetColumns(ApiRequest req) {
        User viewer = req.requireUser();
        return store.write(() -> {
            store.requireFilter(req.param("id"), viewer).columns(null);
            return ApiResponse.noContent();
        });
    }

    /** Field id to name, system and custom fields, as issue navigator columns label them. */
    private Map<String, String> fieldNames() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("issuekey", "Key");
        ctx.issues().systemFields().values().forEach(sf -> names.put(sf.id(), sf.name()));
        store.catalog().customFields().forEach(cf -> names.put(cf.id(), cf.name()));
        return names;
    }

    private ApiResponse favourites(ApiRequest req) {
        User viewer = req.requireUser();
        return list(req, f -> f.favouriteOf().contains(viewer));
    }

    private ApiResponse mine(ApiRequest req) {
        User viewer = req.requireUser();
        boolean favourites = req.boolQuery("includeFavourites", false);
        return list(req, f -> f.owner().equals(viewer) || (favourites && f.favouriteOf().contains(viewer)));
    }

    private ApiResponse list(ApiRequest req, Predicate<Filter> which) {
        return store.read(() -> {
            ArrayNode arr = Json.array();
            store.filters().stream().filter(which).forEach(f -> arr.add(filter(f, req.user(), req.view())));
            return ApiResponse.ok(arr);
        });
    }

    private ApiResponse search(ApiRequest req) {
        User viewer = req.requireUser();
        int startAt = Paging.startAt(req);
        int max = Paging.maxResults(req, 50, 100);
        String name = req.queryValue("filterName").map(n -> n.trim().toLowerCase(Locale.ROOT)).orElse(null);
        String owner = req.queryValue("accountId").orElse(null);
        Set<String> ids = Paging.expand(req.queryAll("id"));
        Set<String> expand = Paging.expand(req.queryAll("expand"));
        String orderBy = req.queryValue("orderBy").orElse("name");
        Comparator<Filter> order = switch (orderBy.replaceFirst("^[+-]", "")) {
            case "id" -> Comparator.comparingLong(Filter::id);
            case "name" -> Comparator.comparing((Filter f) -> f.name().toLowerCase(Locale.ROOT));
            default -> throw ApiException.of(400, "The value '" + orderBy + "' of parameter 'orderBy' is not supported "
                    + "here: use id or name, optionally prefixed with + or -.");
        };
        Comparator<Filter> sorted = orderBy.startsWith("-") ? order.reversed() : order;
        return store.read(() -> {
            List<Filter> matches = store.filters().stream()
                    .filter(f -> f.owner().equals(viewer))
                    .filter(f -> name == null || f.name().toLowerCase(Locale.ROOT).contains(name))
                    .filter(f -> owner == null || owner.equals(f.owner().accountId()))
                    .filter(f -> ids.isEmpty() || ids.contains(String.valueOf(f.id())))
                    .sorted(sorted)
                    .toList();
            return ApiResponse.ok(Paging.page(req, "filter/search", matches, startAt, max, f -> {
                ObjectNode full = filter(f, viewer, req.view());
                ObjectNode n = Json.object();
                n.put("expand", String.join(",", SEARCH_EXPANDS));
                for (String member : List.of("self", "id", "name")) {
                    n.set(member, full.get(member));
                }
                for (String member : SEARCH_EXPANDS) {
                    if (expand.contains(member.toLowerCase(Locale.ROOT)) && full.has(member)) {
                        n.set(member, full.get(member));
                    }
                }
                return n;
            }));
        });
    }

    /** Applies the members {@code body} gives (call under the write lock); a bad name or JQL is a 400. */
    private void edit(Filter f, JsonNode body) {
        if (body.has("name")) {
            String name = Json.text(body, "name") == null ? "" : Json.text(body, "name").trim();
            if (name.isEmpty()) {
                throw ApiException.field("filterName", "You must specify a name to save this filter as.");
            }
            if (name.length() > 255) {
                throw ApiException.field("filterName", "The filter name must not be longer than 255 characters.");
            }
            boolean taken = store.filters().stream().anyMatch(other -> other != f && other.owner().equals(f.owner())
                    && other.name().equalsIgnoreCase(name));
            if (taken) {
                throw ApiException.field("filterName", "A filter with this name already exists.");
            }
            f.name(name);
        }
        if (body.has("jql")) {
            String jql = Json.text(body, "jql") == null ? "" : Json.text(body, "jql");
            if (!jql.isBlank()) {
                search.validate(jql);
            }
            f.jql(jql);
        }
        if (body.has("description")) {
            f.description(Json.text(body, "description"));
        }
        if (body.hasNonNull("favourite")) {
            if (body.get("favourite").asBoolean()) {
                f.favouriteOf().add(f.owner());
            } else {
                f.favouriteOf().remove(f.owner());
            }
        }
    }

    /** A filter as {@code GET filter/{id}} answers it, {@code favourite} for {@code viewer}. */
    private ObjectNode filter(Filter f, User viewer, View view) {
        ObjectNode n = Json.object();
        n.put("self", view.api() + "/filter/" + f.id());
        n.put("id", String.valueOf(f.id()));
        n.put("name", f.name());
        if (f.description() != null) {
            n.put("description", f.description());
        }
        n.set("owner", ctx.renderer().user(f.owner(), view));
        n.put("jql", f.jql());
        String encoded = URLEncoder.encode(f.jql(), StandardCharsets.UTF_8).replace("+", "%20");
        if (view.cloud()) {
            n.put("viewUrl", view.baseUrl() + "/issues/?filter=" + f.id());
            n.put("searchUrl", view.api() + "/search/jql?jql=" + encoded);
        } else {
            n.put("viewUrl", view.baseUrl() + "/secure/IssueNavigator.jspa?mode=hide&requestId=" + f.id());
            n.put("searchUrl", view.api() + "/search?jql=" + encoded);
        }
        n.put("favourite", f.favouriteOf().contains(viewer));
        n.put("favouritedCount", f.favouriteOf().size());
        n.putArray("sharePermissions");
        if (view.cloud()) {
            n.putArray("editPermissions");
        } else {
            n.put("editable", f.owner().equals(viewer));
        }
        n.set("sharedUsers", emptyList());
        n.set("subscriptions", emptyList());
        return n;
    }

    /** Jira's empty list wrapper ({@code sharedUsers}, {@code subscriptions}). */
    private static ObjectNode emptyList() {
        ObjectNode n = Json.object();
        n.put("size", 0);
        n.putArray("items");
        n.put("max-results", 1000);
        n.put("start-index", 0);
        n.put("end-index", 0);
        return n;
    }
}
