package dev.cameljira.sandbox.jira.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.ApiException;
import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.ApiResponse;
import dev.cameljira.sandbox.http.Json;
import dev.cameljira.sandbox.http.Router;
import dev.cameljira.sandbox.jira.JiraContext;
import dev.cameljira.sandbox.jira.model.User;
import dev.cameljira.sandbox.jira.render.View;
import dev.cameljira.sandbox.jira.store.JiraStore;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Dashboards, read-only: every Jira has its "System Dashboard" (id 10000, no owner, shared with everyone, nobody's
 * favourite), and the sandbox has no other. Anonymous callers may read them, as in Jira.
 * <ul>
 *   <li>{@code GET dashboard} ({@code filter=favourite|my}, {@code startAt}, {@code maxResults} 20 by default): Jira's
 *       {@code {startAt, maxResults, total, prev?, next?, dashboards}} page.</li>
 *   <li>{@code GET dashboard/{id}}: one dashboard; unknown: a 404.</li>
 *   <li>Cloud {@code GET dashboard/search}: a page of {@code values} with {@code id, name, self} and what
 *       {@code expand} asks for; {@code dashboardName}, {@code accountId}/{@code owner}, {@code groupname}/
 *       {@code groupId}, {@code projectId}, {@code status}, {@code orderBy}.</li>
 *   <li>Cloud {@code GET dashboard/{id}/gadget}: {@code {"gadgets": []}} (no gadgets are modelled).</li>
 * </ul>
 * Data Center's dashboard is {@code {id, name, self, view}}; Cloud's adds {@code isFavourite, popularity,
 * sharePermissions, editPermissions, isWritable} (administrators own the system dashboard) and {@code systemDashboard}.
 */
public final class DashboardResource {

    /** A dashboard: no owner means the system dashboard. */
    private record Dashboard(String id, String name, String description, User owner, boolean system) {
    }

    static final String SYSTEM_DASHBOARD_ID = "10000";

    private static final List<Dashboard> DASHBOARDS = List.of(
            new Dashboard(SYSTEM_DASHBOARD_ID, "System Dashboard", null, null, true));

    /** What {@code dashboard/search} adds on {@code expand}. */
    private static final List<String> SEARCH_EXPANDS = List.of("description", "owner", "viewUrl", "favourite",
            "favouritedCount", "sharePermissions", "editPermissions", "isWritableByUser");

    private static final List<String> ORDER_FIELDS = List.of("description", "favorite_count", "id", "is_favorite",
            "name", "owner");

    private final JiraContext ctx;
    private final JiraStore store;

    public DashboardResource(JiraContext ctx) {
        this.ctx = ctx;
        this.store = ctx.store();
    }

    public void register(Router router) {
        router.add("GET", Paths.API + "/dashboard", true, this::list);
        if (store.cloud()) {
            router.add("GET", Paths.API + "/dashboard/search", true, this::search);
        }
        router.add("GET", Paths.API + "/dashboard/{id}", true, this::get);
        if (store.cloud()) {
            router.add("GET", Paths.API + "/dashboard/{id}/gadget", true, this::gadgets);
        }
    }

    private ApiResponse list(ApiRequest req) {
        String filter = req.queryValue("filter").map(String::trim).filter(f -> !f.isEmpty()).orElse(null);
        if (filter != null && !filter.equals("favourite") && !filter.equals("my")) {
            throw ApiException.of(400, "The value '" + filter + "' of parameter 'filter' is invalid: use favourite or my.");
        }
        int startAt = Paging.startAt(req);
        int max = Paging.maxResults(req, 20, 1000);
        User viewer = req.user();
        return store.read(() -> {
            List<Dashboard> found = DASHBOARDS.stream()
                    .filter(d -> filter == null || viewer != null && (filter.equals("my") ? viewer.equals(d.owner())
                            : favourite(d, viewer)))
                    .toList();
            ObjectNode n = Json.object();
            n.put("startAt", startAt);
            n.put("maxResults", max);
            n.put("total", found.size());
            String link = req.view().api() + "/dashboard?" + (filter == null ? "" : "filter=" + filter + "&")
                    + "maxResults=" + max + "&startAt=";
            if (startAt > 0) {
                n.put("prev", link + Math.max(0, startAt - max));
            }
            if (startAt + max < found.size()) {
                n.put("next", link + (startAt + max));
            }
            ArrayNode dashboards = n.putArray("dashboards");
            for (int i = startAt; i < found.size() && i < startAt + max; i++) {
                dashboards.add(full(found.get(i), viewer, req.view()));
            }
            return ApiResponse.ok(n);
        });
    }

    private ApiResponse get(ApiRequest req) {
        String id = req.param("id");
        User viewer = req.user();
        return store.read(() -> ApiResponse.ok(full(DASHBOARDS.stream().filter(d -> d.id().equals(id)).findFirst()
                .orElseThrow(() -> ApiException.of(404, "The dashboard with id '" + id + "' does not exist.")),
                viewer, req.view())));
    }

    /**
     * Cloud {@code GET dashboard/{id}/gadget} (python-jira's {@code dashboard(id)} asks for it): the sandbox models no
     * gadgets, so a known dashboard has none ({@code {"gadgets": []}}, whatever {@code moduleKey}, {@code uri} or
     * {@code gadgetId} ask for); an unknown one is {@code GET dashboard/{id}}'s 404.
     */
    private ApiResponse gadgets(ApiRequest req) {
        String id = req.param("id");
        return store.read(() -> {
            if (DASHBOARDS.stream().noneMatch(d -> d.id().equals(id))) {
                throw ApiException.of(404, "The dashboard with id '" + id + "' does not exist.");
            }
            ObjectNode n = Json.object();
            n.putArray("gadgets");
            return ApiResponse.ok(n);
        });
    }

    private ApiResponse search(ApiRequest req) {
        User viewer = req.user();
        int startAt = Paging.startAt(req);
        int max = Paging.maxResults(req, 50, 100);
        String name = req.queryValue("dashboardName").map(n -> n.trim().toLowerCase(Locale.ROOT)).orElse(null);
        String accountId = req.queryValue("accountId").orElse(null);
        String owner = req.queryValue("owner").orElse(null);
        if (accountId != null && owner != null) {
            throw ApiException.of(400, "The parameters 'accountId' and 'owner' cannot be used together.");
        }
        String groupName = req.queryValue("groupname").orElse(null);
        String groupId = req.queryValue("groupId").orElse(null);
        if (groupName != null && groupId != null) {
            throw ApiException.of(400, "The parameters 'groupname' and 'groupId' cannot be used together.");
        }
        String projectId = req.queryValue("projectId").map(String::trim).orElse(null);
        if (projectId != null && !projectId.matches("\\d{1,18}")) {
            throw ApiException.of(400, "The value '" + projectId + "' of parameter 'projectId' is not a valid project id.");
        }
        String status = req.queryValue("status").map(s -> s.trim().toLowerCase(Locale.ROOT)).orElse("active");
        if (!List.of("active", "archived", "deleted").contains(status)) {
            throw ApiException.of(400, "The value '" + req.query("status") + "' of parameter 'status' is invalid: use "
                    + "active, archived or deleted.");
        }
        Set<String> expand = Paging.expand(req.queryAll("expand"));
        for (String e : expand) {
            if (SEARCH_EXPANDS.stream().noneMatch(x -> x.equalsIgnoreCase(e))) {
                throw ApiException.of(400, "The value '" + e + "' of parameter 'expand' is invalid: use "
                        + String.join(", ", SEARCH_EXPANDS) + ".");
            }
        }
        String orderBy = req.queryValue("orderBy").map(String::trim).orElse("name");
        String orderField = orderBy.replaceFirst("^[+-]", "");
        if (!ORDER_FIELDS.contains(orderField)) {
            throw ApiException.of(400, "The value '" + orderBy + "' of parameter 'orderBy' is invalid: use one of "
                    + String.join(", ", ORDER_FIELDS) + ", optionally prefixed with + or -.");
        }
        return store.read(() -> {
            Comparator<Dashboard> order = switch (orderField) {
                case "id" -> Comparator.comparingLong((Dashboard d) -> Long.parseLong(d.id()));
                case "description" -> Comparator.comparing((Dashboard d) -> d.description() == null ? "" : d.description());
                case "favorite_count" -> Comparator.comparingInt((Dashboard d) -> popularity(d));
                case "is_favorite" -> Comparator.comparing((Dashboard d) -> favourite(d, viewer));
                case "owner" -> Comparator.comparing((Dashboard d) -> d.owner() == null ? "" : d.owner().displayName());
                default -> Comparator.comparing((Dashboard d) -> d.name().toLowerCase(Locale.ROOT));
            };
            List<Dashboard> found = DASHBOARDS.stream()
                    .filter(d -> status.equals("active"))
                    .filter(d -> name == null || d.name().toLowerCase(Locale.ROOT).contains(name))
                    .filter(d -> accountId == null || d.owner() != null && accountId.equals(d.owner().accountId()))
                    .filter(d -> owner == null || d.owner() != null && owner.equalsIgnoreCase(d.owner().name()))
                    // the system dashboard is shared with everyone, not with a group or a project
                    .filter(d -> groupName == null && groupId == null && projectId == null)
                    .sorted(orderBy.startsWith("-") ? order.reversed() : order)
                    .toList();
            String before = req.view().api() + "/dashboard/search?";
            String after = "&maxResults=" + max + Paging.linkParameters(req, "dashboardName", "accountId", "owner",
                    "groupname", "groupId", "projectId", "orderBy", "status", "expand");
            return ApiResponse.ok(Paging.page(before, after, true, found, startAt, max, d -> {
                ObjectNode full = full(d, viewer, req.view());
                ObjectNode n = Json.object();
                for (String member : List.of("id", "name", "self")) {
                    n.set(member, full.get(member));
                }
                if (expand.contains("description") && full.has("description")) {
                    n.set("description", full.get("description"));
                }
                if (expand.contains("owner") && full.has("owner")) {
                    n.set("owner", full.get("owner"));
                }
                copy(expand, "viewurl", full, "view", n);
                copy(expand, "favourite", full, "isFavourite", n);
                copy(expand, "favouritedcount", full, "popularity", n);
                copy(expand, "sharepermissions", full, "sharePermissions", n);
                copy(expand, "editpermissions", full, "editPermissions", n);
                copy(expand, "iswritablebyuser", full, "isWritable", n);
                return n;
            }));
        });
    }

    private static void copy(Set<String> expand, String option, ObjectNode from, String member, ObjectNode to) {
        if (expand.contains(option) && from.has(member)) {
            to.set(member, from.get(member));
        }
    }

    /** Whether {@code viewer} marked the dashboard a favourite: the system dashboard is nobody's. */
    private static boolean favourite(Dashboard d, User viewer) {
        return false;
    }

    private static int popularity(Dashboard d) {
        return 0;
    }

    /** A dashboard as {@code GET dashboard/{id}} answers it in the view's flavour (call under the read lock). */
    private ObjectNode full(Dashboard d, User viewer, View view) {
        ObjectNode n = Json.object();
        n.put("id", d.id());
        if (view.cloud()) {
            n.put("isFavourite", favourite(d, viewer));
        }
        n.put("name", d.name());
        if (view.cloud()) {
            if (d.description() != null) {
                n.put("description", d.description());
            }
            if (d.owner() != null) {
                n.set("owner", ctx.renderer().user(d.owner(), view));
            }
            n.put("popularity", popularity(d));
        }
        n.put("self", view.api() + "/dashboard/" + d.id());
        if (view.cloud()) {
            ArrayNode share = n.putArray("sharePermissions");
            if (d.system()) {
                share.addObject().put("type", "global");
            }
            n.putArray("editPermissions");
            n.put("isWritable", viewer != null && (d.system() ? viewer.admin() : viewer.equals(d.owner())));
            n.put("systemDashboard", d.system());
        }
        n.put("view", view.baseUrl() + "/secure/Dashboard.jspa?selectPageId=" + d.id());
        return n;
    }
}
