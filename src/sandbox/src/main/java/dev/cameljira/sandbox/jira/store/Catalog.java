package dev.cameljira.sandbox.jira.store;

import dev.cameljira.sandbox.jira.model.CustomField;
import dev.cameljira.sandbox.jira.model.FieldKind;
import dev.cameljira.sandbox.jira.model.FieldOption;
import dev.cameljira.sandbox.jira.model.IssueType;
import dev.cameljira.sandbox.jira.model.LinkType;
import dev.cameljira.sandbox.jira.model.Priority;
import dev.cameljira.sandbox.jira.model.ProjectCategory;
import dev.cameljira.sandbox.jira.model.Resolution;
import dev.cameljira.sandbox.jira.model.Status;
import dev.cameljira.sandbox.jira.model.StatusCategory;
import dev.cameljira.sandbox.jira.model.Transition;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The sandbox's fixed configuration: statuses and the workflow, priorities, issue types, resolutions, link types and
 * custom fields. Shared by every project. Immutable.
 */
public final class Catalog {

    public static final StatusCategory CATEGORY_TO_DO = new StatusCategory(2, "new", "blue-gray", "To Do");
    public static final StatusCategory CATEGORY_IN_PROGRESS = new StatusCategory(4, "indeterminate", "yellow", "In Progress");
    public static final StatusCategory CATEGORY_DONE = new StatusCategory(3, "done", "green", "Done");

    public static final Status TO_DO = new Status("10000", "To Do", "", CATEGORY_TO_DO);
    public static final Status IN_PROGRESS = new Status("3", "In Progress",
            "This issue is being actively worked on at the moment by the assignee.", CATEGORY_IN_PROGRESS);
    public static final Status DONE = new Status("10001", "Done", "", CATEGORY_DONE);

    public static final Resolution RESOLUTION_DONE = new Resolution("10000", "Done", "Work has been completed on this issue.");

    /** The category of the seeded DEMO project. */
    public static final ProjectCategory PROJECT_CATEGORY_DEVELOPMENT = new ProjectCategory("10000", "Development",
            "Software development projects");

    private final List<StatusCategory> statusCategories = List.of(CATEGORY_TO_DO, CATEGORY_IN_PROGRESS, CATEGORY_DONE);
    private final List<Status> statuses = List.of(TO_DO, IN_PROGRESS, DONE);
    private final List<Transition> transitions = List.of(
            new Transition("11", "Start Progress", IN_PROGRESS, Set.of(TO_DO.id())),
            new Transition("21", "Done", DONE, Set.of(TO_DO.id(), IN_PROGRESS.id())),
            new Transition("31", "Stop Progress", TO_DO, Set.of(IN_PROGRESS.id())),
            new Transition("41", "Reopen", TO_DO, Set.of(DONE.id())));
    // Jira's default priority scheme
    private final List<Priority> priorities = List.of(
            new Priority("1", "Highest", "#d04437"),
            new Priority("2", "High", "#f15C75"),
            new Priority("3", "Medium", "#f79232"),
            new Priority("4", "Low", "#707070"),
            new Priority("5", "Lowest", "#999999"));
    private final List<IssueType> issueTypes = List.of(
            new IssueType("10001", "Task", "A small, distinct piece of work.", false, 0, 10318),
            new IssueType("10002", "Bug", "A problem or error.", false, 0, 10303),
            new IssueType("10003", "Story", "A user story: a feature from the user's point of view.", false, 0, 10315),
            new IssueType("10004", "Sub-task", "A small piece of work that's part of a larger task.", true, -1, 10316));
    private final List<Resolution> resolutions = List.of(
            RESOLUTION_DONE,
            new Resolution("10001", "Won't Do", "This issue won't be actioned."),
            new Resolution("10002", "Duplicate", "The problem is a duplicate of an existing issue."),
            new Resolution("10003", "Cannot Reproduce", "All attempts at reproducing this issue failed."));
    private final List<ProjectCategory> projectCategories = List.of(
            PROJECT_CATEGORY_DEVELOPMENT,
            new ProjectCategory("10001", "Operations", "Run and support"));
    private final List<LinkType> linkTypes = List.of(
            new LinkType("10000", "Blocks", "is blocked by", "blocks"),
            new LinkType("10001", "Cloners", "is cloned by", "clones"),
            new LinkType("10002", "Duplicate", "is duplicated by", "duplicates"),
            new LinkType("10003", "Relates", "relates to", "relates to"));
    private final List<CustomField> customFields = List.of(
            new CustomField("customfield_10001", "Team", FieldKind.STRING, List.of()),
            new CustomField("customfield_10016", "Story Points", FieldKind.NUMBER, List.of()),
            new CustomField("customfield_10040", "Severity", FieldKind.SELECT, List.of(
                    new FieldOption("10100", "Critical"), new FieldOption("10101", "Major"), new FieldOption("10102", "Minor"))),
            new CustomField("customfield_10050", "Environment Tags", FieldKind.STRING_ARRAY, List.of()));

    public List<StatusCategory> statusCategories() {
        return statusCategories;
    }

    public List<Status> statuses() {
        return statuses;
    }

    public List<Transition> transitions() {
        return transitions;
    }

    public List<Priority> priorities() {
        return priorities;
    }

    public List<IssueType> issueTypes() {
        return issueTypes;
    }

    public List<Resolution> resolutions() {
        return resolutions;
    }

    public List<LinkType> linkTypes() {
        return linkTypes;
    }

    public List<CustomField> customFields() {
        return customFields;
    }

    /** The priority new issues get when none is given. */
    public Priority defaultPriority() {
        return priorities.stream().filter(p -> p.name().equals("Medium")).findFirst().orElseThrow();
    }

    public Optional<Status> status(String idOrName) {
        return find(statuses, idOrName, Status::id, Status::name);
    }

    public Optional<Priority> priority(String idOrName) {
        return find(priorities, idOrName, Priority::id, Priority::name);
    }

    public Optional<IssueType> issueType(String idOrName) {
        return find(issueTypes, idOrName, IssueType::id, IssueType::name);
    }

    public Optional<Resolution> resolution(String idOrName) {
        return find(resolutions, idOrName, Resolution::id, Resolution::name);
    }

    /** Every project category, in id order. */
    public List<ProjectCategory> projectCategories() {
        return projectCategories;
    }

    /** A project category by id (as {@code categoryId} of {@code POST/PUT /project} names it). */
    public Optional<ProjectCategory> projectCategory(String id) {
        return projectCategories.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public Optional<LinkType> linkType(String idOrName) {
        return find(linkTypes, idOrName, LinkType::id, LinkType::name);
    }

    public Optional<Transition> transition(String id) {
        return transitions.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public Optional<CustomField> customField(String id) {
        return customFields.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    private static <T> Optional<T> find(List<T> items, String idOrName, Function<T, String> id, Function<T, String> name) {
        if (idOrName == null) {
            return Optional.empty();
        }
        for (T t : items) {
            if (id.apply(t).equals(idOrName) || name.apply(t).equalsIgnoreCase(idOrName)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
