package dev.cameljira.routes.servicenow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.routes.engine.SyncEvent;

/** ServiceNow outbound-REST payloads and polled incident rows as {@link SyncEvent}s (keyed by incident number). */
public final class ServiceNowEvents {

    private ServiceNowEvents() {
    }

    /**
     * The JSON the business rule posts: {@code {"id", "event": "incident.updated", "sys_id", "number", "changes": [...],
     * "record": {...}, "actor"}}; null when it is not about an incident.
     */
    public static SyncEvent of(JsonNode n) {
        String event = n.path("event").asText("");
        String table = n.path("table").asText("incident");
        if (event.startsWith("attachment.") && table.equals("incident") && n.hasNonNull("number")) {
            // a file attached to (or removed from) an incident
            String number = n.path("number").asText();
            return new SyncEvent(SyncEvent.Origin.OTHER, SyncEvent.Kind.UPDATED, number, n.path("id").asText(null),
                    SyncEvent.Source.WEBHOOK, Instant.now(), List.of(new SyncEvent.FieldChange("attachment", null)),
                    null, null, n.path("actor").asText(null), null);
        }
        if (!table.equals("incident") || !event.startsWith("incident.")) {
            return null;
        }
        JsonNode record = n.path("record");
        String number = n.path("number").asText(record.path("number").asText(null));
        if (number == null || number.isBlank()) {
            return null;
        }
        List<SyncEvent.FieldChange> changes = new ArrayList<>();
        for (JsonNode c : n.path("changes")) {
            changes.add(new SyncEvent.FieldChange(c.asText(), record.path(c.asText()).asText(null)));
        }
        SyncEvent.Kind kind = switch (event) {
            case "incident.inserted", "incident.created" -> SyncEvent.Kind.CREATED;
            case "incident.deleted" -> SyncEvent.Kind.DELETED;
            default -> changes.stream().allMatch(c -> c.field().equals("comments") || c.field().equals("work_notes"))
                    && !changes.isEmpty() ? SyncEvent.Kind.COMMENTED : SyncEvent.Kind.UPDATED;
        };
        String comment = null;
        for (JsonNode j : n.path("journal")) {
            comment = j.path("value").asText(null);
        }
        Instant updated = ServiceNowSide.time(record.path("sys_updated_on").asText(null));
        return new SyncEvent(SyncEvent.Origin.OTHER, kind, number, n.path("id").asText(null), SyncEvent.Source.WEBHOOK,
                updated == null ? Instant.now() : updated, kind == SyncEvent.Kind.UPDATED ? changes : List.of(),
                comment, null, n.path("actor").asText(null), updated);
    }

    /** A polled incident row: something changed. */
    public static SyncEvent of(Map<String, Object> row) {
        String number = ServiceNowSide.s(row, "number");
        Instant updated = ServiceNowSide.time(ServiceNowSide.s(row, "sys_updated_on"));
        return new SyncEvent(SyncEvent.Origin.OTHER, SyncEvent.Kind.CHANGED, number,
                number + "@" + ServiceNowSide.s(row, "sys_mod_count"), SyncEvent.Source.POLL,
                updated == null ? Instant.now() : updated, List.of(), null, null, null, updated);
    }
}
