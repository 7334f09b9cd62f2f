package dev.cameljira.sandbox.jira.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.ApiException;
import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.ApiResponse;
import dev.cameljira.sandbox.http.Json;
import dev.cameljira.sandbox.http.Router;
import dev.cameljira.sandbox.jira.JiraContext;
import dev.cameljira.sandbox.jira.model.Schemes;
import dev.cameljira.sandbox.jira.model.User;
import dev.cameljira.sandbox.jira.render.View;
import dev.cameljira.sandbox.jira.store.JiraStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.Matcher;

/**
 * The two groups of the sandbox ({@code jira-administrators}: the admins, {@code jira-software-users}: everyone):
 * {@code GET group/member} (paged), {@code GET groups/picker}, and Cloud's {@code GET user/groups}.
 */
public final class GroupResource {

    /** A group: its name and (Cloud) its id. */
    private record Group(String name, String groupId) {
    }

    private static final List<Group> GROUPS = List.of(
            new Group("jira-administrators", "5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"),
            new Group("jira-software-users", "6d2e3f4a-5b6c-4d7e-9f8a-0b1c2d3e4f5a"));

    private final JiraContext ctx;
    private final JiraStore store;

    public GroupResource(JiraContext ctx) {
        this.ctx = ctx;
        this.store = ctx.store();
    }

    public void register(Router router) {
        router.add("GET", Paths.API + "/group/member", this::members);
        router.add("GET", Paths.API + "/groups/picker", this::picker);
        if (store.cloud()) {
            router.add("GET", Paths.API + "/user/groups", this::userGroups);
            router.add("GET", Paths.API + "/group", this::groupWithUsers);
        }
    }

    /** The group {@code groupname} (Cloud also {@code groupId}) names: 400 without either, 404 when unknown. */
    private Group group(ApiRequest req) {
        req.requireUser();
        String name = req.query("groupname");
        String id = store.cloud() ? req.query("groupId") : null;
        if (name == null && id == null) {
            throw ApiException.of(400, store.cloud() ? "You must specify either a group name or a group ID."
                    : "Group name must be specified.");
        }
        return GROUPS.stream().filter(g -> g.name().equalsIgnoreCase(name) || g.groupId().equals(id))
                .findFirst().orElseThrow(() -> ApiException.of(404, "Group does not exist."));
    }

    /**
     * Cloud's deprecated {@code GET /group?groupname=&expand=users[start:end]} (jira-client's getUsersInGroup): the
     * group, with {@code expand=users} a slice of its members ({@code [0:50]} by default, 50 at most).
     */
    private ApiResponse groupWithUsers(ApiRequest req) {
        Group group = group(req);
        String expand = req.query("expand") == null ? "" : req.query("expand");
        Matcher slice = Pattern.compile("users(?:\\[(\\d+):(\\d+)\\])?").matcher(expand);
        return store.read(() -> {
            ObjectNode n = Json.object();
            n.put("name", group.name());
            n.put("groupId", group.groupId());
            n.put("self", req.view().api() + "/group?" + groupParam(group, req.view()));
            List<User> users = store.users().stream().filter(u -> Schemes.inGroup(u, group.name())).toList();
            ObjectNode page = n.putObject("users");
            page.put("size", users.size());
            ArrayNode items = page.putArray("items");
            int start = 0;
            int end = 0;
            if (slice.find()) {
                n.put("expand", "users");
                start = slice.group(1) == null ? 0 : Integer.parseInt(slice.group(1));
                end = Math.min(slice.group(2) == null ? 50 : Integer.parseInt(slice.group(2)), start + 50);
                for (int i = start; i < users.size() && i < end; i++) {
                    items.add(ctx.renderer().user(users.get(i), req.view()));
                }
            }
            page.put("max-results", end - start);
            page.put("start-index", start);
            page.put("end-index", Math.max(start, Math.min(end, users.size()) - 1));
            return ApiResponse.ok(n);
        });
    }

    private ApiResponse members(ApiRequest req) {
        Group group = group(req);
        int startAt = Paging.startAt(req);
        int max = Paging.maxResults(req, 50, 50);
        return store.read(() -> {
            List<User> users = store.users().stream().filter(u -> Schemes.inGroup(u, group.name())).toList();
            return ApiResponse.ok(Paging.page(req.view().api() + "/group/member?" + groupParam(group, req.view())
                    + "&includeInactiveUsers=false&", "&maxResults=" + max, false, users, startAt, max,
                    u -> ctx.renderer().user(u, req.view())));
        });
    }

    private ApiResponse picker(ApiRequest req) {
        req.requireUser();
        String query = req.query("query") == null ? "" : req.query("query").toLowerCase(Locale.ROOT);
        int max = Paging.maxResults(req, store.cloud() ? 50 : 20, Integer.MAX_VALUE);
        List<Group> found = GROUPS.stream().filter(g -> g.name().contains(query))
                .filter(g -> !req.queryAll("exclude").contains(g.name())).toList();
        ObjectNode n = Json.object();
        int shown = Math.min(max, found.size());
        n.put("header", "Showing " + shown + " of " + found.size() + " matching groups");
        n.put("total", found.size());
        ArrayNode groups = n.putArray("groups");
        for (Group g : found.subList(0, shown)) {
            ObjectNode o = groups.addObject();
            o.put("name", g.name());
            o.put("html", query.isEmpty() ? g.name() : g.name().replace(query, "<b>" + query + "</b>"));
            o.putArray("labels");
            if (store.cloud()) {
                o.put("groupId", g.groupId());
            }
        }
        return ApiResponse.ok(n);
    }

    private ApiResponse userGroups(ApiRequest req) {
        req.requireUser();
        String accountId = req.query("accountId");
        if (accountId == null) {
            throw ApiException.of(400, "The accountId query parameter needs to be provided.");
        }
        User user = store.user(accountId).filter(u -> accountId.equals(u.accountId()))
                .orElseThrow(() -> ApiException.of(404, "Specified user does not exist or you do not have required permissions"));
        ArrayNode arr = Json.array();
        for (Group g : GROUPS) {
            if (Schemes.inGroup(user, g.name())) {
                arr.addObject().put("name", g.name()).put("groupId", g.groupId())
                        .put("self", req.view().api() + "/group?" + groupParam(g, req.view()));
            }
        }
        return ApiResponse.ok(arr);
    }

    private static String groupParam(Group g, View view) {
        return view.cloud() ? "groupId=" + g.groupId() : "groupname=" + URLEncoder.encode(g.name(), StandardCharsets.UTF_8);
    }
}
