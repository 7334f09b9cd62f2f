package dev.cameljira.sandbox.jira.rest;

import dev.cameljira.sandbox.http.ApiException;
import dev.cameljira.sandbox.http.ApiRequest;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** Shared parameter parsing: {@code startAt}/{@code maxResults} and {@code expand}. */
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
}
