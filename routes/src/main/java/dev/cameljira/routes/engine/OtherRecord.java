package dev.cameljira.routes.engine;

import java.time.Instant;
import java.util.List;

/**
 * A Zendesk ticket or a ServiceNow incident as the sync sees it.
 *
 * @param id          the id the API addresses it by (ticket id, incident sys_id)
 * @param number      what people call it (12, INC0010001)
 * @param url         where an agent opens it
 * @param summary     subject / short_description
 * @param description the first comment / description
 * @param status      canonical status (Zendesk status in lower case, ServiceNow state number)
 * @param priority    canonical priority (lower case / number), null when none
 * @param type        ticket type / incident category, null when none
 * @param assignee    assigned agent, null when unassigned
 * @param requester   requester / caller, null when unknown
 * @param tags        tags (Zendesk) or nothing
 * @param linkedKey   the Jira key it is linked to (external_id / correlation_id), null when not linked
 * @param createdAt   creation time
 * @param updatedAt   last update time (updated_at / sys_updated_on)
 * @param readOnly    true when the record can no longer be changed (a closed Zendesk ticket)
 * @param facts       what the selector looks at (system specific)
 */
public record OtherRecord(String id, String number, String url, String summary, String description, String status,
                          String priority, String type, Person assignee, Person requester, List<String> tags,
                          String linkedKey, Instant createdAt, Instant updatedAt, boolean readOnly, Object facts) {

    public OtherRecord {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
