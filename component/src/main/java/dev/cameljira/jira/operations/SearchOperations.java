package dev.cameljira.jira.operations;

import java.util.ArrayList;
import java.util.List;

import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.client.JiraInvalidInputException;
import dev.cameljira.jira.client.PagedIterator;
import dev.cameljira.jira.model.JiraIssue;
import dev.cameljira.jira.model.SearchRequest;

/**
 * searchIssues: JQL search returning a lazy {@link PagedIterator} of {@link JiraIssue} through
 * {@link dev.cameljira.jira.client.JiraApi#search}. The first page is fetched at once, so a bad query fails the exchange
 * in the producer; later pages are fetched as {@code split(body()).streaming()} consumes the iterator.
 */
public final class SearchOperations {

    static final String DEFAULT_FIELDS = "*navigable";

    private SearchOperations() {
    }

    /**
     * The query comes from the body (a {@link SearchRequest}, or a Map / JSON text Camel converts to one; plain text is
     * the JQL), else header CamelJiraJql, else the jql option; fields, expand, maxResults and limit likewise from the
     * body, else their headers, else the endpoint options.
     */
    public static Object searchIssues(OperationContext ctx) {
        SearchRequest body = ctx.requestBody(SearchRequest.class).orElse(SearchRequest.of(null));
        String jql = body.jql() != null && !body.jql().isBlank() ? body.jql() : ctx.headerOrOption(JiraParam.JQL)
                .orElseThrow(() -> ctx.missing(JiraParam.JQL));
        List<String> fields = body.fields() != null ? body.fields()
                : split(ctx.headerOrOption(JiraParam.FIELDS_TO_RETURN).orElse(DEFAULT_FIELDS));
        List<String> expand = body.expand() != null ? body.expand() : split(ctx.headerOrOption(JiraParam.EXPAND).orElse(null));
        int pageSize = body.maxResults() != null ? body.maxResults()
                : (int) number(ctx, JiraConstants.MAX_RESULTS, ctx.config().getMaxResults());
        long limit = body.limit() != null ? body.limit() : number(ctx, JiraConstants.LIMIT, ctx.config().getLimit());
        if (pageSize < 1) {
            throw new JiraInvalidInputException("searchIssues: maxResults must be at least 1, was " + pageSize);
        }
        PagedIterator<JiraIssue> it = ctx.api().search(new SearchRequest(jql, fields, expand, pageSize, limit), pageSize);
        it.hasNext();
        return it;
    }

    /** A number from the header, else the endpoint option. */
    private static long number(OperationContext ctx, String header, long fallback) {
        Long h = ctx.in().getHeader(header, Long.class);
        return h != null ? h : fallback;
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
