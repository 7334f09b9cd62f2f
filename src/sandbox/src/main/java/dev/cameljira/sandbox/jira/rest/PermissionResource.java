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
import java.util.ArrayList;
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
