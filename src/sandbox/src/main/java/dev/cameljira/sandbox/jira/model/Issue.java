package dev.cameljira.sandbox.jira.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An issue and everything hanging off it (comments, attachments, worklogs, watchers, changelog, entity properties, remote links).
 * Mutable; every access is guarded by the store's lock.
 */
public final class Issue {
    private final long id;
    private String key;
    private Project project;
    private IssueType issueType;
    private Status status;
    private Priority priority;
    private Resolution resolution;
    private String summary;
    private RichText description;
    private User assignee;
    private User reporter;
    private final User creator;
    private List<String> labels = List.of();
    private List<Component> components = List.of();
    private List<Version> fixVersions = List.of();
    private List<Version> affectsVersions = List.of();
    private LocalDate dueDate;
    private Long parentId;
    private final Instant created;
    private Instant updated;
    private Instant resolutionDate;
    private Instant statusCategoryChangeDate;
    private final Map<String, JsonNode> customFields = new LinkedHashMap<>();
    private final List<Comment> comments = new ArrayList<>();
    private final List<Attachment> attachments = new ArrayList<>();
    private final List<Worklog> worklogs = new ArrayList<>();
    private final Set<User> watchers = new LinkedHashSet<>();
    private final List<ChangeHistory> changelog = new ArrayList<>();
    private final Map<String, JsonNode> properties = new LinkedHashMap<>();
    private final List<RemoteLink> remoteLinks = new ArrayList<>();
    private final Set<User> voters = new LinkedHashSet<>();

    public Issue(long id, String key, Project project, IssueType issueType, Status status, User creator, Instant created) {
        this.id = id;
        this.key = key;
        this.project = project;
        this.issueType = issueType;
        this.status = status;
        this.creator = creator;
        this.created = created;
        this.updated = created;
        this.statusCategoryChangeDate = created;
    }

    public long id() {
        return id;
    }

    public String key() {
        return key;
    }

    public Project project() {
        return project;
    }

    public IssueType issueType() {
        return issueType;
    }

    public void issueType(IssueType value) {
        this.issueType = value;
    }

    public Status status() {
        return status;
    }

    /** Sets the status, moving the status-category change date when the category changes. */
    public void status(Status value, Instant at) {
        if (status.category().id() != value.category().id()) {
            statusCategoryChangeDate = at;
        }
        this.status = value;
    }

    public Priority priority() {
        return priority;
    }

    public void priority(Priority value) {
        this.priority = value;
    }

    public Resolution resolution() {
        return resolution;
    }

    /** Sets or clears the resolution and the resolution date. */
    public void resolution(Resolution value, Instant at) {
        this.resolution = value;
        this.resolutionDate = value == null ? null : at;
    }

    public String summary() {
        return summary;
    }

    public void summary(String value) {
        this.summary = value;
    }

    public RichText description() {
        return description;
    }

    public void description(RichText value) {
        this.description = value;
    }

    public User assignee() {
        return assignee;
    }

    public void assignee(User value) {
        this.assignee = value;
    }

    public User reporter() {
        return reporter;
    }

    public void reporter(User value) {
        this.reporter = value;
    }

    public User creator() {
        return creator;
    }

    public List<String> labels() {
        return labels;
    }

    public void labels(List<String> value) {
        this.labels = List.copyOf(value);
    }

    public List<Component> components() {
        return components;
    }

    public void components(List<Component> value) {
        this.components = List.copyOf(value);
    }

    /** The fix versions ({@code fixVersions}). */
    public List<Version> fixVersions() {
        return fixVersions;
    }

    public void fixVersions(List<Version> value) {
        this.fixVersions = List.copyOf(value);
    }

    /** The affected versions ({@code versions}). */
    public List<Version> affectsVersions() {
        return affectsVersions;
    }

    public void affectsVersions(List<Version> value) {
        this.affectsVersions = List.copyOf(value);
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public void dueDate(LocalDate value) {
        this.dueDate = value;
    }

    public Long parentId() {
        return parentId;
    }

    public void parentId(Long value) {
        this.parentId = value;
    }

    public Instant created() {
        return created;
    }

    public Instant updated() {
        return updated;
    }

    public void touch(Instant at) {
        this.updated = at;
    }

    public Instant resolutionDate() {
        return resolutionDate;
    }

    public Instant statusCategoryChangeDate() {
        return statusCategoryChangeDate;
    }

    /** Custom field values by field id ({@code customfield_10016}), as JSON. */
    public Map<String, JsonNode> customFields() {
        return customFields;
    }

    public List<Comment> comments() {
        return comments;
    }

    public List<Attachment> attachments() {
        return attachments;
    }

    public List<Worklog> worklogs() {
        return worklogs;
    }

    public Set<User> watchers() {
        return watchers;
    }

    /** Users who voted for the issue, in voting order. */
    public Set<User> voters() {
        return voters;
    }

    public List<ChangeHistory> changelog() {
        return changelog;
    }

    /** Remote issue links, in creation order. */
    public List<RemoteLink> remoteLinks() {
        return remoteLinks;
    }

    public Map<String, JsonNode> properties() {
        return properties;
    }

    /** Total logged time in seconds. */
    public long timeSpentSeconds() {
        long total = 0;
        for (Worklog w : worklogs) {
            total += w.timeSpentSeconds();
        }
        return total;
    }

    @Override
    public String toString() {
        return "Issue[" + key + "]";
    }
}
