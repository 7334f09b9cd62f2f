package dev.cameljira.sandbox.spec;

import java.util.List;
import java.util.Map;

/**
 * One HTTP request and the response it got, as seen on the wire. The common currency between the sandbox's own
 * request journal, a WireMock listener in the component's tests and {@link JiraSpecValidator}.
 *
 * @param method          HTTP method, upper case
 * @param path            request path without query string, e.g. {@code /rest/api/3/issue/DEMO-1}
 * @param query           decoded query parameters (multi-valued)
 * @param requestHeaders  request headers (names as sent; look-ups should be case-insensitive)
 * @param requestBody     raw request body, empty array when none
 * @param status          response status code
 * @param responseHeaders response headers
 * @param responseBody    raw response body, empty array when none
 */
public record HttpExchangeRecord(
        String method,
        String path,
        Map<String, List<String>> query,
        Map<String, List<String>> requestHeaders,
        byte[] requestBody,
        int status,
        Map<String, List<String>> responseHeaders,
        byte[] responseBody) {

    /** First value of a request header, case-insensitive, or null. */
    public String requestHeader(String name) {
        return first(requestHeaders, name);
    }

    /** First value of a response header, case-insensitive, or null. */
    public String responseHeader(String name) {
        return first(responseHeaders, name);
    }

    private static String first(Map<String, List<String>> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && e.getValue() != null && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }
}
