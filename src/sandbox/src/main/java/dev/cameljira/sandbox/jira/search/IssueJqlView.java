package dev.cameljira.sandbox.jira.search;

import dev.cameljira.sandbox.jira.model.Component;
import dev.cameljira.sandbox.jira.model.CustomField;
import dev.cameljira.sandbox.jira.model.Issue;
import dev.cameljira.sandbox.jira.model.User;
import dev.cameljira.sandbox.jql.JqlIssue;
import dev.cameljira.sandbox.jira.store.JiraStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * An issue as the JQL evaluator sees it. Only valid while the store's lock is held (it reads the live issue).
 */
public final class IssueJqlView implements JqlIssue {

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
            Map.entry("description", i -> i.description() == null ? List.of() : List.of(i.description().text())),
            Map.entry("text", IssueJqlView::text),
            Map.entry("watcher", i -> i.watchers().stream().flatMap(u -> user(u).stream()).toList()));

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

    private static List<String> keyAndId(Issue i) {
        return List.of(i.key(), String.valueOf(i.id()));
    }

    private static List<String> user(User u) {
        return u == null ? List.of() : u.identifiers();
    }

    private static List<String> text(Issue i) {
        List<String> result = new ArrayList<>();
        result.add(i.summary());
        if (i.description() != null) {
            result.add(i.description().text());
        }
        i.comments().forEach(c -> result.add(c.body().text()));
        return result;
    }
}
