package dev.cameljira.jira.operations;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.client.JiraApi;
import dev.cameljira.jira.client.JiraInvalidInputException;
import dev.cameljira.jira.client.JiraRequest;
import dev.cameljira.jira.client.PagedIterator;
import dev.cameljira.jira.model.JiraIssue;

/**
 * searchIssues: JQL search returning a lazy {@link PagedIterator} of {@link JiraIssue}. Cloud uses
 * {@code POST /rest/api/3/search/jql} with {@code nextPageToken}; Data Center {@code POST /rest/api/2/search} with
 * {@code startAt}. The first page is fetched at once, so a bad query fails the exchange in the producer; later pages
 * are fetched as {@code split(body()).streaming()} consumes the iterator.
 */
public final class SearchOperations {

    static final String DEFAULT_FIELDS = "*navigable";

    private SearchOperations() {
    }

    public static Object searchIssues(OperationContext ctx) {
        String jql = ctx.require(JiraParam.JQL);
        String fields = ctx.string(JiraParam.FIELDS_TO_RETURN).orElse(DEFAULT_FIELDS);
        String expand = ctx.string(JiraParam.EXPAND).orElse(null);
        int pageSize = (int) number(ctx, "maxResults", JiraConstants.MAX_RESULTS, ctx.config().getMaxResults());
        long limit = number(ctx, "limit", JiraConstants.LIMIT, ctx.config().getLimit());
        if (pageSize < 1) {
            throw new JiraInvalidInputException("searchIssues: maxResults must be at least 1, was " + pageSize);
        }
        int effectivePage = limit > 0 ? (int) Math.min(pageSize, limit) : pageSize;
        PagedIterator<JiraIssue> it = search(ctx.api(), jql, split(fields), expand, effectivePage, limit);
        it.hasNext();
        return it;
    }

    /** A number from the JSON/Map body key, else the header, else the endpoint option. */
    private static long number(OperationContext ctx, String key, String header, long fallback) {
        ObjectNode body = ctx.bodyObject();
        if (body != null && body.hasNonNull(key)) {
            if (!body.get(key).canConvertToLong()) {
                throw new JiraInvalidInputException("searchIssues: '" + key + "' must be a whole number, was " + body.get(key));
            }
            return body.get(key).asLong();
        }
        Long h = ctx.in().getHeader(header, Long.class);
        return h != null ? h : fallback;
    }

    /** Runs a JQL search as a lazy iterator (used by the producer and by the polling consumers). */
    public static PagedIterator<JiraIssue> search(JiraApi api, String jql, List<String> fields, String expand, int pageSize,
                                                  long limit) {
        if (api.isCloud()) {
            return new PagedIterator<>(null, token -> cloudPage(api, jql, fields, expand, pageSize, (String) token), limit);
        }
        return new PagedIterator<>(0, startAt -> serverPage(api, jql, fields, expand, pageSize, (Integer) startAt), limit);
    }

    private static PagedIterator.Page<JiraIssue> cloudPage(JiraApi api, String jql, List<String> fields, String expand,
                                                          int pageSize, String token) {
        ObjectNode body = api.client().newObject();
        body.put("jql", jql);
        body.put("maxResults", pageSize);
        ArrayNode f = body.putArray("fields");
        fields.forEach(f::add);
        if (expand != null && !expand.isBlank()) {
            body.put("expand", expand);
        }
        if (token != null) {
            body.put("nextPageToken", token);
        }
        JsonNode page = api.client().json(JiraRequest.post(api.api("/search/jql")).body(body).idempotent(true)
                .subject("search"));
        List<JiraIssue> issues = issues(page);
        JsonNode next = page.get("nextPageToken");
        boolean last = page.path("isLast").asBoolean(next == null || next.isNull());
        return new PagedIterator.Page<>(issues, last || next == null || next.isNull() ? null : next.asText());
    }

    private static PagedIterator.Page<JiraIssue> serverPage(JiraApi api, String jql, List<String> fields, String expand,
                                                           int pageSize, int startAt) {
        ObjectNode body = api.client().newObject();
        body.put("jql", jql);
        body.put("startAt", startAt);
        body.put("maxResults", pageSize);
        ArrayNode f = body.putArray("fields");
        fields.forEach(f::add);
        if (expand != null && !expand.isBlank()) {
            ArrayNode e = body.putArray("expand");
            split(expand).forEach(e::add);
        }
        JsonNode page = api.client().json(JiraRequest.post(api.api("/search")).body(body).idempotent(true).subject("search"));
        List<JiraIssue> issues = issues(page);
        int total = page.path("total").asInt(-1);
        int next = startAt + issues.size();
        boolean last = issues.isEmpty() || (total >= 0 && next >= total);
        return new PagedIterator.Page<>(issues, last ? null : next);
    }

    private static List<JiraIssue> issues(JsonNode page) {
        List<JiraIssue> out = new ArrayList<>();
        page.path("issues").forEach(i -> out.add(JiraIssue.from(i)));
        return out;
    }

    /** Splits a comma-separated option into trimmed, non-blank items. */
    public static List<String> split(String csv) {
        List<String> out = new ArrayList<>();
        if (csv != null) {
            for (String s : csv.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }
}
