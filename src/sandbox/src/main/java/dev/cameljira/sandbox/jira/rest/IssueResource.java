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
import dev.cameljira.sandbox.jira.model.Issue;
import dev.cameljira.sandbox.jira.model.Transition;
import dev.cameljira.sandbox.jira.render.FieldSelection;
import dev.cameljira.sandbox.jira.render.IssueRenderer;
import dev.cameljira.sandbox.jira.render.View;
import dev.cameljira.sandbox.jira.store.Catalog;
import dev.cameljira.sandbox.jira.store.JiraStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Issue CRUD, bulk create, transitions, assignee and changelog. */
public final class IssueResource {

    /** Jira Cloud's limit of issues per {@code issue/bulkfetch}. */
    private static final int BULK_FETCH_LIMIT = 100;

    /** Jira Cloud's {@code POST issue/bulk} limit, as its document states ("upto 50 issues"). */
    static final int CLOUD_BULK_LIMIT = 50;
    /**
     * Jira Data Center's: its document states none; the instance's {@code jira.bulk.create.max.issues.per.request}
     * (1000 by default) applies.
     */
    static final int DC_BULK_LIMIT = 1000;

    private final JiraContext ctx;
    private final JiraStore store;

    public IssueResource(JiraContext ctx) {
        this.ctx = ctx;
        this.store = ctx.store();
    }

    public void register(Router router) {
        router.add("POST", Paths.API + "/issue", this::create);
        router.add("POST", Paths.API + "/issue/bulk", this::bulk);
        router.add("GET", Paths.API + "/issue/{key}", this::get);
        router.add("PUT", Paths.API + "/issue/{key}", this::edit);
        router.add("DELETE", Paths.API + "/issue/{key}", this::delete);
        router.add("GET", Paths.API + "/issue/{key}/transitions", this::transitions);
        router.add("POST", Paths.API + "/issue/{key}/transitions", this::transition);
        router.add("PUT", Paths.API + "/issue/{key}/assignee", this::assign);
        router.add("POST", Paths.API + "/issue/{key}/notify", this::notify);
        if (store.cloud()) { // Cloud only: Data Center has the changelog through expand=changelog alone
            router.add("GET", Paths.API + "/issue/{key}/changelog", this::changelog);
            router.add("POST", Paths.API + "/issue/bulkfetch", this::bulkFetch);
        }
    }

    /**
     * Cloud's {@code POST issue/bulkfetch}: up to 100 issues by id or key, in the order asked, navigable fields by
     * default; issues that do not exist are left out (Jira lists only retriable failures in {@code issueErrors}).
     */
    private ApiResponse bulkFetch(ApiRequest req) {
        JsonNode body = req.json();
        JsonNode ids = body.path("issueIdsOrKeys");
        if (!ids.isArray() || ids.isEmpty()) {
            throw ApiException.field("issueIdsOrKeys", "The list of issue IDs or keys must not be empty.");
        }
        if (ids.size() > BULK_FETCH_LIMIT) {
            throw ApiException.field("issueIdsOrKeys",
                    "The number of issues to fetch must not exceed " + BULK_FETCH_LIMIT + ".");
        }
        FieldSelection fields = FieldSelection.parse(strings(body.path("fields")), FieldSelection.NAVIGABLE);
        Set<String> expand = Paging.expand(strings(body.path("expand")));
        return store.read(() -> {
            ObjectNode n = Json.object();
            ArrayNode issues = n.putArray("issues");
            Set<Long> seen = new HashSet<>();
            for (JsonNode id : ids) {
                store.issue(id.asText()).filter(i -> seen.add(i.id())).ifPresent(issue -> issues.add(
                        ctx.issues().issue(issue, req.view(), fields, expand, IssueRenderer.RenderOptions.FULL)));
            }
            n.putArray("issueErrors");
            return ApiResponse.ok(n);
        });
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    static ObjectNode createdRef(Issue issue, View view) {
        ObjectNode n = Json.object();
        n.put("id", String.valueOf(issue.id()));
        n.put("key", issue.key());
        n.put("self", view.api() + "/issue/" + issue.id());
        return n;
    }

    private ApiResponse create(ApiRequest req) {
        Issue issue = ctx.issueService().create(req.json(), req.apiVersion(), req.requireUser());
        return ApiResponse.created(createdRef(issue, req.view()));
    }

    private ApiResponse bulk(ApiRequest req) {
        JsonNode updates = req.json().path("issueUpdates");
        if (!updates.isArray()) {
            throw ApiException.of(400, "Request must contain 'issueUpdates'.");
        }
        int limit = store.cloud() ? CLOUD_BULK_LIMIT : DC_BULK_LIMIT;
        if (updates.size() > limit) {
            ObjectNode tooMany = Json.object();
            tooMany.putArray("issues");
            ObjectNode err = tooMany.putArray("errors").addObject();
            err.put("status", 400);
            ObjectNode element = err.putObject("elementErrors");
            element.putArray("errorMessages").add("Bulk create supports a maximum of " + limit + " issues, got " + updates.size() + ".");
            element.putObject("errors");
            err.put("failedElementNumber", limit);
            return ApiResponse.json(400, tooMany);
        }
        ObjectNode result = Json.object();
        ArrayNode issues = result.putArray("issues");
        ArrayNode errors = result.putArray("errors");
        for (int i = 0; i < updates.size(); i++) {
            try {
                Issue issue = ctx.issueService().create(updates.get(i), req.apiVersion(), req.requireUser());
                issues.add(createdRef(issue, req.view()));
            } catch (ApiException e) {
                ObjectNode err = errors.addObject();
                err.put("status", e.status());
                ObjectNode element = err.putObject("elementErrors");
                ArrayNode messages = element.putArray("errorMessages");
                e.errorMessages().forEach(messages::add);
                ObjectNode fieldErrors = element.putObject("errors");
                e.errors().forEach(fieldErrors::put);
                err.put("failedElementNumber", i);
            }
        }
        return ApiResponse.json(issues.isEmpty() && !errors.isEmpty() ? 400 : 201, result);
    }

    private ApiResponse get(ApiRequest req) {
        FieldSelection fields = FieldSelection.parse(req.queryAll("fields"), FieldSelection.ALL);
        Set<String> expand = Paging.expand(req.queryAll("expand"));
        return store.read(() -> {
            Issue issue = store.requireIssue(req.param("key"));
            return ApiResponse.ok(ctx.issues().issue(issue, req.view(), fields, expand, IssueRenderer.RenderOptions.FULL));
        });
    }

    private ApiResponse edit(ApiRequest req) {
        ctx.issueService().edit(req.param("key"), req.json(), req.apiVersion(), req.requireUser());
        if (req.boolQuery("returnIssue", false)) {
            return get(req);
        }
        return ApiResponse.noContent();
    }

    private ApiResponse delete(ApiRequest req) {
        ctx.issueService().delete(req.param("key"), req.boolQuery("deleteSubtasks", false), req.requireUser());
        return ApiResponse.noContent();
    }

    private ApiResponse transitions(ApiRequest req) {
        Set<String> expand = Paging.expand(req.queryAll("expand"));
        String only = req.query("transitionId");
        return store.read(() -> {
            Issue issue = store.requireIssue(req.param("key"));
            ObjectNode n = Json.object();
            n.put("expand", "transitions");
            ArrayNode arr = n.putArray("transitions");
            for (Transition t : ctx.issueService().available(issue)) {
                if (only != null && !only.equals(t.id())) {
                    continue;
                }
                ObjectNode tn = arr.addObject();
                tn.put("id", t.id());
                tn.put("name", t.name());
                tn.set("to", ctx.renderer().status(t.to(), req.view()));
                tn.put("hasScreen", t.to().category() == Catalog.CATEGORY_DONE);
                tn.put("isGlobal", false);
                tn.put("isInitial", false);
                tn.put("isAvailable", true);
                tn.put("isConditional", false);
                tn.put("isLooped", false);
                if (expand.contains("transitions.fields")) {
                    ObjectNode fields = tn.putObject("fields");
                    if (t.to().category() == Catalog.CATEGORY_DONE) {
                        ObjectNode res = fields.putObject("resolution");
                        res.put("required", false);
                        res.putObject("schema").put("type", "resolution").put("system", "resolution");
                        res.put("name", "Resolution");
                        res.put("key", "resolution");
                        if (!req.view().cloud()) {
                            res.put("fieldId", "resolution"); // DC's FieldMetaBean; Cloud's FieldMetadata has none
                        }
                        res.put("hasDefaultValue", true);
                        res.putArray("operations").add("set");
                        ArrayNode allowed = res.putArray("allowedValues");
                        store.catalog().resolutions().forEach(r -> allowed.add(ctx.renderer().resolution(r, req.view())));
                    }
                }
            }
            return ApiResponse.ok(n);
        });
    }

    private ApiResponse transition(ApiRequest req) {
        ctx.issueService().transition(req.param("key"), req.json(), req.apiVersion(), req.requireUser());
        return ApiResponse.noContent();
    }

    private ApiResponse assign(ApiRequest req) {
        ctx.issueService().assign(req.param("key"), req.json(), req.requireUser());
        return ApiResponse.noContent();
    }

    private ApiResponse changelog(ApiRequest req) {
        int startAt = Paging.startAt(req);
        int max = Paging.maxResults(req, 100, 100);
        return store.read(() -> {
            Issue issue = store.requireIssue(req.param("key"));
            String self = req.view().api() + "/issue/" + issue.key() + "/changelog?maxResults=" + max + "&startAt=" + startAt;
            return ApiResponse.ok(ctx.activity().changelogPage(issue.changelog(), startAt, max, self, req.view()));
        });
    }

    /**
     * {@code POST /issue/{key}/notify}: the sandbox sends no e-mail; a JSON body for an issue that exists is Jira's 204,
     * an unknown issue its 404, a body that is not JSON a 400.
     */
    private ApiResponse notify(ApiRequest req) {
        req.json();
        store.read(() -> store.requireIssue(req.param("key")));
        return ApiResponse.noContent();
    }
}
