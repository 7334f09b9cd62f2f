package dev.cameljira.sandbox.zendesk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A ticket to create, through the admin API or parsed from {@code POST /api/v2/tickets.json}. Null fields take
 * Zendesk's defaults (requester and submitter: the acting user; status: new, or open when an assignee is given).
 *
 * @param subject      subject
 * @param comment      the first comment, which becomes the description (required)
 * @param status       initial status
 * @param priority     priority
 * @param type         type
 * @param externalId   external id
 * @param requesterId  requester user id
 * @param requester    requester given by e-mail (found or created as an end-user); ignored when requesterId is set
 * @param assigneeId   assignee (agent or admin)
 * @param groupId      group id
 * @param dueAt        due date
 * @param tags         tags
 * @param customFields custom field values
 */
public record TicketDraft(String subject, NewComment comment, ZendeskStatus status, ZendeskPriority priority,
                          ZendeskTicketType type, String externalId, Long requesterId, Requester requester,
                          Long assigneeId, Long groupId, Instant dueAt, List<String> tags,
                          List<CustomField> customFields) {

    /**
     * A requester named by e-mail, as in {@code "requester": {"name": "Jane", "email": "jane@example.com"}}.
     *
     * @param name  display name used when the user has to be created
     * @param email e-mail address
     */
    public record Requester(String name, String email) {
    }

    /** Null lists become empty ones. */
    public TicketDraft {
        tags = tags == null ? List.of() : List.copyOf(tags);
        customFields = customFields == null ? List.of() : List.copyOf(customFields);
    }

    /** A draft with a subject and a public first comment. */
    public static TicketDraft of(String subject, String description) {
        return new TicketDraft(subject, NewComment.publicComment(description), null, null, null, null, null, null,
                null, null, null, List.of(), List.of());
    }

    /** Replaces the first comment. */
    public TicketDraft withComment(NewComment newComment) {
        return new TicketDraft(subject, newComment, status, priority, type, externalId, requesterId, requester,
                assigneeId, groupId, dueAt, tags, customFields);
    }

    /** Sets the initial status. */
    public TicketDraft withStatus(ZendeskStatus newStatus) {
        return new TicketDraft(subject, comment, newStatus, priority, type, externalId, requesterId, requester,
                assigneeId, groupId, dueAt, tags, customFields);
    }

    /** Sets the priority. */
    public TicketDraft withPriority(ZendeskPriority newPriority) {
        return new TicketDraft(subject, comment, status, newPriority, type, externalId, requesterId, requester,
                assigneeId, groupId, dueAt, tags, customFields);
    }

    /** Sets the type. */
    public TicketDraft withType(ZendeskTicketType newType) {
        return new TicketDraft(subject, comment, status, priority, newType, externalId, requesterId, requester,
                assigneeId, groupId, dueAt, tags, customFields);
    }

    /** Sets the external id. */
    public TicketDraft withExternalId(String newExternalId) {
        return new TicketDraft(subject, comment, status, priority, type, newExternalId, requesterId, requester,
                assigneeId, groupId, dueAt, tags, customFields);
    }

    /** Sets the requester by id. */
    public TicketDraft withRequesterId(Long newRequesterId) {
        return new TicketDraft(subject, comment, status, priority, type, externalId, newRequesterId, requester,
                assigneeId, groupId, dueAt, tags, customFields);
    }

    /** Sets the requester by e-mail (created as an end-user when unknown). */
    public TicketDraft withRequester(String name, String email) {
        return new TicketDraft(subject, comment, status, priority, type, externalId, requesterId,
                new Requester(name, email), assigneeId, groupId, dueAt, tags, customFields);
    }

    /** Sets the assignee. */
    public TicketDraft withAssigneeId(Long newAssigneeId) {
        return new TicketDraft(subject, comment, status, priority, type, externalId, requesterId, requester,
                newAssigneeId, groupId, dueAt, tags, customFields);
    }

    /** Sets the group. */
    public TicketDraft withGroupId(Long newGroupId) {
        return new TicketDraft(subject, comment, status, priority, type, externalId, requesterId, requester,
                assigneeId, newGroupId, dueAt, tags, customFields);
    }

    /** Sets the due date. */
    public TicketDraft withDueAt(Instant newDueAt) {
        return new TicketDraft(subject, comment, status, priority, type, externalId, requesterId, requester,
                assigneeId, groupId, newDueAt, tags, customFields);
    }

    /** Sets the tags. */
    public TicketDraft withTags(String... newTags) {
        return new TicketDraft(subject, comment, status, priority, type, externalId, requesterId, requester,
                assigneeId, groupId, dueAt, List.of(newTags), customFields);
    }

    /** Adds (or replaces) one custom field value. */
    public TicketDraft withCustomField(CustomField field) {
        List<CustomField> copy = new ArrayList<>(customFields);
        copy.removeIf(f -> f.id() == field.id());
        copy.add(field);
        return new TicketDraft(subject, comment, status, priority, type, externalId, requesterId, requester,
                assigneeId, groupId, dueAt, tags, copy);
    }
}
