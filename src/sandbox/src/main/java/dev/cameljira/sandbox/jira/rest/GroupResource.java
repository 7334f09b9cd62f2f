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
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.regex.Matcher;

/**
 * The two groups of the sandbox ({@code jira-administrators}: the admins, {@code jira-software-users}: everyone):
 * {@code GET group/member} (paged), {@code GET groups/picker}, {@code GET groupuserpicker} (users and groups in one
 * answer), {@code GET applicationrole[/{key}]} (administrators; the one application, Jira Software, whose users are
 * the {@code jira-software-users}), and Cloud's {@code GET user/groups}.
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
        router.add("GET", Paths.API + "/groupuserpicker", this::groupUserPicker);
        router.add("GET", Paths.API + "/applicationrole", this::applicationRoles);
        router.add("GET", Paths.API + "/applicationrole/{key}", this::applicationRole);
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
        putGroups(n, found, max, name -> query.isEmpty() ? name : name.replace(query, "<b>" + query + "</b>"));
        return ApiResponse.ok(n);
    }

    /**
     * The {@code header, total, groups} of a group picker's answer into {@code target}: the first {@code max} of
     * {@code found}, each with its name marked by {@code html}.
     */
    private void putGroups(ObjectNode target, List<Group> found, int max, UnaryOperator<String> html) {
        int shown = Math.min(max, found.size());
        target.put("header", "Showing " + shown + " of " + found.size() + " matching groups");
        target.put("total", found.size());
        ArrayNode groups = target.putArray("groups");
        for (Group g : found.subList(0, shown)) {
            ObjectNode o = groups.addObject();
            o.put("name", g.name());
            o.put("html", html.apply(g.name()));
            o.putArray("labels");
            if (store.cloud()) {
                o.put("groupId", g.groupId());
            }
        }
    }

    /**
     * {@code GET groupuserpicker?query=} ({@code maxResults} per list, {@code showAvatar}, {@code avatarSize},
     * Cloud's {@code caseInsensitive} for the groups): {@code {users: {users, total, header}, groups: {groups, total,
     * header}}}. Users match as {@code user/picker} finds them (a word of the display name or e-mail address, Data
     * Center also the user name, starts with the query, ignoring case), their {@code html} with the matched prefixes in
     * {@code <strong>} (Cloud shows only the display name); groups match by a part of their name, case-sensitively
     * unless {@code caseInsensitive=true}. The query is required (400). {@code fieldId}, {@code projectId} and
     * {@code issueTypeId} narrow nothing: every sandbox user may browse every project.
     */
    private ApiResponse groupUserPicker(ApiRequest req) {
        req.requireUser();
        String query = req.query("query");
        if (query == null) {
            throw ApiException.field("query", "The query parameter is required.");
        }
        int max = Paging.maxResults(req, store.cloud() ? 50 : 20, Integer.MAX_VALUE);
        boolean showAvatar = req.boolQuery("showAvatar", false);
        String size = req.queryValue("avatarSize").filter(s -> s.matches("(x{0,3})(small|medium|large)(@[23]x)?"))
                .orElse("xsmall");
        boolean caseInsensitive = store.cloud() && req.boolQuery("caseInsensitive", false);
        String q = query.trim();
        return store.read(() -> {
            ObjectNode n = Json.object();
            List<User> users = store.users().stream().filter(u -> !q.isEmpty() && UserResource.matches(u, q, store.cloud()))
                    .toList();
            ObjectNode usersNode = n.putObject("users");
            ArrayNode userList = usersNode.putArray("users");
            for (User u : users.subList(0, Math.min(max, users.size()))) {
                ObjectNode o = userList.addObject();
                if (store.cloud()) {
                    o.put("accountId", u.accountId());
                    o.put("accountType", "atlassian");
                    o.put("html", strong(u.displayName(), q));
                } else {
                    o.put("name", u.name());
                    o.put("key", u.key());
                    o.put("html", strong(u.displayName(), q) + " - " + strong(u.email(), q) + " (" + strong(u.name(), q) + ")");
                }
                o.put("displayName", u.displayName());
                if (showAvatar) {
                    o.put("avatarUrl", req.view().baseUrl() + "/secure/useravatar?size=" + size + "&avatarId=10122");
                }
            }
            usersNode.put("total", users.size());
            usersNode.put("header", "Showing " + userList.size() + " of " + users.size() + " matching users");

            List<Group> groups = GROUPS.stream().filter(g -> caseInsensitive
                    ? g.name().toLowerCase(Locale.ROOT).contains(q.toLowerCase(Locale.ROOT)) : g.name().contains(q)).toList();
            putGroups(n.putObject("groups"), groups, max, name -> bold(name, q));
            return ApiResponse.ok(n);
        });
    }

    private static final String NOT_ADMIN = "You are not authorized to perform this action. Administrator privileges are required.";

    /** The sandbox's licence: 10 seats of Jira Software. */
    private static final int SEATS = 10;

    private ApiResponse applicationRoles(ApiRequest req) {
        req.requireAdmin(NOT_ADMIN);
        return store.read(() -> ApiResponse.ok(Json.array().add(applicationRole(req.view()))));
    }

    private ApiResponse applicationRole(ApiRequest req) {
        req.requireAdmin(NOT_ADMIN);
        String key = req.param("key");
        if (!"jira-software".equals(key)) {
            throw ApiException.of(404, "The application role with key '" + key + "' does not exist.");
        }
        return store.read(() -> ApiResponse.ok(applicationRole(req.view())));
    }

    /** Jira Software's application role (call under the read lock); Cloud adds the groups' details. */
    private ObjectNode applicationRole(View view) {
        Group users = GROUPS.get(1);
        int count = (int) store.users().stream().filter(u -> Schemes.inGroup(u, users.name())).count();
        ObjectNode n = Json.object();
        n.put("key", "jira-software");
        n.putArray("groups").add(users.name()).add(GROUPS.get(0).name());
        n.put("name", "Jira Software");
        n.putArray("defaultGroups").add(users.name());
        n.put("selectedByDefault", false);
        n.put("defined", true);
        n.put("numberOfSeats", SEATS);
        n.put("remainingSeats", SEATS - count);
        n.put("userCount", count);
        n.put("userCountDescription", count + (count == 1 ? " user" : " users"));
        n.put("hasUnlimitedSeats", false);
        n.put("platform", false);
        if (view.cloud()) {
            ArrayNode details = n.putArray("groupDetails");
            for (Group g : List.of(users, GROUPS.get(0))) {
                details.addObject().put("groupId", g.groupId()).put("name", g.name())
                        .put("self", view.api() + "/group?" + groupParam(g, view));
            }
            n.putArray("defaultGroupsDetails").addObject().put("groupId", users.groupId()).put("name", users.name())
                    .put("self", view.api() + "/group?" + groupParam(users, view));
        }
        return n;
    }

    /** {@code text} with every word prefix that matches {@code query} (ignoring case) in {@code <strong>}. */
    private static String strong(String text, String query) {
        if (text == null || query.isEmpty()) {
            return text;
        }
        return Pattern.compile("(^|[\\s@.(])(" + Pattern.quote(query) + ")", Pattern.CASE_INSENSITIVE)
                .matcher(text).replaceAll("$1<strong>$2</strong>");
    }

    /** {@code name} with the first occurrence of {@code query} (ignoring case) in {@code <b>}, as the group picker marks it. */
    private static String bold(String name, String query) {
        int at = name.toLowerCase(Locale.ROOT).indexOf(query.toLowerCase(Locale.ROOT));
        return query.isEmpty() || at < 0 ? name
                : name.substring(0, at) + "<b>" + name.substring(at, at + query.length()) + "</b>" + name.substring(at + query.length());
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
