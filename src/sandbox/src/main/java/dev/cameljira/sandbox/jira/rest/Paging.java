package dev.cameljira.sandbox.jira.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.ApiException;
import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/** Shared parameter parsing ({@code startAt}/{@code maxResults} and {@code expand}) and Jira's paged envelope. */
final class Paging {

    private Paging() {
    }

    static int startAt(ApiRequest req) {
        int startAt = req.intQuery("startAt", 0);
        if (startAt < 0) {
            throw ApiException.of(400, "The 'startAt' parameter must not be negative.");
        }
        return startAt;
    }

    static int maxResults(ApiRequest req, int defaultValue, int cap) {
        int max = req.intQuery("maxResults", defaultValue);
        if (max < 0) {
            throw ApiException.of(400, "The 'maxResults' parameter must not be negative.");
        }
        return Math.min(max, cap);
    }

    /** Lower-cased expand options from every {@code expand} value (comma-separated). */
    static Set<String> expand(Iterable<String> values) {
        Set<String> result = new LinkedHashSet<>();
        for (String v : values) {
            Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .forEach(s -> result.add(s.toLowerCase(Locale.ROOT)));
        }
        return result;
    }

    /** Whether {@code haystack} contains {@code needle} (trimmed), ignoring case: a paged search's {@code query}. */
    static boolean containsIgnoringCase(String haystack, String needle) {
        return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(needle.trim().toLowerCase(Locale.ROOT));
    }

    /** {@code &name=value} of each named query parameter the request has (URL-encoded), for a page's links. */
    static String linkParameters(ApiRequest req, String... names) {
        StringBuilder sb = new StringBuilder();
        for (String name : names) {
            String v = req.query(name);
            if (v != null) {
                sb.append('&').append(name).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        }
        return sb.toString();
    }

    /**
     * Jira's page of {@code values}: {@code {self, maxResults, startAt, total, isLast, values}}, where {@code self}
     * is {@code <api>/<resource>?maxResults=..&startAt=..}.
     */
    static <T> ObjectNode page(ApiRequest req, String resource, List<T> items, int startAt, int max,
            Function<T, JsonNode> render) {
        return page(req.view().api() + "/" + resource + "?maxResults=" + max + "&", "", false, items, startAt, max, render);
    }

    /**
     * Jira's page of {@code values} with its links: {@code self} is {@code before + "startAt=" + startAt + after}, and
     * with {@code nextPage} (as Cloud's project and version searches answer) the next page's link the same way unless
     * this page is the last.
     */
    static <T> ObjectNode page(String before, String after, boolean nextPage, List<T> items, int startAt, int max,
            Function<T, JsonNode> render) {
        ObjectNode n = frame(before, after, nextPage, startAt, max, items.size(), startAt + max >= items.size());
        ArrayNode values = n.putArray("values");
        for (int i = startAt; i < items.size() && i < startAt + max; i++) {
            values.add(render.apply(items.get(i)));
        }
        return n;
    }

    /**
     * A page's fields before its {@code values}, for a page whose {@code total} and last-ness the caller knows (e.g.
     * one filtered after slicing): {@code self}, with {@code nextPage} the next page's link unless {@code last},
     * {@code maxResults}, {@code startAt}, {@code total}, {@code isLast}, links built as {@link #page} builds them.
     */
    static ObjectNode frame(String before, String after, boolean nextPage, int startAt, int max, int total, boolean last) {
        ObjectNode n = Json.object();
        n.put("self", before + "startAt=" + startAt + after);
        if (nextPage && !last) {
            n.put("nextPage", before + "startAt=" + (startAt + max) + after);
        }
        n.put("maxResults", max);
        n.put("startAt", startAt);
        n.put("total", total);
        n.put("isLast", last);
        return n;
    }
}
