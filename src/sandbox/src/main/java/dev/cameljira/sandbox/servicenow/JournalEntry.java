package dev.cameljira.sandbox.servicenow;

import java.time.Instant;

/**
 * One sys_journal_field entry: a comment ("Additional comments", customer-visible) or a work note (internal).
 *
 * @param sysId     the entry's sys_id
 * @param elementId the sys_id of the incident it belongs to
 * @param element   "comments" or "work_notes"
 * @param value     the text
 * @param createdBy user name of the author
 * @param createdOn when it was written
 */
public record JournalEntry(String sysId, String elementId, String element, String value, String createdBy,
                           Instant createdOn) {

    /** True for work notes (internal), false for additional comments. */
    public boolean isWorkNote() {
        return "work_notes".equals(element);
    }

    static JournalEntry from(Row row) {
        return new JournalEntry(row.sysId(), row.get("element_id"), row.get("element"), row.get("value"),
                row.get("sys_created_by"), GlideTime.parse(row.get("sys_created_on")));
    }
}
