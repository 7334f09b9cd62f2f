package dev.cameljira.sandbox.zendesk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A change to a ticket, through the admin API or parsed from {@code PUT /api/v2/tickets/{id}.json}. A null field
 * means "leave unchanged"; to clear a nullable field (priority, type, external_id, assignee_id, group_id, due_at),
 * name it in {@code cleared}. Start from {@link #none()} and use the {@code with...} methods.
 *
 * @param subject        new subject
 * @param status         new status
 * @param priority       new priority
 * @param type           new type
 * @param externalId     new external id
 * @param requesterId    new requester
 * @param assigneeId     new assignee
 * @param groupId        new group
 * @param dueAt          new due date
 * @param tags           replaces all tags
 * @param additionalTags tags to add
 * @param removeTags     tags to remove
 * @param customFields   custom field values to set (merged by id)
 * @param comment        comment to add
 * @param cleared        wire names of fields to set to null
 * @param safeUpdate     when true, fail with 409 unless {@code updatedStamp} equals the ticket's updated_at
 * @param updatedStamp   the updated_at the caller last saw
 */
public record TicketUpdate(String subject, ZendeskStatus status, ZendeskPriority priority, ZendeskTicketType type,
                           String externalId, Long requesterId, Long assigneeId, Long groupId, Instant dueAt,
                           List<String> tags, List<String> additionalTags, List<String> removeTags,
                           List<CustomField> customFields, NewComment comment, Set<String> cleared,
                           boolean safeUpdate, Instant updatedStamp) {

    /** Null collections become empty ones ({@code tags} stays null: "unchanged"). */
    public TicketUpdate {
        tags = tags == null ? null : List.copyOf(tags);
        additionalTags = additionalTags == null ? List.of() : List.copyOf(additionalTags);
        removeTags = removeTags == null ? List.of() : List.copyOf(removeTags);
        customFields = customFields == null ? List.of() : List.copyOf(customFields);
        cleared = cleared == null ? Set.of() : Set.copyOf(cleared);
    }

    /** An update that changes nothing. */
    public static TicketUpdate none() {
        return new TicketUpdate(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, false, null);
    }

    /** Adds a comment. */
    public TicketUpdate withComment(NewComment newComment) {
        return new TicketUpdate(subject, status, priority, type, externalId, requesterId, assigneeId, groupId, dueAt,
                tags, additionalTags, removeTags, customFields, newComment, cleared, safeUpdate, updatedStamp);
    }

    /** Sets the subject. */
    public TicketUpdate withSubject(String newSubject) {
        return new TicketUpdate(newSubject, status, priority, type, externalId, requesterId, assigneeId, groupId,
                dueAt, tags, additionalTags, removeTags, customFields, comment, cleared, safeUpdate, updatedStamp);
    }

    /** Sets the status. */
    public TicketUpdate withStatus(ZendeskStatus newStatus) {
        return new TicketUpdate(subject, newStatus, priority, type, externalId, requesterId, assigneeId, groupId,
                dueAt, tags, additionalTags, removeTags, customFields, comment, cleared, safeUpdate, updatedStamp);
    }

    /** Sets the priority; null clears it. */
    public TicketUpdate withPriority(ZendeskPriority newPriority) {
        return new TicketUpdate(subject, status, newPriority, type, externalId, requesterId, assigneeId, groupId,
                dueAt, tags, additionalTags, removeTags, customFields, comment,
                clearIfNull(newPriority, "priority"), safeUpdate, updatedStamp);
    }

    /** Sets the type; null clears it. */
    public TicketUpdate withType(ZendeskTicketType newType) {
        return new TicketUpdate(subject, status, priority, newType, externalId, requesterId, assigneeId, groupId,
                dueAt, tags, additionalTags, removeTags, customFields, comment, clearIfNull(newType, "type"),
                safeUpdate, updatedStamp);
    }

    /** Sets the external id; null clears it. */
    public TicketUpdate withExternalId(String newExternalId) {
        return new TicketUpdate(subject, status, priority, type, newExternalId, requesterId, assigneeId, groupId,
                dueAt, tags, additionalTags, removeTags, customFields, comment,
                clearIfNull(newExternalId, "external_id"), safeUpdate, updatedStamp);
    }

    /** Sets the requester. */
    public TicketUpdate withRequesterId(long newRequesterId) {
        return new TicketUpdate(subject, status, priority, type, externalId, newRequesterId, assigneeId, groupId,
                dueAt, tags, additionalTags, removeTags, customFields, comment, cleared, safeUpdate, updatedStamp);
    }

    /** Sets the assignee; null unassigns. */
    public TicketUpdate withAssigneeId(Long newAssigneeId) {
        return new TicketUpdate(subject, status, priority, type, externalId, requesterId, newAssigneeId, groupId,
                dueAt, tags, additionalTags, removeTags, customFields, comment,
                clearIfNull(newAssigneeId, "assignee_id"), safeUpdate, updatedStamp);
    }

    /** Replaces all tags. */
    public TicketUpdate withTags(String... newTags) {
        return new TicketUpdate(subject, status, priority, type, externalId, requesterId, assigneeId, groupId, dueAt,
                List.of(newTags), additionalTags, removeTags, customFields, comment, cleared, safeUpdate,
                updatedStamp);
    }

    /** Sets one custom field value. */
    public TicketUpdate withCustomField(CustomField field) {
        List<CustomField> copy = new ArrayList<>(customFields);
        copy.removeIf(f -> f.id() == field.id());
        copy.add(field);
        return new TicketUpdate(subject, status, priority, type, externalId, requesterId, assigneeId, groupId, dueAt,
                tags, additionalTags, removeTags, copy, comment, cleared, safeUpdate, updatedStamp);
    }

    private Set<String> clearIfNull(Object value, String field) {
        Set<String> copy = new HashSet<>(cleared);
        if (value == null) {
            copy.add(field);
        } else {
            copy.remove(field);
        }
        return copy;
    }
}
