package dev.cameljira.sandbox.jira;

import dev.cameljira.sandbox.http.ApiException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The request body checks Jira's REST layer makes before a resource sees a request, in Jira's order (after
 * authentication):
 * <ol>
 *   <li>XSRF: a {@code POST} whose body is one of the types a browser form can send without a pre-flight
 *       ({@code application/x-www-form-urlencoded}, {@code multipart/form-data}, {@code text/plain}) is refused with
 *       403 "XSRF check failed" unless it carries {@code X-Atlassian-Token: no-check} (or {@code nocheck}).</li>
 *   <li>Media type: JSON resources take only {@code application/json} (parameters such as {@code charset} allowed):
 *       any other {@code Content-Type} is a 415 naming the type; the multipart upload
 *       ({@code POST issue/{key}/attachments}) takes only {@code multipart/form-data}. A request without a body and
 *       without a {@code Content-Type} is left alone (votes, watchers "myself", ...).</li>
 * </ol>
 */
public final class MediaTypes {

    /** Body types a cross-site form can send: Jira's XSRF check applies to them. */
    static final Set<String> FORM_LIKE = Set.of("application/x-www-form-urlencoded", "multipart/form-data", "text/plain");

    /** The one route that consumes multipart rather than JSON. */
    private static final String MULTIPART_ROUTE = "/issue/{key}/attachments";

    private MediaTypes() {
    }

    /**
     * Checks a request routed to {@code pattern}; throws the 403 or 415 Jira answers.
     *
     * @param method  upper-case HTTP method
     * @param pattern the matched route's pattern
     * @param headers request headers
     * @param body    request body
     */
    public static void check(String method, String pattern, Map<String, List<String>> headers, byte[] body) {
        if (!method.equals("POST") && !method.equals("PUT") && !method.equals("PATCH")) {
            return;
        }
        String contentType = header(headers, "Content-Type");
        String type = baseType(contentType);
        if (method.equals("POST") && FORM_LIKE.contains(type) && !noCheck(header(headers, "X-Atlassian-Token"))) {
            throw ApiException.of(403, "XSRF check failed");
        }
        if (type == null && body.length == 0) {
            return;
        }
        boolean multipart = pattern.endsWith(MULTIPART_ROUTE);
        String wanted = multipart ? "multipart/form-data" : "application/json";
        if (!wanted.equals(type)) {
            throw ApiException.of(415, "Unsupported Media Type: this resource takes a " + wanted + " body, not "
                    + (contentType == null || contentType.isBlank() ? "a body without Content-Type" : "'" + contentType + "'")
                    + ".");
        }
    }

    /** Whether {@code X-Atlassian-Token} lets a request past the XSRF check. */
    static boolean noCheck(String token) {
        return token != null && (token.trim().equalsIgnoreCase("no-check") || token.trim().equalsIgnoreCase("nocheck"));
    }

    /** The media type without parameters, lower case; null when absent or blank. */
    static String baseType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    private static String header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }
}
