package dev.cameljira.jira.consumer.webhook;

import java.util.ArrayList;
import java.util.List;

import dev.cameljira.jira.client.JiraApi;
import dev.cameljira.jira.client.JiraNotFoundException;
import dev.cameljira.jira.client.JiraOutcomeUnknownException;
import dev.cameljira.jira.client.JiraPermissionException;
import dev.cameljira.jira.model.JiraWebhook;
import dev.cameljira.jira.model.WebhookRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the endpoint's Jira admin webhook ({@code /rest/webhooks/1.0/webhook}, Cloud and Data Center) through the
 * endpoint's Jira client: one registration per URL, reused (and brought up to date) on restart, removed on stop.
 */
final class WebhookRegistrar {

    static final String PATH = JiraApi.WEBHOOKS;

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
            List<JiraWebhook> same = registrationsForUrl();
            if (same.isEmpty()) {
                return create();
            }
            String id = idOf(same.get(0));
            api.updateWebhook(id, registration());
            for (JiraWebhook extra : same.subList(1, same.size())) {
                String extraId = idOf(extra);
                LOG.info("Deleting duplicate Jira webhook {} for {} (keeping {})", extraId, url, id);
                api.deleteWebhook(extraId);
            }
            LOG.info("Reusing Jira webhook {} for {} (events {})", id, url, events);
            return id;
        } catch (JiraPermissionException e) {
            throw explain(e);
        }
    }

    private String create() {
        JiraWebhook created;
        try {
            created = api.createWebhook(registration());
        } catch (JiraOutcomeUnknownException e) {
            // the POST may have reached Jira: look before trying again
            List<JiraWebhook> same = registrationsForUrl();
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
            api.deleteWebhook(id);
            LOG.info("Removed Jira webhook {} for {}", id, url);
        } catch (JiraNotFoundException gone) {
            LOG.debug("Jira webhook {} was already removed", id);
        }
    }

    private List<JiraWebhook> registrationsForUrl() {
        List<JiraWebhook> out = new ArrayList<>();
        for (JiraWebhook w : api.webhooks()) {
            if (sameUrl(url, w.url())) {
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

    /** What is registered: the endpoint's URL, events, JQL filter and secret. */
    WebhookRegistration registration() {
        return WebhookRegistration.of(name, url, events, jql, secret);
    }

    /** The id of a registration, or an error when Jira sent neither self nor id. */
    static String idOf(JiraWebhook registration) {
        if (registration.id() == null) {
            throw new IllegalStateException("Jira's webhook registration carries neither self nor id: cannot tell its id");
        }
        return registration.id();
    }

    private JiraPermissionException explain(JiraPermissionException e) {
        String user = api.caller();
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
