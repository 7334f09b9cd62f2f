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
import dev.cameljira.sandbox.jira.render.FieldSelection;
import dev.cameljira.sandbox.jira.render.IssueRenderer;
import dev.cameljira.sandbox.jira.search.SearchService;
import dev.cameljira.sandbox.jira.store.JiraStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Search. Cloud: {@code /search/jql} (token paging, bounded JQL, ids by default), {@code /search/approximate-count},
 * and 410 on the removed {@code /search}; both validate the query strictly. Server: {@code /search} with
 * startAt/maxResults/total and {@code validateQuery} (strict, warn, none, true, false; warnings in
 * {@code warningMessages}).
 */
public final class SearchResource {

    static final String REMOVED = "The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. "
            + "A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046";

    private final JiraContext ctx;
    private final JiraStore store;
    private final SearchService search;

    public SearchResource(JiraContext ctx, SearchService search) {
        this.ctx = ctx;
        this.store = ctx.store();
        this.search = search;
    }

    public void register(Router router) {
        if (store.cloud()) {
            router.add("GET", Paths.API + "/search/jql", this::jqlGet);
            router.add("POST", Paths.API + "/search/jql", this::jqlPost);
            router.add("POST", Paths.API + "/search/approximate-count", this::count);
            router.add("GET", Paths.API + "/search", this::removed);
            router.add("POST", Paths.API + "/search", this::removed);
        } else {
            router.add("GET", Paths.API + "/search", this::serverGet);
            router.add("POST", Paths.API + "/search", this::serverPost);
        }
    }

    private record Criteria(String jql, String nextPageToken, Integer maxResults, List<String> fields, List<String> expand) {
    }

    private ApiResponse removed(ApiRequest req) {
        req.requireUser();
        throw ApiException.of(410, REMOVED);
    }

    // ---- Cloud /search/jql -----------------------------------------------------------------------------------

    private ApiResponse jqlGet(ApiRequest req) {
        String max = req.query("maxResults");
        return jql(req, new Criteria(req.query("jql"), req.query("nextPageToken"), max == null ? null : req.intQuery("maxResults", 50),
                req.queryAll("fields"), req.queryAll("expand")));
    }

    private ApiResponse jqlPost(ApiRequest req) {
        JsonNode body = req.json();
        return jql(req, new Criteria(text(body, "jql"), text(body, "nextPageToken"),
                body.hasNonNull("maxResults") ? body.get("maxResults").asInt() : null, strings(body.get("fields")),
                strings(body.get("expand"))));
    }

    private ApiResponse jql(ApiRequest req, Criteria c) {
        SearchService.Prepared query = search.prepare(c.jql(), SearchService.Validation.STRICT, true);
        FieldSelection fields = FieldSelection.parse(c.fields(), FieldSelection.NONE);
        Set<String> expand = Paging.expand(c.expand());
        int cap = fields.isEmpty() || (!fields.all() && !fields.navigable() && onlyIdOrKey(fields)) ? 5000 : 100;
        int max = c.maxResults() == null ? 50 : c.maxResults();
        if (max < 0) {
            throw ApiException.of(400, "The 'maxResults' parameter must not be negative.");
        }
        max = Math.min(Math.max(max, 1), cap);
        int offset = decodeToken(c.nextPageToken(), c.jql());
        int pageSize = max;
        return store.read(() -> {
            List<Issue> matches = search.run(query, req.requireUser()).issues();
            ObjectNode n = Json.object();
            ArrayNode issues = n.putArray("issues");
            int end = Math.min(matches.size(), offset + pageSize);
            for (int i = offset; i < end; i++) {
                issues.add(ctx.issues().issue(matches.get(i), req.view(), fields, expand, IssueRenderer.RenderOptions.SEARCH));
            }
            boolean last = end >= matches.size();
            if (!last) {
                n.put("nextPageToken", encodeToken(end, c.jql()));
            }
            n.put("isLast", last);
            return ApiResponse.ok(n);
        });
    }

    private static boolean onlyIdOrKey(FieldSelection fields) {
        return fields.include().stream().allMatch(f -> f.equals("id") || f.equals("key"));
    }

    private ApiResponse count(ApiRequest req) {
        SearchService.Prepared query = search.prepare(text(req.json(), "jql"), SearchService.Validation.STRICT, true);
        return store.read(() -> {
            ObjectNode n = Json.object();
            n.put("count", search.run(query, req.requireUser()).issues().size());
            return ApiResponse.ok(n);
        });
    }

    static String encodeToken(int offset, String jql) {
        String raw = "v1:" + offset + ":" + Integer.toHexString(jql.hashCode());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static int decodeToken(String token, String jql) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":");
            if (parts.length == 3 && parts[0].equals("v1") && parts[2].equals(Integer.toHexString(jql.hashCode()))) {
                return Integer.parseInt(parts[1]);
            }
        } catch (IllegalArgumentException e) {
            // fall through to the error below
        }
        throw ApiException.of(400, "The provided next page token is invalid or does not belong to this query.");
    }

    // ---- Server /search --------------------------------------------------------------------------------------

    private ApiResponse serverGet(ApiRequest req) {
        return server(req, req.query("jql"), Paging.startAt(req), req.intQuery("maxResults", 50), req.queryAll("fields"),
                req.queryAll("expand"), req.query("validateQuery"));
    }

    private ApiResponse serverPost(ApiRequest req) {
        JsonNode body = req.json();
        int startAt = body.path("startAt").asInt(0);
        int max = body.hasNonNull("maxResults") ? body.get("maxResults").asInt() : 50;
        return server(req, text(body, "jql"), startAt, max, strings(body.get("fields")), strings(body.get("expand")),
                text(body, "validateQuery"));
    }

    private ApiResponse server(ApiRequest req, String jql, int startAt, int maxResults, List<String> fieldParams,
            List<String> expandParams, String validateQuery) {
        if (startAt < 0 || maxResults < 0) {
            throw ApiException.of(400, "startAt and maxResults must not be negative.");
        }
        SearchService.Prepared query = search.prepare(jql, SearchService.Validation.of(validateQuery), false);
        FieldSelection fields = FieldSelection.parse(fieldParams, FieldSelection.NAVIGABLE);
        Set<String> expand = Paging.expand(expandParams);
        int max = Math.min(maxResults, 1000);
        return store.read(() -> {
            SearchService.Result result = search.run(query, req.requireUser());
            List<Issue> matches = result.issues();
            ObjectNode n = Json.object();
            n.put("expand", "schema,names");
            n.put("startAt", startAt);
            n.put("maxResults", max);
            n.put("total", matches.size());
            ArrayNode issues = n.putArray("issues");
            for (int i = startAt; i < matches.size() && i < startAt + max; i++) {
                ObjectNode issue = ctx.issues().issue(matches.get(i), req.view(),
                        fields.isEmpty() ? FieldSelection.NAVIGABLE : fields, expand, IssueRenderer.RenderOptions.SEARCH);
                issues.add(issue);
            }
            if (!result.warnings().isEmpty()) {
                ArrayNode warnings = n.putArray("warningMessages");
                result.warnings().forEach(warnings::add);
            }
            return ApiResponse.ok(n);
        });
    }

    private static String text(JsonNode body, String name) {
        JsonNode v = body.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(JsonNode v) {
        List<String> result = new ArrayList<>();
        if (v == null || v.isNull()) {
            return result;
        }
        if (v.isArray()) {
            v.forEach(x -> result.add(x.asText()));
        } else {
            result.add(v.asText());
        }
        return result;
    }
}
