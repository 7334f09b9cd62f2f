package dev.cameljira.jira;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.cameljira.jira.operations.AttachmentOperations;
import dev.cameljira.jira.operations.BulkCreateOperations;
import dev.cameljira.jira.operations.ChangelogOperations;
import dev.cameljira.jira.operations.CommentOperations;
import dev.cameljira.jira.operations.IssueOperations;
import dev.cameljira.jira.operations.LinkOperations;
import dev.cameljira.jira.operations.LookupOperations;
import dev.cameljira.jira.operations.OperationHandler;
import dev.cameljira.jira.operations.ProjectOperations;
import dev.cameljira.jira.operations.PropertyOperations;
import dev.cameljira.jira.operations.RemoteLinkOperations;
import dev.cameljira.jira.operations.SearchOperations;
import dev.cameljira.jira.operations.TransitionOperations;
import dev.cameljira.jira.operations.WatcherOperations;
import dev.cameljira.jira.operations.WorklogOperations;

/**
 * The producer operations. The URI path names one, case-insensitively; Apache camel-jira's names are aliases, so
 * {@code jira:addIssue} and {@code jira:AddIssue} are {@link #CREATE_ISSUE}. Each maps to a small handler grouped by
 * resource: the registry is this enum, not a switch.
 */
public enum JiraOperation {
    CREATE_ISSUE("createIssue", IssueOperations::createIssue, "addIssue"),
    GET_ISSUE("getIssue", IssueOperations::getIssue, "fetchIssue"),
    UPDATE_ISSUE("updateIssue", IssueOperations::updateIssue),
    DELETE_ISSUE("deleteIssue", IssueOperations::deleteIssue),
    SEARCH_ISSUES("searchIssues", SearchOperations::searchIssues),
    BULK_CREATE_ISSUES("bulkCreateIssues", BulkCreateOperations::bulkCreateIssues),
    TRANSITION_ISSUE("transitionIssue", TransitionOperations::transitionIssue),
    ASSIGN_ISSUE("assignIssue", IssueOperations::assignIssue),
    GET_CHANGELOG("getChangelog", ChangelogOperations::getChangelog),
    ADD_COMMENT("addComment", CommentOperations::addComment),
    GET_COMMENTS("getComments", CommentOperations::getComments, "fetchComments"),
    UPDATE_COMMENT("updateComment", CommentOperations::updateComment),
    DELETE_COMMENT("deleteComment", CommentOperations::deleteComment),
    ADD_ATTACHMENT("addAttachment", AttachmentOperations::addAttachment, "attach"),
    GET_ATTACHMENTS("getAttachments", AttachmentOperations::getAttachments),
    GET_ATTACHMENT_CONTENT("getAttachmentContent", AttachmentOperations::getAttachmentContent),
    ADD_WATCHER("addWatcher", WatcherOperations::addWatcher),
    REMOVE_WATCHER("removeWatcher", WatcherOperations::removeWatcher),
    GET_WATCHERS("getWatchers", WatcherOperations::getWatchers),
    /** camel-jira's {@code watchers}: adds IssueWatchersAdd and removes IssueWatchersRemove. */
    WATCHERS("watchers", WatcherOperations::watchers),
    LINK_ISSUES("linkIssues", LinkOperations::linkIssues, "addIssueLink"),
    ADD_WORKLOG("addWorklog", WorklogOperations::addWorklog, "addWorkLog"),
    SET_ISSUE_PROPERTY("setIssueProperty", PropertyOperations::setIssueProperty),
    GET_ISSUE_PROPERTY("getIssueProperty", PropertyOperations::getIssueProperty),
    DELETE_ISSUE_PROPERTY("deleteIssueProperty", PropertyOperations::deleteIssueProperty),
    ADD_REMOTE_LINK("addRemoteLink", RemoteLinkOperations::addRemoteLink),
    GET_REMOTE_LINKS("getRemoteLinks", RemoteLinkOperations::getRemoteLinks),
    CREATE_PROJECT("createProject", ProjectOperations::createProject),
    GET_PROJECT("getProject", ProjectOperations::getProject),
    SEARCH_PROJECTS("searchProjects", ProjectOperations::searchProjects),
    UPDATE_PROJECT("updateProject", ProjectOperations::updateProject),
    DELETE_PROJECT("deleteProject", ProjectOperations::deleteProject),
    SEARCH_USERS("searchUsers", LookupOperations::searchUsers),
    GET_FIELDS("getFields", LookupOperations::getFields),
    GET_CREATE_META("getCreateMeta", LookupOperations::getCreateMeta);

    private static final Map<String, JiraOperation> BY_NAME = new LinkedHashMap<>();

    static {
        for (JiraOperation op : values()) {
            BY_NAME.put(op.uriName.toLowerCase(Locale.ROOT), op);
            for (String alias : op.aliases) {
                BY_NAME.put(alias.toLowerCase(Locale.ROOT), op);
            }
        }
    }

    private final String uriName;
    private final OperationHandler handler;
    private final List<String> aliases;

    JiraOperation(String uriName, OperationHandler handler, String... aliases) {
        this.uriName = uriName;
        this.handler = handler;
        this.aliases = List.of(aliases);
    }

    /** The name used in URIs, e.g. {@code createIssue}. */
    public String uriName() {
        return uriName;
    }

    public OperationHandler handler() {
        return handler;
    }

    public List<String> aliases() {
        return aliases;
    }

    /** Finds an operation by URI name or alias, case-insensitively. */
    public static Optional<JiraOperation> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(name.trim().toLowerCase(Locale.ROOT)));
    }

    /** Like {@link #find(String)} but fails with the list of valid names. */
    public static JiraOperation of(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(
                "Unknown jira operation '" + name + "'. Valid operations: " + names()));
    }

    /** The URI names, with camel-jira aliases in brackets. */
    public static String names() {
        return Arrays.stream(values())
                .map(op -> op.aliases.isEmpty() ? op.uriName : op.uriName + " (" + String.join(", ", op.aliases) + ")")
                .collect(Collectors.joining(", "));
    }
}
