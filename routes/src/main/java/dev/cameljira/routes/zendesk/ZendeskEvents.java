package dev.cameljira.routes.zendesk;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.routes.engine.SyncEvent;
import org.zendesk.client.v2.model.Ticket;

/** Zendesk event-webhook payloads and exported tickets as {@link SyncEvent}s. */
public final class ZendeskEvents {
    private static final String PREFIX = "zen:event-type:ticket.";

    private ZendeskEvents() {
    }

    /**
     * An event-webhook payload ({@code {"type": "zen:event-type:ticket.status_changed", "id", "time", "detail":
     * {ticket}, "event": {...}}}); null when it is not a ticket event.
     */
    public static SyncEvent of(JsonNode n) {
        String type = n.path("type").asText("");
        if (!type.startsWith(PREFIX)) {
            return null;
        }
        String what = type.substring(PREFIX.length());
        JsonNode detail = n.path("detail");
        String id = detail.path("id").asText(null);
        if (id == null || id.isBlank()) {
            String subject = n.path("subject").asText("");
            id = subject.startsWith("zen:ticket:") ? subject.substring("zen:ticket:".length()) : null;
        }
        if (id == null || !id.matches("\\d+")) {
            return null;
        }
        SyncEvent.Kind kind;
        List<SyncEvent.FieldChange> changes = List.of();
        String comment = null;
        switch (what) {
            case "created" -> kind = SyncEvent.Kind.CREATED;
            case "comment_added" -> {
                kind = SyncEvent.Kind.COMMENTED;
                comment = n.path("event").path("comment").path("body").asText(null);
            }
            case "soft_deleted", "permanently_deleted", "marked_as_spam" -> kind = SyncEvent.Kind.DELETED;
            default -> {
                kind = SyncEvent.Kind.UPDATED;
                changes = List.of(new SyncEvent.FieldChange(field(what), n.path("event").path("current").asText(null)));
            }
        }
        String actor = detail.path("actor_id").asText(null);
        return new SyncEvent(SyncEvent.Origin.OTHER, kind, id, n.path("id").asText(null), SyncEvent.Source.WEBHOOK,
                time(n.path("time").asText(null)), changes, comment, null, actor,
                time(detail.path("updated_at").asText(null)));
    }

    private static String field(String eventType) {
        return switch (eventType) {
            case "status_changed" -> "status";
            case "priority_changed" -> "priority";
            case "subject_changed" -> "subject";
            case "agent_assignment_changed" -> "assignee_id";
            case "group_assignment_changed" -> "group_id";
            case "external_id_changed" -> "external_id";
            case "tags_changed" -> "tags";
            case "ticket_type_changed" -> "type";
            case "requester_changed" -> "requester_id";
            case "attachment_linked_to_comment" -> "attachment";
            default -> eventType.endsWith("_changed") ? eventType.substring(0, eventType.length() - 8) : eventType;
        };
    }

    /** A ticket seen by the incremental export: something changed, the export does not say what. */
    public static SyncEvent of(Ticket t) {
        Instant updated = t.getUpdatedAt() == null ? null : t.getUpdatedAt().toInstant();
        SyncEvent.Kind kind = t.getStatus() != null && t.getStatus().toString().equalsIgnoreCase("deleted")
                ? SyncEvent.Kind.DELETED : SyncEvent.Kind.CHANGED;
        return new SyncEvent(SyncEvent.Origin.OTHER, kind, String.valueOf(t.getId()),
                t.getId() + "@" + (updated == null ? 0 : updated.getEpochSecond()), SyncEvent.Source.POLL,
                updated == null ? Instant.now() : updated, List.of(), null, null, null, updated);
    }

    static Instant time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
