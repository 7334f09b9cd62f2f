package dev.cameljira.sandbox.jira.model;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A remote issue link: a link from an issue to an item in another system (a Zendesk ticket, a ServiceNow incident, a
 * web page). Its content is kept as Jira's request gave it, trimmed to the fields Jira stores: {@code globalId},
 * {@code application {type, name}}, {@code relationship} and {@code object {url, title, summary, icon, status}}.
 *
 * @param id      Jira's id of the link (ids are global, not per issue)
 * @param issueId the issue it hangs off
 * @param content the stored fields (never {@code id} or {@code self}); replaced as a whole on update
 */
public record RemoteLink(long id, long issueId, ObjectNode content) {

    /** The link's global id, or null. */
    public String globalId() {
        return content.hasNonNull("globalId") ? content.get("globalId").asText() : null;
    }

    /** The same link with new content (an update replaces every field, as in Jira). */
    public RemoteLink withContent(ObjectNode value) {
        return new RemoteLink(id, issueId, value);
    }
}
