package dev.cameljira.routes.engine;

import java.time.Instant;
import java.util.List;

/**
 * One change noticed on either side, whatever it came through (webhook or poll): the sync engine turns it into a
 * reconciliation of the linked pair, so the same change noticed twice (a webhook and the backup poll) costs reads,
 * never a second write.
 *
 * @param origin      which side changed
 * @param kind        what happened, as far as the source tells
 * @param id          Jira issue key, Zendesk ticket id or ServiceNow incident sys_id
 * @param eventId     the source's identity of the event (for logs and the status page)
 * @param source      webhook or poll
 * @param at          when the change happened, as the source says
 * @param changes     changed fields with their new value, when the source tells (empty: unknown)
 * @param commentBody the text of the comment of a comment event, or null
 * @param labels      the Jira issue's labels when the event carries them, or null when unknown
 * @param user        who made the change (e-mail or id), or null
 * @param updatedAt   the record's update time as the event shows it (ticket updated_at, sys_updated_on), or null
 */
public record SyncEvent(Origin origin, Kind kind, String id, String eventId, Source source, Instant at,
                        List<FieldChange> changes, String commentBody, List<String> labels, String user,
                        Instant updatedAt) {

    /** Which side changed. */
    public enum Origin {
        JIRA, OTHER
    }

    /** What happened. */
    public enum Kind {
        /** A new issue / ticket / incident. */
        CREATED,
        /** Fields changed. */
        UPDATED,
        /** A comment was added or edited. */
        COMMENTED,
        /** The record was deleted. */
        DELETED,
        /** Something changed; the source does not say what (a poll of Zendesk or ServiceNow). */
        CHANGED
    }

    /** How the event arrived. */
    public enum Source {
        WEBHOOK, POLL, RECONCILE
    }

    /** One changed field and its new value (display text). */
    public record FieldChange(String field, String to) {
    }

    public SyncEvent {
        changes = changes == null ? List.of() : List.copyOf(changes);
        labels = labels == null ? null : List.copyOf(labels);
    }

    /** Short description for logs: "Jira DEMO-7 UPDATED (webhook)". */
    public String describe(String otherSystem) {
        return (origin == Origin.JIRA ? "Jira " : otherSystem + " ") + id + " " + kind + " ("
                + source.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
