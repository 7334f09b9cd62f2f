package dev.cameljira.jira.operations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.jira.client.JiraApi;
import dev.cameljira.jira.client.JiraInvalidInputException;
import dev.cameljira.jira.client.JiraRequest;

/**
 * Small helpers the operation classes share: blank checks, the input look-ups that {@link OperationContext} does not
 * cover (page size and limit of a listing, a plain text body, a comment, a value given empty on purpose, a value read
 * from headers only, further fields as a Map) and the requests to an issue's resources ({@code /issue/{key}/...}).
 */
final class OperationSupport {

    /** Values of an assignee that mean "nobody". */
    private static final List<String> UNASSIGNED = List.of("none", "unassigned");

    private OperationSupport() {
    }

    // ---- values -----------------------------------------------------------------------------------------------

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String blankToNull(String s) {
        return blank(s) ? null : s;
    }

    /** Whether a text input is absent: null, a blank String, JSON null or a blank JSON string. */
    static boolean noText(Object text) {
        return text == null || (text instanceof CharSequence cs && cs.toString().isBlank())
               || (text instanceof JsonNode n && (n.isNull() || (n.isTextual() && n.asText().isBlank())));
    }

    /** Whether an assignee value means "nobody": blank, "none" or "unassigned" (any case). */
    static boolean unassigns(String who) {
        return who.isBlank() || UNASSIGNED.contains(who.trim().toLowerCase(Locale.ROOT));
    }

    // ---- message look-ups -------------------------------------------------------------------------------------

    /** Page size and item limit of a listing operation. */
    record Paging(int pageSize, long limit) {
    }

    /**
     * The page size and limit of a listing: body keys {@code maxResults} and {@code limit} of a JSON/Map body, else the
     * endpoint options of those names; fails before any call when the page size is below 1.
     */
    static Paging paging(OperationContext ctx) {
        int pageSize = intValue(ctx, "maxResults", ctx.config().getMaxResults());
        long limit = intValue(ctx, "limit", (int) Math.min(Integer.MAX_VALUE, ctx.config().getLimit()));
        if (pageSize < 1) {
            throw ctx.invalid("maxResults must be at least 1, was " + pageSize);
        }
        return new Paging(pageSize, limit);
    }

    /** An integer from a JSON/Map body key, else the fallback (an endpoint option). */
    static int intValue(OperationContext ctx, String key, int fallback) {
        ObjectNode body = ctx.bodyObject();
        if (body != null && body.hasNonNull(key)) {
            JsonNode v = body.get(key);
            if (!v.canConvertToInt() && !(v.isTextual() && v.asText().matches("-?\\d{1,9}"))) {
                throw ctx.invalid(key + " must be a whole number, was " + v);
            }
            return v.asInt();
        }
        return fallback;
    }

    /** A String body that is not JSON (camel-jira's description / comment), or null when there is none or it is blank. */
    static String plainTextBody(OperationContext ctx) {
        Object b = ctx.body();
        if (b instanceof CharSequence cs && ctx.bodyObject() == null) {
            String s = cs.toString();
            return s.isBlank() ? null : s;
        }
        return null;
    }

    /**
     * A comment given with another operation: {@code comment} of a JSON/Map body (text, ADF or an object), else a plain
     * String body (camel-jira); null when absent or blank.
     */
    static Object bodyComment(OperationContext ctx) {
        ObjectNode o = ctx.bodyObject();
        Object c = o != null ? o.get("comment") : plainTextBody(ctx);
        return noText(c) ? null : c;
    }

    /**
     * A required value read from headers only, for operations whose body is content (an attachment, a property value)
     * and must not be searched for keys.
     */
    static String requireHeader(OperationContext ctx, JiraParam p, String bodyRole) {
        for (String h : p.headers()) {
            String v = ctx.in().getHeader(h, String.class);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        throw new JiraInvalidInputException(ctx.operation().uriName() + " needs " + p.description() + ": set header "
                                            + String.join(" or ", p.headers()) + " (" + bodyRole + ")");
    }

    /** Whether a body key or header of {@code p} is present with an empty value (JSON null, null or ""). */
    static boolean explicitlyEmpty(OperationContext ctx, JiraParam p) {
        ObjectNode o = ctx.bodyObject();
        if (o != null) {
            for (String k : p.bodyKeys()) {
                JsonNode v = o.get(k);
                if (v != null && (v.isNull() || (v.isTextual() && v.asText().isBlank()))) {
                    return true;
                }
            }
        }
        for (String h : p.headers()) {
            if (ctx.in().hasHeaders() && ctx.in().getHeaders().containsKey(h)) {
                Object v = ctx.in().getHeader(h);
                if (v == null || (v instanceof String s && s.isBlank())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Further fields given as a JSON object or a Map, as a Map keyed by field id or name; null otherwise. */
    static Map<String, Object> fieldMap(JiraApi api, Object f) {
        if (f instanceof JsonNode n && n.isObject()) {
            return api.client().mapper().convertValue(n, new TypeReference<Map<String, Object>>() {
            });
        }
        if (f instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put(String.valueOf(e.getKey()), e.getValue());
            }
            return out;
        }
        return null;
    }

    // ---- issue resources --------------------------------------------------------------------------------------

    /** The path of an issue or one of its resources: {@code /issue/{key}} and then {@code sub} ("", "/comment"...). */
    static String issuePath(JiraApi api, String key, String sub) {
        return api.api("/issue/" + JiraApi.seg(key) + sub);
    }

    /**
     * A request to an issue or one of its resources, its errors naming the issue: e.g.
     * {@code issueRequest(JiraRequest::post, api, key, "/comment")}.
     */
    static JiraRequest issueRequest(Function<String, JiraRequest> method, JiraApi api, String key, String sub) {
        return method.apply(issuePath(api, key, sub)).subject("issue " + key);
    }
}
