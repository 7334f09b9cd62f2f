package dev.cameljira.sandbox.jira.search;

import dev.cameljira.sandbox.jira.model.ChangeHistory;
import dev.cameljira.sandbox.jira.model.ChangeItem;
import dev.cameljira.sandbox.jira.model.Component;
import dev.cameljira.sandbox.jira.model.CustomField;
import dev.cameljira.sandbox.jira.model.Issue;
import dev.cameljira.sandbox.jira.model.User;
import dev.cameljira.sandbox.jira.model.Version;
import dev.cameljira.sandbox.jql.JqlIssue;
import dev.cameljira.sandbox.jql.JqlValuePeriod;
import dev.cameljira.sandbox.jira.store.JiraStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * An issue as the JQL evaluator sees it. Only valid while the store's lock is held (it reads the live issue).
 */
public final class IssueJqlView implements JqlIssue {

    /** The issue field of fix versions ({@link Issue#fixVersions()}). */
    static final String FIX_VERSIONS = "fixVersions";
    /** The issue field of affected versions ({@link Issue#affectsVersions()}). */
    static final String AFFECTED_VERSIONS = "versions";

    private static final Map<String, Function<Issue, List<String>>> VALUES = Map.ofEntries(
            Map.entry("project", i -> List.of(i.project().key(), String.valueOf(i.project().id()), i.project().name())),
            Map.entry("key", IssueJqlView::keyAndId),
            Map.entry("issuekey", IssueJqlView::keyAndId),
            Map.entry("id", IssueJqlView::keyAndId),
            Map.entry("issue", IssueJqlView::keyAndId),
            Map.entry("issuetype", i -> List.of(i.issueType().name(), i.issueType().id())),
            Map.entry("type", i -> List.of(i.issueType().name(), i.issueType().id())),
            Map.entry("status", i -> List.of(i.status().name(), i.status().id())),
            Map.entry("statuscategory", i -> List.of(i.status().category().key(), i.status().category().name(),
                    String.valueOf(i.status().category().id()))),
            Map.entry("priority", i -> i.priority() == null ? List.of() : List.of(i.priority().name(), i.priority().id())),
            Map.entry("assignee", i -> user(i.assignee())),
            Map.entry("reporter", i -> user(i.reporter())),
            Map.entry("creator", i -> user(i.creator())),
            Map.entry("labels", Issue::labels),
            Map.entry("component", i -> i.components().stream().map(Component::name).toList()),
            Map.entry("resolution", i -> i.resolution() == null ? List.of() : List.of(i.resolution().name(), i.resolution().id())),
            Map.entry("summary", i -> List.of(i.summary())),
            Map.entry("description", i -> i.description() == null ? List.of() : List.of(i.description().plainText())),
            Map.entry("comment", i -> i.comments().stream().map(c -> c.body().plainText()).toList()),
            Map.entry("text", IssueJqlView::text),
            Map.entry("watcher", i -> i.watchers().stream().flatMap(u -> user(u).stream()).toList()),
            Map.entry("fixversion", i -> flat(versions(i, FIX_VERSIONS))),
            Map.entry("affectedversion", i -> flat(versions(i, AFFECTED_VERSIONS))),
            Map.entry("sprint", i -> List.of()));


    private final Issue issue;
    private final JiraStore store;

    public IssueJqlView(Issue issue, JiraStore store) {
        this.issue = issue;
        this.store = store;
    }

    public Issue issue() {
        return issue;
    }

    @Override
    public List<String> values(String field) {
        String f = field.toLowerCase(Locale.ROOT);
        if (f.equals("parent")) {
            return parent();
        }
        Function<Issue, List<String>> fn = VALUES.get(f);
        if (fn != null) {
            return fn.apply(issue);
        }
        CustomField cf = customField(f);
        if (cf != null) {
            var value = issue.customFields().get(cf.id());
            if (value == null || value.isNull()) {
                return List.of();
            }
            if (value.isArray()) {
                List<String> result = new ArrayList<>();
                value.forEach(v -> result.add(v.asText()));
                return result;
            }
            if (value.isObject()) {
                return List.of(value.path("value").asText(), value.path("id").asText());
            }
            return List.of(value.isNumber() ? value.numberValue().toString() : value.asText());
        }
        return List.of();
    }

    private List<String> parent() {
        if (issue.parentId() == null) {
            return List.of();
        }
        return store.issue(issue.parentId()).map(IssueJqlView::keyAndId).orElse(List.of());
    }

    private CustomField customField(String f) {
        for (CustomField cf : store.catalog().customFields()) {
            if (cf.id().equals(f) || ("cf[" + cf.numericId() + "]").equals(f) || cf.name().toLowerCase(Locale.ROOT).equals(f)) {
                return cf;
            }
        }
        return null;
    }

    @Override
    public Instant date(String field) {
        return switch (field.toLowerCase(Locale.ROOT)) {
            case "created", "createddate" -> issue.created();
            case "updated", "updateddate" -> issue.updated();
            case "resolutiondate", "resolved" -> issue.resolutionDate();
            case "statuscategorychangeddate" -> issue.statusCategoryChangeDate();
            case "duedate", "due" -> issue.dueDate() == null ? null : issue.dueDate().atStartOfDay(store.zone()).toInstant();
            default -> null;
        };
    }

    @Override
    public long id() {
        return issue.id();
    }

    /**
     * The versions of {@code field} ({@link #FIX_VERSIONS} or {@link #AFFECTED_VERSIONS}) of the issue, each as its
     * name and id.
     */
    static List<List<String>> versions(Issue issue, String field) {
        List<Version> versions = field.equals(FIX_VERSIONS) ? issue.fixVersions() : issue.affectsVersions();
        return versions.stream().map(IssueJqlView::identifiers).toList();
    }

    /** A version as JQL may name it: its name and its id. */
    static List<String> identifiers(Version version) {
        return List.of(version.name(), String.valueOf(version.id()));
    }

    private static List<String> flat(List<List<String>> values) {
        return values.stream().flatMap(List::stream).toList();
    }

    /**
     * The field's periods rebuilt from the changelog: from the current values, each change (newest first) is
     * undone to find the values before it. The first period starts at creation, set by the creator.
     */
    @Override
    public List<JqlValuePeriod> history(String field) {
        String f = field.toLowerCase(Locale.ROOT);
        boolean multi = f.equals("fixversion");
        List<List<String>> current = currentValues(f);
        List<JqlValuePeriod> periods = new ArrayList<>();
        List<ChangeHistory> changelog = issue.changelog();
        for (int h = changelog.size() - 1; h >= 0; h--) {
            ChangeHistory change = changelog.get(h);
            List<ChangeItem> items = change.items().stream().filter(item -> isOf(item, f)).toList();
            if (items.isEmpty()) {
                continue;
            }
            List<List<String>> before = new ArrayList<>(current);
            for (int i = items.size() - 1; i >= 0; i--) {
                ChangeItem item = items.get(i);
                List<String> to = value(f, item.to(), item.toText());
                List<String> from = value(f, item.from(), item.fromText());
                if (multi) {
                    before.removeIf(v -> !to.isEmpty() && v.stream().anyMatch(to::contains));
                } else {
                    before.clear();
                }
                if (!from.isEmpty()) {
                    before.add(from);
                }
            }
            periods.add(0, new JqlValuePeriod(change.created(), user(change.author()), current));
            current = before;
        }
        periods.add(0, new JqlValuePeriod(issue.created(), user(issue.creator()), current));
        return periods;
    }

    private List<List<String>> currentValues(String field) {
        if (field.equals("fixversion")) {
            return versions(issue, FIX_VERSIONS);
        }
        List<String> values = values(field);
        return values.isEmpty() ? List.of() : List.of(values);
    }

    /** Whether a change item is of the field: by field id, or by name as Jira writes it ("Fix Version"). */
    private static boolean isOf(ChangeItem item, String field) {
        String id = item.fieldId() == null ? "" : item.fieldId().toLowerCase(Locale.ROOT);
        String name = item.field() == null ? "" : item.field().toLowerCase(Locale.ROOT);
        if (field.equals("fixversion")) {
            return id.equals("fixversions") || name.equals("fix version");
        }
        return id.equals(field) || name.equals(field);
    }

    /** The identifiers of a value of a change item (its id and text), resolved like the current values. */
    private List<String> value(String field, String id, String text) {
        if (id == null && text == null) {
            return List.of();
        }
        List<String> resolved = switch (field) {
            case "status" -> store.catalog().status(id).map(v -> List.of(v.name(), v.id())).orElse(null);
            case "priority" -> store.catalog().priority(id).map(v -> List.of(v.name(), v.id())).orElse(null);
            case "resolution" -> store.catalog().resolution(id).map(v -> List.of(v.name(), v.id())).orElse(null);
            case "assignee", "reporter" -> store.user(id).map(IssueJqlView::user).orElse(null);
            default -> null;
        };
        if (resolved != null) {
            return resolved;
        }
        List<String> raw = new ArrayList<>();
        if (text != null) {
            raw.add(text);
        }
        if (id != null) {
            raw.add(id);
        }
        return raw;
    }

    private static List<String> keyAndId(Issue i) {
        return List.of(i.key(), String.valueOf(i.id()));
    }

    private static List<String> user(User u) {
        return u == null ? List.of() : u.identifiers().stream().filter(Objects::nonNull).toList();
    }

    private static List<String> text(Issue i) {
        List<String> result = new ArrayList<>();
        result.add(i.summary());
        if (i.description() != null) {
            result.add(i.description().plainText());
        }
        i.comments().forEach(c -> result.add(c.body().plainText()));
        return result;
    }
}
