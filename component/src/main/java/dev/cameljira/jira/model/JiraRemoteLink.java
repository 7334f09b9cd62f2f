package dev.cameljira.jira.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A remote issue link: a link from a Jira issue to an item in another system.
 *
 * @param id              Jira's id of the link
 * @param globalId        the item's identity in its system, or null
 * @param url             the item's URL ({@code object.url})
 * @param title           the link text ({@code object.title})
 * @param summary         the line shown next to the title ({@code object.summary}), or null
 * @param relationship    how the issue relates to the item, or null (Jira shows "links to")
 * @param applicationName the other system's name ({@code application.name}), or null
 * @param raw             the link as Jira returns it ({@code id, self, globalId, application, relationship, object})
 */
public record JiraRemoteLink(String id, String globalId, String url, String title, String summary, String relationship,
                             String applicationName, JsonNode raw) {

    /** Reads a link as {@code GET /issue/{key}/remotelink} returns it; null for anything but an object. */
    public static JiraRemoteLink from(JsonNode n) {
        if (n == null || !n.isObject()) {
            return null;
        }
        JsonNode object = n.path("object");
        return new JiraRemoteLink(JiraUser.text(n, "id"), JiraUser.text(n, "globalId"), JiraUser.text(object, "url"),
                JiraUser.text(object, "title"), JiraUser.text(object, "summary"), JiraUser.text(n, "relationship"),
                JiraUser.text(n.path("application"), "name"), n);
    }

    @Override
    public String toString() {
        return "JiraRemoteLink[" + id + ": " + title + " -> " + url + (globalId == null ? "" : " (" + globalId + ")") + "]";
    }
}
