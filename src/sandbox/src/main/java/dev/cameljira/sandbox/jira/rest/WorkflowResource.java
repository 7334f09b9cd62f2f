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
import dev.cameljira.sandbox.jira.model.Status;
import dev.cameljira.sandbox.jira.model.Transition;
import dev.cameljira.sandbox.jira.render.View;
import dev.cameljira.sandbox.jira.store.Catalog;
import dev.cameljira.sandbox.jira.store.JiraStore;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The workflow and the screens, read-only and for Jira administrators, as the sandbox has them: one workflow, shared by
 * every project, made of the catalog's statuses and transitions (the ones {@code issue/{key}/transitions} offers) plus
 * Jira's initial "Create" transition into the status new issues start in; and Jira's three default screens, the
 * Resolve Issue Screen being the one of the transitions into a done status (those with {@code hasScreen}).
 * <ul>
 *   <li>Data Center {@code GET workflow[?workflowName=]}: {@code [{name, description, steps, default}]}, or the one
 *       workflow named as an object (unknown name: a 404). Others: a 401, as the DC document has it.</li>
 *   <li>Cloud {@code GET workflow} (deprecated by Atlassian; python-jira's {@code workflows()}): always a list,
 *       {@code [{name, description, steps, default}]}, with {@code workflowName} the one named or none. Others: 403.</li>
 *   <li>Cloud {@code GET workflow/search} (deprecated by Atlassian): a page of {@code {id: {name, entityId},
 *       description}} with what {@code expand} asks for ({@code transitions[.rules|.properties]},
 *       {@code statuses[.properties]}, {@code default}, {@code schemes}, {@code projects}, {@code hasDraftWorkflow},
 *       {@code operations}); {@code workflowName}, {@code queryString}, {@code isActive}, {@code orderBy}.</li>
 *   <li>Cloud {@code GET screens}: a page of {@code {id, name, description}}; {@code id}, {@code queryString},
 *       {@code scope} (all three are global), {@code orderBy}.</li>
 * </ul>
 */
public final class WorkflowResource {

    static final String WORKFLOW_NAME = "Sandbox Workflow";
    private static final String WORKFLOW_ENTITY_ID = "5a1d7f3e-0c1b-4e52-9a57-5b1d0c2e7f10";
    private static final String WORKFLOW_DESCRIPTION = "The workflow of every sandbox project: To Do, In Progress, Done.";

    /** A screen of the instance (all global). */
    private record Screen(long id, String name, String description) {
    }

    private static final Screen RESOLVE_SCREEN = new Screen(3, "Resolve Issue Screen",
            "Allows to set resolution, change fix versions and assign an issue.");
    private static final List<Screen> SCREENS = List.of(
            new Screen(1, "Default Screen", "Allows to update all system fields."),
            new Screen(2, "Workflow Screen", "This screen is used in the workflow and enables you to assign issues"),
            RESOLVE_SCREEN);

    private static final List<String> WORKFLOW_EXPANDS = List.of("transitions", "transitions.rules",
            "transitions.properties", "statuses", "statuses.properties", "default", "schemes", "projects",
            "hasDraftWorkflow", "operations");
    private static final List<String> WORKFLOW_ORDER = List.of("name", "created", "updated");
    private static final List<String> SCREEN_SCOPES = List.of("GLOBAL", "TEMPLATE", "PROJECT");

    private final JiraContext ctx;
    private final JiraStore store;

    public WorkflowResource(JiraContext ctx) {
        this.ctx = ctx;
        this.store = ctx.store();
    }

    public void register(Router router) {
        if (store.cloud()) {
            router.add("GET", Paths.API + "/workflow/search", this::search);
            router.add("GET", Paths.API + "/screens", this::screens);
        }
        router.add("GET", Paths.API + "/workflow", this::list);
    }

    private void requireAdmin(ApiRequest req) {
        if (store.cloud()) {
            req.requireAdmin("Only Jira administrators can access workflows and screens.");
        } else if (!req.requireUser().admin()) {
            throw ApiException.of(401, "You are not authorised to view workflows: Jira administrators only.");
        }
    }

    // ---- Data Center (and Cloud's deprecated list) ---------------------------------------------------------------

    private ApiResponse list(ApiRequest req) {
        requireAdmin(req);
        String name = req.queryValue("workflowName").orElse(null);
        return store.read(() -> {
            ObjectNode n = Json.object();
            n.put("name", WORKFLOW_NAME);
            n.put("description", WORKFLOW_DESCRIPTION);
            n.put("steps", store.catalog().statuses().size());
            n.put("default", true);
            if (store.cloud()) {
                // Cloud's deprecated getAllWorkflows always answers a list: the one named, or none
                ArrayNode found = Json.array();
                if (name == null || name.equals(WORKFLOW_NAME)) {
                    found.add(n);
                }
                return ApiResponse.ok(found);
            }
            if (name == null) {
                ArrayNode all = Json.array();
                all.add(n);
                return ApiResponse.ok(all);
            }
            if (!name.equals(WORKFLOW_NAME)) {
                throw ApiException.of(404, "The workflow with name '" + name + "' does not exist.");
            }
            return ApiResponse.ok(n);
        });
    }

    // ---- Cloud ---------------------------------------------------------------------------------------------

    private ApiResponse search(ApiRequest req) {
        requireAdmin(req);
        int startAt = Paging.startAt(req);
        int max = Paging.maxResults(req, 50, 50);
        List<String> names = req.queryAll("workflowName");
        String query = req.queryValue("queryString").map(String::trim).orElse("");
        String active = req.queryValue("isActive").map(v -> v.trim().toLowerCase(Locale.ROOT)).orElse(null);
        if (active != null && !active.equals("true") && !active.equals("false")) {
            throw ApiException.of(400, "The value '" + req.query("isActive") + "' of parameter 'isActive' is invalid: "
                    + "use true or false.");
        }
        String orderBy = req.queryValue("orderBy").map(String::trim).orElse("name");
        if (!WORKFLOW_ORDER.contains(orderBy.replaceFirst("^[+-]", ""))) {
            throw ApiException.of(400, "The value '" + orderBy + "' of parameter 'orderBy' is invalid: use name, created "
                    + "or updated, optionally prefixed with + or -.");
        }
        Set<String> expand = expand(req, WORKFLOW_EXPANDS);
        boolean transitions = expand.stream().anyMatch(e -> e.startsWith("transitions"));
        boolean statuses = expand.stream().anyMatch(e -> e.startsWith("statuses"));
        return store.read(() -> {
            boolean used = !store.projects().isEmpty();
            boolean found = (names.isEmpty() || names.contains(WORKFLOW_NAME))
                    && Paging.containsIgnoringCase(WORKFLOW_NAME, query)
                    && (active == null || Boolean.parseBoolean(active) == used);
            List<String> workflows = found ? List.of(WORKFLOW_NAME) : List.of();
            String before = req.view().api() + "/workflow/search?";
            String after = "&maxResults=" + max + Paging.linkParameters(req, "queryString", "isActive", "orderBy", "expand");
            return ApiResponse.ok(Paging.page(before, after, true, workflows, startAt, max, name -> {
                ObjectNode n = Json.object();
                n.putObject("id").put("name", name).put("entityId", WORKFLOW_ENTITY_ID);
                n.put("description", WORKFLOW_DESCRIPTION);
                if (transitions) {
                    ArrayNode arr = n.putArray("transitions");
                    arr.add(transition("1", "Create", List.of(), store.initialStatus(), "initial", expand, req.view()));
                    for (Transition t : store.catalog().transitions()) {
                        List<String> from = store.catalog().statuses().stream().map(Status::id)
                                .filter(t.from()::contains).toList();
                        arr.add(transition(t.id(), t.name(), from, t.to(), "directed", expand, req.view()));
                    }
                }
                if (statuses) {
                    ArrayNode arr = n.putArray("statuses");
                    for (Status s : store.catalog().statuses()) {
                        ObjectNode o = arr.addObject().put("id", s.id()).put("name", s.name());
                        if (expand.contains("statuses.properties")) {
                            o.putObject("properties");
                        }
                    }
                }
                if (expand.contains("default")) {
                    n.put("isDefault", true);
                }
                if (expand.contains("schemes")) {
                    n.putArray("schemes"); // the sandbox models no workflow schemes
                }
                if (expand.contains("projects")) {
                    ArrayNode arr = n.putArray("projects");
                    store.projects().stream().sorted(Comparator.comparingLong(Project::id))
                            .forEach(p -> arr.add(ctx.renderer().projectRef(p, req.view())));
                }
                if (expand.contains("hasdraftworkflow")) {
                    n.put("hasDraftWorkflow", false);
                }
                if (expand.contains("operations")) {
                    n.putObject("operations").put("canEdit", false).put("canDelete", false);
                }
                return n;
            }));
        });
    }

    /** A transition of {@code workflow/search}: into a done status it has the Resolve Issue Screen. */
    private static ObjectNode transition(String id, String name, List<String> from, Status to, String type,
            Set<String> expand, View view) {
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("name", name);
        n.put("description", "");
        ArrayNode f = n.putArray("from");
        from.forEach(f::add);
        n.put("to", to.id());
        n.put("type", type);
        if (type.equals("directed") && to.category() == Catalog.CATEGORY_DONE) {
            n.putObject("screen").put("id", String.valueOf(RESOLVE_SCREEN.id())).put("name", RESOLVE_SCREEN.name());
        }
        if (expand.contains("transitions.rules")) {
            ObjectNode rules = n.putObject("rules");
            rules.putArray("validators");
            ArrayNode post = rules.putArray("postFunctions");
            for (String function : List.of("UpdateIssueStatusFunction", "GenerateChangeHistoryFunction",
                    "FireIssueEventFunction")) {
                post.addObject().put("type", function);
            }
        }
        if (expand.contains("transitions.properties")) {
            n.putObject("properties");
        }
        return n;
    }

    private ApiResponse screens(ApiRequest req) {
        requireAdmin(req);
        int startAt = Paging.startAt(req);
        int max = Paging.maxResults(req, 100, 100);
        List<Long> ids = req.queryAll("id").stream().flatMap(v -> List.of(v.split(",")).stream()).map(String::trim)
                .filter(v -> !v.isEmpty()).map(v -> {
                    if (!v.matches("\\d{1,18}")) {
                        throw ApiException.of(400, "The value '" + v + "' of parameter 'id' is not a screen id.");
                    }
                    return Long.parseLong(v);
                }).toList();
        String query = req.queryValue("queryString").map(String::trim).orElse("");
        List<String> scopes = req.queryAll("scope").stream().map(s -> s.trim().toUpperCase(Locale.ROOT)).toList();
        for (String scope : scopes) {
            if (!SCREEN_SCOPES.contains(scope)) {
                throw ApiException.of(400, "The value '" + scope + "' of parameter 'scope' is invalid: use GLOBAL, "
                        + "TEMPLATE or PROJECT.");
            }
        }
        String orderBy = req.queryValue("orderBy").map(String::trim).orElse("id");
        String field = orderBy.replaceFirst("^[+-]", "");
        if (!field.equals("id") && !field.equals("name")) {
            throw ApiException.of(400, "The value '" + orderBy + "' of parameter 'orderBy' is invalid: use id or name, "
                    + "optionally prefixed with + or -.");
        }
        return store.read(() -> {
            Comparator<Screen> order = field.equals("id") ? Comparator.comparingLong(Screen::id)
                    : Comparator.comparing((Screen s) -> s.name().toLowerCase(Locale.ROOT));
            List<Screen> found = SCREENS.stream()
                    .filter(s -> ids.isEmpty() || ids.contains(s.id()))
                    .filter(s -> Paging.containsIgnoringCase(s.name(), query))
                    .filter(s -> scopes.isEmpty() || scopes.contains("GLOBAL"))
                    .sorted(orderBy.startsWith("-") ? order.reversed() : order)
                    .toList();
            String before = req.view().api() + "/screens?";
            String after = "&maxResults=" + max + Paging.linkParameters(req, "queryString", "orderBy");
            return ApiResponse.ok(Paging.page(before, after, true, found, startAt, max, s -> {
                ObjectNode n = Json.object();
                n.put("id", s.id());
                n.put("name", s.name());
                n.put("description", s.description());
                return n;
            }));
        });
    }

    private static Set<String> expand(ApiRequest req, List<String> allowed) {
        Set<String> expand = Paging.expand(req.queryAll("expand"));
        for (String e : expand) {
            if (allowed.stream().noneMatch(a -> a.equalsIgnoreCase(e))) {
                throw ApiException.of(400, "The value '" + e + "' of parameter 'expand' is invalid: use "
                        + String.join(", ", allowed) + ".");
            }
        }
        return expand;
    }
}
