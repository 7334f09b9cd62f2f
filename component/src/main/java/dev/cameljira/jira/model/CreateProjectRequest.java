package dev.cameljira.jira.model;

/**
 * Typed body of createProject. Only {@code key} and {@code name} are required.
 *
 * @param key                project key: an uppercase letter followed by 1-9 uppercase letters or digits, e.g. OPS
 * @param name               project name
 * @param projectTypeKey     software (default), business or service_desk
 * @param lead               project lead: accountId (Cloud), user name (Data Center) or e-mail (looked up); default
 *                           the user the endpoint authenticates as
 * @param description        plain-text description
 * @param assigneeType       default assignee of new issues: PROJECT_LEAD or UNASSIGNED
 * @param projectTemplateKey project template, e.g. com.pyxis.greenhopper.jira:gh-simplified-kanban-classic
 */
public record CreateProjectRequest(String key, String name, String projectTypeKey, String lead, String description,
                                   String assigneeType, String projectTemplateKey) {

    public static CreateProjectRequest of(String key, String name) {
        return new CreateProjectRequest(key, name, null, null, null, null, null);
    }

    public CreateProjectRequest withProjectTypeKey(String value) {
        return new CreateProjectRequest(key, name, value, lead, description, assigneeType, projectTemplateKey);
    }

    public CreateProjectRequest withLead(String value) {
        return new CreateProjectRequest(key, name, projectTypeKey, value, description, assigneeType, projectTemplateKey);
    }

    public CreateProjectRequest withDescription(String value) {
        return new CreateProjectRequest(key, name, projectTypeKey, lead, value, assigneeType, projectTemplateKey);
    }

    public CreateProjectRequest withAssigneeType(String value) {
        return new CreateProjectRequest(key, name, projectTypeKey, lead, description, value, projectTemplateKey);
    }

    public CreateProjectRequest withProjectTemplateKey(String value) {
        return new CreateProjectRequest(key, name, projectTypeKey, lead, description, assigneeType, value);
    }
}
