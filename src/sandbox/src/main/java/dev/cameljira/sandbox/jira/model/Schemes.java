package dev.cameljira.sandbox.jira.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The seeded schemes of the emulated instance, read-only: permission schemes (Jira's "Default Permission Scheme", id 0,
 * which every project gets unless {@code POST project} names another), the default notification scheme and one issue
 * security scheme (assigned to no project by default, as Jira ships none).
 */
public final class Schemes {

    /** A scheme: id, name, description. */
    public record Scheme(long id, String name, String description) {
    }

    /** An issue security level of {@link #SECURITY_SCHEMES}. */
    public record SecurityLevel(String id, String name, String description, long schemeId) {
    }

    /** An event of a notification scheme with who is notified (Jira's notification types). */
    public record NotificationEvent(long id, String name, String description, List<String> notified) {
    }

    /** A project role (Jira's defaults); every project has each, with {@link #roleGroup} and, for administrators, its lead. */
    public record ProjectRole(long id, String name, String description) {
    }

    public static final long DEFAULT_PERMISSION_SCHEME_ID = 0;
    public static final long DEFAULT_NOTIFICATION_SCHEME_ID = 10000;
    public static final long SECURITY_SCHEME_ID = 10000;
    public static final String DEFAULT_SECURITY_LEVEL_ID = "10000";

    public static final List<Scheme> PERMISSION_SCHEMES = List.of(
            new Scheme(DEFAULT_PERMISSION_SCHEME_ID, "Default Permission Scheme",
                    "This is the default Permission Scheme. Any new projects that are created will be assigned this scheme."),
            new Scheme(10000, "Restricted Permission Scheme", "Only Jira administrators browse and edit."));

    public static final List<Scheme> NOTIFICATION_SCHEMES = List.of(
            new Scheme(DEFAULT_NOTIFICATION_SCHEME_ID, "Default Notification Scheme", ""));

    public static final List<Scheme> SECURITY_SCHEMES = List.of(
            new Scheme(SECURITY_SCHEME_ID, "Sandbox Security Scheme", "Who may see an issue."));

    public static final List<SecurityLevel> SECURITY_LEVELS = List.of(
            new SecurityLevel(DEFAULT_SECURITY_LEVEL_ID, "Staff", "Employees only", SECURITY_SCHEME_ID),
            new SecurityLevel("10001", "Administrators", "Jira administrators only", SECURITY_SCHEME_ID));

    /** Jira's standard events (ids as in Jira) and who the default scheme notifies. */
    public static final List<NotificationEvent> NOTIFICATION_EVENTS = List.of(
            new NotificationEvent(1, "Issue Created", "This is the 'issue created' event.",
                    List.of("CurrentAssignee", "Reporter", "AllWatchers")),
            new NotificationEvent(2, "Issue Updated", "This is the 'issue updated' event.",
                    List.of("CurrentAssignee", "Reporter", "AllWatchers")),
            new NotificationEvent(6, "Issue Commented", "This is the 'issue commented' event.",
                    List.of("CurrentAssignee", "Reporter", "AllWatchers")));

    /** Permission keys granted by the schemes (to logged-in users in the default scheme, administrators in the other). */
    public static final List<String> PERMISSIONS = List.of("BROWSE_PROJECTS", "CREATE_ISSUES", "EDIT_ISSUES",
            "TRANSITION_ISSUES", "ASSIGN_ISSUES", "ADD_COMMENTS", "CREATE_ATTACHMENTS", "LINK_ISSUES", "WORK_ON_ISSUES");

    /** Who holds a permission of {@link #ALL_PERMISSIONS}. */
    public enum Holder {
        /** Every logged-in user (global permissions). */
        ANY_USER,
        /** Jira administrators only (global), or administrators in every project (project permissions). */
        ADMINISTRATORS,
        /** A project's lead and Jira administrators ("Administer projects"). */
        PROJECT_ADMINS,
        /** Whom the project's permission scheme grants it: everyone in the default scheme, administrators in the other. */
        SCHEME
    }

    /**
     * A permission of the instance, as {@code GET /permissions} and {@code GET /mypermissions} list it.
     *
     * @param key    Jira's permission key
     * @param id     Jira's id for it (global permissions: their legacy number)
     * @param name   display name
     * @param global {@code GLOBAL} (true) or {@code PROJECT} permission
     * @param holder      who holds it in the sandbox
     * @param description Jira's description of it
     */
    public record Permission(String key, String id, String name, boolean global, Holder holder, String description) {
        public String type() {
            return global ? "GLOBAL" : "PROJECT";
        }
    }

    /**
     * Jira's built-in permissions, with what the sandbox enforces: deleting issues and changing what others wrote
     * (comments, attachments, worklogs) take an administrator; project administration the lead or an administrator;
     * everything else follows the project's permission scheme.
     */
    public static final List<Permission> ALL_PERMISSIONS = List.of(
            global("ADMINISTER", "0", "Administer Jira", Holder.ADMINISTRATORS,
                    "Create and administer projects, issue types, fields, workflows, and schemes for all projects."),
            global("SYSTEM_ADMIN", "44", "Jira System Administrators", Holder.ADMINISTRATORS,
                    "Ability to perform all administration functions."),
            global("USER_PICKER", "27", "Browse users and groups", Holder.ANY_USER,
                    "View and select users or groups from the user picker, and share issues."),
            global("CREATE_SHARED_OBJECTS", "22", "Share dashboards and filters", Holder.ANY_USER,
                    "Share dashboards and filters with other users."),
            global("MANAGE_GROUP_FILTER_SUBSCRIPTIONS", "24", "Manage group filter subscriptions", Holder.ADMINISTRATORS,
                    "Create and delete group filter subscriptions."),
            global("BULK_CHANGE", "33", "Make bulk changes", Holder.ANY_USER,
                    "Modify collections of issues at once."),
            project("ADMINISTER_PROJECTS", "23", "Administer Projects", Holder.PROJECT_ADMINS,
                    "Ability to administer a project in Jira."),
            project("BROWSE_PROJECTS", "10", "Browse Projects", Holder.SCHEME,
                    "Ability to browse projects and the issues within them."),
            project("CREATE_ISSUES", "11", "Create Issues", Holder.SCHEME, "Ability to create issues."),
            project("EDIT_ISSUES", "12", "Edit Issues", Holder.SCHEME, "Ability to edit issues."),
            project("TRANSITION_ISSUES", "46", "Transition Issues", Holder.SCHEME, "Ability to transition issues."),
            project("SCHEDULE_ISSUES", "28", "Schedule Issues", Holder.SCHEME,
                    "Ability to view or edit an issue's due date."),
            project("MOVE_ISSUES", "25", "Move Issues", Holder.ADMINISTRATORS,
                    "Ability to move issues between projects or between workflows of the same project (if applicable)."),
            project("ASSIGN_ISSUES", "13", "Assign Issues", Holder.SCHEME,
                    "Ability to assign issues to other people."),
            project("ASSIGNABLE_USER", "17", "Assignable User", Holder.SCHEME,
                    "Users with this permission may be assigned to issues."),
            project("RESOLVE_ISSUES", "14", "Resolve Issues", Holder.SCHEME,
                    "Ability to resolve and reopen issues. This includes the ability to set a fix version."),
            project("CLOSE_ISSUES", "18", "Close Issues", Holder.SCHEME, "Ability to close issues."),
            project("MODIFY_REPORTER", "30", "Modify Reporter", Holder.ADMINISTRATORS,
                    "Ability to modify the reporter when creating or editing an issue."),
            project("DELETE_ISSUES", "16", "Delete Issues", Holder.ADMINISTRATORS, "Ability to delete issues."),
            project("LINK_ISSUES", "21", "Link Issues", Holder.SCHEME,
                    "Ability to link issues together and create linked issues."),
            project("SET_ISSUE_SECURITY", "26", "Set Issue Security", Holder.ADMINISTRATORS,
                    "Ability to set the level of security on an issue so that only people in that security level can "
                            + "see the issue."),
            project("VIEW_VOTERS_AND_WATCHERS", "31", "View Voters and Watchers", Holder.SCHEME,
                    "Ability to view the voters and watchers of an issue."),
            project("MANAGE_WATCHERS", "32", "Manage Watchers", Holder.ADMINISTRATORS,
                    "Ability to manage the watchers of an issue."),
            project("ADD_COMMENTS", "15", "Add Comments", Holder.SCHEME, "Ability to comment on issues."),
            project("EDIT_ALL_COMMENTS", "34", "Edit All Comments", Holder.ADMINISTRATORS,
                    "Ability to edit all comments made on issues."),
            project("EDIT_OWN_COMMENTS", "35", "Edit Own Comments", Holder.SCHEME,
                    "Ability to edit own comments made on issues."),
            project("DELETE_ALL_COMMENTS", "36", "Delete All Comments", Holder.ADMINISTRATORS,
                    "Ability to delete all comments made on issues."),
            project("DELETE_OWN_COMMENTS", "37", "Delete Own Comments", Holder.SCHEME,
                    "Ability to delete own comments made on issues."),
            project("CREATE_ATTACHMENTS", "19", "Create Attachments", Holder.SCHEME,
                    "Users with this permission may create attachments."),
            project("DELETE_ALL_ATTACHMENTS", "38", "Delete All Attachments", Holder.ADMINISTRATORS,
                    "Users with this permission may delete all attachments."),
            project("DELETE_OWN_ATTACHMENTS", "39", "Delete Own Attachments", Holder.SCHEME,
                    "Users with this permission may delete own attachments."),
            project("WORK_ON_ISSUES", "20", "Work On Issues", Holder.SCHEME,
                    "Ability to log work done against an issue. Only useful if Time Tracking is turned on."),
            project("EDIT_OWN_WORKLOGS", "40", "Edit Own Worklogs", Holder.SCHEME,
                    "Ability to edit own worklogs made on issues."),
            project("EDIT_ALL_WORKLOGS", "41", "Edit All Worklogs", Holder.ADMINISTRATORS,
                    "Ability to edit all worklogs made on issues."),
            project("DELETE_OWN_WORKLOGS", "42", "Delete Own Worklogs", Holder.SCHEME,
                    "Ability to delete own worklogs made on issues."),
            project("DELETE_ALL_WORKLOGS", "43", "Delete All Worklogs", Holder.ADMINISTRATORS,
                    "Ability to delete all worklogs made on issues."));

    /**
     * The keys Jira used before 7.0, each with the permission it now names: Data Center still answers them (marked
     * {@code deprecatedKey}) and takes them in {@code permissions}; Cloud refuses them there.
     */
    public static final Map<String, String> LEGACY_PERMISSION_KEYS = legacyKeys("BROWSE", "BROWSE_PROJECTS",
            "CREATE_ISSUE", "CREATE_ISSUES", "EDIT_ISSUE", "EDIT_ISSUES", "ASSIGN_ISSUE", "ASSIGN_ISSUES",
            "RESOLVE_ISSUE", "RESOLVE_ISSUES", "CLOSE_ISSUE", "CLOSE_ISSUES", "DELETE_ISSUE", "DELETE_ISSUES",
            "LINK_ISSUE", "LINK_ISSUES", "COMMENT_ISSUE", "ADD_COMMENTS", "CREATE_ATTACHMENT", "CREATE_ATTACHMENTS",
            "WORK_ISSUE", "WORK_ON_ISSUES", "PROJECT_ADMIN", "ADMINISTER_PROJECTS");

    private static Map<String, String> legacyKeys(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    private static Permission global(String key, String id, String name, Holder holder, String description) {
        return new Permission(key, id, name, true, holder, description);
    }

    private static Permission project(String key, String id, String name, Holder holder, String description) {
        return new Permission(key, id, name, false, holder, description);
    }

    /** A permission by key (case-insensitive, as Jira reads the {@code permissions} parameter). */
    public static Optional<Permission> permission(String key) {
        return ALL_PERMISSIONS.stream().filter(p -> p.key().equalsIgnoreCase(key)).findFirst();
    }

    /**
     * Whether {@code user} holds {@code permission} in {@code project}; a project permission without a project is held
     * when it is held in any of {@code projects} (Jira's global context).
     */
    public static boolean holds(User user, Permission permission, Project project, List<Project> projects) {
        if (permission.global()) {
            return permission.holder() == Holder.ANY_USER || user.admin();
        }
        if (project == null) {
            return projects.stream().anyMatch(p -> holds(user, permission, p, projects));
        }
        return switch (permission.holder()) {
            case ANY_USER -> true;
            case ADMINISTRATORS -> user.admin();
            case PROJECT_ADMINS -> user.admin() || user.equals(project.lead());
            case SCHEME -> user.admin() || project.permissionSchemeId() == DEFAULT_PERMISSION_SCHEME_ID;
        };
    }

    public static final long ADMINISTRATORS_ROLE_ID = 10002;

    /** Jira's default project roles. */
    public static final List<ProjectRole> PROJECT_ROLES = List.of(
            new ProjectRole(ADMINISTRATORS_ROLE_ID, "Administrators", "A project role that represents administrators in a project"),
            new ProjectRole(10001, "Developers", "A project role that represents developers in a project"),
            new ProjectRole(10000, "Users", "A project role that represents users in a project"));

    private Schemes() {
    }

    public static Optional<ProjectRole> projectRole(long id) {
        return PROJECT_ROLES.stream().filter(r -> r.id() == id).findFirst();
    }

    /** The group every project's {@code role} has as a member: administrators, or every Jira user. */
    public static String roleGroup(ProjectRole role) {
        return role.id() == ADMINISTRATORS_ROLE_ID ? "jira-administrators" : "jira-software-users";
    }

    /** Whether {@code user} is in {@code group}: every user in jira-software-users, administrators in jira-administrators. */
    public static boolean inGroup(User user, String group) {
        return "jira-software-users".equalsIgnoreCase(group) || user.admin() && "jira-administrators".equalsIgnoreCase(group);
    }

    /**
     * Whether {@code user} may see what {@code visibility} ({@code {type: group|role, value|identifier}}) restricts in
     * {@code project}: a member of the group, or of the role (by name or id; Administrators also has the project's
     * lead). No restriction: everyone; an unknown group or role: nobody.
     */
    public static boolean mayView(User user, JsonNode visibility, Project project) {
        if (visibility == null || visibility.isNull() || !visibility.hasNonNull("type")) {
            return true;
        }
        String value = visibility.hasNonNull("value") ? visibility.get("value").asText()
                : visibility.path("identifier").asText(null);
        if ("group".equals(visibility.get("type").asText())) {
            return value != null && inGroup(user, value);
        }
        return PROJECT_ROLES.stream()
                .filter(r -> r.name().equalsIgnoreCase(value) || String.valueOf(r.id()).equals(value))
                .anyMatch(r -> inRole(user, r, project));
    }

    /** Whether {@code user} acts in {@code role} in {@code project}: through the role's group, or as the lead (Administrators). */
    public static boolean inRole(User user, ProjectRole role, Project project) {
        return inGroup(user, roleGroup(role)) || role.id() == ADMINISTRATORS_ROLE_ID && user.equals(project.lead());
    }

    public static Optional<Scheme> permissionScheme(long id) {
        return PERMISSION_SCHEMES.stream().filter(s -> s.id() == id).findFirst();
    }

    public static Optional<Scheme> notificationScheme(long id) {
        return NOTIFICATION_SCHEMES.stream().filter(s -> s.id() == id).findFirst();
    }

    public static Optional<Scheme> securityScheme(long id) {
        return SECURITY_SCHEMES.stream().filter(s -> s.id() == id).findFirst();
    }
}
