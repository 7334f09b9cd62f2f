package dev.cameljira.routes;

/** The system a sync keeps Jira in step with. */
public enum SyncSystem {
    ZENDESK("jira-zendesk-sync", "Zendesk", "zendesk", "ticket"),
    SERVICENOW("jira-servicenow-sync", "ServiceNow", "servicenow", "incident");

    private final String templateId;
    private final String displayName;
    private final String key;
    private final String recordName;

    SyncSystem(String templateId, String displayName, String key, String recordName) {
        this.templateId = templateId;
        this.displayName = displayName;
        this.key = key;
        this.recordName = recordName;
    }

    /** The route template id: {@code jira-zendesk-sync} or {@code jira-servicenow-sync}. */
    public String templateId() {
        return templateId;
    }

    /** "Zendesk" or "ServiceNow", as the log and the comment author lines spell it. */
    public String displayName() {
        return displayName;
    }

    /** "zendesk" or "servicenow": comment markers, default link labels, property keys, metric tags. */
    public String key() {
        return key;
    }

    /** "ticket" or "incident". */
    public String recordName() {
        return recordName;
    }
}
