package dev.cameljira.sandbox.zendesk;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A Zendesk ticket as the emulator stores it (comments are kept apart; see {@link ZendeskEmulator#comments(long)}).
 *
 * @param id                 ticket id
 * @param externalId         optional external id (not unique, like in Zendesk)
 * @param type               optional type
 * @param subject            subject (may be null)
 * @param description        the first comment's body (read-only after creation)
 * @param status             status
 * @param priority           optional priority
 * @param requesterId        requester user id
 * @param submitterId        submitter user id
 * @param assigneeId         optional assignee (an agent or admin)
 * @param groupId            optional group id
 * @param tags               tags, lower-case, without duplicates
 * @param customFields       custom field values, by ascending id
 * @param isPublic           whether the first comment was public
 * @param dueAt              optional due date (task tickets)
 * @param createdAt          creation time
 * @param updatedAt          last change that made an audit
 * @param generatedTimestamp unix seconds of the last change of any kind (drives the incremental exports)
 */
public record ZendeskTicket(long id, String externalId, ZendeskTicketType type, String subject, String description,
                            ZendeskStatus status, ZendeskPriority priority, long requesterId, long submitterId,
                            Long assigneeId, Long groupId, List<String> tags, List<CustomField> customFields,
                            boolean isPublic, Instant dueAt, Instant createdAt, Instant updatedAt,
                            long generatedTimestamp) {

    /** Defensive copies of the lists. */
    public ZendeskTicket {
        tags = List.copyOf(tags);
        customFields = List.copyOf(customFields);
    }

    /** The value of one custom field, when set. */
    public Optional<CustomField> customField(long fieldId) {
        return customFields.stream().filter(f -> f.id() == fieldId).findFirst();
    }
}
