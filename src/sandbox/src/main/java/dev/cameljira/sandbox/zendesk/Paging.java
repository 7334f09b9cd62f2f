package dev.cameljira.sandbox.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Zendesk's two list paginations. Cursor pagination ({@code page[size]}, {@code page[after]}, {@code page[before]})
 * answers {@code meta} + {@code links}; offset pagination ({@code page}, {@code per_page}) answers
 * {@code next_page}, {@code previous_page} and {@code count}. Both cap a page at 100 records. Page links are absolute
 * URLs back to the emulator (the host the client addressed) and, like Zendesk's, name the {@code .json} form of the
 * path ({@code /api/v2/tickets.json?page%5Bafter%5D=...}) except on the newer APIs without it (Webhooks).
 */
final class Paging {
    static final int MAX_PAGE = 100;

    private Paging() {
    }

    static <T> ObjectNode page(ApiRequest request, String name, List<T> items, ToLongFunction<T> key,
                               Function<T, JsonNode> render) {
        boolean cursor = request.query().keySet().stream().anyMatch(k -> k.startsWith("page["));
        return cursor ? cursorPage(request, name, items, key, render, true)
                : offsetPage(request, name, items, render);
    }

    /**
     * One cursor page ({@code meta} + {@code links}).
     *
     * @param dotJson whether the page links name the {@code .json} form of the path (all of {@code /api/v2} but the
     *                Webhooks API)
     */
    static <T> ObjectNode cursorPage(ApiRequest request, String name, List<T> items, ToLongFunction<T> key,
                                     Function<T, JsonNode> render, boolean dotJson) {
        int size = intParam(request, "page[size]", MAX_PAGE, 1, MAX_PAGE);
        int start = 0;
        int end;
        if (request.queryValue("page[after]").isPresent()) {
            start = indexOf(items, key, decode(request.queryValue("page[after]").get())) + 1;
            end = Math.min(items.size(), start + size);
        } else if (request.queryValue("page[before]").isPresent()) {
            end = indexOf(items, key, decode(request.queryValue("page[before]").get()));
            start = Math.max(0, end - size);
        } else {
            end = Math.min(items.size(), size);
        }
        List<T> page = items.subList(start, end);
        ObjectNode result = Json.object();
        ArrayNode array = result.putArray(name);
        page.forEach(item -> array.add(render.apply(item)));
        boolean hasMore = end < items.size();
        String after = page.isEmpty() ? null : encode(key.applyAsLong(page.get(page.size() - 1)));
        String before = page.isEmpty() ? null : encode(key.applyAsLong(page.get(0)));
        ObjectNode meta = result.putObject("meta");
        meta.put("has_more", hasMore);
        meta.put("after_cursor", after);
        meta.put("before_cursor", before);
        ObjectNode links = result.putObject("links");
        links.put("prev", start > 0 && before != null
                ? url(request, dotJson, Map.of("page[size]", String.valueOf(size), "page[before]", before)) : null);
        links.put("next", hasMore && after != null
                ? url(request, dotJson, Map.of("page[size]", String.valueOf(size), "page[after]", after)) : null);
        return result;
    }

    private static <T> ObjectNode offsetPage(ApiRequest request, String name, List<T> items,
                                             Function<T, JsonNode> render) {
        int perPage = intParam(request, "per_page", MAX_PAGE, 1, MAX_PAGE);
        int pageNumber = intParam(request, "page", 1, 1, Integer.MAX_VALUE);
        long from = (long) (pageNumber - 1) * perPage;
        int start = (int) Math.min(items.size(), from);
        int end = Math.min(items.size(), start + perPage);
        ObjectNode result = Json.object();
        ArrayNode array = result.putArray(name);
        items.subList(start, end).forEach(item -> array.add(render.apply(item)));
        String size = String.valueOf(perPage);
        result.put("next_page", end < items.size()
                ? url(request, true, Map.of("page", String.valueOf(pageNumber + 1), "per_page", size)) : null);
        result.put("previous_page", pageNumber > 1
                ? url(request, true, Map.of("page", String.valueOf(pageNumber - 1), "per_page", size)) : null);
        result.put("count", items.size());
        return result;
    }

    static int intParam(ApiRequest request, String name, int defaultValue, int min, int max) {
        String raw = request.queryValue(name).orElse(null);
        if (raw == null) {
            return defaultValue;
        }
        try {
            return Math.max(min, Math.min(max, Integer.parseInt(raw.trim())));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a number, got '" + raw + "'");
        }
    }

    private static <T> int indexOf(List<T> items, ToLongFunction<T> key, long wanted) {
        for (int i = 0; i < items.size(); i++) {
            if (key.applyAsLong(items.get(i)) == wanted) {
                return i;
            }
        }
        throw ApiException.badRequest("The page cursor does not point at a record of this list any more");
    }

    static String encode(long key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("k" + key).getBytes(StandardCharsets.UTF_8));
    }

    private static long decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith("k")) {
                throw new IllegalArgumentException(text);
            }
            return Long.parseLong(text.substring(1));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Invalid page cursor '" + cursor + "'");
        }
    }

    /**
     * The request's URL with its paging parameters replaced by {@code paging}; {@code dotJson} adds the {@code .json}
     * suffix the emulator strips from request paths before routing.
     */
    static String url(ApiRequest request, boolean dotJson, Map<String, String> paging) {
        StringBuilder url = new StringBuilder(request.baseUrl()).append(request.path());
        if (dotJson && !request.path().endsWith(".json")) {
            url.append(".json");
        }
        char separator = '?';
        for (Map.Entry<String, List<String>> e : request.query().entrySet()) {
            if (e.getKey().startsWith("page") || e.getKey().equals("per_page") || paging.containsKey(e.getKey())) {
                continue;
            }
            for (String value : e.getValue()) {
                url.append(separator).append(enc(e.getKey())).append('=').append(enc(value));
                separator = '&';
            }
        }
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(paging).entrySet()) {
            url.append(separator).append(enc(e.getKey())).append('=').append(enc(e.getValue()));
            separator = '&';
        }
        return url.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
