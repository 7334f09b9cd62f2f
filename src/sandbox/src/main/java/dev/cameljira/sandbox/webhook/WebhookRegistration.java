package dev.cameljira.sandbox.webhook;

import java.time.Instant;
import java.util.List;

/**
 * An admin webhook registration ({@code /rest/webhooks/1.0/webhook}).
 *
 * @param id          numeric id
 * @param name        name
 * @param url         target URL (may contain {@code ${issue.key}}-style variables)
 * @param events      subscribed events ({@code jira:issue_created}, ...)
 * @param jqlFilter   the {@code issue-related-events-section} filter, or null
 * @param excludeBody whether deliveries are sent without a body
 * @param secret      HMAC secret, or null (never rendered)
 * @param enabled     whether deliveries happen
 * @param lastUpdated when it was last written
 * @param lastUpdatedBy display name of the admin who wrote it
 */
public record WebhookRegistration(long id, String name, String url, List<String> events, String jqlFilter,
        boolean excludeBody, String secret, boolean enabled, Instant lastUpdated, String lastUpdatedBy) {

    /** Whether the registration wants an event. */
    public boolean wants(String event) {
        return enabled && events.contains(event);
    }

    @Override
    public String toString() {
        return "WebhookRegistration[id=" + id + ", name=" + name + ", url=" + url + ", events=" + events + ", jqlFilter="
                + jqlFilter + ", excludeBody=" + excludeBody + ", secret=" + (secret == null ? "none" : "****")
                + ", enabled=" + enabled + "]";
    }
}
