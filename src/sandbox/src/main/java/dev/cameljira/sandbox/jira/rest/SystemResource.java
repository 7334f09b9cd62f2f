package dev.cameljira.sandbox.jira.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.ApiException;
import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.ApiResponse;
import dev.cameljira.sandbox.http.Json;
import dev.cameljira.sandbox.http.Router;
import dev.cameljira.sandbox.jira.JiraContext;
import dev.cameljira.sandbox.jira.model.CustomField;
import dev.cameljira.sandbox.jira.model.IssueType;
import dev.cameljira.sandbox.jira.model.LinkType;
import dev.cameljira.sandbox.jira.model.Priority;
import dev.cameljira.sandbox.jira.model.Resolution;
import dev.cameljira.sandbox.jira.model.Status;
import dev.cameljira.sandbox.jira.model.StatusCategory;
import dev.cameljira.sandbox.jira.render.IssueRenderer.SystemField;
import dev.cameljira.sandbox.jira.render.View;
import dev.cameljira.sandbox.jira.store.JiraStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** serverInfo, myself and workflow metadata ({@code /priority, /issuetype, /status, /resolution, /field, /issueLinkType}). */
public final class SystemResource {

    /** Jira's project types (key, description i18n key, icon, colour); all are accessible to every user. */
    private static final List<String[]> PROJECT_TYPES = List.of(
            new String[] {"business", "jira.project.type.business.description", "#FFAB00"},
            new String[] {"software", "jira.project.type.software.description", "#0052CC"},
            new String[] {"service_desk", "jira.project.type.servicedesk.description", "#00875A"},
            new String[] {"product_discovery", "jira.project.type.productdiscovery.description", "#8777D9"});

    private final JiraContext ctx;
    private final JiraStore store;

    public SystemResource(JiraContext ctx) {
        this.ctx = ctx;
        this.store = ctx.store();
    }

    public void register(Router router) {
        router.add("GET", Paths.API + "/serverInfo", true, this::serverInfo);
        router.add("GET", Paths.API + "/myself", this::myself);
        router.add("GET", Paths.API + "/priority", this::priorities);
        router.add("GET", Paths.API + "/priority/{id}", this::priority);
        if (store.cloud()) {
            router.add("GET", Paths.API + "/priority/search", this::prioritySearch);
        }
        router.add("GET", Paths.API + "/issuetype", this::issueTypes);
        router.add("GET", Paths.API + "/issuetype/{id}", this::issueType);
        if (store.cloud()) {
            router.add("GET", Paths.API + "/issuetype/project", this::projectIssueTypes);
        }
        router.add("GET", Paths.API + "/configuration", this::configuration);
        router.add("GET", Paths.API + "/status", this::statuses);
        router.add("GET", Paths.API + "/status/{idOrName}", this::status);
        router.add("GET", Paths.API + "/statuscategory", this::statusCategories);
        router.add("GET", Paths.API + "/statuscategory/{idOrKey}", this::statusCategory);
        router.add("GET", Paths.API + "/project/type", this::projectTypes);
        router.add("GET", Paths.API + "/project/type/{key}", this::projectType);
        if (store.cloud()) {
            router.add("GET", Paths.API + "/project/type/accessible", this::projectTypes);
            router.add("GET", Paths.API + "/project/type/{key}/accessible", this::projectType);
        }
        router.add("GET", Paths.API + "/resolution", this::resolutions);
        router.add("GET", Paths.API + "/resolution/{id}", this::resolution);
        router.add("GET", Paths.API + "/field", this::fields);
        if (store.cloud()) {
            router.add("GET", Paths.API + "/field/search", this::fieldSearch);
        }
        router.add("GET", Paths.API + "/issueLinkType", this::linkTypes);
        router.add("GET", Paths.API + "/issueLinkType/{id}", this::linkType);
    }

    private ApiResponse serverInfo(ApiRequest req) {
        ObjectNode n = Json.object();
        n.put("baseUrl", store.baseUrl());
        if (store.cloud()) {
            n.put("version", "1001.0.0-SNAPSHOT");
            n.putArray("versionNumbers").add(1001).add(0).add(0);
            n.put("deploymentType", "Cloud");
            n.put("buildNumber", 100287);
            n.put("buildDate", "2026-11-20T00:00:00.000+0000");
        } else {
            n.put("version", "10.3.0");
            n.putArray("versionNumbers").add(10).add(3).add(0);
            n.put("deploymentType", "Server");
            n.put("buildNumber", 10030000);
            n.put("buildDate", "2024-12-04T00:00:00.000+0000");
        }
        n.put("serverTime", ctx.renderer().time(Instant.now(store.clock())));
        n.put("scmInfo", "0000000000000000000000000000000000000000");
        n.put("serverTitle", "Jira Sandbox");
        n.putObject("defaultLocale").put("locale", "en_US");
        n.put("serverTimeZone", store.zone().getId());
        return ApiResponse.ok(n);
    }

    private ApiResponse myself(ApiRequest req) {
        return ApiResponse.ok(ctx.renderer().myself(req.requireUser(), req.view()));
    }

    private ApiResponse priorities(ApiRequest req) {
        ArrayNode arr = Json.array();
        for (Priority p : store.catalog().priorities()) {
            arr.add(ctx.renderer().priorityDetails(p, req.view()));
        }
        return ApiResponse.ok(arr);
    }

    private ApiResponse prioritySearch(ApiRequest req) {
        int startAt = Paging.startAt(req);
        int max = Paging.maxResults(req, 50, 50);
        java.util.List<String> ids = req.queryAll("id");
        String name = req.query("priorityName");
        boolean onlyDefault = req.boolQuery("onlyDefault", false);
        java.util.List<Priority> matches = store.catalog().priorities().stream()
                .filter(p -> ids.isEmpty() || ids.contains(p.id()))
                .filter(p -> name == null || name.isBlank() || p.name().toLowerCase(java.util.Locale.ROOT)
                        .contains(name.toLowerCase(java.util.Locale.ROOT)))
                .filter(p -> !onlyDefault || p.equals(store.catalog().defaultPriority()))
                .toList();
        ObjectNode n = Paging.page(req, "priority/search", matches, startAt, max, priority -> {
            ObjectNode p = (ObjectNode) ctx.renderer().priorityDetails(priority, req.view());
            p.put("isDefault", priority.equals(store.catalog().defaultPriority()));
            return p;
        });
        return ApiResponse.ok(n);
    }

    private ApiResponse priority(ApiRequest req) {
        Priority p = store.catalog().priorities().stream().filter(x -> x.id().equals(req.param("id"))).findFirst()
                .orElseThrow(() -> dev.cameljira.sandbox.http.ApiException.of(404,
                        "The priority with id '" + req.param("id") + "' does not exist."));
        return ApiResponse.ok(ctx.renderer().priorityDetails(p, req.view()));
    }

    private ApiResponse issueTypes(ApiRequest req) {
        ArrayNode arr = Json.array();
        for (IssueType t : store.catalog().issueTypes()) {
            arr.add(ctx.renderer().issueType(t, req.view()));
        }
        return ApiResponse.ok(arr);
    }

    private ApiResponse issueType(ApiRequest req) {
        IssueType t = store.catalog().issueTypes().stream().filter(x -> x.id().equals(req.param("id"))).findFirst()
                .orElseThrow(() -> dev.cameljira.sandbox.http.ApiException.of(404,
                        "The issue type with id '" + req.param("id") + "' does not exist."));
        return ApiResponse.ok(ctx.renderer().issueType(t, req.view()));
    }

    /**
     * {@code GET /issuetype/project?projectId=} (Cloud): the issue types of a project (every project has them all);
     * a missing or non-numeric {@code projectId} is a 400, an unknown one a 404. {@code level} keeps one hierarchy level.
     */
    private ApiResponse projectIssueTypes(ApiRequest req) {
        String projectId = req.queryValue("projectId").orElseThrow(() -> ApiException.of(400,
                "The 'projectId' query parameter is required."));
        if (!projectId.trim().matches("\\d{1,18}")) {
            throw ApiException.of(400, "The value '" + projectId + "' of parameter 'projectId' is not a valid project id.");
        }
        String level = req.query("level");
        return store.read(() -> {
            store.requireProject(projectId.trim());
            ArrayNode arr = Json.array();
            for (IssueType t : store.catalog().issueTypes()) {
                if (level == null || level.isBlank() || level.trim().equals(String.valueOf(t.hierarchyLevel()))) {
                    arr.add(ctx.renderer().issueType(t, req.view()));
                }
            }
            return ApiResponse.ok(arr);
        });
    }

    /**
     * {@code GET /configuration}: the features the sandbox has on (all of them: attachments, links, sub-tasks, time
     * tracking, unassigned issues, votes, watchers) and time tracking's 8-hour day and 5-day week, as worklogs count.
     */
    private ApiResponse configuration(ApiRequest req) {
        ObjectNode n = Json.object();
        n.put("votingEnabled", true);
        n.put("watchingEnabled", true);
        n.put("unassignedIssuesAllowed", true);
        n.put("subTasksEnabled", true);
        n.put("issueLinkingEnabled", true);
        n.put("timeTrackingEnabled", true);
        n.put("attachmentsEnabled", true);
        ObjectNode tracking = n.putObject("timeTrackingConfiguration");
        tracking.put("workingHoursPerDay", 8.0);
        tracking.put("workingDaysPerWeek", 5.0);
        tracking.put("timeFormat", "pretty");
        tracking.put("defaultUnit", "minute");
        return ApiResponse.ok(n);
    }

    private ApiResponse statuses(ApiRequest req) {
        ArrayNode arr = Json.array();
        for (Status s : store.catalog().statuses()) {
            arr.add(ctx.renderer().status(s, req.view()));
        }
        return ApiResponse.ok(arr);
    }

    private ApiResponse status(ApiRequest req) {
        Status s = store.catalog().status(req.param("idOrName")).orElseThrow(() -> dev.cameljira.sandbox.http.ApiException
                .of(404, "The status with id '" + req.param("idOrName") + "' does not exist."));
        return ApiResponse.ok(ctx.renderer().status(s, req.view()));
    }

    private ApiResponse statusCategories(ApiRequest req) {
        ArrayNode arr = Json.array();
        for (StatusCategory c : store.catalog().statusCategories()) {
            arr.add(ctx.renderer().statusCategory(c, req.view()));
        }
        return ApiResponse.ok(arr);
    }

    private ApiResponse statusCategory(ApiRequest req) {
        String idOrKey = req.param("idOrKey");
        StatusCategory c = store.catalog().statusCategories().stream()
                .filter(x -> String.valueOf(x.id()).equals(idOrKey) || x.key().equalsIgnoreCase(idOrKey)).findFirst()
                .orElseThrow(() -> ApiException.of(404, "The status category with id or key '" + idOrKey + "' does not exist."));
        return ApiResponse.ok(ctx.renderer().statusCategory(c, req.view()));
    }

    private ApiResponse projectTypes(ApiRequest req) {
        ArrayNode arr = Json.array();
        projectTypeList().forEach(t -> arr.add(projectType(t)));
        return ApiResponse.ok(arr);
    }

    private ApiResponse projectType(ApiRequest req) {
        return ApiResponse.ok(projectType(projectTypeList().stream().filter(t -> t[0].equals(req.param("key"))).findFirst()
                .orElseThrow(() -> ApiException.of(404, "The project type with key '" + req.param("key") + "' does not exist."))));
    }

    /** Product Discovery is a Cloud product. */
    private List<String[]> projectTypeList() {
        return PROJECT_TYPES.stream().filter(t -> store.cloud() || !t[0].equals("product_discovery")).toList();
    }

    private static ObjectNode projectType(String[] t) {
        ObjectNode n = Json.object();
        n.put("key", t[0]);
        n.put("formattedKey", Character.toUpperCase(t[0].charAt(0)) + t[0].substring(1).replace('_', ' '));
        n.put("descriptionI18nKey", t[1]);
        n.put("icon", "");
        n.put("color", t[2]);
        return n;
    }

    private ApiResponse resolutions(ApiRequest req) {
        ArrayNode arr = Json.array();
        for (Resolution r : store.catalog().resolutions()) {
            arr.add(ctx.renderer().resolution(r, req.view()));
        }
        return ApiResponse.ok(arr);
    }

    private ApiResponse resolution(ApiRequest req) {
        Resolution r = store.catalog().resolutions().stream().filter(x -> x.id().equals(req.param("id"))).findFirst()
                .orElseThrow(() -> ApiException.of(404,
                        "The resolution with id '" + req.param("id") + "' does not exist."));
        return ApiResponse.ok(ctx.renderer().resolution(r, req.view()));
    }

    private ApiResponse fields(ApiRequest req) {
        ArrayNode arr = Json.array();
        fieldDefinitions(req.view()).forEach(arr::add);
        return ApiResponse.ok(arr);
    }

    /** Every field as {@code GET /field} lists it: system fields (Cloud-only ones on Cloud), then custom fields. */
    private List<ObjectNode> fieldDefinitions(View view) {
        List<ObjectNode> result = new ArrayList<>();
        for (SystemField f : ctx.issues().systemFields().values()) {
            if (f.cloudOnly() && !view.cloud()) {
                continue;
            }
            ObjectNode n = Json.object();
            n.put("id", f.id());
            n.put("key", f.id());
            n.put("name", f.name());
            n.put("custom", false);
            n.put("orderable", f.orderable());
            n.put("navigable", f.navigable());
            n.put("searchable", true);
            n.putArray("clauseNames").add(f.id());
            ObjectNode schema = n.putObject("schema");
            schema.put("type", f.schemaType());
            if (f.schemaItems() != null) {
                schema.put("items", f.schemaItems());
            }
            schema.put("system", f.id());
            result.add(n);
        }
        for (CustomField cf : store.catalog().customFields()) {
            result.add((ObjectNode) ctx.renderer().customFieldDefinition(cf));
        }
        return result;
    }

    /**
     * {@code GET /field/search} (Cloud): a page ({@code startAt}, {@code maxResults} default 50) of the fields of
     * {@code type} ({@code custom}, {@code system}; comma-separated or repeated), {@code id} and whose name or
     * description contains {@code query} (case-insensitive), in {@code GET /field}'s order or {@code orderBy=[+-]name};
     * each as Cloud's {@code Field}: id, key, name, schema, isLocked.
     */
    private ApiResponse fieldSearch(ApiRequest req) {
        int startAt = Paging.startAt(req);
        int max = Paging.maxResults(req, 50, 50);
        Set<String> types = new HashSet<>();
        for (String value : req.queryAll("type")) {
            for (String t : value.split(",")) {
                String type = t.trim().toLowerCase(Locale.ROOT);
                if (!type.equals("custom") && !type.equals("system")) {
                    throw ApiException.of(400, "The value '" + t.trim() + "' of parameter 'type' is not valid: use "
                            + "custom or system.");
                }
                types.add(type);
            }
        }
        Set<String> ids = new HashSet<>();
        req.queryAll("id").forEach(v -> ids.addAll(List.of(v.split(","))));
        String query = req.queryValue("query").map(q -> q.trim().toLowerCase(Locale.ROOT)).orElse("");
        String orderBy = req.queryValue("orderBy").orElse("");
        Comparator<ObjectNode> order = switch (orderBy) {
            case "name", "+name" -> Comparator.comparing(f -> f.get("name").asText().toLowerCase(Locale.ROOT));
            case "-name" -> Comparator.<ObjectNode, String>comparing(f -> f.get("name").asText().toLowerCase(Locale.ROOT))
                    .reversed();
            default -> (a, b) -> 0; // usage counts are not kept: those orders leave GET /field's
        };
        List<ObjectNode> matches = fieldDefinitions(req.view()).stream()
                .filter(f -> types.isEmpty() || types.contains(f.get("custom").asBoolean() ? "custom" : "system"))
                .filter(f -> ids.isEmpty() || ids.contains(f.get("id").asText()))
                .filter(f -> query.isEmpty() || f.get("name").asText().toLowerCase(Locale.ROOT).contains(query))
                .sorted(order)
                .toList();
        return ApiResponse.ok(Paging.page(req, "field/search", matches, startAt, max, f -> {
            ObjectNode n = Json.object();
            n.set("id", f.get("id"));
            n.set("key", f.get("key"));
            n.set("name", f.get("name"));
            n.set("schema", f.get("schema"));
            n.put("isLocked", false);
            return n;
        }));
    }

    private ApiResponse linkTypes(ApiRequest req) {
        ObjectNode n = Json.object();
        ArrayNode arr = n.putArray("issueLinkTypes");
        for (LinkType t : store.catalog().linkTypes()) {
            arr.add(ctx.renderer().linkType(t, req.view()));
        }
        return ApiResponse.ok(n);
    }

    private ApiResponse linkType(ApiRequest req) {
        LinkType t = store.catalog().linkTypes().stream().filter(x -> x.id().equals(req.param("id"))).findFirst()
                .orElseThrow(() -> dev.cameljira.sandbox.http.ApiException.of(404,
                        "No issue link type with id '" + req.param("id") + "' found."));
        return ApiResponse.ok(ctx.renderer().linkType(t, req.view()));
    }
}
