package dev.cameljira.sandbox.jira.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.ApiResponse;
import dev.cameljira.sandbox.http.Json;
import dev.cameljira.sandbox.http.Router;
import dev.cameljira.sandbox.jira.JiraContext;
import dev.cameljira.sandbox.jira.model.Component;
import dev.cameljira.sandbox.jira.model.Project;
import dev.cameljira.sandbox.jira.model.Status;
import dev.cameljira.sandbox.jira.render.View;
import dev.cameljira.sandbox.jira.store.JiraStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Projects: CRUD, {@code /project/search} (Cloud) and {@code /project} (array). */
public final class ProjectResource {

    private final JiraContext ctx;
    private final JiraStore store;

    public ProjectResource(JiraContext ctx) {
        this.ctx = ctx;
        this.store = ctx.store();
    }

    public void register(Router router) {
        router.add("GET", Paths.API + "/project", this::list);
        router.add("POST", Paths.API + "/project", this::create);
        if (store.cloud()) {
            router.add("GET", Paths.API + "/project/search", this::search);
        }
        router.add("GET", Paths.API + "/project/{key}", this::get);
        router.add("PUT", Paths.API + "/project/{key}", this::update);
        router.add("DELETE", Paths.API + "/project/{key}", this::delete);
        router.add("GET", Paths.API + "/project/{key}/components", this::components);
        router.add("GET", Paths.API + "/project/{key}/statuses", this::statuses);
    }

    private ObjectNode full(Project p, View view) {
        ObjectNode n = (ObjectNode) ctx.renderer().project(p, store.catalog().issueTypes(), view);
        n.set("versions", new VersionResource(ctx).versions(p, view));
        return n;
    }

    private ApiResponse list(ApiRequest req) {
        return store.read(() -> {
            ArrayNode arr = Json.array();
            for (Project p : store.projects()) {
                arr.add(full(p, req.view()));
            }
            return ApiResponse.ok(arr);
        });
    }

    private ApiResponse search(ApiRequest req) {
        int startAt = Paging.startAt(req);
        int max = Paging.maxResults(req, 50, 100);
        String query = req.query("query");
        List<String> keys = req.queryAll("keys");
        String orderBy = req.query("orderBy");
        // typeKey: comma-separated project types (business, service_desk, software), as Jira Cloud filters them
        List<String> typeKeys = req.query("typeKey") == null ? List.of()
                : java.util.Arrays.stream(req.query("typeKey").split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
        return store.read(() -> {
            List<Project> matches = store.projects().stream()
                    .filter(p -> typeKeys.isEmpty() || typeKeys.stream().anyMatch(t -> t.equalsIgnoreCase(p.projectTypeKey())))
                    .filter(p -> query == null || query.isBlank() || contains(p.key(), query) || contains(p.name(), query))
                    .filter(p -> keys.isEmpty() || keys.stream().anyMatch(k -> k.equalsIgnoreCase(p.key()) || k.equals(String.valueOf(p.id()))))
                    .sorted(comparator(orderBy))
                    .toList();
            ObjectNode n = Paging.page(req.view().api() + "/project/search?", "&maxResults=" + max
                    + (query == null ? "" : "&query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)), true, matches,
                    startAt, max, p -> full(p, req.view()));
            return ApiResponse.ok(n);
        });
    }

    private static Comparator<Project> comparator(String orderBy) {
        String o = orderBy == null ? "key" : orderBy;
        boolean desc = o.startsWith("-");
        String field = o.replaceFirst("^[+-]", "");
        Comparator<Project> c = switch (field) {
            case "name" -> Comparator.comparing(p -> p.name().toLowerCase(Locale.ROOT));
            case "id" -> Comparator.comparingLong(Project::id);
            default -> Comparator.comparing(Project::key);
        };
        return desc ? c.reversed() : c;
    }

    private static boolean contains(String haystack, String needle) {
        return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
    }

    private ApiResponse create(ApiRequest req) {
        Project p = ctx.projectService().create(req.json(), req.requireUser());
        ObjectNode n = Json.object();
        n.put("self", req.view().api() + "/project/" + p.id());
        n.put("id", p.id());
        n.put("key", p.key());
        return ApiResponse.created(n);
    }

    private ApiResponse get(ApiRequest req) {
        return store.read(() -> ApiResponse.ok(full(store.requireProject(req.param("key")), req.view())));
    }

    private ApiResponse update(ApiRequest req) {
        Project p = ctx.projectService().update(req.param("key"), req.json(), req.requireUser());
        return store.read(() -> ApiResponse.ok(full(p, req.view())));
    }

    private ApiResponse delete(ApiRequest req) {
        ctx.projectService().delete(req.param("key"), req.requireUser());
        return ApiResponse.noContent();
    }

    private ApiResponse components(ApiRequest req) {
        return store.read(() -> {
            ArrayNode arr = Json.array();
            Project p = store.requireProject(req.param("key"));
            for (Component c : p.components()) {
                arr.add(ctx.renderer().componentDetails(c, p, req.view()));
            }
            return ApiResponse.ok(arr);
        });
    }

    private ApiResponse statuses(ApiRequest req) {
        return store.read(() -> {
            store.requireProject(req.param("key"));
            ArrayNode arr = Json.array();
            store.catalog().issueTypes().forEach(t -> {
                ObjectNode n = arr.addObject();
                n.put("self", req.view().api() + "/issuetype/" + t.id());
                n.put("id", t.id());
                n.put("name", t.name());
                n.put("subtask", t.subtask());
                ArrayNode statuses = n.putArray("statuses");
                for (Status s : store.catalog().statuses()) {
                    statuses.add(ctx.renderer().status(s, req.view()));
                }
            });
            return ApiResponse.ok(arr);
        });
    }
}
