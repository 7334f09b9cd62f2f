package dev.cameljira.jira.operations;

import java.util.List;
import java.util.function.Function;

import dev.cameljira.jira.JiraConfiguration;
import dev.cameljira.jira.JiraConstants;

/**
 * A value an operation may need, and every place it can come from: keys of a JSON/Map body, headers (this component's
 * first, then Apache camel-jira's), and an endpoint option.
 */
public enum JiraParam {
    ISSUE_KEY("the issue key", List.of("issueKey", "key"), List.of(JiraConstants.ISSUE_KEY, JiraConstants.LEGACY_ISSUE_KEY), null, null),
    PROJECT_KEY("the project key", List.of("projectKey", "project"),
            List.of(JiraConstants.PROJECT_KEY, JiraConstants.LEGACY_PROJECT_KEY), "projectKey", JiraConfiguration::getProjectKey),
    ISSUE_TYPE_ID("the issue type id", List.of("issueTypeId"),
            List.of(JiraConstants.ISSUE_TYPE_ID, JiraConstants.LEGACY_ISSUE_TYPE_ID), null, null),
    ISSUE_TYPE_NAME("the issue type (name such as Task, or id)", List.of("issueType", "issueTypeName", "issuetype"),
            List.of(JiraConstants.ISSUE_TYPE_NAME, JiraConstants.LEGACY_ISSUE_TYPE_NAME), "issueTypeName",
            JiraConfiguration::getIssueTypeName),
    SUMMARY("the summary", List.of("summary"), List.of(JiraConstants.SUMMARY, JiraConstants.LEGACY_SUMMARY), null, null),
    DESCRIPTION("the description", List.of("description"),
            List.of(JiraConstants.DESCRIPTION, JiraConstants.LEGACY_DESCRIPTION), null, null),
    ASSIGNEE("the assignee", List.of("assignee", "assigneeId", "accountId"),
            List.of(JiraConstants.ASSIGNEE, JiraConstants.LEGACY_ASSIGNEE, JiraConstants.LEGACY_ASSIGNEE_ID), null, null),
    PRIORITY("the priority", List.of("priority"),
            List.of(JiraConstants.PRIORITY, JiraConstants.LEGACY_PRIORITY_NAME, JiraConstants.LEGACY_PRIORITY_ID), null, null),
    LABELS("the labels", List.of("labels"), List.of(JiraConstants.LABELS), null, null),
    COMPONENTS("the components", List.of("components"),
            List.of(JiraConstants.COMPONENTS, JiraConstants.LEGACY_COMPONENTS), null, null),
    FIELDS("further fields", List.of("fields"), List.of(JiraConstants.FIELDS), null, null),
    ISSUE_PROPERTIES("the issue's entity properties", List.of("properties"), List.of(JiraConstants.ISSUE_PROPERTIES), null,
            null),
    JQL("the JQL query", List.of("jql"), List.of(JiraConstants.JQL), "jql", JiraConfiguration::getJql),
    TRANSITION("the transition (id, name or target status)", List.of("transition", "transitionId", "status"),
            List.of(JiraConstants.TRANSITION, JiraConstants.LEGACY_TRANSITION_ID), null, null),
    COMMENT_ID("the comment id", List.of("commentId", "id"), List.of(JiraConstants.COMMENT_ID), null, null),
    COMMENT_BODY("the comment text", List.of("body", "comment", "text"), List.of(), null, null),
    FILE_NAME("the file name", List.of("fileName", "filename"), List.of(JiraConstants.FILE_NAME, "CamelFileName"), null, null),
    CONTENT_TYPE("the content type", List.of("contentType"), List.of(JiraConstants.CONTENT_TYPE), null, null),
    ATTACHMENT_ID("the attachment id", List.of("attachmentId"), List.of(JiraConstants.ATTACHMENT_ID), null, null),
    MAX_ATTACHMENT_SIZE("the largest attachment to download, in bytes", List.of("maxAttachmentSize"),
            List.of(JiraConstants.MAX_ATTACHMENT_SIZE), "maxAttachmentSize", JiraConfiguration::getMaxAttachmentSize),
    WATCHER("the watcher (accountId, user name or e-mail)", List.of("watcher", "accountId", "username", "user"),
            List.of(JiraConstants.WATCHER), null, null),
    LINK_TYPE("the link type (e.g. Blocks, Relates)", List.of("linkType", "type"),
            List.of(JiraConstants.LINK_TYPE, JiraConstants.LEGACY_LINK_TYPE), null, null),
    INWARD_ISSUE("the inward issue key (the link's source)", List.of("inwardIssue"),
            List.of(JiraConstants.INWARD_ISSUE, JiraConstants.LEGACY_PARENT_ISSUE_KEY), null, null),
    OUTWARD_ISSUE("the outward issue key (the link's destination)", List.of("outwardIssue"),
            List.of(JiraConstants.OUTWARD_ISSUE, JiraConstants.LEGACY_CHILD_ISSUE_KEY), null, null),
    TIME_SPENT("the time spent (e.g. 1h 30m)", List.of("timeSpent"), List.of(JiraConstants.TIME_SPENT), null, null),
    TIME_SPENT_SECONDS("the time spent in seconds", List.of("timeSpentSeconds"), List.of(JiraConstants.TIME_SPENT_SECONDS),
            null, null),
    MINUTES_SPENT("the minutes spent", List.of("minutesSpent"), List.of(JiraConstants.LEGACY_MINUTES_SPENT), null, null),
    VISIBILITY("the visibility (role:<project role> or group:<group>)", List.of("visibility"),
            List.of(JiraConstants.VISIBILITY), null, null),
    WATCHERS_ADD("the watchers to add", List.of("watchersAdd"), List.of(JiraConstants.LEGACY_WATCHERS_ADD), null, null),
    WATCHERS_REMOVE("the watchers to remove", List.of("watchersRemove"), List.of(JiraConstants.LEGACY_WATCHERS_REMOVE),
            null, null),
    WORKLOG_STARTED("the start of the work", List.of("started"), List.of(JiraConstants.WORKLOG_STARTED), null, null),
    PROPERTY_KEY("the property key", List.of("propertyKey"), List.of(JiraConstants.PROPERTY_KEY), null, null),
    QUERY("the query", List.of("query"), List.of(JiraConstants.QUERY), null, null),
    NOTIFY_USERS("notifyUsers", List.of("notifyUsers"), List.of(JiraConstants.NOTIFY_USERS), "notifyUsers",
            JiraConfiguration::isNotifyUsers),
    TRANSITION_COMMENT("the comment of the transition", List.of("comment"), List.of(JiraConstants.COMMENT), null, null),
    DELETE_SUBTASKS("deleteSubtasks", List.of("deleteSubtasks"), List.of(JiraConstants.DELETE_SUBTASKS), null, null),
    FIELDS_TO_RETURN("the fields to return", List.of("fieldsToReturn"), List.of(), "fields", JiraConfiguration::getFields),
    PROJECT("the project key (or id)", List.of("key", "projectKey", "project", "projectIdOrKey"),
            List.of(JiraConstants.PROJECT_KEY, JiraConstants.LEGACY_PROJECT_KEY), "projectKey", JiraConfiguration::getProjectKey),
    PROJECT_NAME("the project name", List.of("name", "projectName"), List.of(JiraConstants.PROJECT_NAME), null, null),
    PROJECT_TYPE_KEY("the project type (software, business or service_desk)", List.of("projectTypeKey", "typeKey"),
            List.of(JiraConstants.PROJECT_TYPE_KEY), null, null),
    PROJECT_LEAD("the project lead (accountId, user name or e-mail)", List.of("lead", "leadAccountId"),
            List.of(JiraConstants.PROJECT_LEAD), null, null),
    ASSIGNEE_TYPE("the default assignee type (PROJECT_LEAD or UNASSIGNED)", List.of("assigneeType"), List.of(), null, null),
    PROJECT_TEMPLATE_KEY("the project template key", List.of("projectTemplateKey"), List.of(), null, null),
    PROJECT_URL("the project URL", List.of("url"), List.of(), null, null),
    ORDER_BY("the sort order", List.of("orderBy"), List.of(JiraConstants.ORDER_BY), null, null),
    ENABLE_UNDO("enableUndo", List.of("enableUndo"), List.of(JiraConstants.ENABLE_UNDO), null, null),
    EXPAND("expand", List.of("expand"), List.of(), "expand", JiraConfiguration::getExpand),
    REMOTE_LINK_URL("the URL of the remote item", List.of("url"), List.of(JiraConstants.REMOTE_LINK_URL), null, null),
    REMOTE_LINK_TITLE("the title of the remote link", List.of("title"), List.of(JiraConstants.REMOTE_LINK_TITLE), null, null),
    REMOTE_LINK_GLOBAL_ID("the global id of the remote link", List.of("globalId"),
            List.of(JiraConstants.REMOTE_LINK_GLOBAL_ID), null, null),
    REMOTE_LINK_SUMMARY("the summary of the remote link", List.of("summary"), List.of(JiraConstants.REMOTE_LINK_SUMMARY),
            null, null),
    REMOTE_LINK_RELATIONSHIP("the relationship of the remote link", List.of("relationship"),
            List.of(JiraConstants.REMOTE_LINK_RELATIONSHIP), null, null),
    REMOTE_LINK_APPLICATION_NAME("the remote application's name", List.of("applicationName"), List.of(), null, null),
    REMOTE_LINK_APPLICATION_TYPE("the remote application's type", List.of("applicationType"), List.of(), null, null),
    REMOTE_LINK_ICON_URL("the remote link's icon URL", List.of("iconUrl"), List.of(), null, null);

    private final String description;
    private final List<String> bodyKeys;
    private final List<String> headers;
    private final String option;
    private final Function<JiraConfiguration, Object> optionGetter;

    JiraParam(String description, List<String> bodyKeys, List<String> headers, String option,
              Function<JiraConfiguration, Object> optionGetter) {
        this.description = description;
        this.bodyKeys = bodyKeys;
        this.headers = headers;
        this.option = option;
        this.optionGetter = optionGetter;
    }

    public String description() {
        return description;
    }

    public List<String> bodyKeys() {
        return bodyKeys;
    }

    public List<String> headers() {
        return headers;
    }

    public String option() {
        return option;
    }

    Object fromConfig(JiraConfiguration config) {
        return optionGetter == null ? null : optionGetter.apply(config);
    }

    /** The ways to supply it, for error messages. */
    public String ways() {
        StringBuilder sb = new StringBuilder();
        if (!headers.isEmpty()) {
            sb.append("set header ").append(headers.get(0));
            if (headers.size() > 1) {
                sb.append(" (or ").append(String.join(", ", headers.subList(1, headers.size()))).append(')');
            }
        }
        if (!bodyKeys.isEmpty()) {
            sb.append(sb.length() == 0 ? "" : ", ").append("put '").append(bodyKeys.get(0)).append("' in a JSON/Map body or the typed request");
        }
        if (option != null) {
            sb.append(", or set the endpoint option ").append(option);
        }
        return sb.toString();
    }
}
