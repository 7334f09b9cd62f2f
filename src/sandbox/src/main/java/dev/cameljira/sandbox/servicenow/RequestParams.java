package dev.cameljira.sandbox.servicenow;

import dev.cameljira.sandbox.http.ApiRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The query parameters and paging headers the Table and Attachment APIs share. */
final class RequestParams {

    private RequestParams() {
    }

    /** A boolean sysparm_* flag: true only for "true" (case-insensitive). */
    static boolean flag(ApiRequest request, String name) {
        return request.queryValue(name).map(Boolean::parseBoolean).orElse(false);
    }

    /** A whole-number parameter of at least {@code min}; a 400 naming it otherwise. */
    static int intParam(ApiRequest request, String name, int defaultValue, int min) {
        String raw = request.queryValue(name).orElse(null);
        if (raw == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Invalid " + name, name + " must be a whole number >= " + min
                    + ", got '" + raw + "'");
        }
    }

    /** ServiceNow's Link header: first, prev, next and last pages, as {@code <url>;rel="next"}, comma-separated. */
    static String links(ApiRequest request, int offset, int limit, int total) {
        Map<String, Integer> rels = new LinkedHashMap<>();
        rels.put("first", 0);
        if (offset > 0) {
            rels.put("prev", Math.max(0, offset - limit));
        }
        if ((long) offset + limit < total) {
            rels.put("next", offset + limit);
        }
        rels.put("last", total == 0 ? 0 : ((total - 1) / limit) * limit);
        List<String> links = new ArrayList<>();
        rels.forEach((rel, at) -> links.add("<" + pageUrl(request, at, limit) + ">;rel=\"" + rel + "\""));
        return String.join(",", links);
    }

    private static String pageUrl(ApiRequest request, int offset, int limit) {
        StringBuilder url = new StringBuilder(request.baseUrl()).append(request.path()).append('?');
        request.query().forEach((k, values) -> {
            if (!k.equals("sysparm_offset") && !k.equals("sysparm_limit")) {
                values.forEach(v -> url.append(enc(k)).append('=').append(enc(v)).append('&'));
            }
        });
        return url.append("sysparm_limit=").append(limit).append("&sysparm_offset=").append(offset).toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
