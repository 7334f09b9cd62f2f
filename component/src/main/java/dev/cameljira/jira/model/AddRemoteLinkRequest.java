package dev.cameljira.jira.model;

/**
 * Typed body of addRemoteLink: a link from an issue to an item in another system (a Zendesk ticket, a ServiceNow
 * incident, any web page). With a {@code globalId}, adding it again updates the link Jira already has with that id
 * instead of adding another (Jira's upsert), so a sync route can call it on every change.
 *
 * @param issueKey        the issue; may be null when the issue key header is set
 * @param url             the item's URL (required, absolute)
 * @param title           the link text (required), e.g. "ZD #4711"
 * @param globalId        the item's identity in its system (at most 255 characters), e.g.
 *                        {@code system=https://acme.zendesk.com&id=4711}; null adds a new link each time
 * @param summary         a line shown next to the title
 * @param relationship    how the issue relates to the item, e.g. "synced with" (Jira shows "links to" when null)
 * @param applicationName the other system's name, e.g. Zendesk (Jira groups links by it)
 * @param applicationType the other system's name-spaced type, e.g. com.zendesk
 * @param iconUrl         a 16x16 icon shown before the title
 */
public record AddRemoteLinkRequest(String issueKey, String url, String title, String globalId, String summary,
                                   String relationship, String applicationName, String applicationType, String iconUrl) {

    /** A link with just its URL and title. */
    public static AddRemoteLinkRequest of(String issueKey, String url, String title) {
        return new AddRemoteLinkRequest(issueKey, url, title, null, null, null, null, null, null);
    }

    public AddRemoteLinkRequest withGlobalId(String value) {
        return new AddRemoteLinkRequest(issueKey, url, title, value, summary, relationship, applicationName, applicationType,
                iconUrl);
    }

    public AddRemoteLinkRequest withSummary(String value) {
        return new AddRemoteLinkRequest(issueKey, url, title, globalId, value, relationship, applicationName, applicationType,
                iconUrl);
    }

    public AddRemoteLinkRequest withRelationship(String value) {
        return new AddRemoteLinkRequest(issueKey, url, title, globalId, summary, value, applicationName, applicationType,
                iconUrl);
    }

    /** The other system's name and name-spaced type, e.g. {@code withApplication("Zendesk", "com.zendesk")}. */
    public AddRemoteLinkRequest withApplication(String name, String type) {
        return new AddRemoteLinkRequest(issueKey, url, title, globalId, summary, relationship, name, type, iconUrl);
    }

    public AddRemoteLinkRequest withIconUrl(String value) {
        return new AddRemoteLinkRequest(issueKey, url, title, globalId, summary, relationship, applicationName, applicationType,
                value);
    }
}
