package dev.cameljira.jira.client;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One call to Jira: method, path below the base URL, query, and a JSON or multipart body. Built with
 * {@link #get(String)}, {@link #post(String)} etc. A request is idempotent (safe to retry after an I/O error) unless it
 * is a POST, which may be marked idempotent explicitly when it only reads (e.g. search).
 */
public final class JiraRequest {

    /**
     * One file part of a multipart upload. The supplier is called once per attempt; a part is {@code repeatable} when
     * the supplier can produce the content again (a file or bytes, not a one-shot stream).
     */
    public record FilePart(String fieldName, String fileName, String contentType, Supplier<InputStream> content,
            boolean repeatable) {
    }

    private final String method;
    private final String path;
    private final Map<String, List<String>> query = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private JsonNode body;
    private final List<FilePart> files = new ArrayList<>();
    private Boolean idempotent;
    private boolean retriesAllowed = true;
    private String subject;

    private JiraRequest(String method, String path) {
        this.method = method;
        this.path = Objects.requireNonNull(path, "path");
    }

    public static JiraRequest get(String path) {
        return new JiraRequest("GET", path);
    }

    public static JiraRequest post(String path) {
        return new JiraRequest("POST", path);
    }

    public static JiraRequest put(String path) {
        return new JiraRequest("PUT", path);
    }

    public static JiraRequest delete(String path) {
        return new JiraRequest("DELETE", path);
    }

    /** Adds a query parameter; null values are skipped. */
    public JiraRequest query(String name, Object value) {
        if (value != null) {
            if (value instanceof Collection<?> c) {
                c.forEach(v -> query(name, v));
            } else {
                query.computeIfAbsent(name, k -> new ArrayList<>()).add(String.valueOf(value));
            }
        }
        return this;
    }

    public JiraRequest header(String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
        return this;
    }

    public JiraRequest body(JsonNode json) {
        this.body = json;
        return this;
    }

    public JiraRequest file(FilePart part) {
        files.add(part);
        return this;
    }

    /** Marks a POST as safe to retry (it only reads). */
    public JiraRequest idempotent(boolean value) {
        this.idempotent = value;
        return this;
    }

    /**
     * Whether the client may retry this request at all (default true). A probe that must answer quickly, such as the
     * readiness check, asks once: {@code retries(false)}.
     */
    public JiraRequest retries(boolean allowed) {
        this.retriesAllowed = allowed;
        return this;
    }

    /** What the request is about, for error messages: e.g. {@code issue DEMO-1}. */
    public JiraRequest subject(String subject) {
        this.subject = subject;
        return this;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public Map<String, List<String>> query() {
        return query;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public JsonNode body() {
        return body;
    }

    public List<FilePart> files() {
        return files;
    }

    public String subject() {
        return subject;
    }

    /** False when {@link #retries(boolean) retries(false)} was set. */
    public boolean retriesAllowed() {
        return retriesAllowed;
    }

    public boolean isIdempotent() {
        if (idempotent != null) {
            return idempotent;
        }
        return !"POST".equals(method.toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
