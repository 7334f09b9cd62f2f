package dev.cameljira.sandbox.jira.rest;

import dev.cameljira.sandbox.http.ApiException;
import dev.cameljira.sandbox.jira.model.ChangeHistory;
import dev.cameljira.sandbox.jira.model.Issue;
import dev.cameljira.sandbox.jira.model.User;
import dev.cameljira.sandbox.jira.store.JiraStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The structured query of Cloud's {@code user/search/query}, as Atlassian documents it: statements
 * {@code is assignee of PROJ}, {@code is <relation> of (KEY-1, KEY-2, ...)} with relation {@code assignee},
 * {@code reporter}, {@code watcher}, {@code voter}, {@code commenter} or {@code transitioner}, and
 * {@code [propertyKey].path.to.value is "value"} (user entity properties: the sandbox stores none, so such a statement
 * matches nobody), joined by {@code AND} (binding first) and {@code OR}. Keywords ignore case. Anything else is a 400
 * naming what was not understood.
 */
final class UserQuery {

    private static final List<String> RELATIONS = List.of("assignee", "reporter", "watcher", "voter", "commenter",
            "transitioner");

    private static final Pattern RELATION = Pattern.compile(
            "\\s*is\\s+(\\w+)\\s+of\\s+(\\(([^)]*)\\)|([A-Za-z][A-Za-z0-9_]*(?:-\\d+)?))\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern PROPERTY = Pattern.compile(
            "\\s*\\[([^\\]]+)]((?:\\.[^\\s.]+)+)\\s+is\\s+\"((?:[^\"\\\\]|\\\\.)*)\"\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern JOIN = Pattern.compile("\\s*(AND|OR)\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern ISSUE_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]*-\\d+");

    /** One statement: a relation to issues (or, for assignee, a project), or a user property value. */
    private record Statement(String relation, List<String> targets, boolean project, String text) {
    }

    /** Statements in OR-groups of AND-ed statements. */
    private final List<List<Statement>> anyOf;

    private UserQuery(List<List<Statement>> anyOf) {
        this.anyOf = anyOf;
    }

    static UserQuery parse(String text) {
        List<List<Statement>> groups = new ArrayList<>();
        List<Statement> all = new ArrayList<>();
        groups.add(all);
        int at = 0;
        while (true) {
            Matcher relation = RELATION.matcher(text).region(at, text.length());
            Matcher property = PROPERTY.matcher(text).region(at, text.length());
            if (relation.lookingAt()) {
                all.add(relation(relation));
                at = relation.end();
            } else if (property.lookingAt()) {
                all.add(new Statement(null, List.of(), false, property.group().trim()));
                at = property.end();
            } else {
                throw invalid(text.substring(at).trim());
            }
            if (at == text.length()) {
                return new UserQuery(groups);
            }
            Matcher join = JOIN.matcher(text).region(at, text.length());
            if (!join.lookingAt()) {
                throw invalid(text.substring(at).trim());
            }
            if (join.group(1).equalsIgnoreCase("OR")) {
                all = new ArrayList<>();
                groups.add(all);
            }
            at = join.end();
        }
    }

    private static Statement relation(Matcher m) {
        String relation = m.group(1).toLowerCase(Locale.ROOT);
        if (!RELATIONS.contains(relation)) {
            throw ApiException.field("query", "The relation '" + m.group(1) + "' in '" + m.group().trim()
                    + "' is not supported: use one of " + String.join(", ", RELATIONS) + ".");
        }
        List<String> targets = new ArrayList<>();
        if (m.group(3) != null) {
            for (String t : m.group(3).split(",")) {
                if (!ISSUE_KEY.matcher(t.trim()).matches()) {
                    throw ApiException.field("query", "'" + t.trim() + "' in '" + m.group().trim()
                            + "' is not an issue key.");
                }
                targets.add(t.trim().toUpperCase(Locale.ROOT));
            }
            return new Statement(relation, targets, false, m.group().trim());
        }
        String target = m.group(4).toUpperCase(Locale.ROOT);
        boolean issue = ISSUE_KEY.matcher(target).matches();
        if (!issue && !relation.equals("assignee")) {
            throw ApiException.field("query", "'is " + relation + " of' takes a list of issue keys in parentheses, "
                    + "not '" + m.group(4) + "'.");
        }
        return new Statement(relation, List.of(target), !issue, m.group().trim());
    }

    private static ApiException invalid(String rest) {
        return ApiException.field("query", "The query is not understood from '" + rest + "': use 'is assignee of "
                + "PROJ', 'is <assignee|reporter|watcher|voter|commenter|transitioner> of (KEY-1, KEY-2)' or "
                + "'[propertyKey].path is \"value\"', joined by AND or OR.");
    }

    /** A 400 for a project or issue the query names that does not exist (call under the read lock). */
    void check(JiraStore store) {
        for (List<Statement> group : anyOf) {
            for (Statement s : group) {
                for (String target : s.targets()) {
                    boolean exists = s.project() ? store.project(target).isPresent() : store.issue(target).isPresent();
                    if (!exists) {
                        throw ApiException.field("query", "The " + (s.project() ? "project" : "issue") + " '" + target
                                + "' in '" + s.text() + "' does not exist.");
                    }
                }
            }
        }
    }

    /** Whether {@code user} matches (call under the read lock). */
    boolean matches(User user, JiraStore store) {
        return anyOf.stream().anyMatch(group -> group.stream().allMatch(s -> matches(s, user, store)));
    }

    private static boolean matches(Statement s, User user, JiraStore store) {
        if (s.relation() == null) {
            return false; // the sandbox keeps no user properties
        }
        List<Issue> issues = s.project()
                ? store.issues().stream().filter(i -> i.project().equals(store.project(s.targets().get(0)).orElse(null))).toList()
                : s.targets().stream().map(store::issue).flatMap(java.util.Optional::stream).toList();
        return issues.stream().anyMatch(i -> switch (s.relation()) {
            case "assignee" -> user.equals(i.assignee());
            case "reporter" -> user.equals(i.reporter());
            case "watcher" -> i.watchers().contains(user);
            case "voter" -> i.voters().contains(user);
            case "commenter" -> i.comments().stream().anyMatch(c -> user.equals(c.author()));
            default -> i.changelog().stream().filter(h -> user.equals(h.author()))
                    .anyMatch(UserQuery::changesStatus);
        });
    }

    private static boolean changesStatus(ChangeHistory h) {
        return h.items().stream().anyMatch(item -> Objects.equals(item.field(), "status"));
    }

}
