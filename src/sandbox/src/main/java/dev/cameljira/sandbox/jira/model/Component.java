package dev.cameljira.sandbox.jira.model;

/**
 * A project component. Immutable: an edit replaces it in its project and in the issues that have it.
 *
 * @param id           id (unique across projects)
 * @param name         name (unique in its project, case-insensitive)
 * @param description  description, or null
 * @param lead         the component's lead, or null
 * @param assigneeType who new issues with it go to: {@code PROJECT_DEFAULT}, {@code COMPONENT_LEAD},
 *                     {@code PROJECT_LEAD} or {@code UNASSIGNED}
 */
public record Component(String id, String name, String description, User lead, String assigneeType) {

    /** A component without lead whose issues follow the project's default assignee. */
    public Component(String id, String name, String description) {
        this(id, name, description, null, "PROJECT_DEFAULT");
    }
}
