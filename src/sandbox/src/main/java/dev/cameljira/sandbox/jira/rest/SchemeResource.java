package dev.cameljira.sandbox.jira.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.cameljira.sandbox.http.ApiException;
import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.ApiResponse;
import dev.cameljira.sandbox.http.Json;
import dev.cameljira.sandbox.http.Router;
import dev.cameljira.sandbox.jira.JiraContext;
import dev.cameljira.sandbox.jira.model.Issue;
import dev.cameljira.sandbox.jira.model.Project;
import dev.cameljira.sandbox.jira.model.ProjectCategory;
import dev.cameljira.sandbox.jira.model.Schemes;
import dev.cameljira.sandbox.jira.model.Schemes.Scheme;
import dev.cameljira.sandbox.jira.model.Schemes.SecurityLevel;
import dev.cameljira.sandbox.jira.model.User;
import dev.cameljira.sandbox.jira.render.View;
import dev.cameljira.sandbox.jira.store.JiraStore;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Read-only configuration clients look up, each as its deployment has it:
 * <ul>
 *   <li>{@code GET label} (Cloud only, paged: {@code startAt}, {@code maxResults} default and cap 1000): the labels in
 *       use on issues, sorted.</li>
 *   <li>{@code GET projectCategory}, {@code GET projectCategory/{id}}.</li>
 *   <li>{@code GET permissionscheme[/{id}]}, {@code GET project/{key}/permissionscheme}: grants only with
 *       {@code expand=permissions} (or {@code all}).</li>
 *   <li>{@code GET notificationscheme} (a page; Cloud filters {@code id}, {@code projectId}, {@code onlyDefault}),
 *       {@code GET project/{key}/notificationscheme}: events only with {@code expand=notificationSchemeEvents} (or
 *       {@code all}).</li>
 *   <li>{@code GET issuesecurityschemes[/{id}]} (Jira administrators), {@code GET project/{key}/issuesecuritylevelscheme}
 *       (404 when the project has none, as projects have by default).</li>
 * </ul>
 * The project-scoped ones need a Jira administrator or the project's lead (Jira's "Administer projects"): others get 403.
 */
public final class SchemeResource {

    private static final String PERMISSION_EXPAND = "permissions,user,group,projectRole,field,all";
    private static final String NOTIFICATION_EXPAND = "notificationSchemeEvents,user,group,projectRole,field,all";

    private final JiraContext ctx;
    private final JiraStore store;

    public SchemeResource(JiraContext ctx) {
        this.ctx = ctx;
        this.store = ctx.store();
    }

    public void register(Router router) {
        if (store.cloud()) {
            router.add("GET", Paths.API + "/label", this::labels);
        }
        router.add("GET", Paths.API + "/projectCategory", this::categories);
        router.add("GET", Paths.API + "/projectCategory/{id}", this::category);
        router.add("GET", Paths.API + "/permissionscheme", this::permissionSchemes);
        router.add("GET", Paths.API + "/permissionscheme/{id}", this::permissionScheme);
        router.add("GET", Paths.API + "/project/{key}/permissionscheme", this::projectPermissionScheme);
        router.add("GET", Paths.API + "/notificationscheme", this::notificationSchemes);
        router.add("GET", Paths.API + "/project/{key}/notificationscheme", this::projectNotificationScheme);
        router.add("GET", Paths.API + "/issuesecurityschemes", this::securitySchemes);
        router.add("GET", Paths.API + "/issuesecurityschemes/{id}", this::securityScheme);
        router.add("GET", Paths.API + "/project/{key}/issuesecuritylevelscheme", this::projectSecurityScheme);
    }

    // ---- labels and categories -----------------------------------------------------------------------------------

    private ApiResponse labels(ApiRequest req) {
        int startAt = Paging.startAt(req);
        int max = Paging.maxResults(req, 1000, 1000);
        return store.read(() -> {
            Set<String> all = new TreeSet<>();
            for (Issue i : store.issues()) {
                all.addAll(i.labels());
            }
            List<String> labels = List.copyOf(all);
            ObjectNode n = Paging.page(req, "label", labels, startAt, max, TextNode::valueOf);
            if (!n.get("isLast").asBoolean()) {
                n.put("nextPage", req.view().api() + "/label?maxResults=" + max + "&startAt=" + (startAt + max));
            }
            return ApiResponse.ok(n);
        });
    }

    private ApiResponse categories(ApiRequest req) {
        ArrayNode arr = Json.array();
        for (ProjectCategory c : store.catalog().projectCategories()) {
            arr.add(ctx.renderer().projectCategory(c, req.view()));
        }
        return ApiResponse.ok(arr);
    }

    private ApiResponse category(ApiRequest req) {
        ProjectCategory c = store.catalog().projectCategory(req.param("id")).orElseThrow(() -> ApiException.of(404,
                "No project category with id '" + req.param("id") + "' exists."));
        return ApiResponse.ok(ctx.renderer().projectCategory(c, req.view()));
    }

    // ---- permission schemes --------------------------------------------------------------------------------------

    private ApiResponse permissionSchemes(ApiRequest req) {
        boolean grants = expands(req, "permissions");
        ObjectNode n = Json.object();
        ArrayNode arr = n.putArray("permissionSchemes");
        Schemes.PERMISSION_SCHEMES.forEach(s -> arr.add(permissionScheme(s, grants, req.view())));
        return ApiResponse.ok(n);
    }

    private ApiResponse permissionScheme(ApiRequest req) {
        Scheme s = Schemes.permissionScheme(id(req.param("id"), "permission scheme")).orElseThrow(() -> ApiException.of(404,
                "The permission scheme with id " + req.param("id") + " does not exist."));
        return ApiResponse.ok(permissionScheme(s, expands(req, "permissions"), req.view()));
    }

    private ApiResponse projectPermissionScheme(ApiRequest req) {
        return store.read(() -> {
            Project p = projectAdministered(req);
            Scheme s = Schemes.permissionScheme(p.permissionSchemeId()).orElseThrow();
            return ApiResponse.ok(permissionScheme(s, expands(req, "permissions"), req.view()));
        });
    }

    private ObjectNode permissionScheme(Scheme s, boolean grants, View view) {
        ObjectNode n = Json.object();
        n.put("expand", PERMISSION_EXPAND);
        n.put("id", s.id());
        String self = view.api() + "/permissionscheme/" + s.id();
        n.put("self", self);
        n.put("name", s.name());
        n.put("description", s.description());
        if (grants) {
            ArrayNode arr = n.putArray("permissions");
            long grantId = s.id() * 100 + 10000;
            for (String permission : Schemes.PERMISSIONS) {
                ObjectNode g = arr.addObject();
                g.put("id", grantId);
                g.put("self", self + "/permission/" + grantId++);
                ObjectNode holder = g.putObject("holder");
                if (s.id() == Schemes.DEFAULT_PERMISSION_SCHEME_ID) {
                    holder.put("type", "applicationRole"); // no parameter: any user with access to Jira
                } else {
                    holder.put("type", "group");
                    holder.put("parameter", "jira-administrators");
                }
                g.put("permission", permission);
            }
        }
        return n;
    }

    // ---- notification schemes ------------------------------------------------------------------------------------

    private ApiResponse notificationSchemes(ApiRequest req) {
        int startAt = Paging.startAt(req);
        int max = Paging.maxResults(req, 50, 50);
        boolean events = expands(req, "notificationSchemeEvents");
        List<String> ids = req.queryAll("id");
        List<String> projectIds = req.queryAll("projectId");
        return store.read(() -> {
            List<Scheme> matches = Schemes.NOTIFICATION_SCHEMES.stream()
                    .filter(s -> ids.isEmpty() || ids.contains(String.valueOf(s.id())))
                    .filter(s -> projectIds.isEmpty() || store.projects().stream().anyMatch(p ->
                            projectIds.contains(String.valueOf(p.id())) && p.notificationSchemeId() == s.id()))
                    .toList();
            return ApiResponse.ok(Paging.page(req, "notificationscheme", matches, startAt, max,
                    s -> notificationScheme(s, events, req.view())));
        });
    }

    private ApiResponse projectNotificationScheme(ApiRequest req) {
        return store.read(() -> {
            Project p = projectAdministered(req);
            Scheme s = Schemes.notificationScheme(p.notificationSchemeId()).orElseThrow();
            return ApiResponse.ok(notificationScheme(s, expands(req, "notificationSchemeEvents"), req.view()));
        });
    }

    private ObjectNode notificationScheme(Scheme s, boolean events, View view) {
        ObjectNode n = Json.object();
        n.put("expand", NOTIFICATION_EXPAND);
        n.put("id", s.id());
        n.put("self", view.api() + "/notificationscheme/" + s.id());
        n.put("name", s.name());
        n.put("description", s.description());
        if (events) {
            ArrayNode arr = n.putArray("notificationSchemeEvents");
            long notificationId = 10000;
            for (Schemes.NotificationEvent e : Schemes.NOTIFICATION_EVENTS) {
                ObjectNode entry = arr.addObject();
                entry.putObject("event").put("id", e.id()).put("name", e.name()).put("description", e.description());
                ArrayNode notifications = entry.putArray("notifications");
                for (String type : e.notified()) {
                    notifications.addObject().put("id", notificationId++).put("notificationType", type);
                }
            }
        }
        return n;
    }

    // ---- issue security schemes ----------------------------------------------------------------------------------

    private ApiResponse securitySchemes(ApiRequest req) {
        req.requireAdmin("Only Jira administrators can view issue security schemes.");
        ObjectNode n = Json.object();
        ArrayNode arr = n.putArray("issueSecuritySchemes");
        Schemes.SECURITY_SCHEMES.forEach(s -> arr.add(securityScheme(s, false, req.view())));
        return ApiResponse.ok(n);
    }

    private ApiResponse securityScheme(ApiRequest req) {
        req.requireAdmin("Only Jira administrators can view issue security schemes.");
        Scheme s = Schemes.securityScheme(id(req.param("id"), "issue security scheme")).orElseThrow(() -> ApiException.of(404,
                "The issue security scheme with id " + req.param("id") + " does not exist."));
        return ApiResponse.ok(securityScheme(s, true, req.view()));
    }

    private ApiResponse projectSecurityScheme(ApiRequest req) {
        return store.read(() -> {
            Project p = projectAdministered(req);
            if (p.issueSecuritySchemeId() == null) {
                throw ApiException.of(404, "The project " + p.key() + " has no issue security scheme.");
            }
            return ApiResponse.ok(securityScheme(Schemes.securityScheme(p.issueSecuritySchemeId()).orElseThrow(), true,
                    req.view()));
        });
    }

    private ObjectNode securityScheme(Scheme s, boolean levels, View view) {
        ObjectNode n = Json.object();
        n.put("self", view.api() + "/issuesecurityschemes/" + s.id());
        n.put("id", s.id());
        n.put("name", s.name());
        n.put("description", s.description());
        n.put("defaultSecurityLevelId", Long.parseLong(Schemes.DEFAULT_SECURITY_LEVEL_ID));
        if (levels) {
            ArrayNode arr = n.putArray("levels");
            for (SecurityLevel l : Schemes.SECURITY_LEVELS) {
                if (l.schemeId() != s.id()) {
                    continue;
                }
                ObjectNode level = arr.addObject();
                level.put("self", view.api() + "/securitylevel/" + l.id());
                level.put("id", l.id());
                level.put("description", l.description());
                level.put("name", l.name());
                if (view.cloud()) {
                    level.put("isDefault", l.id().equals(Schemes.DEFAULT_SECURITY_LEVEL_ID));
                    level.put("issueSecuritySchemeId", String.valueOf(s.id()));
                }
            }
        }
        return n;
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** The path's project, if the caller administers it (Jira administrator or project lead): else 403. */
    private Project projectAdministered(ApiRequest req) {
        User caller = req.requireUser();
        Project p = store.requireProject(req.param("key"));
        if (!caller.admin() && !caller.equals(p.lead())) {
            throw ApiException.of(403, "You do not have permission to administer project " + p.key() + ".");
        }
        return p;
    }

    private static boolean expands(ApiRequest req, String what) {
        Set<String> expand = Paging.expand(req.queryAll("expand"));
        return expand.contains(what.toLowerCase(java.util.Locale.ROOT)) || expand.contains("all");
    }

    private static long id(String value, String what) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiException.of(404, "The " + what + " with id '" + value + "' does not exist.");
        }
    }
}
