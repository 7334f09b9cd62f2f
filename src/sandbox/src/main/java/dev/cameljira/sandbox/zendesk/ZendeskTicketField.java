package dev.cameljira.sandbox.zendesk;

import java.time.Instant;
import java.util.List;

/**
 * A ticket field ({@code GET /api/v2/ticket_fields}): one of the system fields every account has (subject,
 * description, status, tickettype, priority, group, assignee) or a custom field an admin added. Tickets carry custom
 * field values as {@code custom_fields: [{"id": <this id>, "value": ...}]}.
 *
 * @param id          field id
 * @param type        Zendesk's type: a system type, or text, textarea, checkbox, date, integer, decimal, regexp,
 *                    tagger (drop-down) or multiselect
 * @param title       title
 * @param description description
 * @param position    display position (system fields first)
 * @param active      whether the field is available
 * @param required    whether agents must fill it in
 * @param system      true for the account's system fields (not removable)
 * @param options     the choices of a tagger or multiselect field ({@code custom_field_options}) or of a status,
 *                    tickettype or priority system field ({@code system_field_options}); empty otherwise
 * @param createdAt   creation time
 * @param updatedAt   last change
 */
public record ZendeskTicketField(long id, String type, String title, String description, int position,
                                 boolean active, boolean required, boolean system, List<Option> options,
                                 Instant createdAt, Instant updatedAt) {

    /** Defensive copy. */
    public ZendeskTicketField {
        options = options == null ? List.of() : List.copyOf(options);
    }

    /**
     * One choice of a field.
     *
     * @param id    option id (0 for system field options, which have none)
     * @param name  the name shown
     * @param value the value tickets carry (and, for tagger and multiselect fields, the tag Zendesk adds)
     */
    public record Option(long id, String name, String value) {
    }
}
