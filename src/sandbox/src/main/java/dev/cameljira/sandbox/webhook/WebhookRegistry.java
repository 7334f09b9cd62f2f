package dev.cameljira.sandbox.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.http.ApiException;
import dev.cameljira.sandbox.jira.search.SearchService;
import dev.cameljira.sandbox.jql.JqlQuery;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Admin webhook registrations, with their parsed JQL filters. Thread-safe. */
public final class WebhookRegistry {

    /** Events the sandbox fires. Other Jira event names are accepted but never fire. */
    public static final Set<String> FIRED = Set.of("jira:issue_created", "jira:issue_updated", "jira:issue_deleted",
            "comment_created", "comment_updated", "comment_deleted", "worklog_created", "worklog_updated", "worklog_deleted",
            "issuelink_created", "issuelink_deleted", "project_created", "project_updated", "project_deleted",
            "jira:version_created", "jira:version_updated", "jira:version_released", "jira:version_unreleased",
            "jira:version_moved", "jira:version_deleted");

    private final Map<Long, WebhookRegistration> registrations = new LinkedHashMap<>();
    private final Map<Long, Optional<JqlQuery>> filters = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(1);
    private final SearchService search;

    public WebhookRegistry(SearchService search) {
        this.search = search;
    }

    /**
     * Validates a registration body and stores it (id 0 = new). A PUT replaces the registration: name, url, events
     * and filters are taken from the body only; a secret that is not given is kept.
     */
    public synchronized WebhookRegistration save(long id, JsonNode body, Instant now, String by, WebhookRegistration previous) {
        String name = text(body, "name", null);
        String url = text(body, "url", null);
        Map<String, String> errors = new LinkedHashMap<>();
        if (name == null || name.isBlank()) {
            errors.put("name", "The webhook name must not be empty.");
        }
        if (url == null || !validUrl(url)) {
            errors.put("url", "The webhook URL must be an absolute http(s) URL.");
        }
        List<String> events = new ArrayList<>();
        JsonNode ev = body.get("events");
        if (ev != null && ev.isArray()) {
            ev.forEach(e -> events.add(e.asText()));
        }
        if (events.isEmpty()) {
            errors.put("events", "The webhook needs a non-empty array of events, e.g. [\"jira:issue_created\"].");
        }
        for (String e : events) {
            if (!e.matches("[a-z_:]+")) {
                errors.put("events", "Unknown webhook event '" + e + "'.");
            }
        }
        JsonNode filtersNode = body.get("filters");
        String jql = null;
        if (filtersNode != null && filtersNode.isObject()) {
            JsonNode f = filtersNode.get("issue-related-events-section");
            jql = f == null || f.isNull() || f.asText().isBlank() ? null : f.asText();
        }
        if (!errors.isEmpty()) {
            throw ApiException.fields(errors);
        }
        Optional<JqlQuery> parsed = parseFilter(jql);
        boolean excludeBody = body.has("excludeBody") ? body.get("excludeBody").asBoolean()
                : previous != null && previous.excludeBody();
        String secret = body.has("secret") ? (body.get("secret").isNull() ? null : body.get("secret").asText())
                : previous == null ? null : previous.secret();
        boolean enabled = body.has("enabled") ? body.get("enabled").asBoolean() : previous == null || previous.enabled();
        long newId = id == 0 ? ids.getAndIncrement() : id;
        WebhookRegistration reg = new WebhookRegistration(newId, name, url, List.copyOf(events), jql, excludeBody,
                secret == null || secret.isEmpty() ? null : secret, enabled, now, by);
        registrations.put(newId, reg);
        filters.put(newId, parsed);
        return reg;
    }

    private Optional<JqlQuery> parseFilter(String jql) {
        if (jql == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(search.parse(jql));
        } catch (UnsupportedOperationException e) {
            // JQL parser not available (yet): the filter is kept and checked lazily at delivery time
            return Optional.empty();
        } catch (ApiException e) {
            throw ApiException.field("filters", "Invalid JQL filter: " + String.join(" ", e.errorMessages()));
        }
    }

    public synchronized Optional<WebhookRegistration> get(long id) {
        return Optional.ofNullable(registrations.get(id));
    }

    public synchronized List<WebhookRegistration> all() {
        return List.copyOf(registrations.values());
    }

    public synchronized boolean delete(long id) {
        filters.remove(id);
        return registrations.remove(id) != null;
    }

    public synchronized void clear() {
        registrations.clear();
        filters.clear();
    }

    /** The parsed filter of a registration, parsing lazily if it could not be parsed at registration time. */
    Optional<JqlQuery> filter(WebhookRegistration reg) {
        Optional<JqlQuery> f = filters.get(reg.id());
        if ((f == null || f.isEmpty()) && reg.jqlFilter() != null) {
            f = Optional.of(search.parse(reg.jqlFilter()));
            filters.put(reg.id(), f);
        }
        return f == null ? Optional.empty() : f;
    }

    SearchService search() {
        return search;
    }

    private static boolean validUrl(String url) {
        try {
            URI uri = URI.create(url.replace("${", "%7B").replace("}", "%7D"));
            return uri.isAbsolute() && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String text(JsonNode body, String field, String fallback) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? fallback : v.asText();
    }
}
