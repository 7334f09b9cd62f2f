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
import dev.cameljira.sandbox.jira.model.User;
import dev.cameljira.sandbox.jira.model.Schemes.ProjectRole;
import dev.cameljira.sandbox.jira.render.View;
import dev.cameljira.sandbox.jira.store.JiraStore;

/**
 * Project roles ({@link Schemes#PROJECT_ROLES}: Administrators, Developers, Users), read-only:
 * <ul>
 *   <li>{@code GET project/{key}/role}: the project's roles as {@code {name: self URL}}.</li>
 *   <li>{@code GET project/{key}/role/{id}}: one role with its actors in that project: its group
 *       ({@code jira-administrators} for Administrators, {@code jira-software-users} otherwise) and, for
 *       Administrators, the project's lead. Unknown project or role: 404.</li>
 *   <li>{@code GET role} (Jira administrators): every role with its default actors (its group).</li>
 * </ul>
 * Actors are rendered as each deployment does: Cloud's {@code actorUser.accountId} / {@code actorGroup}, Data
 * Center's user {@code name}.
 */
public final class RoleResource {

    private static final String ADMINISTRATORS_ONLY =
            "You do not have permission to view project roles: Jira administrators only.";

    private final JiraContext ctx;
    private final JiraStore store;

    public RoleResource(JiraContext ctx) {
        this.ctx = ctx;
        this.store = ctx.store();
    }

    public void register(Router router) {
        router.add("GET", Paths.API + "/project/{key}/role", this::projectRoles);
        router.add("GET", Paths.API + "/project/{key}/role/{id}", this::projectRole);
        router.add("GET", Paths.API + "/role", this::roles);
        router.add("GET", Paths.API + "/role/{id}", this::roleById);
        if (store.cloud()) {
            router.add("GET", Paths.API + "/project/{key}/roledetails", this::roleDetails);
        }
    }

    private ApiResponse projectRoles(ApiRequest req) {
        return store.read(() -> {
            Project p = store.requireProject(req.param("key"));
            ObjectNode n = Json.object();
            Schemes.PROJECT_ROLES.forEach(r -> n.put(r.name(), projectRoleSelf(p, r, req.view())));
            return ApiResponse.ok(n);
        });
    }

    private ApiResponse projectRole(ApiRequest req) {
        return store.read(() -> {
            Project p = store.requireProject(req.param("key"));
            ProjectRole role = role(req.param("id"));
            ObjectNode n = role(role, projectRoleSelf(p, role, req.view()));
            ArrayNode actors = n.putArray("actors");
            actors.add(groupActor(role, req.view()));
            if (role.id() == Schemes.ADMINISTRATORS_ROLE_ID && p.lead() != null) {
                ObjectNode lead = actors.addObject();
                lead.put("id", role.id() + 2000);
                lead.put("displayName", p.lead().displayName());
                lead.put("type", "atlassian-user-role-actor");
                if (req.view().cloud()) {
                    lead.putObject("actorUser").put("accountId", p.lead().accountId());
                } else {
                    lead.put("name", p.lead().name());
                }
                lead.put("avatarUrl", ctx.renderer().user(p.lead(), req.view()).at("/avatarUrls/16x16").asText());
            }
            return ApiResponse.ok(n);
        });
    }

    /**
     * Cloud {@code GET /project/{key}/roledetails}: the project's roles without actors, {@code admin} for
     * Administrators; {@code currentMember=true} keeps the roles the caller acts in.
     */
    private ApiResponse roleDetails(ApiRequest req) {
        User caller = req.requireUser();
        boolean currentMember = req.boolQuery("currentMember", false);
        return store.read(() -> {
            Project p = store.requireProject(req.param("key"));
            ArrayNode arr = Json.array();
            for (ProjectRole r : Schemes.PROJECT_ROLES) {
                if (!currentMember || Schemes.inRole(caller, r, p)) {
                    ObjectNode n = role(r, projectRoleSelf(p, r, req.view()));
                    n.put("admin", r.id() == Schemes.ADMINISTRATORS_ROLE_ID);
                    n.put("default", r.id() == 10000);
                    n.put("roleConfigurable", true);
                    n.put("translatedName", r.name());
                    arr.add(n);
                }
            }
            return ApiResponse.ok(arr);
        });
    }

    private ApiResponse roles(ApiRequest req) {
        req.requireAdmin(ADMINISTRATORS_ONLY);
        ArrayNode arr = Json.array();
        Schemes.PROJECT_ROLES.forEach(r -> arr.add(globalRole(r, req.view())));
        return ApiResponse.ok(arr);
    }

    private ApiResponse roleById(ApiRequest req) {
        req.requireAdmin(ADMINISTRATORS_ONLY);
        return ApiResponse.ok(globalRole(role(req.param("id")), req.view()));
    }

    /** A role as {@code GET role[/{id}]} answers it: with its default actor, its group. */
    private static ObjectNode globalRole(ProjectRole r, View view) {
        ObjectNode n = role(r, view.api() + "/role/" + r.id());
        n.putArray("actors").add(groupActor(r, view));
        return n;
    }

    private static String projectRoleSelf(Project p, ProjectRole r, View view) {
        return view.api() + "/project/" + p.id() + "/role/" + r.id();
    }

    private static ObjectNode role(ProjectRole r, String self) {
        ObjectNode n = Json.object();
        n.put("self", self);
        n.put("name", r.name());
        n.put("id", r.id());
        n.put("description", r.description());
        return n;
    }

    private static ObjectNode groupActor(ProjectRole r, View view) {
        String group = Schemes.roleGroup(r);
        ObjectNode a = Json.object();
        a.put("id", r.id() + 1000);
        a.put("displayName", group);
        a.put("type", "atlassian-group-role-actor");
        a.put("name", group);
        if (view.cloud()) {
            a.putObject("actorGroup").put("name", group).put("displayName", group);
        } else {
            a.put("avatarUrl", view.baseUrl() + "/images/icons/avatars/default-group.png");
        }
        return a;
    }

    private static ProjectRole role(String id) {
        try {
            return Schemes.projectRole(Long.parseLong(id)).orElseThrow(() -> notFound(id));
        } catch (NumberFormatException e) {
            throw notFound(id);
        }
    }

    private static ApiException notFound(String id) {
        return ApiException.of(404, "The project role with id '" + id + "' does not exist.");
    }
}
