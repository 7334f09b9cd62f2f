package dev.cameljira.sandbox.jira.model;

import java.util.List;
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

    private Schemes() {
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
