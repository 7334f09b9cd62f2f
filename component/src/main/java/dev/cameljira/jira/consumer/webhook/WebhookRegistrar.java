package dev.cameljira.jira.consumer.webhook;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.jira.client.JiraApi;
import dev.cameljira.jira.client.JiraNotFoundException;
import dev.cameljira.jira.client.JiraOutcomeUnknownException;
import dev.cameljira.jira.client.JiraPermissionException;
import dev.cameljira.jira.client.JiraRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the endpoint's Jira admin webhook ({@code /rest/webhooks/1.0/webhook}, Cloud and Data Center) through the
 * endpoint's Jira client: one registration per URL, reused (and brought up to date) on restart, removed on stop.
 */
final class WebhookRegistrar {

    static final String PATH = "/rest/webhooks/1.0/webhook";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookRegistrar.class);

    private final JiraApi api;
    private final String name;
    private final String url;
    private final List<String> events;
    private final String jql;
    private final String secret;

    /**
     * @param url    the address Jira delivers to
     * @param events concrete event names
     * @param jql    the filter of issue-related events, or null
     * @param secret the signing secret, or null
     */
    WebhookRegistrar(JiraApi api, String name, String url, List<String> events, String jql, String secret) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("events selects no event Jira's admin webhooks can send; name events such as "
                                               + JiraWebhookConfiguration.DEFAULT_EVENTS);
        }
        this.api = api;
        this.name = name;
        this.url = url;
        this.events = List.copyOf(events);
        this.jql = jql;
        this.secret = secret;
    }

    /**
     * Makes sure exactly one webhook for the URL is registered with the configured events, filter and secret: reuses
     * (updates) an existing one, deletes further duplicates for the same URL, else creates one.
     *
     * @return the registration id
     * @throws JiraPermissionException with an explanation of the Jira Administrators permission and the by-hand
     *                                 alternative, when Jira answers 403
     */
    String register() {
        try {
            List<JsonNode> same = registrationsForUrl();
            if (same.isEmpty()) {
                return create();
            }
            String id = idOf(same.get(0));
            api.client().json(JiraRequest.put(PATH + "/" + JiraApi.seg(id)).body(body()).subject("webhook " + id));
            for (JsonNode extra : same.subList(1, same.size())) {
                String extraId = idOf(extra);
                LOG.info("Deleting duplicate Jira webhook {} for {} (keeping {})", extraId, url, id);
                delete(extraId);
            }
            LOG.info("Reusing Jira webhook {} for {} (events {})", id, url, events);
            return id;
        } catch (JiraPermissionException e) {
            throw explain(e);
        }
    }

    private String create() {
        JsonNode created;
        try {
            created = api.client().json(JiraRequest.post(PATH).body(body()).subject("webhook registration"));
        } catch (JiraOutcomeUnknownException e) {
            // the POST may have reached Jira: look before trying again
            List<JsonNode> same = registrationsForUrl();
            if (same.isEmpty()) {
                throw e;
            }
            created = same.get(0);
        }
        String id = idOf(created);
        LOG.info("Registered Jira webhook {} for {} (events {})", id, url, events);
        return id;
    }

    /** Deletes the registration; one that is already gone is fine. */
    void unregister(String id) {
        try {
            delete(id);
            LOG.info("Removed Jira webhook {} for {}", id, url);
        } catch (JiraNotFoundException gone) {
            LOG.debug("Jira webhook {} was already removed", id);
        }
    }

    private void delete(String id) {
        api.client().send(JiraRequest.delete(PATH + "/" + JiraApi.seg(id)).subject("webhook " + id));
    }

    private List<JsonNode> registrationsForUrl() {
        JsonNode all = api.client().json(JiraRequest.get(PATH).subject("webhooks"));
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode w : all) {
            if (sameUrl(url, w.path("url").asText(null))) {
                out.add(w);
            }
        }
        return out;
    }

    static boolean sameUrl(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return strip(a.trim()).equals(strip(b.trim()));
    }

    private static String strip(String u) {
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    ObjectNode body() {
        ObjectNode b = api.client().newObject();
        b.put("name", name);
        b.put("url", url);
        ArrayNode ev = b.putArray("events");
        events.forEach(ev::add);
        b.putObject("filters").put("issue-related-events-section", jql == null ? "" : jql);
        b.put("excludeBody", false);
        if (secret != null) {
            b.put("secret", secret);
        }
        return b;
    }

    /** The id of a registration: the last segment of its {@code self} URL (Jira sends no separate id field). */
    static String idOf(JsonNode registration) {
        String self = registration.path("self").asText("");
        int slash = self.lastIndexOf('/');
        if (slash >= 0 && slash < self.length() - 1) {
            return self.substring(slash + 1);
        }
        JsonNode id = registration.get("id");
        if (id != null && !id.isNull()) {
            return id.asText();
        }
        throw new IllegalStateException("Jira's webhook registration carries neither self nor id: cannot tell its id");
    }

    private JiraPermissionException explain(JiraPermissionException e) {
        String user = api.client().config().auth().describe();
        String message = "jira:webhook cannot register its webhook: Jira refused " + e.getMethod() + " " + PATH + " (403) for "
                         + user + ". Admin webhooks need the Jira Administrators global permission. Either grant it to that "
                         + "user, or set registerWebhook=false and register the webhook by hand in Jira's admin console "
                         + "(Settings > System > WebHooks) with URL " + url + ", events " + String.join(",", events)
                         + (jql == null ? "" : ", JQL filter '" + jql + "'")
                         + (secret == null ? "" : " and the same secret as this endpoint")
                         + "; the endpoint then only receives.";
        // carries Jira's status, call and messages; no cause, so the explanation is also the root cause a log shows
        return new JiraPermissionException(message, e.getStatus(), e.getMethod(), e.getUrl(), e.getErrorMessages(),
                e.getFieldErrors(), e.getRetryAfter());
    }
}
