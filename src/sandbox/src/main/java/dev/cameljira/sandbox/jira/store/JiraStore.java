package dev.cameljira.sandbox.jira.store;

import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.SandboxUsers;
import dev.cameljira.sandbox.http.ApiException;
import dev.cameljira.sandbox.jira.model.Attachment;
import dev.cameljira.sandbox.jira.model.Component;
import dev.cameljira.sandbox.jira.model.Filter;
import dev.cameljira.sandbox.jira.model.Issue;
import dev.cameljira.sandbox.jira.model.IssueLink;
import dev.cameljira.sandbox.jira.model.Project;
import dev.cameljira.sandbox.jira.model.Status;
import dev.cameljira.sandbox.jira.model.User;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * All state of the emulated Jira. One read-write lock guards everything: reads (GETs, searches) run in parallel,
 * writes are serialised. Entities are mutable and must only be touched inside {@link #read} or {@link #write}.
 */
public final class JiraStore {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final JiraSandbox.Mode mode;
    private final Clock clock;
    private final ZoneId zone;
    private final Catalog catalog = new Catalog();
    private final List<User> users = new ArrayList<>();
    private final Map<String, User> usersByToken = new HashMap<>();
    private final Map<Long, Project> projectsById = new LinkedHashMap<>();
    private final Map<String, Project> projectsByKey = new HashMap<>();
    private final Map<Long, Issue> issuesById = new LinkedHashMap<>();
    private final Map<String, Issue> issuesByKey = new HashMap<>();
    private final Map<Long, IssueLink> links = new LinkedHashMap<>();
    private final Map<Long, Attachment> attachments = new HashMap<>();
    private final AtomicLong issueIds = new AtomicLong(10000);
    private final AtomicLong projectIds = new AtomicLong(10000);
    private final AtomicLong commentIds = new AtomicLong(10000);
    private final AtomicLong historyIds = new AtomicLong(10000);
    private final AtomicLong attachmentIds = new AtomicLong(10000);
    private final AtomicLong worklogIds = new AtomicLong(10000);
    private final AtomicLong linkIds = new AtomicLong(10000);
    private final AtomicLong remoteLinkIds = new AtomicLong(10000);
    private final AtomicLong componentIds = new AtomicLong(10000);
    private final AtomicLong versionIds = new AtomicLong(10000);
    private final AtomicLong filterIds = new AtomicLong(10000);
    private final Map<Long, Filter> filters = new LinkedHashMap<>();
    private final Map<String, String> locales = new LinkedHashMap<>();
    private final Map<String, String> shareScopes = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> preferences = new LinkedHashMap<>();
    private final Map<Long, Instant> deletedWorklogs = new LinkedHashMap<>();
    private volatile String baseUrl = "http://127.0.0.1";

    public JiraStore(JiraSandbox.Mode mode, Clock clock, ZoneId zone) {
        this.mode = mode;
        this.clock = clock;
        this.zone = zone;
        seed();
    }

    private void seed() {
        User admin = new User(SandboxUsers.ADMIN_ACCOUNT_ID, SandboxUsers.ADMIN_NAME, SandboxUsers.ADMIN_KEY,
                SandboxUsers.ADMIN_EMAIL, SandboxUsers.ADMIN_DISPLAY_NAME, true, zone.getId());
        User user = new User(SandboxUsers.USER_ACCOUNT_ID, SandboxUsers.USER_NAME, SandboxUsers.USER_KEY,
                SandboxUsers.USER_EMAIL, SandboxUsers.USER_DISPLAY_NAME, false, zone.getId());
        users.add(admin);
        users.add(user);
        usersByToken.put(SandboxUsers.ADMIN_TOKEN, admin);
        usersByToken.put(SandboxUsers.USER_TOKEN, user);
        Project demo = new Project(projectIds.getAndIncrement(), SandboxUsers.DEMO_PROJECT_KEY, "Demo",
                "The sandbox's seeded project.", admin, "software");
        demo.category(Catalog.PROJECT_CATEGORY_DEVELOPMENT);
        demo.components().add(new Component(String.valueOf(componentIds.getAndIncrement()), "Backend", "Server side"));
        demo.components().add(new Component(String.valueOf(componentIds.getAndIncrement()), "Frontend", "User interface"));
        addProject(demo);
    }

    // ---- locking ---------------------------------------------------------------------------------------------

    /** Runs a read-only action under the read lock. */
    public <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs a mutating action under the write lock. */
    public <T> T write(Supplier<T> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    // ---- configuration ---------------------------------------------------------------------------------------

    public JiraSandbox.Mode mode() {
        return mode;
    }

    public boolean cloud() {
        return mode == JiraSandbox.Mode.CLOUD;
    }

    public Clock clock() {
        return clock;
    }

    /** The current instant, truncated to milliseconds (Jira's precision). */
    public Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    public ZoneId zone() {
        return zone;
    }

    public Catalog catalog() {
        return catalog;
    }

    /** The status new issues start in (the workflow's first status: To Do unless a test changed the workflow). */
    public Status initialStatus() {
        return initialStatus;
    }

    public void initialStatus(Status status) {
        this.initialStatus = status;
    }

    private volatile Status initialStatus = Catalog.TO_DO;

    public String baseUrl() {
        return baseUrl;
    }

    public void baseUrl(String value) {
        this.baseUrl = value;
    }

    // ---- ids -------------------------------------------------------------------------------------------------

    public long nextIssueId() {
        return issueIds.getAndIncrement();
    }

    public long nextProjectId() {
        return projectIds.getAndIncrement();
    }

    public long nextCommentId() {
        return commentIds.getAndIncrement();
    }

    public long nextHistoryId() {
        return historyIds.getAndIncrement();
    }

    public long nextAttachmentId() {
        return attachmentIds.getAndIncrement();
    }

    public long nextWorklogId() {
        return worklogIds.getAndIncrement();
    }

    public long nextLinkId() {
        return linkIds.getAndIncrement();
    }

    public long nextRemoteLinkId() {
        return remoteLinkIds.getAndIncrement();
    }

    public long nextComponentId() {
        return componentIds.getAndIncrement();
    }

    /** The project that has the component of this id, if any. */
    public Optional<Project> componentProject(String id) {
        for (Project p : projectsById.values()) {
            if (p.components().stream().anyMatch(c -> c.id().equals(id))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** A component by id or Jira's 404. */
    public Component requireComponent(String id) {
        return componentProject(id).flatMap(p -> p.components().stream().filter(c -> c.id().equals(id)).findFirst())
                .orElseThrow(() -> ApiException.of(404, "The component with id " + id + " does not exist."));
    }

    /** How many issues have the component. */
    public long componentIssueCount(Component c) {
        return issuesById.values().stream().filter(i -> i.components().stream().anyMatch(x -> x.id().equals(c.id())))
                .count();
    }

    /** How many issues have each component of {@code project} (every one, 0 when none): one pass over the issues. */
    public Map<Component, Long> componentIssueCounts(Project project) {
        Map<String, Long> byId = new HashMap<>();
        for (Issue issue : issuesById.values()) {
            if (issue.project().id() == project.id()) {
                issue.components().forEach(c -> byId.merge(c.id(), 1L, Long::sum));
            }
        }
        Map<Component, Long> counts = new HashMap<>();
        project.components().forEach(c -> counts.put(c, byId.getOrDefault(c.id(), 0L)));
        return counts;
    }

    /**
     * Replaces {@code old} by {@code replacement} in every issue that has it; null, or a component the issue already
     * has, removes it.
     */
    public void replaceComponentInIssues(Component old, Component replacement) {
        for (Issue issue : issuesById.values()) {
            int at = issue.components().indexOf(old);
            if (at < 0) {
                continue;
            }
            List<Component> changed = new ArrayList<>(issue.components());
            if (replacement == null || changed.contains(replacement)) {
                changed.remove(at);
            } else {
                changed.set(at, replacement);
            }
            issue.components(changed);
        }
    }

    public long nextVersionId() {
        return versionIds.getAndIncrement();
    }

    /** A version by id, in any project. */
    public Optional<dev.cameljira.sandbox.jira.model.Version> version(String id) {
        if (id == null || !isNumeric(id)) {
            return Optional.empty();
        }
        long wanted = Long.parseLong(id);
        for (Project p : projectsById.values()) {
            for (var v : p.versions()) {
                if (v.id() == wanted) {
                    return Optional.of(v);
                }
            }
        }
        return Optional.empty();
    }

    /** A version or Jira's 404. */
    public dev.cameljira.sandbox.jira.model.Version requireVersion(String id) {
        return version(id).orElseThrow(() -> ApiException.of(404, "Could not find version for id '" + id + "'"));
    }

    // ---- filters ---------------------------------------------------------------------------------------------

    public long nextFilterId() {
        return filterIds.getAndIncrement();
    }

    public void addFilter(Filter filter) {
        filters.put(filter.id(), filter);
    }

    public void removeFilter(Filter filter) {
        filters.remove(filter.id());
    }

    /** Filters in creation order. */
    public List<Filter> filters() {
        return List.copyOf(filters.values());
    }

    /**
     * The filter of this id if {@code viewer} may see it (filters are their owner's: the sandbox shares none), else
     * Jira's 404.
     */
    public Filter requireFilter(String id, User viewer) {
        Filter f = id != null && isNumeric(id) ? filters.get(Long.parseLong(id)) : null;
        if (f == null || !f.owner().equals(viewer)) {
            throw ApiException.of(404, "The selected filter is not available to you, perhaps it has been deleted or had "
                    + "its permissions changed.");
        }
        return f;
    }

    // ---- user preferences ------------------------------------------------------------------------------------

    /** The user's locale preference (call under the lock): {@code en_US} until set. */
    public String locale(User user) {
        return locales.getOrDefault(user.key(), "en_US");
    }

    /** Sets the user's locale preference (call under the write lock). */
    public void locale(User user, String locale) {
        locales.put(user.key(), locale);
    }

    /** The user's default share scope of new filters (call under the lock): {@code PRIVATE} until set. */
    public String defaultShareScope(User user) {
        return shareScopes.getOrDefault(user.key(), "PRIVATE");
    }

    /** Sets the user's default share scope (call under the write lock). */
    public void defaultShareScope(User user, String scope) {
        shareScopes.put(user.key(), scope);
    }

    /** The user's preference {@code key} ({@code mypreferences}), if set (call under the lock). */
    public Optional<String> preference(User user, String key) {
        return Optional.ofNullable(preferences.getOrDefault(user.key(), Map.of()).get(key));
    }

    /** Sets (a null value: removes) the user's preference {@code key}; whether it was set before (write lock). */
    public boolean preference(User user, String key, String value) {
        Map<String, String> mine = preferences.computeIfAbsent(user.key(), k -> new LinkedHashMap<>());
        return (value == null ? mine.remove(key) : mine.put(key, value)) != null;
    }

    // ---- users -----------------------------------------------------------------------------------------------

    /** The user a token belongs to (API token, password or personal access token). */
    public Optional<User> userByToken(String token) {
        return Optional.ofNullable(usersByToken.get(token));
    }

    public List<User> users() {
        return List.copyOf(users);
    }

    /** A user by accountId, name, key or e-mail (case-insensitive for name and e-mail). */
    public Optional<User> user(String id) {
        if (id == null) {
            return Optional.empty();
        }
        for (User u : users) {
            if (id.equals(u.accountId()) || id.equalsIgnoreCase(u.name()) || id.equals(u.key()) || id.equalsIgnoreCase(u.email())) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }

    // ---- projects --------------------------------------------------------------------------------------------

    public void addProject(Project project) {
        projectsById.put(project.id(), project);
        projectsByKey.put(project.key().toUpperCase(Locale.ROOT), project);
    }

    public void removeProject(Project project) {
        projectsById.remove(project.id());
        projectsByKey.remove(project.key().toUpperCase(Locale.ROOT));
    }

    public List<Project> projects() {
        return List.copyOf(projectsById.values());
    }

    /** A project by key (case-insensitive) or numeric id. */
    public Optional<Project> project(String keyOrId) {
        if (keyOrId == null || keyOrId.isEmpty()) {
            return Optional.empty();
        }
        Project p = projectsByKey.get(keyOrId.toUpperCase(Locale.ROOT));
        if (p == null && isNumeric(keyOrId)) {
            p = projectsById.get(Long.parseLong(keyOrId));
        }
        return Optional.ofNullable(p);
    }

    /** A project or a Jira 404. */
    public Project requireProject(String keyOrId) {
        return project(keyOrId).orElseThrow(() -> ApiException.of(404,
                "No project could be found with key '" + keyOrId + "'."));
    }

    // ---- issues ----------------------------------------------------------------------------------------------

    public void addIssue(Issue issue) {
        issuesById.put(issue.id(), issue);
        issuesByKey.put(issue.key(), issue);
    }

    public void removeIssue(Issue issue) {
        issuesById.remove(issue.id());
        issuesByKey.remove(issue.key());
        issue.worklogs().forEach(this::worklogDeleted);
        for (var a : issue.attachments()) {
            attachments.remove(a.id());
        }
        links.values().removeIf(l -> l.sourceIssueId() == issue.id() || l.destinationIssueId() == issue.id());
    }

    /** Remembers when a worklog was deleted, for {@code GET worklog/deleted} (call under the write lock). */
    public void worklogDeleted(dev.cameljira.sandbox.jira.model.Worklog w) {
        deletedWorklogs.put(w.id(), now());
    }

    /** Deleted worklog ids and when they were deleted, in deletion order (a read-only view: call under the lock). */
    public Map<Long, Instant> deletedWorklogs() {
        return Collections.unmodifiableMap(deletedWorklogs);
    }

    /** Issues in creation order. */
    public java.util.Collection<Issue> issues() {
        return issuesById.values();
    }

    public int issueCount() {
        return issuesById.size();
    }

    /** An issue by key (case-insensitive) or numeric id. */
    public Optional<Issue> issue(String keyOrId) {
        if (keyOrId == null) {
            return Optional.empty();
        }
        Issue issue = issuesByKey.get(keyOrId.toUpperCase(Locale.ROOT));
        if (issue == null && isNumeric(keyOrId)) {
            issue = issuesById.get(Long.parseLong(keyOrId));
        }
        return Optional.ofNullable(issue);
    }

    public Optional<Issue> issue(long id) {
        return Optional.ofNullable(issuesById.get(id));
    }

    /** An issue or the standard Jira 404. */
    public Issue requireIssue(String keyOrId) {
        return issue(keyOrId).orElseThrow(ApiException::issueNotFound);
    }

    /** Sub-tasks of an issue, in creation order. */
    public List<Issue> subtasks(Issue parent) {
        List<Issue> result = new ArrayList<>();
        for (Issue i : issuesById.values()) {
            if (i.parentId() != null && i.parentId() == parent.id()) {
                result.add(i);
            }
        }
        return result;
    }

    // ---- links and attachments -------------------------------------------------------------------------------

    public void addLink(IssueLink link) {
        links.put(link.id(), link);
    }

    public Optional<IssueLink> link(long id) {
        return Optional.ofNullable(links.get(id));
    }

    public void removeLink(long id) {
        links.remove(id);
    }

    /** Links in which the issue is source or destination. */
    public List<IssueLink> links(Issue issue) {
        List<IssueLink> result = new ArrayList<>();
        for (IssueLink l : links.values()) {
            if (l.sourceIssueId() == issue.id() || l.destinationIssueId() == issue.id()) {
                result.add(l);
            }
        }
        return result;
    }

    public void addAttachment(Attachment attachment) {
        attachments.put(attachment.id(), attachment);
    }

    public Optional<Attachment> attachment(long id) {
        return Optional.ofNullable(attachments.get(id));
    }

    public void removeAttachment(long id) {
        attachments.remove(id);
    }

    static boolean isNumeric(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
