package dev.cameljira.jira.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of an admin webhook registration ({@code POST|PUT /rest/webhooks/1.0/webhook}), serialised by Jackson:
 * {@code {name, url, events[], filters: {"issue-related-events-section": JQL}, excludeBody, secret}}.
 *
 * @param name        the registration's name
 * @param url         where Jira delivers
 * @param events      event names, e.g. jira:issue_created
 * @param filters     {@code issue-related-events-section} -> the JQL filter ("" for none)
 * @param excludeBody whether Jira leaves the payload out
 * @param secret      the HMAC signing secret, or null; never shown by {@link #toString()}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookRegistration(String name, String url, List<String> events, Map<String, String> filters,
                                  boolean excludeBody, String secret) {

    /** A registration of {@code events} for {@code url}, filtered by {@code jql} (null for none). */
    public static WebhookRegistration of(String name, String url, List<String> events, String jql, String secret) {
        return new WebhookRegistration(name, url, List.copyOf(events),
                Map.of("issue-related-events-section", jql == null ? "" : jql), false, secret);
    }

    @Override
    public String toString() {
        return "WebhookRegistration[" + name + " " + url + " " + events + " filters=" + filters
               + (secret == null ? "" : " secret=xxxxxx") + "]";
    }
}
