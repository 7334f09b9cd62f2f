package dev.cameljira.sandbox.servicenow;

import java.time.Instant;
import java.util.Map;

/**
 * An incident as the emulator stores it (stored values, not display values; references are sys_ids, "" when
 * empty). Journal entries (comments, work notes) are read with {@link ServiceNowEmulator#journal(String)}.
 *
 * @param sysId              32-hex sys_id
 * @param number             INC0010001...
 * @param shortDescription   short description
 * @param description        description
 * @param state              state
 * @param impact             1 (High) to 3 (Low)
 * @param urgency            1 (High) to 3 (Low)
 * @param priority           1 (Critical) to 5 (Planning), derived from impact and urgency
 * @param callerId           sys_user sys_id
 * @param assignedTo         sys_user sys_id
 * @param openedBy           sys_user sys_id
 * @param assignmentGroup    sys_user_group sys_id
 * @param category           category
 * @param correlationId      correlation id (the id in the other system)
 * @param correlationDisplay correlation display (the name of the other system)
 * @param active             false once Closed or Canceled
 * @param closeCode          resolution code
 * @param closeNotes         resolution notes
 * @param openedAt           when opened
 * @param resolvedAt         when resolved, or null
 * @param closedAt           when closed, or null
 * @param createdOn          sys_created_on
 * @param updatedOn          sys_updated_on
 * @param createdBy          sys_created_by (user name)
 * @param updatedBy          sys_updated_by (user name)
 * @param modCount           sys_mod_count
 * @param customFields       u_* columns that have a value
 */
public record Incident(String sysId, String number, String shortDescription, String description, IncidentState state,
                       int impact, int urgency, int priority, String callerId, String assignedTo, String openedBy,
                       String assignmentGroup, String category, String correlationId, String correlationDisplay,
                       boolean active, String closeCode, String closeNotes, Instant openedAt, Instant resolvedAt,
                       Instant closedAt, Instant createdOn, Instant updatedOn, String createdBy, String updatedBy,
                       int modCount, Map<String, String> customFields) {

    /** Defensive copy. */
    public Incident {
        customFields = Map.copyOf(customFields);
    }

    static Incident from(Row row) {
        return new Incident(row.sysId(), row.get("number"), row.get("short_description"), row.get("description"),
                IncidentState.of(Integer.parseInt(row.get("state"))).orElseThrow(), Integer.parseInt(row.get("impact")),
                Integer.parseInt(row.get("urgency")), Integer.parseInt(row.get("priority")), row.get("caller_id"),
                row.get("assigned_to"), row.get("opened_by"), row.get("assignment_group"), row.get("category"),
                row.get("correlation_id"), row.get("correlation_display"), Boolean.parseBoolean(row.get("active")),
                row.get("close_code"), row.get("close_notes"), GlideTime.parse(row.get("opened_at")),
                GlideTime.parse(row.get("resolved_at")), GlideTime.parse(row.get("closed_at")),
                GlideTime.parse(row.get("sys_created_on")), GlideTime.parse(row.get("sys_updated_on")),
                row.get("sys_created_by"), row.get("sys_updated_by"), Integer.parseInt(row.get("sys_mod_count")),
                row.customValues());
    }
}
