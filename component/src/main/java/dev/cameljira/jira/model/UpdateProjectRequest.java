package dev.cameljira.jira.model;

/**
 * Typed body of updateProject: the project to change and the values to set; null values are left unchanged. At least
 * one value must be given.
 *
 * @param key          key or id of the project to update
 * @param name         new name
 * @param description  new plain-text description
 * @param lead         new lead: accountId (Cloud), user name (Data Center) or e-mail (looked up)
 * @param assigneeType new default assignee: PROJECT_LEAD or UNASSIGNED
 * @param url          new link to information about the project
 */
public record UpdateProjectRequest(String key, String name, String description, String lead, String assigneeType, String url) {

    public static UpdateProjectRequest of(String key) {
        return new UpdateProjectRequest(key, null, null, null, null, null);
    }

    public UpdateProjectRequest withName(String value) {
        return new UpdateProjectRequest(key, value, description, lead, assigneeType, url);
    }

    public UpdateProjectRequest withDescription(String value) {
        return new UpdateProjectRequest(key, name, value, lead, assigneeType, url);
    }

    public UpdateProjectRequest withLead(String value) {
        return new UpdateProjectRequest(key, name, description, value, assigneeType, url);
    }

    public UpdateProjectRequest withAssigneeType(String value) {
        return new UpdateProjectRequest(key, name, description, lead, value, url);
    }

    public UpdateProjectRequest withUrl(String value) {
        return new UpdateProjectRequest(key, name, description, lead, assigneeType, value);
    }
}
