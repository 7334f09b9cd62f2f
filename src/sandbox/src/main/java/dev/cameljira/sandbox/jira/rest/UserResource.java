package dev.cameljira.sandbox.jira.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.ApiException;
import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.ApiResponse;
import dev.cameljira.sandbox.http.Json;
import dev.cameljira.sandbox.http.Router;
import dev.cameljira.sandbox.jira.JiraContext;
import dev.cameljira.sandbox.jira.model.Project;
import dev.cameljira.sandbox.jira.model.Schemes;
import dev.cameljira.sandbox.jira.model.Schemes.Permission;
import dev.cameljira.sandbox.jira.model.User;
import dev.cameljira.sandbox.jira.store.JiraStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Users: Cloud {@code /user/search?query=}, {@code /users/search}; Server {@code /user/search?username=}; {@code /user}. */
public final class UserResource {

    private final JiraContext ctx;
    private final JiraStore store;

    public UserResource(JiraContext ctx) {
        this.ctx = ctx;
        this.store = ctx.store();
    }

    public void register(Router router) {
        router.add("GET", Paths.API + "/user", this::get);
        router.add("GET", Paths.API + "/user/search", this::search);
        router.add("GET", Paths.API + "/user/assignable/search", this::search);
        router.add("GET", Paths.API + "/user/assignable/multiProjectSearch", this::multiProject);
        router.add("GET", Paths.API + "/user/viewissue/search", this::viewIssue);
        router.add("GET", Paths.API + "/user/permission/search", this::withPermissions);
        router.add("GET", Paths.API + "/user/picker", this::picker);
        if (store.cloud()) {
            router.add("GET", Paths.API + "/users/search", this::all);
            router.add("GET", Paths.API + "/users", this::all);
            router.add("GET", Paths.API + "/user/bulk", this::bulk);
            router.add("GET", Paths.API + "/user/email", this::email);
            router.add("GET", Paths.API + "/user/search/query", req -> byQuery(req, false));
            router.add("GET", Paths.API + "/user/search/query/key", req -> byQuery(req, true));
        }
    }

    private ApiResponse get(ApiRequest req) {
        String id = store.cloud() ? req.query("accountId") : firstNonNull(req.query("username"), req.query("key"));
        if (id == null) {
            throw ApiException.of(400, store.cloud() ? "The accountId query parameter needs to be provided."
                    : "The username or key query parameter needs to be provided.");
        }
        User user = store.user(id).filter(u -> !store.cloud() || id.equals(u.accountId()))
                .orElseThrow(() -> ApiException.of(404, store.cloud()
                        ? "Specified user does not exist or you do not have required permissions"
                        : "The user named '" + id + "' does not exist"));
        return ApiResponse.ok(ctx.renderer().user(user, req.view()));
    }

    private ApiResponse search(ApiRequest req) {
        String query = store.cloud() ? firstNonNull(req.query("query"), req.query("accountId"))
                : firstNonNull(req.query("username"), req.query("query"));
        int startAt = Paging.startAt(req);
        int max = Paging.maxResults(req, 50, 1000);
        return ApiResponse.ok(page(store.users().stream().filter(u -> matches(u, query)).toList(), startAt, max, req));
    }

    /** {@code user/assignable/multiProjectSearch}: every project named must exist. */
    private ApiResponse multiProject(ApiRequest req) {
        String keys = req.query("projectKeys");
        if (keys == null || keys.isBlank()) {
            throw ApiException.of(400, "The parameter 'projectKeys' is required.");
        }
        store.read(() -> {
            for (String k : keys.split(",")) {
                store.requireProject(k.trim());
            }
            return null;
        });
        return search(req);
    }

    /** {@code user/viewissue/search}: the issue or project named must exist (every user may browse them). */
    private ApiResponse viewIssue(ApiRequest req) {
        store.read(() -> {
            if (req.query("issueKey") != null) {
                store.requireIssue(req.query("issueKey"));
            }
            if (req.query("projectKey") != null) {
                store.requireProject(req.query("projectKey"));
            }
            return null;
        });
        return search(req);
    }

    /** {@code user/permission/search}: the users holding every permission of {@code permissions} (in the project or issue). */
    private ApiResponse withPermissions(ApiRequest req) {
        String keys = req.query("permissions");
        if (keys == null || keys.isBlank()) {
            throw ApiException.field("permissions", "The permissions parameter is required.");
        }
        List<Permission> permissions = new ArrayList<>();
        for (String k : keys.split(",")) {
            permissions.add(Schemes.permission(k.trim()).orElseThrow(() -> ApiException.field("permissions",
                    "The permission '" + k.trim() + "' does not exist.")));
        }
        String query = store.cloud() ? req.query("query") : firstNonNull(req.query("username"), req.query("query"));
        int startAt = Paging.startAt(req);
        int max = Paging.maxResults(req, 50, 1000);
        return store.read(() -> {
            Project project = req.query("issueKey") != null ? store.requireIssue(req.query("issueKey")).project()
                    : req.query("projectKey") != null ? store.requireProject(req.query("projectKey")) : null;
            List<User> found = store.users().stream().filter(u -> matches(u, query))
                    .filter(u -> permissions.stream().allMatch(p -> Schemes.holds(u, p, project, store.projects())))
                    .toList();
            return ApiResponse.ok(page(found, startAt, max, req));
        });
    }

    /** {@code user/picker}: {@code {users: [{displayName, html, avatarUrl, accountId | name, key}], total, header}}. */
    private ApiResponse picker(ApiRequest req) {
        String query = req.query("query");
        if (query == null) {
            throw ApiException.field("query", "The query parameter is required.");
        }
        int max = Paging.maxResults(req, 50, Integer.MAX_VALUE);
        List<String> exclude = req.queryAll(store.cloud() ? "excludeAccountIds" : "exclude");
        List<User> found = store.users().stream().filter(u -> matches(u, query))
                .filter(u -> !exclude.contains(store.cloud() ? u.accountId() : u.name())).toList();
        ObjectNode n = Json.object();
        ArrayNode users = n.putArray("users");
        for (User u : found.subList(0, Math.min(max, found.size()))) {
            ObjectNode o = users.addObject();
            if (store.cloud()) {
                o.put("accountId", u.accountId());
                o.put("accountType", "atlassian");
            } else {
                o.put("name", u.name());
                o.put("key", u.key());
            }
            o.put("html", u.displayName() + (store.cloud() ? "" : " - " + u.email() + " (" + u.name() + ")"));
            o.put("displayName", u.displayName());
            o.put("avatarUrl", req.view().baseUrl() + "/secure/useravatar?size=small&avatarId=10122");
        }
        n.put("total", found.size());
        n.put("header", "Showing " + users.size() + " of " + found.size() + " matching users");
        return ApiResponse.ok(n);
    }

    /** Cloud's {@code user/bulk?accountId=...}: a page of the users named (unknown ids left out). */
    private ApiResponse bulk(ApiRequest req) {
        List<String> ids = req.queryAll("accountId");
        if (ids.isEmpty()) {
            throw ApiException.field("accountId", "The accountId parameter is required.");
        }
        int startAt = Paging.startAt(req);
        int max = Paging.maxResults(req, 10, 200);
        List<User> found = store.users().stream().filter(u -> ids.contains(u.accountId())).toList();
        return ApiResponse.ok(Paging.page(req.view().api() + "/user/bulk?", "&maxResults=" + max, false, found, startAt, max,
                u -> ctx.renderer().user(u, req.view())));
    }

    /**
     * Cloud's {@code user/email?accountId=}: {@code {accountId, email}} whatever the user's profile visibility. Jira
     * keeps it for apps Atlassian approved (a person calling it gets a 401); the sandbox lets its administrators stand
     * in for such an app.
     */
    private ApiResponse email(ApiRequest req) {
        User caller = req.requireUser();
        String id = req.queryValue("accountId").map(String::trim).filter(v -> !v.isEmpty())
                .orElseThrow(() -> ApiException.field("accountId", "The accountId query parameter is required."));
        if (!caller.admin()) {
            throw ApiException.of(401, "Only apps approved by Atlassian may read e-mail addresses through this API; "
                    + "in the sandbox, a Jira administrator stands in for such an app.");
        }
        return store.read(() -> {
            User user = store.users().stream().filter(u -> id.equals(u.accountId())).findFirst()
                    .orElseThrow(() -> ApiException.of(404, "User with accountId '" + id + "' doesn't exist."));
            ObjectNode n = Json.object();
            n.put("accountId", user.accountId());
            n.put("email", user.email());
            return ApiResponse.ok(n);
        });
    }

    /**
     * Cloud's {@code user/search/query[/key]}: the users in the range {@code startAt}/{@code maxResults} (of every user,
     * as Jira takes them) that match the structured {@code query} ({@link UserQuery}); a page of users, or of
     * {@code {accountId, key}} for {@code /key} (whose page size parameter Jira spells {@code maxResult}). Needs
     * "Browse users and groups", which every logged-in user holds.
     */
    private ApiResponse byQuery(ApiRequest req, boolean keys) {
        req.requireUser();
        String text = req.queryValue("query").filter(q -> !q.isBlank())
                .orElseThrow(() -> ApiException.field("query", "The query parameter is required."));
        UserQuery query = UserQuery.parse(text);
        int startAt = Paging.startAt(req);
        String sizeParameter = keys ? "maxResult" : "maxResults";
        int max = req.intQuery(sizeParameter, 100);
        if (max < 0) {
            throw ApiException.of(400, "The '" + sizeParameter + "' parameter must not be negative.");
        }
        int size = Math.min(max, 1000);
        return store.read(() -> {
            query.check(store);
            List<User> all = store.users();
            List<User> found = all.subList(Math.min(startAt, all.size()), Math.min(startAt + size, all.size())).stream()
                    .filter(u -> query.matches(u, store)).toList();
            String before = req.view().api() + "/user/search/query" + (keys ? "/key" : "") + "?";
            String after = "&" + sizeParameter + "=" + size + Paging.linkParameters(req, "query");
            // the users of the page are filtered, so total counts the matches and the page is last by all users
            ObjectNode n = Paging.frame(before, after, true, startAt, size, found.size(), startAt + size >= all.size());
            ArrayNode values = n.putArray("values");
            for (User u : found) {
                if (keys) {
                    values.addObject().put("accountId", u.accountId()); // Cloud left user keys behind (GDPR)
                } else {
                    values.add(ctx.renderer().user(u, req.view()));
                }
            }
            return ApiResponse.ok(n);
        });
    }

    private ArrayNode page(List<User> users, int startAt, int max, ApiRequest req) {
        ArrayNode arr = Json.array();
        for (int i = startAt; i < users.size() && i < startAt + max; i++) {
            arr.add(ctx.renderer().user(users.get(i), req.view()));
        }
        return arr;
    }

    private ApiResponse all(ApiRequest req) {
        int startAt = Paging.startAt(req);
        int max = Paging.maxResults(req, 50, 1000);
        return ApiResponse.ok(page(store.users(), startAt, max, req));
    }

    private boolean matches(User u, String query) {
        return matches(u, query, store.cloud());
    }

    /**
     * Whether a user search's {@code query} finds {@code u}: a word of the e-mail address or display name (Data
     * Center also the user name) starts with it, ignoring case; Cloud also finds the exact account id. Blank or
     * {@code .}: everyone.
     */
    static boolean matches(User u, String query, boolean cloud) {
        if (query == null || query.isBlank() || query.equals(".")) {
            return true;
        }
        String q = query.toLowerCase(Locale.ROOT);
        if (cloud && q.equals(u.accountId().toLowerCase(Locale.ROOT))) {
            return true;
        }
        return starts(u.email(), q) || starts(u.displayName(), q) || (!cloud && starts(u.name(), q));
    }

    private static boolean starts(String value, String q) {
        if (value == null) {
            return false;
        }
        String v = value.toLowerCase(Locale.ROOT);
        if (v.startsWith(q)) {
            return true;
        }
        for (String word : v.split("[\\s@.]+")) {
            if (word.startsWith(q)) {
                return true;
            }
        }
        return false;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
