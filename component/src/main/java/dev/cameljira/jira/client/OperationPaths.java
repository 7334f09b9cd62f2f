package dev.cameljira.jira.client;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a request path into its operation path for {@link JiraCallListener}: issue keys, ids, project keys and property
 * keys become placeholders and the query string is dropped, e.g. {@code /rest/api/3/issue/DEMO-7/comment/10012?expand=x}
 * becomes {@code /rest/api/3/issue/{key}/comment/{id}}. The result has a bounded number of values, so it can be a metric
 * tag.
 *
 * <p>A segment is a placeholder when the segment before it names a collection of Jira's REST API ({@code issue},
 * {@code project}, {@code comment}, {@code properties}, ...) and it is not one of that collection's own sub-resources
 * ({@code issue/bulk}, {@code project/search}, {@code attachment/content}, ...); any other segment that is all digits
 * or looks like an issue key becomes {@code {id}} / {@code {key}} too. The version after {@code api} or
 * {@code webhooks} is kept.
 */
final class OperationPaths {

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern ISSUE_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]*-\\d+");

    /** Collection segment -> placeholder of the segment after it. */
    private static final Map<String, String> COLLECTIONS = Map.ofEntries(
            Map.entry("issue", "{key}"),
            Map.entry("project", "{key}"),
            Map.entry("createmeta", "{project}"),
            Map.entry("issuetypes", "{id}"),
            Map.entry("properties", "{propertyKey}"),
            Map.entry("comment", "{id}"),
            Map.entry("worklog", "{id}"),
            Map.entry("remotelink", "{id}"),
            Map.entry("issueLink", "{id}"),
            Map.entry("issueLinkType", "{id}"),
            Map.entry("attachment", "{id}"),
            Map.entry("content", "{id}"),
            Map.entry("thumbnail", "{id}"),
            Map.entry("webhook", "{id}"),
            Map.entry("issuetype", "{id}"),
            Map.entry("priority", "{id}"),
            Map.entry("resolution", "{id}"),
            Map.entry("status", "{idOrName}"),
            Map.entry("statuscategory", "{idOrKey}"),
            Map.entry("component", "{id}"),
            Map.entry("version", "{id}"),
            Map.entry("filter", "{id}"),
            Map.entry("group", "{name}"));

    /** Sub-resources and fixed names that follow a collection segment and stay as they are. */
    private static final Set<String> LITERALS = Set.of("bulk", "createmeta", "picker", "archive", "unarchive", "search",
            "type", "recent", "category", "validate", "content", "thumbnail", "meta", "page", "properties", "my",
            "favourite", "refresh", "failed", "jql", "approximate-count", "assignable", "bulkfetch", "notify");

    /** Segments after which the next one is a version ({@code /rest/api/3}, {@code /rest/webhooks/1.0}). */
    private static final Set<String> VERSIONED = Set.of("api", "webhooks", "agile", "auth");

    private OperationPaths() {
    }

    /** The operation path of a request path (which may carry a query string). */
    static String of(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        int q = path.indexOf('?');
        String p = q >= 0 ? path.substring(0, q) : path;
        int hash = p.indexOf('#');
        if (hash >= 0) {
            p = p.substring(0, hash);
        }
        String[] segments = p.split("/", -1);
        StringBuilder out = new StringBuilder(p.length());
        String previous = null;
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (i > 0) {
                out.append('/');
            }
            out.append(segment.isEmpty() ? segment : template(previous, segment));
            previous = segment;
        }
        return out.toString();
    }

    private static String template(String previous, String segment) {
        if (previous != null && VERSIONED.contains(previous)) {
            return segment;
        }
        String placeholder = previous == null ? null : COLLECTIONS.get(previous);
        if (placeholder != null && !LITERALS.contains(segment)) {
            return placeholder;
        }
        if (DIGITS.matcher(segment).matches()) {
            return "{id}";
        }
        if (ISSUE_KEY.matcher(segment).matches()) {
            return "{key}";
        }
        return segment;
    }
}
