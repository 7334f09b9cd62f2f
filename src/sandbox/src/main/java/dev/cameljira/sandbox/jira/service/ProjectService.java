package dev.cameljira.sandbox.jira.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.http.ApiException;
import dev.cameljira.sandbox.http.Json;
import dev.cameljira.sandbox.jira.model.Issue;
import dev.cameljira.sandbox.jira.model.Project;
import dev.cameljira.sandbox.jira.model.ProjectCategory;
import dev.cameljira.sandbox.jira.model.Schemes;
import dev.cameljira.sandbox.jira.model.User;
import dev.cameljira.sandbox.jira.store.JiraStore;
import dev.cameljira.sandbox.webhook.WebhookPayloads;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Project create, update and delete (Jira administrators only), with {@code project_*} events. */
public final class ProjectService {

    private static final Set<String> PROJECT_TYPES = Set.of("software", "business", "service_desk");
    private static final String ADMIN_ONLY = "You must have global administrator rights in order to modify projects.";

    private final JiraStore store;
    private final EventPublisher events;
    private final WebhookPayloads payloads;

    public ProjectService(JiraStore store, EventPublisher events, WebhookPayloads payloads) {
        this.store = store;
        this.events = events;
        this.payloads = payloads;
    }

    /** {@code POST /project}: Cloud needs key, name, projectTypeKey, leadAccountId; Server key, name, projectTypeKey, lead. */
    public Project create(JsonNode body, User actor) {
        requireAdmin(actor);
        return store.write(() -> {
            Map<String, String> errors = new LinkedHashMap<>();
            String key = Json.text(body, "key");
            String name = Json.text(body, "name");
            String type = Json.text(body, "projectTypeKey");
            if (key == null || key.isBlank()) {
                errors.put("projectKey", "You must specify a unique project key, at least 2 characters long.");
            } else if (!key.matches("[A-Z][A-Z0-9]{1,9}")) {
                errors.put("projectKey", "Project keys must start with an uppercase letter, followed by one or more uppercase "
                        + "alphanumeric characters (at most 10 characters).");
            } else if (store.project(key).isPresent()) {
                errors.put("projectKey", "Project '" + store.project(key).get().name() + "' uses this project key.");
            }
            if (name == null || name.isBlank()) {
                errors.put("projectName", "You must specify a valid project name.");
            } else if (store.projects().stream().anyMatch(p -> p.name().equalsIgnoreCase(name))) {
                errors.put("projectName", "A project with that name already exists.");
            }
            if (type == null || !PROJECT_TYPES.contains(type)) {
                errors.put("projectTypeKey", "A valid project type key is required (software, business, service_desk).");
            }
            User lead = lead(body, errors);
            ProjectCategory category = category(body, errors);
            Long permissionScheme = schemeId(body, "permissionScheme", "permission scheme", Schemes::permissionScheme, errors);
            Long notificationScheme = schemeId(body, "notificationScheme", "notification scheme", Schemes::notificationScheme,
                    errors);
            Long securityScheme = schemeId(body, "issueSecurityScheme", "issue security scheme", Schemes::securityScheme,
                    errors);
            if (!errors.isEmpty()) {
                throw ApiException.fields(errors);
            }
            Project project = new Project(store.nextProjectId(), key, name, Json.text(body, "description"), lead, type);
            project.category(category);
            if (permissionScheme != null) {
                project.permissionSchemeId(permissionScheme);
            }
            if (notificationScheme != null) {
                project.notificationSchemeId(notificationScheme);
            }
            project.issueSecuritySchemeId(securityScheme);
            store.addProject(project);
            events.publish("project_created", null, () -> payloads.project("project_created", project));
            return project;
        });
    }

    private User lead(JsonNode body, Map<String, String> errors) {
        String field = store.cloud() ? "leadAccountId" : "lead";
        String ref = Json.text(body, field);
        if (ref == null && store.cloud()) {
            ref = Json.text(body, "lead");
        }
        Optional<User> lead = store.user(ref);
        if (lead.isEmpty()) {
            errors.put("projectLead", "You must specify a valid project lead (" + field + ").");
            return null;
        }
        return lead.get();
    }

    /** The {@code categoryId} of a create/update body (absent or null: none); an unknown id is an error. */
    private ProjectCategory category(JsonNode body, Map<String, String> errors) {
        String id = Json.text(body, "categoryId");
        if (id == null) {
            return null;
        }
        Optional<ProjectCategory> category = store.catalog().projectCategory(id);
        if (category.isEmpty()) {
            errors.put("categoryId", "No project category with id '" + id + "' exists.");
            return null;
        }
        return category.get();
    }

    /**
     * A scheme id of a create body ({@code permissionScheme}, {@code notificationScheme}, {@code issueSecurityScheme}):
     * null when absent; an unknown or non-numeric id is an error naming the member, as Jira answers.
     */
    private static Long schemeId(JsonNode body, String field, String what,
            java.util.function.LongFunction<Optional<Schemes.Scheme>> lookup, Map<String, String> errors) {
        String value = Json.text(body, field);
        if (value == null) {
            return null;
        }
        try {
            long id = Long.parseLong(value.trim());
            if (lookup.apply(id).isPresent()) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.put(field, "The " + what + " with id '" + value + "' does not exist.");
        return null;
    }

    /** {@code PUT /project/{keyOrId}}: name, description, lead, categoryId. */
    public Project update(String keyOrId, JsonNode body, User actor) {
        requireAdmin(actor);
        return store.write(() -> {
            Project project = store.requireProject(keyOrId);
            Map<String, String> errors = new LinkedHashMap<>();
            String key = Json.text(body, "key");
            if (key != null && !key.equals(project.key())) {
                errors.put("projectKey", "Changing the project key is not supported by the sandbox.");
            }
            String name = Json.text(body, "name");
            if (name != null && store.projects().stream().anyMatch(p -> p != project && p.name().equalsIgnoreCase(name))) {
                errors.put("projectName", "A project with that name already exists.");
            }
            User lead = null;
            if (body.has("leadAccountId") || body.has("lead")) {
                lead = lead(body, errors);
            }
            ProjectCategory category = category(body, errors);
            if (!errors.isEmpty()) {
                throw ApiException.fields(errors);
            }
            if (name != null) {
                project.name(name);
            }
            if (body.has("description")) {
                project.description(Json.text(body, "description"));
            }
            if (lead != null) {
                project.lead(lead);
            }
            if (category != null) {
                project.category(category);
            }
            events.publish("project_updated", null, () -> payloads.project("project_updated", project));
            return project;
        });
    }

    /** {@code DELETE /project/{keyOrId}}: the project and its issues. */
    public void delete(String keyOrId, User actor) {
        requireAdmin(actor);
        store.write(() -> {
            Project project = store.requireProject(keyOrId);
            List<Issue> issues = new ArrayList<>();
            for (Issue i : store.issues()) {
                if (i.project() == project) {
                    issues.add(i);
                }
            }
            issues.forEach(store::removeIssue);
            store.removeProject(project);
            events.publish("project_deleted", null, () -> payloads.project("project_deleted", project));
            return null;
        });
    }

    private static void requireAdmin(User actor) {
        if (!actor.admin()) {
            throw ApiException.of(403, ADMIN_ONLY);
        }
    }
}
