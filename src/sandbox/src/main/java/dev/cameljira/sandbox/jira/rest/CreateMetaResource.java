package dev.cameljira.sandbox.jira.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.ApiException;
import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.ApiResponse;
import dev.cameljira.sandbox.http.Json;
import dev.cameljira.sandbox.http.Router;
import dev.cameljira.sandbox.jira.JiraContext;
import dev.cameljira.sandbox.jira.model.CustomField;
import dev.cameljira.sandbox.jira.model.FieldOption;
import dev.cameljira.sandbox.jira.model.IssueType;
import dev.cameljira.sandbox.jira.model.Project;
import dev.cameljira.sandbox.jira.render.View;
import dev.cameljira.sandbox.jira.store.JiraStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Create-meta: {@code /issue/createmeta/{project}/issuetypes[/{typeId}]}. Cloud pages carry {@code issueTypes} /
 * {@code fields}; Data Center pages carry {@code values} and {@code isLast}.
 */
public final class CreateMetaResource {

    private final JiraContext ctx;
    private final JiraStore store;

    public CreateMetaResource(JiraContext ctx) {
        this.ctx = ctx;
        this.store = ctx.store();
    }

    public void register(Router router) {
        if (store.cloud()) {
            router.add("GET", Paths.API + "/issue/createmeta", this::legacy);
        }
        router.add("GET", Paths.API + "/issue/createmeta/{project}/issuetypes", this::issueTypes);
        router.add("GET", Paths.API + "/issue/createmeta/{project}/issuetypes/{typeId}", this::fields);
    }

    private ApiResponse issueTypes(ApiRequest req) {
        int startAt = Paging.startAt(req);
        int max = Paging.maxResults(req, 50, 200);
        return store.read(() -> {
            store.requireProject(req.param("project"));
            List<JsonNode> items = new ArrayList<>();
            for (IssueType t : store.catalog().issueTypes()) {
                items.add(ctx.renderer().issueType(t, req.view()));
            }
            return ApiResponse.ok(page(items, startAt, max, store.cloud() ? "issueTypes" : "values"));
        });
    }

    private ApiResponse fields(ApiRequest req) {
        int startAt = Paging.startAt(req);
        int max = Paging.maxResults(req, 50, 200);
        return store.read(() -> {
            Project project = store.requireProject(req.param("project"));
            IssueType type = store.catalog().issueTypes().stream().filter(t -> t.id().equals(req.param("typeId"))).findFirst()
                    .orElseThrow(() -> ApiException.of(404, "The issue type with id '" + req.param("typeId") + "' does not exist."));
            return ApiResponse.ok(page(fieldsOf(project, type, req.view()), startAt, max, store.cloud() ? "fields" : "values"));
        });
    }

    /**
     * Cloud's deprecated {@code GET /issue/createmeta?projectIds=&projectKeys=&issuetypeIds=&issuetypeNames=&expand=}:
     * {@code {expand, projects:[{expand, self, id, key, name, avatarUrls, issuetypes:[...]}]}}, each issue type with a
     * {@code fields} map (field id to metadata) only with {@code expand=projects.issuetypes.fields}. Filters are
     * comma-separated or repeated; no filter lists every project and issue type.
     */
    private ApiResponse legacy(ApiRequest req) {
        List<String> projectIds = split(req.queryAll("projectIds"));
        List<String> projectKeys = split(req.queryAll("projectKeys"));
        List<String> typeIds = split(req.queryAll("issuetypeIds"));
        List<String> typeNames = split(req.queryAll("issuetypeNames"));
        boolean withFields = Paging.expand(req.queryAll("expand")).contains("projects.issuetypes.fields");
        View view = req.view();
        return store.read(() -> {
            ObjectNode n = Json.object();
            n.put("expand", "projects");
            ArrayNode projects = n.putArray("projects");
            for (Project p : store.projects()) {
                boolean byId = projectIds.contains(String.valueOf(p.id()));
                boolean byKey = projectKeys.stream().anyMatch(k -> k.equalsIgnoreCase(p.key()));
                if (!(projectIds.isEmpty() && projectKeys.isEmpty()) && !byId && !byKey) {
                    continue;
                }
                ObjectNode pn = projects.addObject();
                pn.put("expand", "issuetypes");
                pn.put("self", view.api() + "/project/" + p.id());
                pn.put("id", String.valueOf(p.id()));
                pn.put("key", p.key());
                pn.put("name", p.name());
                pn.set("avatarUrls", ctx.renderer().projectRef(p, view).get("avatarUrls").deepCopy());
                ArrayNode types = pn.putArray("issuetypes");
                for (IssueType t : store.catalog().issueTypes()) {
                    boolean typeSelected = (typeIds.isEmpty() && typeNames.isEmpty()) || typeIds.contains(t.id())
                            || typeNames.stream().anyMatch(name -> name.equalsIgnoreCase(t.name()));
                    if (!typeSelected) {
                        continue;
                    }
                    ObjectNode tn = (ObjectNode) ctx.renderer().issueType(t, view).deepCopy();
                    tn.put("expand", "fields");
                    types.add(tn);
                    if (withFields) {
                        ObjectNode fields = tn.putObject("fields");
                        for (JsonNode f : fieldsOf(p, t, view)) {
                            ObjectNode meta = ((ObjectNode) f).deepCopy();
                            meta.remove("fieldId"); // the legacy map is keyed by field id; FieldMetadata has no fieldId
                            fields.set(f.get("fieldId").asText(), meta);
                        }
                    }
                }
            }
            return ApiResponse.ok(n);
        });
    }

    private static List<String> split(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    private ObjectNode page(List<JsonNode> items, int startAt, int max, String arrayName) {
        ObjectNode n = Json.object();
        n.put("maxResults", max);
        n.put("startAt", startAt);
        n.put("total", items.size());
        if (!store.cloud()) {
            n.put("isLast", startAt + max >= items.size());
        }
        ArrayNode arr = n.putArray(arrayName);
        for (int i = startAt; i < items.size() && i < startAt + max; i++) {
            arr.add(items.get(i));
        }
        return n;
    }

    private List<JsonNode> fieldsOf(Project project, IssueType type, View view) {
        List<JsonNode> fields = new ArrayList<>();
        ArrayNode types = Json.array();
        types.add(ctx.renderer().issueType(type, view));
        fields.add(field("issuetype", "Issue Type", true, system("issuetype"), types, List.of()));
        ArrayNode projects = Json.array();
        projects.add(ctx.renderer().projectRef(project, view));
        fields.add(field("project", "Project", true, system("project"), projects, List.of("set")));
        fields.add(field("summary", "Summary", true, system("string", "summary"), null, List.of("set")));
        if (type.subtask()) {
            fields.add(field("parent", "Parent", true, system("issuelink", "parent"), null, List.of("set")));
        }
        fields.add(field("description", "Description", false, system("string", "description"), null, List.of("set")));
        ArrayNode priorities = Json.array();
        store.catalog().priorities().forEach(p -> priorities.add(ctx.renderer().priority(p, view)));
        ObjectNode priority = field("priority", "Priority", false, system("priority", "priority"), priorities, List.of("set"));
        priority.put("hasDefaultValue", true);
        priority.set("defaultValue", ctx.renderer().priority(store.catalog().defaultPriority(), view));
        fields.add(priority);
        fields.add(field("assignee", "Assignee", false, system("user", "assignee"), null, List.of("set")));
        ObjectNode reporter = field("reporter", "Reporter", true, system("user", "reporter"), null, List.of("set"));
        reporter.put("hasDefaultValue", true);
        fields.add(reporter);
        ObjectNode labelsSchema = system("array", "labels");
        labelsSchema.put("items", "string");
        fields.add(field("labels", "Labels", false, labelsSchema, null, List.of("add", "set", "remove")));
        ArrayNode comps = Json.array();
        project.components().forEach(c -> comps.add(ctx.renderer().component(c, view)));
        ObjectNode compSchema = system("array", "components");
        compSchema.put("items", "component");
        fields.add(field("components", "Components", false, compSchema, comps, List.of("add", "set", "remove")));
        fields.add(field("duedate", "Due date", false, system("date", "duedate"), null, List.of("set")));
        for (String[] versionField : new String[][] {{"fixVersions", "Fix versions"}, {"versions", "Affects versions"}}) {
            ArrayNode versions = Json.array();
            project.versions().forEach(v -> versions.add(dev.cameljira.sandbox.jira.render.VersionViews.issueField(v, view)));
            ObjectNode schema = system("array", versionField[0]);
            schema.put("items", "version");
            fields.add(field(versionField[0], versionField[1], false, schema, versions, List.of("set", "add", "remove")));
        }
        for (CustomField cf : store.catalog().customFields()) {
            ArrayNode allowed = null;
            if (!cf.options().isEmpty()) {
                allowed = Json.array();
                for (FieldOption o : cf.options()) {
                    allowed.addObject().put("self", view.baseUrl() + "/rest/api/2/customFieldOption/" + o.id())
                            .put("value", o.value()).put("id", o.id());
                }
            }
            fields.add(field(cf.id(), cf.name(), false, ctx.renderer().customFieldSchema(cf), allowed, List.of("set")));
        }
        return fields;
    }

    private static ObjectNode system(String type) {
        return system(type, type);
    }

    private static ObjectNode system(String type, String system) {
        ObjectNode s = Json.object();
        s.put("type", type);
        s.put("system", system);
        return s;
    }

    private static ObjectNode field(String id, String name, boolean required, ObjectNode schema, ArrayNode allowed,
            List<String> operations) {
        ObjectNode n = Json.object();
        n.put("required", required);
        n.set("schema", schema);
        n.put("name", name);
        n.put("fieldId", id);
        n.put("key", id);
        n.put("hasDefaultValue", false);
        ArrayNode ops = n.putArray("operations");
        operations.forEach(ops::add);
        if (allowed != null) {
            n.set("allowedValues", allowed);
        }
        return n;
    }
}
