package dev.cameljira.sandbox.jira.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.cameljira.sandbox.http.ApiException;
import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.ApiResponse;
import dev.cameljira.sandbox.http.Json;
import dev.cameljira.sandbox.http.Router;
import dev.cameljira.sandbox.jira.JiraContext;
import dev.cameljira.sandbox.jira.model.User;
import dev.cameljira.sandbox.jira.store.JiraStore;
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
        if (store.cloud()) {
            router.add("GET", Paths.API + "/users/search", this::all);
            router.add("GET", Paths.API + "/users", this::all);
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
        List<User> matches = store.users().stream().filter(u -> matches(u, query)).toList();
        ArrayNode arr = Json.array();
        for (int i = startAt; i < matches.size() && i < startAt + max; i++) {
            arr.add(ctx.renderer().user(matches.get(i), req.view()));
        }
        return ApiResponse.ok(arr);
    }

    private ApiResponse all(ApiRequest req) {
        int startAt = Paging.startAt(req);
        int max = Paging.maxResults(req, 50, 1000);
        List<User> users = store.users();
        ArrayNode arr = Json.array();
        for (int i = startAt; i < users.size() && i < startAt + max; i++) {
            arr.add(ctx.renderer().user(users.get(i), req.view()));
        }
        return ApiResponse.ok(arr);
    }

    private boolean matches(User u, String query) {
        if (query == null || query.isBlank() || query.equals(".")) {
            return true;
        }
        String q = query.toLowerCase(Locale.ROOT);
        if (store.cloud() && q.equals(u.accountId().toLowerCase(Locale.ROOT))) {
            return true;
        }
        return starts(u.email(), q) || starts(u.displayName(), q) || (!store.cloud() && starts(u.name(), q));
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
