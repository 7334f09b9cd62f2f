package dev.cameljira.sandbox.jql;

import java.util.ArrayList;
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
    /** The names of the system fields as Jira spells them ({@code fixVersion}, {@code issuetype}), in no order. */
    private static final List<String> SYSTEM_NAMES;

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
        List<String> systemNames = new ArrayList<>();
        FieldType text = new TextFieldType(true, false, Optional.empty());
        FieldType alwaysSet = new TextFieldType(false, false, Optional.empty());
        FieldType user = new TextFieldType(true, true, Optional.empty());
        FieldType key = new KeyFieldType();
        FieldType date = new DateFieldType();

        register(byName, systemNames, field("project", alwaysSet, null), "project");
        register(byName, systemNames, field("issuetype", alwaysSet, null), "issuetype", "type");
        register(byName, systemNames, field("status", alwaysSet, IssueOrder.byName("status")), "status");
        register(byName, systemNames, field("assignee", user, null), "assignee");
        register(byName, systemNames, field("reporter", user, null), "reporter");
        register(byName, systemNames, field("labels", text, null), "labels");
        FieldType resolution = new TextFieldType(true, false, Optional.of("Unresolved"));
        register(byName, systemNames, field("resolution", resolution, null), "resolution");
        register(byName, systemNames, field("priority", text, IssueOrder.byPriority("priority")), "priority");
        register(byName, systemNames, field("key", key, IssueOrder.byKey("key")), "key", "issuekey", "issue");
        register(byName, systemNames, field("key", key, IssueOrder.byId()), "id");
        register(byName, systemNames, field("created", date, IssueOrder.byDate("created")), "created", "createdDate");
        register(byName, systemNames, field("updated", date, IssueOrder.byDate("updated")), "updated", "updatedDate");
        register(byName, systemNames, field("resolutiondate", date, IssueOrder.byDate("resolutiondate")),
                "resolutiondate", "resolved");
        register(byName, systemNames, field("statuscategory", alwaysSet, null), "statusCategory");
        register(byName, systemNames, field("component", text, null), "component");
        register(byName, systemNames, field("creator", user, null), "creator");
        register(byName, systemNames, field("watcher", user, null), "watcher");
        register(byName, systemNames, field("parent", text, null), "parent");
        register(byName, systemNames, field("duedate", date, IssueOrder.byDate("duedate")), "duedate", "due");
        register(byName, systemNames,
                field("statuscategorychangeddate", date, IssueOrder.byDate("statuscategorychangeddate")),
                "statusCategoryChangedDate");
        FieldType textSearch = new TextSearchFieldType();
        register(byName, systemNames, field("summary", textSearch, IssueOrder.byName("summary")), "summary");
        register(byName, systemNames, field("description", textSearch, null), "description");
        register(byName, systemNames, field("text", textSearch, null), "text");
        register(byName, systemNames, field("comment", textSearch, null), "comment");
        register(byName, systemNames, field("cf[10016]", new NumberFieldType(), IssueOrder.byNumber("cf[10016]")),
                "cf[10016]", "Story Points", "Story point estimate");
        FieldType versions = TextFieldType.versions();
        register(byName, systemNames, field("fixversion", versions, null), "fixVersion");
        register(byName, systemNames, field("affectedversion", versions, null), "affectedVersion");
        FieldType sprint = new TextFieldType(true, false, Optional.empty(), SPRINT_FUNCTIONS);
        register(byName, systemNames, field("sprint", sprint, null), "Sprint");
        BY_NAME = Map.copyOf(byName);
        SYSTEM_NAMES = List.copyOf(systemNames);
    }

    private JqlFields() {
    }

    /**
     * Every name of a system field a query may use, as Jira spells it ({@code affectedVersion}, {@code issuetype},
     * {@code statusCategory}); the names of custom fields ({@code cf[10016]}, {@code Story Points}) are not.
     */
    static List<String> names() {
        return SYSTEM_NAMES;
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
        boolean customLike = customLike(lower);
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

    /** Registers {@code field} under {@code names}, spelt as Jira spells them (looked up case-insensitively). */
    private static void register(Map<String, JqlField> byName, List<String> systemNames, JqlField field,
            String... names) {
        for (String name : names) {
            String lower = name.toLowerCase(Locale.ROOT);
            byName.put(lower, field);
            if (!customLike(lower)) {
                systemNames.add(name);
            }
        }
    }

    /** Whether a (lower-case) name is a custom field's: {@code cf[NNNNN]} or a name of Story Points. */
    private static boolean customLike(String lower) {
        return CUSTOM_FIELD.matcher(lower).matches() || lower.equals("story points")
                || lower.equals("story point estimate");
    }
}
