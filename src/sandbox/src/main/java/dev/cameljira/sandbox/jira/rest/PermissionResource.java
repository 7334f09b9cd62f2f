package dev.cameljira.sandbox.jira.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.ApiException;
import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.ApiResponse;
import dev.cameljira.sandbox.http.Json;
import dev.cameljira.sandbox.http.Router;
import dev.cameljira.sandbox.jira.model.Issue;
import dev.cameljira.sandbox.jira.model.Project;
import dev.cameljira.sandbox.jira.model.Schemes;
import dev.cameljira.sandbox.jira.model.Schemes.Permission;
import dev.cameljira.sandbox.jira.model.User;
import dev.cameljira.sandbox.jira.store.JiraStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.List;
import java.util.Locale;

/**
 * The permissions of the instance ({@link Schemes#ALL_PERMISSIONS}) and which of them the caller holds:
 * <ul>
 *   <li>{@code GET mypermissions?permissions=KEY,...&projectKey|projectId|issueKey|issueId=}: each asked permission
 *       with {@code havePermission} in that context (an issue's project; without a context, a project permission is
 *       held when it is held in any project). Cloud requires {@code permissions} (400 without it) and refuses the
 *       keys Jira retired in 7.0; Data Center answers every permission without it, the retired keys too (marked
 *       {@code deprecatedKey}). An unknown key is a 400, an unknown project or issue a 404.</li>
 *   <li>{@code GET permissions}: every permission without {@code havePermission}; anyone on Cloud (even anonymous),
 *       Jira administrators on Data Center.</li>
 *   <li>Cloud {@code POST permissions/check} and {@code POST permissions/project}: bulk checks by the same rules.</li>
 * </ul>
 */
public final class PermissionResource {

    private final JiraStore store;

    public PermissionResource(JiraStore store) {
        this.store = store;
    }

    public void register(Router router) {
        router.add("GET", Paths.API + "/mypermissions", this::mine);
        router.add("GET", Paths.API + "/permissions", store.cloud(), this::all);
        if (store.cloud()) {
            router.add("POST", Paths.API + "/permissions/check", true, this::check);
            router.add("POST", Paths.API + "/permissions/project", true, this::permittedProjects);
        }
    }

    /**
     * Cloud's bulk check ({@code POST permissions/check}, body {@code {accountId?, globalPermissions[],
     * projectPermissions[{permissions[], projects[], issues[]}]}}): the global permissions held, and per project
     * permission asked the projects and issues (of those named) where it is held, by the caller or (administrators
     * only, else a 403) the user {@code accountId} names. Unknown project and issue ids are ignored, null entries too;
     * an unknown permission key or account id is a 400. Anonymous callers hold nothing.
     */
    private ApiResponse check(ApiRequest req) {
        JsonNode body = req.json();
        if (!body.isObject()) {
            throw ApiException.of(400, "The request body must be a JSON object.");
        }
        User caller = req.user();
        String accountId = text(body.get("accountId"));
        List<String> globals = strings(body.path("globalPermissions"));
        Map<String, String> unknown = new LinkedHashMap<>();
        for (String key : globals) {
            if (Schemes.permission(key).filter(Permission::global).isEmpty()) {
                unknown.put(key, "Unrecognized permission");
            }
        }
        List<JsonNode> asks = new ArrayList<>();
        body.path("projectPermissions").forEach(a -> {
            if (!a.isNull()) {
                asks.add(a);
            }
        });
        for (JsonNode ask : asks) {
            List<String> keys = strings(ask.path("permissions"));
            if (keys.isEmpty()) {
                throw ApiException.field("projectPermissions", "At least one project permission is required in each "
                        + "projectPermissions entry.");
            }
            for (String key : keys) {
                if (Schemes.permission(key).filter(p -> !p.global()).isEmpty()) {
                    unknown.put(key, "Unrecognized permission");
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw ApiException.fields(unknown);
        }
        if (accountId != null && (caller == null || !caller.admin()) && !(caller != null && accountId.equals(caller.accountId()))) {
            throw ApiException.of(403, "Only Jira administrators can perform this operation.");
        }
        return store.read(() -> {
            User who = accountId == null ? caller : store.users().stream().filter(u -> accountId.equals(u.accountId()))
                    .findFirst().orElseThrow(() -> ApiException.field("accountId", "The account ID '" + accountId
                            + "' is not valid."));
            List<Project> projects = store.projects();
            ObjectNode n = Json.object();
            ArrayNode global = n.putArray("globalPermissions");
            globals.stream().map(k -> Schemes.permission(k).orElseThrow()).distinct()
                    .filter(p -> who != null && Schemes.holds(who, p, null, projects))
                    .forEach(p -> global.add(p.key()));
            ArrayNode grants = n.putArray("projectPermissions");
            Map<String, Set<Long>[]> byPermission = new LinkedHashMap<>();
            for (JsonNode ask : asks) {
                List<Project> named = ids(ask.path("projects")).stream().map(id -> store.project(String.valueOf(id)))
                        .flatMap(Optional::stream).toList();
                List<Issue> issues = ids(ask.path("issues")).stream().map(store::issue).flatMap(Optional::stream).toList();
                for (String key : strings(ask.path("permissions"))) {
                    Permission p = Schemes.permission(key).orElseThrow();
                    @SuppressWarnings("unchecked")
                    Set<Long>[] held = byPermission.computeIfAbsent(p.key(),
                            k -> new Set[] {new LinkedHashSet<>(), new LinkedHashSet<>()});
                    if (who == null) {
                        continue;
                    }
                    named.stream().filter(pr -> Schemes.holds(who, p, pr, projects)).forEach(pr -> held[0].add(pr.id()));
                    issues.stream().filter(i -> Schemes.holds(who, p, i.project(), projects)).forEach(i -> held[1].add(i.id()));
                }
            }
            byPermission.forEach((key, held) -> {
                ObjectNode grant = grants.addObject();
                ArrayNode issueIds = grant.putArray("issues");
                held[1].forEach(issueIds::add);
                grant.put("permission", key);
                ArrayNode projectIds = grant.putArray("projects");
                held[0].forEach(projectIds::add);
            });
            return ApiResponse.ok(n);
        });
    }

    /**
     * Cloud's {@code POST permissions/project} ({@code {"permissions": ["BROWSE_PROJECTS", ...]}}): the projects where
     * the caller holds every permission named, as {@code {projects: [{id, key}]}}; an unknown or global permission is a
     * 400. Anonymous callers get none.
     */
    private ApiResponse permittedProjects(ApiRequest req) {
        JsonNode body = req.json();
        if (!body.path("permissions").isArray()) {
            throw ApiException.field("permissions", "The permissions list is required.");
        }
        List<Permission> permissions = new ArrayList<>();
        for (String key : strings(body.get("permissions"))) {
            permissions.add(Schemes.permission(key).filter(p -> !p.global()).orElseThrow(() -> ApiException.of(400,
                    "The project permission '" + key + "' does not exist.")));
        }
        User caller = req.user();
        return store.read(() -> {
            List<Project> projects = store.projects();
            ObjectNode n = Json.object();
            ArrayNode found = n.putArray("projects");
            for (Project project : projects) {
                if (caller != null && permissions.stream().allMatch(p -> Schemes.holds(caller, p, project, projects))) {
                    found.addObject().put("id", project.id()).put("key", project.key());
                }
            }
            return ApiResponse.ok(n);
        });
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    /** The non-blank strings of an array (null entries and empty strings ignored, as Jira does). */
    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> {
            if (!v.isNull() && !v.asText().isBlank()) {
                out.add(v.asText().trim());
            }
        });
        return out;
    }

    /** The numeric ids of an array (null entries ignored; anything that is not an id names nothing). */
    private static List<Long> ids(JsonNode array) {
        List<Long> out = new ArrayList<>();
        array.forEach(v -> {
            if (v.canConvertToLong() || v.isTextual() && v.asText().trim().matches("\\d{1,18}")) {
                out.add(v.asLong());
            }
        });
        return out;
    }

    private ApiResponse mine(ApiRequest req) {
        User user = req.requireUser();
        List<String> asked = asked(req);
        return store.read(() -> {
            Project project = context(req);
            List<Project> projects = store.projects();
            ObjectNode n = Json.object();
            ObjectNode map = n.putObject("permissions");
            for (String key : asked) {
                Permission p = Schemes.permission(Schemes.LEGACY_PERMISSION_KEYS.getOrDefault(key, key)).orElseThrow();
                ObjectNode entry = permission(p, key);
                entry.put("havePermission", Schemes.holds(user, p, project, projects));
                map.set(key, entry);
            }
            return ApiResponse.ok(n);
        });
    }

    /** The keys to answer, upper-cased, in the order asked (every key, legacy ones on Data Center, when none is asked). */
    private List<String> asked(ApiRequest req) {
        List<String> keys = new ArrayList<>();
        for (String value : req.queryAll("permissions")) {
            for (String key : value.split(",")) {
                if (!key.isBlank()) {
                    keys.add(key.trim().toUpperCase(Locale.ROOT));
                }
            }
        }
        if (keys.isEmpty()) {
            if (store.cloud()) {
                throw ApiException.of(400, "The 'permissions' query parameter is required.");
            }
            Schemes.ALL_PERMISSIONS.forEach(p -> keys.add(p.key()));
            keys.addAll(Schemes.LEGACY_PERMISSION_KEYS.keySet());
            return keys;
        }
        List<String> invalid = keys.stream().filter(k -> Schemes.permission(k).isEmpty()
                && (store.cloud() || !Schemes.LEGACY_PERMISSION_KEYS.containsKey(k))).toList();
        if (!invalid.isEmpty()) {
            throw ApiException.of(400, "Invalid permission keys: " + String.join(", ", invalid) + ".");
        }
        return keys.stream().distinct().toList();
    }

    /** The project of {@code issueId}/{@code issueKey}, else of {@code projectId}/{@code projectKey}, else null. */
    private Project context(ApiRequest req) {
        String issue = req.queryValue("issueId").orElse(req.query("issueKey"));
        if (issue != null && !issue.isBlank()) {
            Issue i = store.requireIssue(issue.trim());
            return i.project();
        }
        String project = req.queryValue("projectId").orElse(req.query("projectKey"));
        return project == null || project.isBlank() ? null : store.requireProject(project.trim());
    }

    private ApiResponse all(ApiRequest req) {
        if (!store.cloud()) {
            req.requireAdmin("You are not authorised to view all permissions: Jira administrators only.");
        }
        ObjectNode n = Json.object();
        ObjectNode map = n.putObject("permissions");
        Schemes.ALL_PERMISSIONS.forEach(p -> map.set(p.key(), permission(p, p.key()).without("id")));
        return ApiResponse.ok(n);
    }

    /** {@code {id, key, name, type, description}} (and {@code deprecatedKey} when asked by a retired key). */
    private static ObjectNode permission(Permission p, String key) {
        ObjectNode n = Json.object();
        n.put("id", p.id());
        n.put("key", key);
        n.put("name", p.name());
        n.put("type", p.type());
        n.put("description", p.description());
        if (!key.equals(p.key())) {
            n.put("deprecatedKey", true);
        }
        return n;
    }
}
