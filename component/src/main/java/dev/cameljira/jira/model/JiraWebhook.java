package dev.cameljira.jira.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An admin webhook registration as Jira lists it ({@code /rest/webhooks/1.0/webhook}).
 *
 * @param id     the registration id: the last segment of its {@code self} URL (Jira sends no separate id field), else
 *               its {@code id}; null when Jira sent neither
 * @param name   its name
 * @param url    where Jira delivers
 * @param events the events it sends
 * @param raw    the JSON Jira sent
 */
public record JiraWebhook(String id, String name, String url, List<String> events, JsonNode raw) {

    /** Reads a registration; null for a non-object. */
    public static JiraWebhook from(JsonNode n) {
        if (n == null || !n.isObject()) {
            return null;
        }
        List<String> events = new ArrayList<>();
        n.path("events").forEach(e -> events.add(e.asText()));
        return new JiraWebhook(idOf(n), JiraUser.text(n, "name"), JiraUser.text(n, "url"), List.copyOf(events), n);
    }

    private static String idOf(JsonNode n) {
        String self = n.path("self").asText("");
        int slash = self.lastIndexOf('/');
        if (slash >= 0 && slash < self.length() - 1) {
            return self.substring(slash + 1);
        }
        JsonNode id = n.get("id");
        return id == null || id.isNull() ? null : id.asText();
    }

    @Override
    public String toString() {
        return "JiraWebhook[" + id + " " + url + " " + events + "]";
    }
}
