package dev.cameljira.sandbox.jql;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fields of the subset by every name JQL accepts for them (case-insensitive):
 * <table>
 *   <caption>Fields</caption>
 *   <tr><th>names</th><th>searched as</th><th>ORDER BY</th></tr>
 *   <tr><td>project</td><td>text, never EMPTY</td><td>no</td></tr>
 *   <tr><td>issuetype, type</td><td>text, never EMPTY</td><td>no</td></tr>
 *   <tr><td>status</td><td>text, never EMPTY</td><td>by name</td></tr>
 *   <tr><td>assignee, reporter</td><td>user (text plus {@code currentUser()})</td><td>no</td></tr>
 *   <tr><td>labels</td><td>text</td><td>no</td></tr>
 *   <tr><td>resolution</td><td>text; {@code Unresolved} means EMPTY</td><td>no</td></tr>
 *   <tr><td>priority</td><td>text</td><td>by importance</td></tr>
 *   <tr><td>key, issuekey, issue</td><td>key or id</td><td>by project, then number</td></tr>
 *   <tr><td>id</td><td>key or id</td><td>by id</td></tr>
 *   <tr><td>created/createddate, updated/updateddate, resolutiondate/resolved</td><td>date</td><td>yes</td></tr>
 *   <tr><td>statusCategory</td><td>text, never EMPTY</td><td>no</td></tr>
 *   <tr><td>component</td><td>text</td><td>no</td></tr>
 *   <tr><td>creator, watcher</td><td>user</td><td>no</td></tr>
 *   <tr><td>parent</td><td>text (key or id)</td><td>no</td></tr>
 *   <tr><td>duedate/due, statusCategoryChangedDate</td><td>date</td><td>yes</td></tr>
 *   <tr><td>summary</td><td>{@code ~} text search</td><td>yes</td></tr>
 *   <tr><td>description, text</td><td>{@code ~} text search</td><td>no</td></tr>
 *   <tr><td>cf[10016], "Story Points", "Story point estimate"</td><td>number</td><td>yes</td></tr>
 *   <tr><td>any other cf[NNNNN]</td><td>text</td><td>no</td></tr>
 *   <tr><td>fixVersion, affectedVersion</td><td>text (version name or id); {@code releasedVersions()},
 *       {@code unreleasedVersions()}, {@code latestReleasedVersion()}, {@code earliestUnreleasedVersion()}</td>
 *       <td>no</td></tr>
 *   <tr><td>sprint</td><td>text; {@code openSprints()}, {@code closedSprints()}, {@code futureSprints()}</td>
 *       <td>no</td></tr>
 * </table>
 * When the custom fields of the instance are given ({@link JqlOptions#customFields()}), they replace the last two
 * custom rows: each is searchable by {@code cf[id]} and by its name, typed by {@link JqlCustomField.Kind}, and any
 * other {@code cf[NNNNN]} is an unknown field.
 */
final class JqlFields {

    /** Any other custom field by id: compared as text, like a select list. */
    private static final Pattern CUSTOM_FIELD = Pattern.compile("cf\\[\\d{1,18}\\]");
    private static final FieldType CUSTOM_FIELD_TYPE = new TextFieldType(true, false, Optional.empty());

    private static final Map<String, JqlField> BY_NAME;

    /** Version functions: they list the versions {@link JqlContext#versions()} gives. */
    static final Set<String> VERSION_FUNCTIONS = Set.of("releasedversions", "unreleasedversions",
            "latestreleasedversion", "earliestunreleasedversion");
    /** Sprint functions: the sandbox has no sprints. */
    static final Set<String> SPRINT_FUNCTIONS = Set.of("opensprints", "closedsprints", "futuresprints");

    /**
     * Fields whose values name something that must exist (canonical names), checked by the caller through
     * {@link JqlQuery#valueRefs()}.
     */
    static final Set<String> CHECKED_VALUES = Set.of("project", "issuetype", "status", "statuscategory", "priority",
            "resolution", "component", "assignee", "reporter", "creator", "watcher", "key", "parent", "fixversion",
            "affectedversion");

    /** Fields that WAS and CHANGED search (canonical names), as in Jira. */
    static final Set<String> HISTORY_FIELDS = Set.of("assignee", "fixversion", "priority", "reporter", "resolution",
            "status");

    private static final Map<JqlCustomField.Kind, FieldType> CUSTOM_TYPES = Map.of(
            JqlCustomField.Kind.NUMBER, new NumberFieldType(),
            JqlCustomField.Kind.TEXT, new TextSearchFieldType(),
            JqlCustomField.Kind.OPTION, new TextFieldType(true, false, Optional.empty()));

    static {
        Map<String, JqlField> byName = new HashMap<>();
        FieldType text = new TextFieldType(true, false, Optional.empty());
        FieldType alwaysSet = new TextFieldType(false, false, Optional.empty());
        FieldType user = new TextFieldType(true, true, Optional.empty());
        FieldType key = new KeyFieldType();
        FieldType date = new DateFieldType();

        register(byName, field("project", alwaysSet, null), "project");
        register(byName, field("issuetype", alwaysSet, null), "issuetype", "type");
        register(byName, field("status", alwaysSet, IssueOrder.byName("status")), "status");
        register(byName, field("assignee", user, null), "assignee");
        register(byName, field("reporter", user, null), "reporter");
        register(byName, field("labels", text, null), "labels");
        FieldType resolution = new TextFieldType(true, false, Optional.of("Unresolved"));
        register(byName, field("resolution", resolution, null), "resolution");
        register(byName, field("priority", text, IssueOrder.byPriority("priority")), "priority");
        register(byName, field("key", key, IssueOrder.byKey("key")), "key", "issuekey", "issue");
        register(byName, field("key", key, IssueOrder.byId()), "id");
        register(byName, field("created", date, IssueOrder.byDate("created")), "created", "createddate");
        register(byName, field("updated", date, IssueOrder.byDate("updated")), "updated", "updateddate");
        register(byName, field("resolutiondate", date, IssueOrder.byDate("resolutiondate")),
                "resolutiondate", "resolved");
        register(byName, field("statuscategory", alwaysSet, null), "statuscategory");
        register(byName, field("component", text, null), "component");
        register(byName, field("creator", user, null), "creator");
        register(byName, field("watcher", user, null), "watcher");
        register(byName, field("parent", text, null), "parent");
        register(byName, field("duedate", date, IssueOrder.byDate("duedate")), "duedate", "due");
        register(byName, field("statuscategorychangeddate", date, IssueOrder.byDate("statuscategorychangeddate")),
                "statuscategorychangeddate");
        FieldType textSearch = new TextSearchFieldType();
        register(byName, field("summary", textSearch, IssueOrder.byName("summary")), "summary");
        register(byName, field("description", textSearch, null), "description");
        register(byName, field("text", textSearch, null), "text");
        register(byName, field("comment", textSearch, null), "comment");
        register(byName, field("cf[10016]", new NumberFieldType(), IssueOrder.byNumber("cf[10016]")),
                "cf[10016]", "story points", "story point estimate");
        FieldType versions = TextFieldType.versions();
        register(byName, field("fixversion", versions, null), "fixversion");
        register(byName, field("affectedversion", versions, null), "affectedversion");
        register(byName, field("sprint", new TextFieldType(true, false, Optional.empty(), SPRINT_FUNCTIONS), null),
                "sprint");
        BY_NAME = Map.copyOf(byName);
    }

    private JqlFields() {
    }

    /** Every name of a system field a query may use (lower case). */
    static java.util.Set<String> names() {
        return BY_NAME.keySet();
    }

    /** The field called {@code name} in a query (case-insensitive, surrounding blanks ignored). */
    static Optional<JqlField> named(String name) {
        return named(name, Optional.empty());
    }

    /**
     * The field called {@code name}, among the system fields and {@code customFields} (when given: they are then the
     * only custom fields). A system field's name wins over a custom field of the same name, as in Jira.
     */
    static Optional<JqlField> named(String name, Optional<List<JqlCustomField>> customFields) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        boolean customLike = CUSTOM_FIELD.matcher(lower).matches() || lower.equals("story points")
                || lower.equals("story point estimate");
        if (customFields.isPresent()) {
            JqlField system = customLike ? null : BY_NAME.get(lower);
            if (system != null) {
                return Optional.of(system);
            }
            return customFields.get().stream()
                    .filter(cf -> cf.canonical().equals(lower) || cf.name().toLowerCase(Locale.ROOT).equals(lower))
                    .findFirst()
                    .map(JqlFields::custom);
        }
        JqlField field = BY_NAME.get(lower);
        if (field == null && CUSTOM_FIELD.matcher(lower).matches()) {
            return Optional.of(new JqlField(lower, CUSTOM_FIELD_TYPE, Optional.empty()));
        }
        return Optional.ofNullable(field);
    }

    private static JqlField custom(JqlCustomField cf) {
        String canonical = cf.canonical();
        Comparator<JqlIssue> order = switch (cf.kind()) {
            case NUMBER -> IssueOrder.byNumber(canonical);
            case TEXT, OPTION -> IssueOrder.byName(canonical);
        };
        return new JqlField(canonical, CUSTOM_TYPES.get(cf.kind()), Optional.of(order));
    }

    private static JqlField field(String canonical, FieldType type, Comparator<JqlIssue> ascending) {
        return new JqlField(canonical, type, Optional.ofNullable(ascending));
    }

    private static void register(Map<String, JqlField> byName, JqlField field, String... names) {
        for (String name : names) {
            byName.put(name, field);
        }
    }
}
