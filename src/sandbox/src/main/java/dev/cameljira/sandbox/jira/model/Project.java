package dev.cameljira.sandbox.jira.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A project. Mutable; guarded by the store's lock. */
public final class Project {
    private final Map<String, JsonNode> properties = new LinkedHashMap<>();
    private final long id;
    private String key;
    private String name;
    private String description;
    private User lead;
    private final String projectTypeKey;
    private final List<Component> components = new ArrayList<>();
    private final List<Version> versions = new ArrayList<>();
    private ProjectCategory category;
    private int lastIssueNumber;
    private long permissionSchemeId = Schemes.DEFAULT_PERMISSION_SCHEME_ID;
    private long notificationSchemeId = Schemes.DEFAULT_NOTIFICATION_SCHEME_ID;
    private Long issueSecuritySchemeId;

    public Project(long id, String key, String name, String description, User lead, String projectTypeKey) {
        this.id = id;
        this.key = key;
        this.name = name;
        this.description = description;
        this.lead = lead;
        this.projectTypeKey = projectTypeKey;
    }

    /** Entity properties ({@code .../properties/{key}}), in the order they were first set. */
    public Map<String, JsonNode> properties() {
        return properties;
    }

    public long id() {
        return id;
    }

    public String key() {
        return key;
    }

    public void key(String key) {
        this.key = key;
    }

    public String name() {
        return name;
    }

    public void name(String name) {
        this.name = name;
    }

    public String description() {
        return description;
    }

    public void description(String description) {
        this.description = description;
    }

    public User lead() {
        return lead;
    }

    public void lead(User lead) {
        this.lead = lead;
    }

    public String projectTypeKey() {
        return projectTypeKey;
    }

    /** The project's category, or null. */
    public ProjectCategory category() {
        return category;
    }

    public void category(ProjectCategory category) {
        this.category = category;
    }

    public List<Component> components() {
        return components;
    }

    /** The project's permission scheme ({@link Schemes}). */
    public long permissionSchemeId() {
        return permissionSchemeId;
    }

    public void permissionSchemeId(long id) {
        this.permissionSchemeId = id;
    }

    /** The project's notification scheme ({@link Schemes}). */
    public long notificationSchemeId() {
        return notificationSchemeId;
    }

    public void notificationSchemeId(long id) {
        this.notificationSchemeId = id;
    }

    /** The project's issue security scheme, or null (Jira's default: none). */
    public Long issueSecuritySchemeId() {
        return issueSecuritySchemeId;
    }

    public void issueSecuritySchemeId(Long id) {
        this.issueSecuritySchemeId = id;
    }

    /** The project's versions, in the project's order (the order {@code POST /version/{id}/move} changes). */
    public List<Version> versions() {
        return versions;
    }

    /** Allocates the next issue number (DEMO-1, DEMO-2, ...). */
    public int nextIssueNumber() {
        return ++lastIssueNumber;
    }

    @Override
    public String toString() {
        return "Project[" + key + "]";
    }
}
