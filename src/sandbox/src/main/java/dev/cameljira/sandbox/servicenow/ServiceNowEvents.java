package dev.cameljira.sandbox.servicenow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.Json;
import java.util.List;
import java.util.UUID;

/**
 * The JSON an outbound-REST business rule would POST for an incident write:
 * <pre>{"id": "uuid", "event": "incident.updated", "table": "incident", "sys_id": "...", "number": "INC0010001",
 *  "time": "2026-11-28 10:15:30", "actor": "admin", "changes": ["state", "comments"],
 *  "journal": [{"sys_id", "element", "value", "sys_created_by", "sys_created_on"}], "record": {...}}</pre>
 * {@code record} holds stored values (references as plain sys_ids) except the journal fields, which carry their
 * journal text, as {@code current.comments.getJournalEntry(-1)} would give a script.
 */
final class ServiceNowEvents {

    private ServiceNowEvents() {
    }

    static ObjectNode of(ServiceNowStore.Write w, ServiceNowUser actor, RecordRenderer renderer,
                         FieldResolver resolver, String baseUrl, String time) {
        ObjectNode record = renderer.render(Tables.INCIDENT_SCHEMA, w.after(),
                new RecordRenderer.Options(RecordRenderer.Mode.VALUE, true, null, baseUrl));
        for (String journal : List.of("comments", "work_notes", "comments_and_work_notes")) {
            Column column = Tables.INCIDENT_SCHEMA.column(journal).orElseThrow();
            record.put(journal, resolver.display(resolver.resolve(w.after(), List.of(column))));
        }
        ObjectNode event = Json.object();
        event.put("id", UUID.randomUUID().toString());
        event.put("event", w.event());
        event.put("table", Tables.INCIDENT);
        event.put("sys_id", w.after().sysId());
        event.put("number", w.after().get("number"));
        event.put("time", time);
        event.put("actor", actor.userName());
        ArrayNode changes = event.putArray("changes");
        w.changed().stream().filter(c -> !c.startsWith("sys_")).forEach(changes::add);
        ArrayNode journal = event.putArray("journal");
        w.journal().forEach(j -> journal.addObject().put("sys_id", j.sysId()).put("element", j.get("element"))
                .put("value", j.get("value")).put("sys_created_by", j.get("sys_created_by"))
                .put("sys_created_on", j.get("sys_created_on")));
        event.set("record", record);
        return event;
    }

    /**
     * The JSON a script action on the attachment.uploaded / attachment.deleted events would POST:
     * <pre>{"id": "uuid", "event": "attachment.uploaded", "table": "incident", "sys_id": "(the incident)",
     *  "number": "INC0010001", "time": "...", "actor": "admin", "attachment": {sys_id, file_name, content_type,
     *  size_bytes, table_name, table_sys_id, sys_created_on, ... as the Attachment API's metadata, no download_link}}</pre>
     */
    static ObjectNode ofAttachment(ServiceNowStore.AttachmentWrite w, ObjectNode metadata, String time) {
        ObjectNode event = Json.object();
        event.put("id", UUID.randomUUID().toString());
        event.put("event", w.event());
        event.put("table", w.attachment().get("table_name"));
        event.put("sys_id", w.attachment().get("table_sys_id"));
        event.put("number", w.parent() == null ? "" : w.parent().get("number"));
        event.put("time", time);
        event.put("actor", w.actor());
        event.set("attachment", metadata);
        return event;
    }
}
