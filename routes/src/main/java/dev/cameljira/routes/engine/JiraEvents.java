package dev.cameljira.routes.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.cameljira.jira.model.ChangeItem;
import dev.cameljira.jira.model.JiraEvent;
import dev.cameljira.jira.model.JiraIssue;
import dev.cameljira.jira.model.JiraUser;

/** Turns the component's {@link JiraEvent} (webhook or poll alike) into a {@link SyncEvent}. */
public final class JiraEvents {

    private JiraEvents() {
    }

    /** The sync event, or null for an event the sync has no use for (worklogs, projects, links, ...). */
    public static SyncEvent of(JiraEvent e) {
        if (e == null || e.issueKey() == null) {
            return null;
        }
        String type = e.type() == null ? "" : e.type();
        SyncEvent.Kind kind;
        if (type.equals("jira:issue_created")) {
            kind = SyncEvent.Kind.CREATED;
        } else if (type.equals("jira:issue_deleted")) {
            kind = SyncEvent.Kind.DELETED;
        } else if (type.startsWith("comment_") && !type.equals("comment_deleted")) {
            kind = SyncEvent.Kind.COMMENTED;
        } else if (type.equals("jira:issue_updated")) {
            boolean commented = e.comment() != null && e.issueEventType() != null
                    && e.issueEventType().startsWith("issue_comment");
            kind = commented ? SyncEvent.Kind.COMMENTED : SyncEvent.Kind.UPDATED;
        } else {
            return null;
        }
        List<SyncEvent.FieldChange> changes = new ArrayList<>();
        for (ChangeItem c : e.changelog()) {
            String field = c.fieldId() != null && !c.fieldId().isBlank() ? c.fieldId() : c.field();
            changes.add(new SyncEvent.FieldChange(field, c.toText() != null ? c.toText() : c.to()));
        }
        if (kind == SyncEvent.Kind.UPDATED && changes.isEmpty() && e.comment() != null) {
            kind = SyncEvent.Kind.COMMENTED;
        }
        JiraIssue issue = e.issue();
        List<String> labels = issue != null && issue.fields() != null && issue.fields().has("labels") ? issue.labels()
                : null;
        JiraUser u = e.user();
        String user = u == null ? null : u.emailAddress() != null ? u.emailAddress() : u.id();
        Instant at = e.timestamp() == null ? Instant.now() : e.timestamp();
        return new SyncEvent(SyncEvent.Origin.JIRA, kind, e.issueKey(), e.eventId(), source(e.source()), at, changes,
                e.comment() == null ? null : e.comment().body(), labels, user, null);
    }

    private static SyncEvent.Source source(JiraEvent.Source s) {
        if (s == null) {
            return SyncEvent.Source.WEBHOOK;
        }
        return switch (s) {
            case WEBHOOK -> SyncEvent.Source.WEBHOOK;
            case POLL -> SyncEvent.Source.POLL;
            case RECONCILE -> SyncEvent.Source.RECONCILE;
        };
    }
}
