package dev.cameljira.sandbox.jira.search;

import dev.cameljira.sandbox.jira.model.Component;
import dev.cameljira.sandbox.jira.model.Project;
import dev.cameljira.sandbox.jira.model.StatusCategory;
import dev.cameljira.sandbox.jira.model.User;
import dev.cameljira.sandbox.jira.store.Catalog;
import dev.cameljira.sandbox.jira.store.JiraStore;
import dev.cameljira.sandbox.jql.JqlValueRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks that the values a query names exist, with Jira's messages (call under the store's lock):
 * <ul>
 *   <li>project (key, id or name), issue type, status, status category, priority, resolution, component (name or
 *       id), fix / affected version (name or id of a version of any project): "The value 'NOPE' does not exist for
 *       the field 'project'."; a value written as
 *       an unquoted number is read as an id: "A value with ID '99' does not exist for the field 'priority'.";</li>
 *   <li>users (assignee, reporter, creator, watcher; by accountId, name, key, e-mail or display name): "The value
 *       'x' does not exist for the field 'assignee'.";</li>
 *   <li>issues (key, issuekey, issue, id, parent): "An issue with key 'X-9' does not exist for field 'key'.".</li>
 * </ul>
 * Each value of an IN list is reported.
 */
final class ValueCheck {

    private final JiraStore store;

    ValueCheck(JiraStore store) {
        this.store = store;
    }

    /** A message per value that names nothing, in query order. */
    List<String> unknownValues(List<JqlValueRef> refs) {
        List<String> messages = new ArrayList<>();
        for (JqlValueRef ref : refs) {
            if (!exists(ref.field(), ref.value().trim())) {
                messages.add(message(ref));
            }
        }
        return messages;
    }

    private static String message(JqlValueRef ref) {
        return switch (ref.field()) {
            case "key", "parent" -> "An issue with key '" + ref.value() + "' does not exist for field '"
                    + ref.written() + "'.";
            case "assignee", "reporter", "creator", "watcher" -> nameMessage(ref);
            default -> ref.number() ? "A value with ID '" + ref.value() + "' does not exist for the field '"
                    + ref.written() + "'." : nameMessage(ref);
        };
    }

    private static String nameMessage(JqlValueRef ref) {
        return "The value '" + ref.value() + "' does not exist for the field '" + ref.written() + "'.";
    }

    private boolean exists(String field, String value) {
        Catalog catalog = store.catalog();
        return switch (field) {
            case "project" -> store.project(value).isPresent()
                    || store.projects().stream().anyMatch(p -> p.name().equalsIgnoreCase(value));
            case "issuetype" -> catalog.issueType(value).isPresent();
            case "status" -> catalog.status(value).isPresent();
            case "statuscategory" -> catalog.statusCategories().stream().anyMatch(c -> names(c).stream()
                    .anyMatch(value::equalsIgnoreCase));
            case "priority" -> catalog.priority(value).isPresent();
            case "resolution" -> catalog.resolution(value).isPresent();
            case "component" -> store.projects().stream().map(Project::components).flatMap(List::stream)
                    .anyMatch(c -> componentNamed(c, value));
            case "assignee", "reporter", "creator", "watcher" -> store.users().stream()
                    .anyMatch(u -> userNamed(u, value));
            case "key", "parent" -> store.issue(value).isPresent();
            case "fixversion", "affectedversion" -> store.projects().stream().map(Project::versions)
                    .flatMap(List::stream)
                    .anyMatch(v -> IssueJqlView.identifiers(v).stream().anyMatch(value::equalsIgnoreCase));
            default -> true;
        };
    }

    private static List<String> names(StatusCategory category) {
        return List.of(category.key(), category.name(), String.valueOf(category.id()));
    }

    private static boolean componentNamed(Component component, String value) {
        return component.name().equalsIgnoreCase(value) || component.id().equals(value);
    }

    private static boolean userNamed(User user, String value) {
        return user.identifiers().stream().filter(Objects::nonNull).anyMatch(value::equalsIgnoreCase);
    }
}
