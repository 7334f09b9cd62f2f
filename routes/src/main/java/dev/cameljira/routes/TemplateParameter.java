package dev.cameljira.routes;

import java.util.List;

/**
 * One parameter of the sync templates: its name (the public contract), its default per template and what it means.
 * {@link JiraSyncTemplates} declares them, {@link SyncSettings} validates them and the README lists them.
 *
 * @param name              the parameter name, e.g. {@code jiraProject}
 * @param zendeskDefault    default of {@code jira-zendesk-sync}; null = required; absent from that template when
 *                          {@code zendesk} is false
 * @param servicenowDefault default of {@code jira-servicenow-sync}; null = required
 * @param zendesk           whether {@code jira-zendesk-sync} has it
 * @param servicenow        whether {@code jira-servicenow-sync} has it
 * @param description       what it means, with the allowed values
 */
public record TemplateParameter(String name, String zendeskDefault, String servicenowDefault, boolean zendesk,
                                boolean servicenow, String description) {

    static TemplateParameter both(String name, String defaultValue, String description) {
        return new TemplateParameter(name, defaultValue, defaultValue, true, true, description);
    }

    static TemplateParameter both(String name, String zendeskDefault, String servicenowDefault, String description) {
        return new TemplateParameter(name, zendeskDefault, servicenowDefault, true, true, description);
    }

    static TemplateParameter zendesk(String name, String defaultValue, String description) {
        return new TemplateParameter(name, defaultValue, null, true, false, description);
    }

    static TemplateParameter servicenow(String name, String defaultValue, String description) {
        return new TemplateParameter(name, null, defaultValue, false, true, description);
    }

    /** Whether the template of {@code system} has this parameter. */
    public boolean appliesTo(SyncSystem system) {
        return system == SyncSystem.ZENDESK ? zendesk : servicenow;
    }

    /** The default in the template of {@code system}; null when the parameter is required there. */
    public String defaultFor(SyncSystem system) {
        return system == SyncSystem.ZENDESK ? zendeskDefault : servicenowDefault;
    }

    /** Every parameter of both templates, in the order the README lists them. */
    public static final List<TemplateParameter> ALL = List.of(
            both("jiraProject", null, "Key of the Jira project the issues live in (required)."),
            both("jiraIssueType", "Task", "Issue type of new issues when typeMap has no pair for the ticket's type."),
            both("direction", "both", "both, to-jira (only the other side changes Jira) or from-jira (only Jira "
                    + "changes the other side; no issues are created)."),
            both("statusMap",
                    "To Do:open,In Progress:open,Done:solved,To Do:new,To Do:pending,In Progress:hold,Done:closed,*:open,To Do:*",
                    "To Do:1,In Progress:2,Done:6,In Progress:3,Done:7,Done:8,*:2,To Do:*",
                    "Jira status : Zendesk status (new, open, pending, hold, solved, closed) or ServiceNow incident state "
                    + "(1 New, 2 In Progress, 3 On Hold, 6 Resolved, 7 Closed, 8 Canceled; names or numbers). Jira to "
                    + "the other side takes the first pair of the Jira status, the other way the first pair of the other "
                    + "value; * is the default of each direction."),
            both("priorityMap", "Highest:urgent,High:high,Medium:normal,Low:low,Lowest:low,*:normal,Medium:*",
                    "Highest:1,High:2,Medium:3,Low:4,Lowest:5,*:3,Medium:*",
                    "Jira priority : Zendesk priority (urgent, high, normal, low) or ServiceNow priority (1 Critical .. "
                    + "5 Planning; set through impact and urgency)."),
            both("typeMap", "Bug:problem,Bug:incident,Task:task,Task:question",
                    "Bug:software,Bug:hardware,Bug:network,Bug:database,Task:inquiry",
                    "Jira issue type : Zendesk ticket type (problem, incident, question, task) or ServiceNow category; "
                    + "used when creating issues (unmapped: jiraIssueType)."),
            both("userMatch", "email", "How people are matched across the systems: email (assignee and reporter by "
                    + "e-mail address) or none (people are not synced)."),
            both("fallbackAssignee", "none", "E-mail of the assignee to use when the assignee has no account on the "
                    + "other side; none leaves the issue or ticket unassigned."),
            both("syncComments", "public", "public (Zendesk public replies, ServiceNow additional comments, Jira comments "
                    + "without a visibility restriction), all (private notes and work notes too) or none."),
            both("syncAttachments", "false", "Copy attachments both ways (names kept, up to maxAttachmentSize)."),
            both("maxAttachmentSize", "10485760", "Largest attachment copied, in bytes; larger ones are reported."),
            both("pollInterval", "30s", "How often the pollers look for changes (e.g. 30s, 2m, 500ms)."),
            both("deadLetterUri", "log", "Where an event goes after its last try, with the reason and the link "
                    + "(headers JiraSyncFailureReason, JiraSyncLink): log, or any Camel endpoint URI."),
            zendesk("selector", "", "Which tickets become issues: a tag (jira), or a Zendesk search expression of "
                    + "tags:, status:/status<, priority:/priority>, type:, brand:, group:, via: and -negations "
                    + "(tags:jira priority>normal). Empty: every new ticket."),
            new TemplateParameter("selector", null, "", false, true, "Which incidents become issues: a ServiceNow "
                    + "encoded query (category=software^priority<=2). Empty: every new incident."),
            both("since", "now", "Where a first start picks up (now, -1h, or an ISO-8601 time); ignored once the "
                    + "cursors are stored."),
            both("webhooks", "false", "Receive changes in real time: Jira's webhook on jiraWebhookPath and the other "
                    + "side's on its path (the pollers keep running as a backup)."),
            both("publicUrl", "", "Address Jira can reach this application at (https://sync.example.com); with "
                    + "webhooks=true the Jira admin webhook is registered on start and removed on stop."),
            both("jiraWebhookPath", "/jira/webhook", "Path of Jira's webhook (shared by every sync of the application)."),
            both("jiraWebhookSecret", "", "Secret Jira signs webhook deliveries with (X-Hub-Signature)."),
            zendesk("zendeskWebhookPath", "/zendesk/webhook", "Path of the Zendesk webhook."),
            zendesk("zendeskWebhookSecret", "", "Signing secret of the Zendesk webhook (X-Zendesk-Webhook-Signature)."),
            servicenow("servicenowWebhookPath", "/servicenow/webhook", "Path of the ServiceNow outbound REST message."),
            servicenow("servicenowWebhookSecret", "", "Secret of the ServiceNow outbound REST message "
                    + "(X-ServiceNow-Signature: sha256=Base64 HMAC-SHA256 of the body)."),
            both("allowUnsignedWebhooks", "false", "Accept webhooks without a secret (local use only); without it a "
                    + "blank secret stops the start when webhooks=true."),
            both("leaderElection", "false", "Run the pollers on the cluster leader only (Camel master: with the "
                    + "application's CamelClusterService); webhooks are received on every replica."),
            both("clusterNamespace", "jira-sync", "Leader election namespace of the pollers."),
            both("stateRepository", "", "Bean name of a StateRepository<String, String> for the poll cursors (e.g. a "
                    + "JdbcStateRepository shared by the replicas). Empty: files in stateDirectory."),
            both("stateDirectory", "jira-sync-state", "Folder of the file cursors when no stateRepository is given."),
            both("idempotentRepository", "", "Bean name of the IdempotentRepository that drops redelivered webhooks "
                    + "(shared by the replicas). Empty: in memory."),
            both("claimRepository", "", "Bean name of an IdempotentRepository the replicas share to claim a ticket / "
                    + "incident while one of them syncs it, so a webhook on one pod and the leader's poll never both "
                    + "create its issue or copy its comment (JdbcClaimRepository of this module). Empty: one replica, "
                    + "in-process locks."),
            both("concurrency", "4", "Records of one poll synced side by side (1: one after the other); each "
                    + "record's events stay in order, the poll cursor moves only past what succeeded, and every side's "
                    + "rate limits still hold (a 429 is waited out; the jira component's maxRequestsPerSecond paces "
                    + "all Jira calls)."),
            both("maximumRedeliveries", "5", "Tries after the first, with exponential backoff."),
            both("redeliveryDelay", "1s", "First backoff delay (doubled per try, at most 60s)."),
            both("ignoreUsers", "", "Comma-separated e-mails or account ids whose changes are never synced (other "
                    + "bots). The sync's own writes are recognised without it."),
            both("linkLabelPrefix", "zendesk-", "servicenow-", "Prefix of the Jira label that marks a linked issue "
                    + "(zendesk-12, servicenow-INC0010001) and finds it again."),
            both("jiraComponent", "jira", "Name of the jira component to use (a second connection: jira-dc)."),
            zendesk("zendeskComponent", "zendesk", "Name of the zendesk component to use."),
            servicenow("servicenowComponent", "servicenow", "Name of the servicenow component to use."),
            servicenow("servicenowInstance", "servicenow", "ServiceNow instance name of the endpoint URIs (the "
                    + "component's apiUrl wins when set)."),
            servicenow("closeCode", "Solution provided", "Resolution code (close_code) written when an incident is "
                    + "resolved from Jira; one of the instance's choices (Solution provided, Workaround provided, ...)."),
            servicenow("closeNotes", "Resolved in Jira", "Resolution notes written when an incident is resolved "
                    + "from Jira (the issue key is appended)."),
            servicenow("correlationDisplay", "Jira", "correlation_display written with the Jira key in "
                    + "correlation_id."));
}
