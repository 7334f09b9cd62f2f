package dev.cameljira.sandbox.jira.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.ApiException;
import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.ApiResponse;
import dev.cameljira.sandbox.http.Json;
import dev.cameljira.sandbox.http.Router;
import dev.cameljira.sandbox.jira.JiraContext;
import dev.cameljira.sandbox.jira.model.Component;
import dev.cameljira.sandbox.jira.model.Project;
import dev.cameljira.sandbox.jira.model.Schemes;
import dev.cameljira.sandbox.jira.model.User;
import dev.cameljira.sandbox.jira.render.View;
import dev.cameljira.sandbox.jira.store.JiraStore;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Components by id: {@code POST component} ({@code name} and {@code project} key or {@code projectId} required;
 * {@code description}, lead as {@code leadAccountId} or {@code leadUserName}, {@code assigneeType}), 201 with the
 * component; {@code GET}, {@code PUT} (the members given change) and {@code DELETE component/{id}} (204; its issues
 * lose it, or get {@code moveIssuesTo}'s component instead). Writing takes the project's administrator (its lead or a
 * Jira administrator): others get 403. Unknown id: 404; bad input: 400 naming the member.
 */
public final class ComponentResource {

    private static final List<String> ASSIGNEE_TYPES = List.of("PROJECT_DEFAULT", "COMPONENT_LEAD", "PROJECT_LEAD",
            "UNASSIGNED");

    private final JiraContext ctx;
    private final JiraStore store;

    public ComponentResource(JiraContext ctx) {
        this.ctx = ctx;
        this.store = ctx.store();
    }

    public void register(Router router) {
        router.add("POST", Paths.API + "/component", this::create);
        router.add("GET", Paths.API + "/component/{id}", this::get);
        router.add("GET", Paths.API + "/component/{id}/relatedIssueCounts", this::relatedIssueCounts);
        router.add("PUT", Paths.API + "/component/{id}", this::update);
        router.add("DELETE", Paths.API + "/component/{id}", this::delete);
        if (store.cloud()) { // not an operation of the Data Center 10.3 document
            router.add("GET", Paths.API + "/project/{key}/component", this::page);
            router.add("GET", Paths.API + "/component", req -> projectsPage(req, "projectIdsOrKeys", 50));
        } else {
            router.add("GET", Paths.API + "/component/page", req -> projectsPage(req, "projectIds", 100));
        }
    }

    /**
     * Cloud's {@code GET project/{key}/component}: a page (default 50, at most 50) of the project's components with
     * each one's {@code issueCount}, those whose name or description contains {@code query} (ignoring case), ordered
     * by {@code orderBy} (name (default), description, issueCount or lead's display name; {@code -} reverses). No
     * project is opted into Compass: {@code componentSource=compass} finds none, {@code auto} the Jira components.
     */
    private ApiResponse page(ApiRequest req) {
        int startAt = Paging.startAt(req);
        int max = Paging.maxResults(req, 50, 50);
        String query = req.query("query");
        String source = req.query("componentSource") == null ? "jira" : req.query("componentSource");
        if (!List.of("jira", "compass", "auto").contains(source)) {
            throw ApiException.of(400, "Invalid componentSource '" + source + "': use jira, compass or auto.");
        }
        String orderBy = req.query("orderBy") == null || req.query("orderBy").isBlank() ? "name" : req.query("orderBy");
        return store.read(() -> {
            Project p = store.requireProject(req.param("key"));
            Map<Component, Long> counts = store.componentIssueCounts(p);
            List<Component> matches = p.components().stream()
                    .filter(c -> !source.equals("compass"))
                    .filter(c -> query == null || query.isBlank() || Paging.containsIgnoringCase(c.name(), query)
                            || Paging.containsIgnoringCase(c.description(), query))
                    .sorted(order(orderBy, counts))
                    .toList();
            ObjectNode n = Paging.page(req.view().api() + "/project/" + p.key() + "/component?maxResults=" + max + "&",
                    Paging.linkParameters(req, "query", "orderBy", "componentSource"), true, matches, startAt, max,
                    c -> withIssueCount(c, p, counts.get(c), req.view()));
            return ApiResponse.ok(n);
        });
    }

    /**
     * Cloud {@code GET /component?projectIdsOrKeys=} and Data Center {@code GET /component/page?projectIds=}: the
     * components of the projects named (comma-separated or repeated; every project when none is named; an unknown
     * one is a 404), by project then name, with {@code query} on the name or description; Cloud's {@code orderBy}
     * [+-]name or description.
     */
    private ApiResponse projectsPage(ApiRequest req, String projectsParameter, int defaultMax) {
        req.requireUser();
        int startAt = Paging.startAt(req);
        int max = Paging.maxResults(req, defaultMax, defaultMax);
        String query = req.query("query");
        String orderBy = req.queryValue("orderBy").orElse(null);
        if (orderBy != null && !orderBy.replaceFirst("^[+-]", "").matches("name|description")) {
            throw ApiException.field("orderBy", "Invalid orderBy '" + orderBy + "': use name or description, optionally"
                    + " prefixed with + or -.");
        }
        List<String> named = req.queryAll(projectsParameter).stream().flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::trim).filter(v -> !v.isEmpty()).toList();
        return store.read(() -> {
            List<Project> projects = named.isEmpty() ? store.projects()
                    : named.stream().map(store::requireProject).distinct().toList();
            Comparator<Component> order = orderBy == null ? (a, b) -> 0 : order(orderBy, Map.of());
            List<Map.Entry<Component, Project>> matches = projects.stream()
                    .flatMap(p -> p.components().stream().sorted(order).map(c -> Map.entry(c, p)))
                    .filter(e -> query == null || query.isBlank() || Paging.containsIgnoringCase(e.getKey().name(), query)
                            || Paging.containsIgnoringCase(e.getKey().description(), query))
                    .toList();
            return ApiResponse.ok(Paging.page(req, req.path().substring(req.path().indexOf("/component") + 1), matches,
                    startAt, max, e -> ctx.renderer().componentDetails(e.getKey(), e.getValue(), req.view())));
        });
    }

    /** A ComponentWithIssueCount: the component's details (without the lead's id member, not one of its members). */
    private ObjectNode withIssueCount(Component c, Project p, long count, View view) {
        ObjectNode n = ctx.renderer().componentDetails(c, p, view);
        n.remove(List.of("leadAccountId", "leadUserName"));
        n.put("issueCount", count);
        return n;
    }

    private static Comparator<Component> order(String orderBy, Map<Component, Long> counts) {
        boolean desc = orderBy.startsWith("-");
        String field = orderBy.replaceFirst("^[+-]", "");
        Comparator<Component> c = switch (field) {
            case "name" -> Comparator.comparing(x -> x.name().toLowerCase(Locale.ROOT));
            case "description" -> Comparator.comparing(x -> x.description() == null ? "" : x.description().toLowerCase(Locale.ROOT));
            case "issueCount" -> Comparator.comparing(counts::get);
            case "lead" -> Comparator.comparing(x -> x.lead() == null ? "" : x.lead().displayName().toLowerCase(Locale.ROOT));
            default -> throw ApiException.of(400, "Invalid orderBy '" + orderBy
                    + "': use name, description, issueCount or lead, optionally prefixed with + or -.");
        };
        return desc ? c.reversed() : c;
    }

    private ApiResponse create(ApiRequest req) {
        User actor = req.requireUser();
        JsonNode body = req.json();
        return store.write(() -> {
            Map<String, String> errors = new LinkedHashMap<>();
            String ref = body.hasNonNull("projectId") ? body.get("projectId").asText() : Json.text(body, "project");
            Project project = ref == null ? null : store.project(ref).orElse(null);
            if (project == null) {
                errors.put("project", ref == null ? "The project is required." : "No project could be found with key '"
                        + ref + "'.");
            }
            Component fresh = new Component(String.valueOf(store.nextComponentId()), null, null);
            Component c = edited(fresh, body, project, errors);
            if (c.name() == null && !errors.containsKey("name")) {
                errors.put("name", "The component name specified is invalid.");
            }
            if (!errors.isEmpty()) {
                throw ApiException.fields(errors);
            }
            requireAdministers(actor, project);
            project.components().add(c);
            return ApiResponse.created(ctx.renderer().componentDetails(c, project, req.view()));
        });
    }

    private ApiResponse get(ApiRequest req) {
        return store.read(() -> {
            Component c = store.requireComponent(req.param("id"));
            return ApiResponse.ok(ctx.renderer().componentDetails(c, store.componentProject(c.id()).orElseThrow(),
                    req.view()));
        });
    }

    /** {@code GET component/{id}/relatedIssueCounts}: {@code {self, issueCount}}. */
    private ApiResponse relatedIssueCounts(ApiRequest req) {
        return store.read(() -> {
            Component c = store.requireComponent(req.param("id"));
            ObjectNode n = Json.object();
            n.put("self", req.view().api() + "/component/" + c.id());
            n.put("issueCount", store.componentIssueCount(c));
            return ApiResponse.ok(n);
        });
    }

    private ApiResponse update(ApiRequest req) {
        User actor = req.requireUser();
        JsonNode body = req.json();
        return store.write(() -> {
            Component old = store.requireComponent(req.param("id"));
            Project project = store.componentProject(old.id()).orElseThrow();
            requireAdministers(actor, project);
            Map<String, String> errors = new LinkedHashMap<>();
            Component c = edited(old, body, project, errors);
            if (!errors.isEmpty()) {
                throw ApiException.fields(errors);
            }
            project.components().set(project.components().indexOf(old), c);
            store.replaceComponentInIssues(old, c);
            return ApiResponse.ok(ctx.renderer().componentDetails(c, project, req.view()));
        });
    }

    private ApiResponse delete(ApiRequest req) {
        User actor = req.requireUser();
        String moveTo = req.query("moveIssuesTo");
        return store.write(() -> {
            Component old = store.requireComponent(req.param("id"));
            Project project = store.componentProject(old.id()).orElseThrow();
            requireAdministers(actor, project);
            Component target = null;
            if (moveTo != null && !moveTo.isBlank()) {
                target = project.components().stream().filter(c -> c.id().equals(moveTo.trim()) && c != old).findFirst()
                        .orElseThrow(() -> ApiException.of(400, "The component with id " + moveTo
                                + " to move the issues to is not another component of project " + project.key() + "."));
            }
            project.components().remove(old);
            store.replaceComponentInIssues(old, target);
            return ApiResponse.noContent();
        });
    }

    /** {@code base} with the members {@code body} gives; a member's problem goes to {@code errors}. */
    private Component edited(Component base, JsonNode body, Project project, Map<String, String> errors) {
        String name = base.name();
        if (body.has("name")) {
            name = Json.text(body, "name") == null ? null : Json.text(body, "name").trim();
            String wanted = name;
            if (wanted == null || wanted.isEmpty() || wanted.length() > 255) {
                errors.put("name", "The component name specified is invalid.");
            } else if (project != null && project.components().stream()
                    .anyMatch(c -> !c.id().equals(base.id()) && c.name().equalsIgnoreCase(wanted))) {
                errors.put("name", "A component with the name " + wanted + " already exists in this project.");
            }
        }
        String description = body.has("description") ? Json.text(body, "description") : base.description();
        User lead = base.lead();
        for (String member : List.of("leadAccountId", "leadUserName")) {
            if (body.has(member)) {
                String id = Json.text(body, member);
                lead = id == null || id.isBlank() ? null : store.user(id).orElse(null);
                if (id != null && !id.isBlank() && lead == null) {
                    errors.put(member, "The user " + id + " does not exist.");
                }
            }
        }
        String assigneeType = base.assigneeType();
        if (body.hasNonNull("assigneeType")) {
            assigneeType = body.get("assigneeType").asText();
            if (!ASSIGNEE_TYPES.contains(assigneeType)) {
                errors.put("assigneeType", "The assignee type " + assigneeType + " is not valid: use one of "
                        + ASSIGNEE_TYPES + ".");
            }
        }
        return new Component(base.id(), name, description, lead, assigneeType);
    }

    private static void requireAdministers(User actor, Project project) {
        if (!Schemes.holds(actor, Schemes.permission("ADMINISTER_PROJECTS").orElseThrow(), project, List.of(project))) {
            throw ApiException.of(403, "You do not have permission to manage the components of project "
                    + project.key() + ".");
        }
    }
}
