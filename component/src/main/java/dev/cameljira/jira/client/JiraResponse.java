package dev.cameljira.jira.client;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A response read in full: status, headers (names lower-cased) and body bytes.
 */
public record JiraResponse(int status, Map<String, List<String>> headers, byte[] body) {

    /** First value of a header (case-insensitive), or null. */
    public String header(String name) {
        List<String> v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    public String bodyAsString() {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    public boolean hasBody() {
        return body != null && body.length > 0;
    }

    @Override
    public String toString() {
        return "JiraResponse[status=" + status + ", bytes=" + (body == null ? 0 : body.length) + "]";
    }
}
