package dev.cameljira.jira;

import org.apache.camel.spi.Metadata;

/**
 * Message headers of the jira: component. {@code CamelJira*} headers are this component's own; the short names
 * (IssueKey, ProjectKey, ...) are Apache camel-jira's and are read too, so camel-jira routes run unchanged.
 */
public final class JiraConstants {

    // ---- this component's headers ----
    @Metadata(description = "Overrides the endpoint's operation for this message, e.g. getIssue.", javaType = "String")
    public static final String OPERATION = "CamelJiraOperation";
    @Metadata(description = "The issue key (or id) an operation works on; set on the result of issue operations.",
              javaType = "String")
    public static final String ISSUE_KEY = "CamelJiraIssueKey";
    @Metadata(description = "The numeric issue id, set on the result of issue operations.", javaType = "String")
    public static final String ISSUE_ID = "CamelJiraIssueId";
    @Metadata(description = "The project key (createIssue, project operations); set on results.", javaType = "String")
    public static final String PROJECT_KEY = "CamelJiraProjectKey";
    @Metadata(description = "Issue type name, e.g. Task or Bug (createIssue).", javaType = "String")
    public static final String ISSUE_TYPE_NAME = "CamelJiraIssueTypeName";
    @Metadata(description = "Issue type id (createIssue); wins over the name.", javaType = "String")
    public static final String ISSUE_TYPE_ID = "CamelJiraIssueTypeId";
    @Metadata(description = "Issue summary (createIssue, updateIssue).", javaType = "String")
    public static final String SUMMARY = "CamelJiraSummary";
    @Metadata(description = "Issue description as plain text or simple Markdown; becomes ADF on REST v3 and wiki markup on v2.",
              javaType = "String")
    public static final String DESCRIPTION = "CamelJiraDescription";
    @Metadata(description = "Assignee: accountId (Cloud), user name (Data Center) or e-mail (looked up).", javaType = "String")
    public static final String ASSIGNEE = "CamelJiraAssignee";
    @Metadata(description = "Priority name (e.g. High) or id.", javaType = "String")
    public static final String PRIORITY = "CamelJiraPriority";
    @Metadata(description = "Labels: a collection or a comma-separated string.", javaType = "java.util.Collection<String>")
    public static final String LABELS = "CamelJiraLabels";
    @Metadata(description = "Component names: a collection or a comma-separated string.", javaType = "java.util.Collection<String>")
    public static final String COMPONENTS = "CamelJiraComponents";
    @Metadata(description = "Further fields to set, keyed by field id or display name (e.g. \"Story Points\"); values as Jira expects them, "
                            + "or plain strings/numbers.",
              javaType = "java.util.Map<String, Object>")
    public static final String FIELDS = "CamelJiraFields";
    @Metadata(description = "JQL of searchIssues.", javaType = "String")
    public static final String JQL = "CamelJiraJql";
    @Metadata(description = "Transition id, transition name (\"Start Progress\") or target status name (\"In Progress\").",
              javaType = "String")
    public static final String TRANSITION = "CamelJiraTransition";
    @Metadata(description = "Comment id (updateComment, deleteComment); set on the result of addComment.", javaType = "String")
    public static final String COMMENT_ID = "CamelJiraCommentId";
    @Metadata(description = "Attachment file name when the body is a byte[] or stream (addAttachment); set on the result of "
                            + "getAttachmentContent (the name Jira stores).", javaType = "String")
    public static final String FILE_NAME = "CamelJiraFileName";
    @Metadata(description = "Attachment content type (addAttachment), default application/octet-stream; set on the result of "
                            + "getAttachmentContent.", javaType = "String")
    public static final String CONTENT_TYPE = "CamelJiraContentType";
    @Metadata(description = "Watcher (addWatcher, removeWatcher): accountId, user name or e-mail.", javaType = "String")
    public static final String WATCHER = "CamelJiraWatcher";
    @Metadata(description = "Issue link type name, e.g. Blocks or Relates (linkIssues).", javaType = "String")
    public static final String LINK_TYPE = "CamelJiraLinkType";
    @Metadata(description = "inwardIssue of linkIssues: the link's source, as in Jira's POST /issueLink (for type Blocks, the issue "
                            + "that blocks the outward issue).", javaType = "String")
    public static final String INWARD_ISSUE = "CamelJiraInwardIssue";
    @Metadata(description = "outwardIssue of linkIssues: the link's destination, as in Jira's POST /issueLink (for type Blocks, the "
                            + "issue that is blocked).", javaType = "String")
    public static final String OUTWARD_ISSUE = "CamelJiraOutwardIssue";
    @Metadata(description = "Time spent of addWorklog in Jira notation (\"1h 30m\").", javaType = "String")
    public static final String TIME_SPENT = "CamelJiraTimeSpent";
    @Metadata(description = "Start of the work of addWorklog (ISO-8601); default now.", javaType = "String")
    public static final String WORKLOG_STARTED = "CamelJiraWorklogStarted";
    @Metadata(description = "Entity property key (set/get/deleteIssueProperty).", javaType = "String")
    public static final String PROPERTY_KEY = "CamelJiraPropertyKey";
    @Metadata(description = "Free-text query of searchUsers (name or e-mail) and searchProjects.", javaType = "String")
    public static final String QUERY = "CamelJiraQuery";
    @Metadata(description = "Whether Jira notifies watchers of updateIssue, default true.", javaType = "Boolean")
    public static final String NOTIFY_USERS = "CamelJiraNotifyUsers";
    @Metadata(description = "Page size of searchIssues for this message; overrides the maxResults option.", javaType = "Integer")
    public static final String MAX_RESULTS = "CamelJiraMaxResults";
    @Metadata(description = "Maximum number of issues searchIssues returns in total for this message; overrides the limit option.",
              javaType = "Long")
    public static final String LIMIT = "CamelJiraLimit";
    @Metadata(description = "Number of items returned by a look-up or bulk operation (set on the result).", javaType = "Integer")
    public static final String RESULT_COUNT = "CamelJiraResultCount";
    @Metadata(description = "Delete the sub-tasks too when deleting an issue (deleteIssue), default false.", javaType = "Boolean")
    public static final String DELETE_SUBTASKS = "CamelJiraDeleteSubtasks";
    @Metadata(description = "Visibility of addComment, updateComment and addWorklog: role:<project role> or group:<group name>.",
              javaType = "String")
    public static final String VISIBILITY = "CamelJiraVisibility";
    @Metadata(description = "Time spent of addWorklog in seconds (alternative to CamelJiraTimeSpent).", javaType = "Long")
    public static final String TIME_SPENT_SECONDS = "CamelJiraTimeSpentSeconds";
    @Metadata(description = "Attachment id: the one getAttachmentContent downloads; set on the result of addAttachment (the "
                            + "first attachment added) and of getAttachmentContent.", javaType = "String")
    public static final String ATTACHMENT_ID = "CamelJiraAttachmentId";
    @Metadata(description = "Largest attachment getAttachmentContent downloads for this message, in bytes; overrides the "
                            + "maxAttachmentSize option.", javaType = "Long")
    public static final String MAX_ATTACHMENT_SIZE = "CamelJiraMaxAttachmentSize";
    @Metadata(description = "Id of the issue link created (set on the result of linkIssues).", javaType = "String")
    public static final String LINK_ID = "CamelJiraLinkId";
    @Metadata(description = "Id of the worklog created (set on the result of addWorklog).", javaType = "String")
    public static final String WORKLOG_ID = "CamelJiraWorklogId";
    @Metadata(description = "The numeric project id, set on the result of project operations.", javaType = "String")
    public static final String PROJECT_ID = "CamelJiraProjectId";
    @Metadata(description = "Project name (createProject, updateProject).", javaType = "String")
    public static final String PROJECT_NAME = "CamelJiraProjectName";
    @Metadata(description = "Project type of createProject (software, business or service_desk; default software) and filter of "
                            + "searchProjects (comma-separated).", javaType = "String")
    public static final String PROJECT_TYPE_KEY = "CamelJiraProjectTypeKey";
    @Metadata(description = "Project lead (createProject, updateProject): accountId (Cloud), user name (Data Center) or e-mail "
                            + "(looked up); createProject defaults to the authenticated user.", javaType = "String")
    public static final String PROJECT_LEAD = "CamelJiraProjectLead";
    @Metadata(description = "Sort order of searchProjects: key, name (prefix - for descending; Cloud also category, owner, "
                            + "issueCount, lastIssueUpdatedDate, archivedDate, deletedDate).", javaType = "String")
    public static final String ORDER_BY = "CamelJiraOrderBy";
    @Metadata(description = "deleteProject on Jira Cloud: true (Jira's default) moves the project to the recycle bin, false "
                            + "deletes it for good. Data Center always deletes.", javaType = "Boolean")
    public static final String ENABLE_UNDO = "CamelJiraEnableUndo";
    @Metadata(description = "Comment added by transitionIssue in the same request as the transition (plain text or simple "
                            + "Markdown; ADF on REST v3, wiki markup on v2). A plain String body is read as this comment too, "
                            + "as in camel-jira.", javaType = "String")
    public static final String COMMENT = "CamelJiraComment";
    @Metadata(description = "Issue entity properties createIssue sets in the same request: a map of property key to value (converted to "
                            + "JSON with Jackson), e.g. the id of the synced ticket. Keys up to 255 characters, values up to "
                            + "32768 bytes of JSON.", javaType = "java.util.Map<String, Object>")
    public static final String ISSUE_PROPERTIES = "CamelJiraIssueProperties";
    @Metadata(description = "URL of the item a remote link points to (addRemoteLink), e.g. the Zendesk ticket's address.",
              javaType = "String")
    public static final String REMOTE_LINK_URL = "CamelJiraRemoteLinkUrl";
    @Metadata(description = "Title (link text) of a remote link (addRemoteLink), e.g. ZD #4711.", javaType = "String")
    public static final String REMOTE_LINK_TITLE = "CamelJiraRemoteLinkTitle";
    @Metadata(description = "Global id of a remote link: the linked item's identity in its system, at most 255 characters. "
                            + "addRemoteLink updates the issue's link with this global id instead of adding another; "
                            + "getRemoteLinks returns only the link with this global id.", javaType = "String")
    public static final String REMOTE_LINK_GLOBAL_ID = "CamelJiraRemoteLinkGlobalId";
    @Metadata(description = "Summary shown next to a remote link's title (addRemoteLink).", javaType = "String")
    public static final String REMOTE_LINK_SUMMARY = "CamelJiraRemoteLinkSummary";
    @Metadata(description = "Relationship of the issue to the remote item (addRemoteLink), e.g. synced with; Jira shows links "
                            + "to when none is given.", javaType = "String")
    public static final String REMOTE_LINK_RELATIONSHIP = "CamelJiraRemoteLinkRelationship";
    @Metadata(description = "Id of the remote link added or updated (set on the result of addRemoteLink).", javaType = "String")
    public static final String REMOTE_LINK_ID = "CamelJiraRemoteLinkId";

    // ---- consumer headers: set on every JiraEvent, whether it came from a webhook or a poll ----
    @Metadata(label = "consumer", description = "Jira's event type of a consumed JiraEvent, e.g. jira:issue_updated or comment_created.",
              javaType = "String")
    public static final String EVENT_TYPE = "CamelJiraEventType";
    @Metadata(label = "consumer", description = "Fields the event changed (field ids where Jira gave them, else names), in order; "
                                                + "empty for events without a changelog.", javaType = "java.util.List<String>")
    public static final String CHANGED_FIELDS = "CamelJiraChangedFields";
    @Metadata(label = "consumer", description = "Where the event came from: WEBHOOK, POLL, or RECONCILE (the webhook consumer's backup "
                                                + "poll).", javaType = "String")
    public static final String EVENT_SOURCE = "CamelJiraEventSource";
    @Metadata(label = "consumer", description = "Identity of the event, its de-duplication key: the webhook delivery id "
                                                + "(X-Atlassian-Webhook-Identifier), else one derived from the payload; for polled "
                                                + "events one derived from the issue and its change.", javaType = "String")
    public static final String EVENT_ID = "CamelJiraEventId";

    // ---- Apache camel-jira's headers, read for drop-in compatibility ----
    @Metadata(description = "camel-jira: issue key.", javaType = "String")
    public static final String LEGACY_ISSUE_KEY = "IssueKey";
    @Metadata(description = "camel-jira: project key.", javaType = "String")
    public static final String LEGACY_PROJECT_KEY = "ProjectKey";
    @Metadata(description = "camel-jira: issue type id.", javaType = "Long")
    public static final String LEGACY_ISSUE_TYPE_ID = "IssueTypeId";
    @Metadata(description = "camel-jira: issue type name.", javaType = "String")
    public static final String LEGACY_ISSUE_TYPE_NAME = "IssueTypeName";
    @Metadata(description = "camel-jira: summary.", javaType = "String")
    public static final String LEGACY_SUMMARY = "IssueSummary";
    @Metadata(description = "camel-jira: description (updateIssue; addIssue takes the body).", javaType = "String")
    public static final String LEGACY_DESCRIPTION = "IssueDescription";
    @Metadata(description = "camel-jira: assignee user name.", javaType = "String")
    public static final String LEGACY_ASSIGNEE = "IssueAssignee";
    @Metadata(description = "camel-jira: assignee account id.", javaType = "String")
    public static final String LEGACY_ASSIGNEE_ID = "IssueAssigneeId";
    @Metadata(description = "camel-jira: priority id.", javaType = "Long")
    public static final String LEGACY_PRIORITY_ID = "IssuePriorityId";
    @Metadata(description = "camel-jira: priority name.", javaType = "String")
    public static final String LEGACY_PRIORITY_NAME = "IssuePriorityName";
    @Metadata(description = "camel-jira: comma-separated component names.", javaType = "String")
    public static final String LEGACY_COMPONENTS = "IssueComponents";
    @Metadata(description = "camel-jira: transition id.", javaType = "Integer")
    public static final String LEGACY_TRANSITION_ID = "IssueTransitionId";
    @Metadata(description = "camel-jira: comma-separated watchers to add.", javaType = "String")
    public static final String LEGACY_WATCHERS_ADD = "IssueWatchersAdd";
    @Metadata(description = "camel-jira: comma-separated watchers to remove.", javaType = "String")
    public static final String LEGACY_WATCHERS_REMOVE = "IssueWatchersRemove";
    @Metadata(description = "camel-jira: parent (from) issue of addIssueLink; sent as inwardIssue, as camel-jira did.", javaType = "String")
    public static final String LEGACY_PARENT_ISSUE_KEY = "ParentIssueKey";
    @Metadata(description = "camel-jira: child (to) issue of addIssueLink; sent as outwardIssue, as camel-jira did.", javaType = "String")
    public static final String LEGACY_CHILD_ISSUE_KEY = "ChildIssueKey";
    @Metadata(description = "camel-jira: link type name of addIssueLink.", javaType = "String")
    public static final String LEGACY_LINK_TYPE = "linkType";
    @Metadata(description = "camel-jira: minutes spent of addWorkLog.", javaType = "Integer")
    public static final String LEGACY_MINUTES_SPENT = "minutesSpent";

    private JiraConstants() {
    }
}
